package dev.flof.spi.order;

public enum OrderType {
    MARKET,
    LIMIT,
    /** Stop-market: triggers on the first print through {@code stopPrice}, fills at that print or worse. */
    STOP,
    /** Stop-limit: triggers like a stop, then rests at {@code limitPrice} (may be skipped by a gap). */
    STOP_LIMIT
}
