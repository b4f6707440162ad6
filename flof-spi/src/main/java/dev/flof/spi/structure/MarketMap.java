package dev.flof.spi.structure;

import dev.flof.spi.market.Timeframe;
import java.util.List;
import java.util.Map;

/**
 * The queryable map of one instrument as of {@code asOf}: only facts knowable at that time.
 *
 * @param premiumDiscount position of the last price in the current dealing range, 0 (low) to 1 (high), or NaN
 */
public record MarketMap(String symbol, long asOf, long lastPrice, Map<Timeframe, Bias> bias,
                        List<PointOfInterest> pois, List<LiquidityPool> pools, double premiumDiscount) {
    public MarketMap {
        // Timeframe order, the same in every run (unlike Map.copyOf's iteration order).
        java.util.EnumMap<Timeframe, Bias> ordered = new java.util.EnumMap<>(Timeframe.class);
        ordered.putAll(bias);
        bias = java.util.Collections.unmodifiableMap(ordered);
        pois = List.copyOf(pois);
        pools = List.copyOf(pools);
    }

    public Bias bias(Timeframe timeframe) {
        return bias.getOrDefault(timeframe, Bias.RANGING);
    }
}
