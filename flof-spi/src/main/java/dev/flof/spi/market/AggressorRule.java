package dev.flof.spi.market;

/** Which rule decided a trade's aggressor side (orderflow spec F0); reports count trades per rule. */
public enum AggressorRule {
    /** The venue said so (CME side field, Binance buyer-maker flag, MBO trade side). */
    VENUE,
    /** Quote rule: above the mid of the quote in force just before the trade is a buy. */
    QUOTE,
    /** Tick rule: up-tick is a buy; a zero tick keeps the previous sign. */
    TICK,
    /** Nothing could decide it (first trade of a stream on a zero tick). */
    UNKNOWN
}
