package dev.flof.spi.event;

import dev.flof.spi.market.Fixed;

/** Top of book. A missing side has price {@link Fixed#UNDEF} and size 0. */
public record Quote(String symbol, long tsEvent, long tsRecv, long sequence,
                   long bidPrice, long bidSize, long askPrice, long askSize) implements Event {
    public boolean twoSided() {
        return bidPrice != Fixed.UNDEF && askPrice != Fixed.UNDEF;
    }

    /** Spread in fixed-point, or {@link Fixed#UNDEF} when one side is missing. */
    public long spread() {
        return twoSided() ? askPrice - bidPrice : Fixed.UNDEF;
    }
}
