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
 * @param biasLength      pivot length of the {@link FractalBias} that decides a timeframe's bias while neither
 *                        structure level has a break yet (default 2, the 5-bar fractal; 0 = no fallback, the
 *                        bias stays RANGING until a level breaks)
 */
public record MatrixConfig(List<Timeframe> poiTimeframes, Timeframe rangeTimeframe, int maxPois, int poolsPerSide,
                           int biasLength) {
    /** Default fractal bias length: the 5-bar (Williams) fractal, two bars on each side. */
    public static final int DEFAULT_BIAS_LENGTH = 2;

    public MatrixConfig {
        poiTimeframes = List.copyOf(poiTimeframes);
        if (biasLength < 0) {
            throw new IllegalArgumentException("map.biasLength must be >= 0, got " + biasLength);
        }
    }

    /** With the default fractal bias length. */
    public MatrixConfig(List<Timeframe> poiTimeframes, Timeframe rangeTimeframe, int maxPois, int poolsPerSide) {
        this(poiTimeframes, rangeTimeframe, maxPois, poolsPerSide, DEFAULT_BIAS_LENGTH);
    }

    public static MatrixConfig defaults() {
        return new MatrixConfig(List.of(Timeframe.H1, Timeframe.M15), Timeframe.H4, 20, 5, DEFAULT_BIAS_LENGTH);
    }

    public static MatrixConfig fromParams(Params p) {
        List<Timeframe> pois = new ArrayList<>();
        for (String s : p.string("map.poiTimeframes", "1H,15m").split(",")) {
            if (!s.isBlank()) {
                pois.add(parse(p, "map.poiTimeframes", s));
            }
        }
        return new MatrixConfig(pois, parse(p, "map.rangeTimeframe", p.string("map.rangeTimeframe", "4H")),
                (int) p.integer("map.maxPois", 20), (int) p.integer("map.poolsPerSide", 5),
                biasLength(p));
    }

    private static int biasLength(Params p) {
        long v = p.integer("map.biasLength", DEFAULT_BIAS_LENGTH);
        if (v < 0 || v > 1000) {
            throw new IllegalArgumentException(p.path() + ".map.biasLength: expected 0 (off) to 1000, got " + v);
        }
        return (int) v;
    }

    private static Timeframe parse(Params p, String key, String v) {
        try {
            return Timeframe.ofLabel(v.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(p.path() + "." + key + ": " + e.getMessage());
        }
    }
}
