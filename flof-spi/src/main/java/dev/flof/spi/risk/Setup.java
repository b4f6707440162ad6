package dev.flof.spi.risk;

import dev.flof.spi.market.Side;
import dev.flof.spi.structure.Bias;
import java.util.Map;

/**
 * A candidate trade as the engine saw it when it became knowable ({@code tsKnown}); graders score it.
 *
 * @param sweptPool       kind of the major pool swept just before the POI tap (e.g. {@code PDL}), or null
 * @param poiTouches      prior touches of the POI (0 = fresh)
 * @param chochDisplacement 1-minute CHOCH with displacement (large bodies leaving a 1-minute FVG)
 * @param killZone        name of the kill zone the setup is in, or null
 * @param extra           further facts for third-party graders; the host's engine always sets the map's bias per
 *                        timeframe as {@code bias.<label>} (e.g. {@code bias.1W = BULLISH}) and {@code weeklyBias}
 */
public record Setup(String id, String symbol, Side direction, long tsKnown, Bias htfBias, String sweptPool,
                    int poiTouches, boolean chochDisplacement, boolean cvdDivergence, boolean stackedImbalance,
                    boolean absorption, String killZone, long entryPrice, long stopPrice, Map<String, String> extra) {
    public Setup {
        extra = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(extra));
    }
}
