package dev.flof.spi.market;

/** The two kinds of market FLOF trades; a profile in the config, not a code path. */
public enum MarketProfile {
    /** CME equity index futures: Globex calendar, RTH, initial balance, contracts. */
    ES,
    /** Crypto: UTC, 24/7, weekend window, fractional base-unit quantities. */
    CRYPTO
}
