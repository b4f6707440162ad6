package dev.flof.smc.mtf;

import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Timeframe;
import java.util.ArrayList;
import java.util.List;

/**
 * What the multi-timeframe map shows: which timeframes provide points of interest, which one anchors the
 * premium/discount reading, and how many POIs and pools to list.
 *
 * @param poiTimeframes   timeframes whose order blocks and FVGs become POIs (default 1H, 15m)
 * @param rangeTimeframe  timeframe whose dealing range gives {@code premiumDiscount} (default 4H)
 * @param maxPois         cap on listed POIs (best ranked first)
 * @param poolsPerSide    nearest active pools listed above and below the last price
 */
public record MatrixConfig(List<Timeframe> poiTimeframes, Timeframe rangeTimeframe, int maxPois, int poolsPerSide) {
    public MatrixConfig {
        poiTimeframes = List.copyOf(poiTimeframes);
    }

    public static MatrixConfig defaults() {
        return new MatrixConfig(List.of(Timeframe.H1, Timeframe.M15), Timeframe.H4, 20, 5);
    }

    public static MatrixConfig fromParams(Params p) {
        List<Timeframe> pois = new ArrayList<>();
        for (String s : p.string("map.poiTimeframes", "1H,15m").split(",")) {
            if (!s.isBlank()) {
                pois.add(parse(p, "map.poiTimeframes", s));
            }
        }
        return new MatrixConfig(pois, parse(p, "map.rangeTimeframe", p.string("map.rangeTimeframe", "4H")),
                (int) p.integer("map.maxPois", 20), (int) p.integer("map.poolsPerSide", 5));
    }

    private static Timeframe parse(Params p, String key, String v) {
        try {
            return Timeframe.ofLabel(v.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(p.path() + "." + key + ": " + e.getMessage());
        }
    }
}
