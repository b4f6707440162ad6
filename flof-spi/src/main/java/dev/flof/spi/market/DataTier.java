package dev.flof.spi.market;

/** The data a feed streams for an instrument: the cost valve (architecture, "Data tiers"). */
public enum DataTier {
    /** Nothing: outside the instrument's trading windows. */
    OFF,
    /** 1-minute bars only (Databento {@code ohlcv-1m}). */
    BARS,
    /** Trades and top of book (Databento {@code trades} + {@code tbbo}). */
    TAPE,
    /** Tape plus book depth (Databento {@code mbp-10}). */
    DEPTH
}
