package dev.flof.spi.market;

/** Aggressor side of a trade, or the side of an order. */
public enum Side {
    BUY, SELL, NONE;

    public int sign() {
        return this == BUY ? 1 : this == SELL ? -1 : 0;
    }

    public Side opposite() {
        return this == BUY ? SELL : this == SELL ? BUY : NONE;
    }
}
