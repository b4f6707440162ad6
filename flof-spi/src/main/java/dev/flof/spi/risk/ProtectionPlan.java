package dev.flof.spi.risk;

/**
 * The initial protection of a trade: the hard stop and first target sent with the entry as one bracket.
 *
 * @param reason how the stop was placed (e.g. "beyond LVN zone 4490.25-4491.00 - 0.5 ATR" or the fallback)
 */
public record ProtectionPlan(long stopPrice, long targetPrice, String reason) {
}
