package dev.flof.spi.event;

/** What a market-data feed reports about itself. */
public record FeedStatus(String feedId, String symbol, long tsEvent, long tsRecv, long sequence,
                         Kind kind, String detail) implements Event {
    public enum Kind { CONNECTED, HEARTBEAT, GAP, STALE, DISCONNECTED, RECONNECTED, TIER_CHANGED }
}
