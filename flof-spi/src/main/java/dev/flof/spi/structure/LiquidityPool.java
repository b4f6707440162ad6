package dev.flof.spi.structure;

import dev.flof.spi.market.Timeframe;

/**
 * Resting liquidity at a level: swing highs/lows, equal highs/lows, previous day/week/month levels,
 * session highs/lows, the weekend range, the initial balance.
 *
 * @param kind      e.g. {@code PDH}, {@code PDL}, {@code ASIA_HIGH}, {@code SWING_LOW}, {@code EQH}, {@code IB_HIGH}
 * @param side      +1 buy-side liquidity (above price: stops of shorts), -1 sell-side
 * @param state     {@code ACTIVE}, {@code SWEPT} (wick beyond, close back inside) or {@code BROKEN}
 * @param eventTime when it was swept or broken, else 0
 */
public record LiquidityPool(String id, Timeframe timeframe, String kind, int side, long price, long knownTime,
                            String state, long eventTime) {
}
