package dev.flof.spi.structure;

import dev.flof.spi.market.Timeframe;

/**
 * A zone price should react to: an order block, a fair value gap, a breaker.
 *
 * @param direction +1 demand (bullish, expect buyers), -1 supply
 * @param touches   how often price has come back into it (0 = fresh)
 * @param state     lifecycle state, e.g. {@code ACTIVE}, {@code TOUCHED}, {@code MITIGATED}
 */
public record PointOfInterest(String id, Timeframe timeframe, String kind, int direction, long top, long bottom,
                              long knownTime, int touches, String state) {
    public boolean contains(long price) {
        return price >= bottom && price <= top;
    }
}
