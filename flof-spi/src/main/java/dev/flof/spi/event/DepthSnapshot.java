package dev.flof.spi.event;

import java.util.List;

/** Book depth, best level first on each side. */
public record DepthSnapshot(String symbol, long tsEvent, long tsRecv, long sequence,
                            List<Level> bids, List<Level> asks) implements Event {
    public DepthSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** One price level: fixed-point price, size and order count (0 if unknown). */
    public record Level(long price, long size, int orders) {
    }
}
