package dev.flof.smc.engine;

import dev.flof.spi.ext.Params;
import java.util.List;
import java.util.Locale;

/**
 * Every parameter of the structure engine (spec §6 and §8). Two presets: {@link #parity(int)} pins the
 * behaviour of the Python {@code smartmoneyconcepts} library for golden tests (§7.1), {@link #defaults()} is
 * the trading default (internal 5 / swing 50, symmetric causal pivots). Prices thresholds are fixed-point.
 *
 * @param levels   structure levels, e.g. internal and swing; level 0 is the first
 * @param atrLength ATR length (Wilder smoothing) used by ATR-based filters and tolerances
 */
public record SmcConfig(List<Level> levels, OrderBlocks orderBlocks, Fvgs fvgs, Pools pools, Range range,
                        int atrLength) {

    public SmcConfig {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("at least one structure level is required");
        }
        if (atrLength < 1) {
            throw new IllegalArgumentException("atrLength must be >= 1, got " + atrLength);
        }
        if (range.level() >= levels.size()) {
            throw new IllegalArgumentException("range.level " + range.level() + " does not exist (" + levels.size() + " levels)");
        }
    }

    /** How ties inside the pivot window are treated. */
    public enum TiePolicy {
        /** {@code >=} on both sides (library parity: equal highs do not prevent a pivot). */
        INCLUSIVE,
        /** {@code >} on the left, {@code >=} on the right: of a run of equal highs the first is the pivot. */
        STRICT_LEFT
    }

    /** What must go beyond a swing for a break: the close (body close, the common ICT rule) or any wick. */
    public enum BreakOn { CLOSE, WICK }

    public enum ObSelection {
        /** Lowest low (bullish) strictly between the swing and the break bar, last on ties (library parity). */
        EXTREME_BETWEEN,
        /** The last opposite-coloured candle between the swing and the break bar (ICT). */
        LAST_OPPOSITE_CANDLE,
        /** Lowest low in {@code [swing, break)}, first on ties, skipping bars with range >= volMult x ATR (LuxAlgo-like). */
        EXTREME_INCL_PIVOT_VOLFILTER
    }

    /** Order-block zone: the candle's full range or its body only. */
    public enum Zone { WICK, BODY }

    /** Price that invalidates a zone: any wick through it, a close through it, or the body (min/max of open, close). */
    public enum Source { WICK, CLOSE, BODY }

    /**
     * One structure level.
     *
     * @param name          e.g. {@code internal} or {@code swing}; pools from it are named {@code NAME_HIGH}
     * @param left          bars left of the pivot ({@code Lb})
     * @param right         bars right of the pivot ({@code Rb}); the pivot is confirmed at its close + right bars
     * @param minPivotIndex earliest pivot position (parity: 2L-1)
     * @param highWins      a bar that is both a pivot high and low counts as a high only (else both, low first)
     * @param minBreak      absolute extra distance a break must exceed (fixed-point), 0 = none
     * @param minBreakAtr   extra distance in ATRs, 0 = none
     * @param dedupAgainstParent suppress a break of this level's swing when the next level (its parent, e.g.
     *                      swing for internal) holds a swing at the same price: the parent reports that break
     * @param displacementAtr a break bar whose body is at least this many ATRs is flagged as displacement (0 = never)
     */
    public record Level(String name, int left, int right, int minPivotIndex, TiePolicy ties, boolean highWins,
                        BreakOn breakOn, long minBreak, double minBreakAtr, boolean dedupAgainstParent,
                        double displacementAtr) {
        public Level {
            if (left < 0 || right < 1) {
                throw new IllegalArgumentException("level " + name + ": left must be >= 0 and right >= 1, got " + left + "/" + right);
            }
        }

        public static Level symmetric(String name, int length) {
            return new Level(name, length, length, length, TiePolicy.STRICT_LEFT, true, BreakOn.CLOSE, 0, 0, false, 1.0);
        }
    }

    /**
     * @param mitigation     fraction of the zone price must penetrate for MITIGATED (0.5)
     * @param maxActivePerSide cap on tracked blocks per direction (0 = unbounded); the oldest expires first
     * @param maxAgeBars     expiry after this many bars from the break (0 = never)
     * @param volMult        volatility filter of EXTREME_INCL_PIVOT_VOLFILTER (bars with range >= volMult x ATR are skipped)
     */
    public record OrderBlocks(boolean enabled, ObSelection selection, Zone zone, Source invalidation, double mitigation,
                              int maxActivePerSide, int maxAgeBars, double volMult) {
    }

    /**
     * @param requireMiddleDirection library rule: the middle candle closes in the gap's direction
     * @param minGap            minimum gap size, fixed-point (0 = none)
     * @param minGapAtr         minimum gap in ATRs (0 = none)
     * @param displacement      LuxAlgo-like filter: middle close beyond the first candle's extreme and
     *                          |body %| > dispMult x running mean |body %|
     * @param join              merge gaps on consecutive middle candles of the same direction
     */
    public record Fvgs(boolean enabled, boolean requireMiddleDirection, long minGap, double minGapAtr,
                       boolean displacement, double dispMult, boolean join, int maxActivePerSide, int maxAgeBars) {
    }

    /**
     * @param swingPools     a pool per confirmed swing of every level
     * @param eqLength       pivot length of the equal-highs/lows stream (symmetric), 0 = off
     * @param eqAtrMult      tolerance in ATRs at the confirming pivot (used when eqAbs is 0)
     * @param eqAbs          fixed tolerance, fixed-point (0 = use ATR)
     * @param sweepBuffer    a pool is taken when price trades beyond level + buffer (fixed-point)
     * @param sweepConfirmBars bars after the first trade beyond in which a close back inside still makes a sweep
     * @param periods        previous day/week/month pools (needs a calendar)
     * @param sessions       session high/low pools from the calendar's session windows
     * @param weekend        crypto weekend high/low (Saturday 00:00 to Monday 00:00 in the calendar zone)
     * @param libraryEq      parity only (spec §7.4 rule 9): equal highs/lows grouped as the library does, over
     *                       the swings of level 0 with the fixed tolerance {@code eqAbs}: a swing joins the
     *                       earliest group whose first member is within tolerance and was not swept (high >=
     *                       first + eqAbs) before the swing's bar; the pool is taken at that sweep
     */
    public record Pools(boolean swingPools, int eqLength, double eqAtrMult, long eqAbs, long sweepBuffer,
                        int sweepConfirmBars, boolean periods, boolean sessions, boolean weekend, boolean libraryEq) {
    }

    /**
     * Dealing range: the level whose swings anchor it, the OTE band and the equilibrium band (fractions).
     *
     * @param trailing LuxAlgo-like: each new swing resets its side of the range, which is then extended by every
     *                 new high/low (else the range is the last confirmed swing low and high)
     */
    public record Range(int level, double oteLow, double oteHigh, double eqBand, boolean trailing) {
    }

    /** Library parity (spec §7.1) with swing length {@code L}: one level, window [p-L+1, p+L], ties count. */
    public static SmcConfig parity(int swingLength) {
        return parity(swingLength, false);
    }

    public static SmcConfig parity(int swingLength, boolean joinFvg) {
        return parity(swingLength, joinFvg, 0);
    }

    /**
     * Parity with the library's equal highs/lows grouping at the fixed tolerance {@code eqAbs} (fixed-point;
     * 0 = off), e.g. {@code counts["liquidity@L"].pip_range} of a golden file.
     */
    public static SmcConfig parity(int swingLength, boolean joinFvg, long eqAbs) {
        if (swingLength < 1) {
            throw new IllegalArgumentException("swing length must be >= 1, got " + swingLength);
        }
        Level l = new Level("swing", swingLength - 1, swingLength, 2 * swingLength - 1, TiePolicy.INCLUSIVE, true,
                BreakOn.CLOSE, 0, 0, false, 1.0);
        return new SmcConfig(List.of(l),
                new OrderBlocks(true, ObSelection.EXTREME_BETWEEN, Zone.WICK, Source.WICK, 0.5, 0, 0, 2.0),
                new Fvgs(true, true, 0, 0, false, 2.0, joinFvg, 0, 0),
                new Pools(true, 0, 0.1, eqAbs, 0, 0, false, false, false, eqAbs > 0),
                new Range(0, 0.62, 0.79, 0.0, false), 200);
    }

    /** Trading defaults: internal 5 and swing 50 (symmetric, causal), body-close breaks, wick zones. */
    public static SmcConfig defaults() {
        return new SmcConfig(List.of(Level.symmetric("internal", 5), Level.symmetric("swing", 50)),
                new OrderBlocks(true, ObSelection.EXTREME_BETWEEN, Zone.WICK, Source.WICK, 0.5, 50, 0, 2.0),
                new Fvgs(true, true, 0, 0, false, 2.0, false, 50, 0),
                new Pools(true, 3, 0.1, 0, 0, 0, true, true, false, false),
                new Range(1, 0.62, 0.79, 0.0, false), 200);
    }

    /**
     * Reads a config from extension params (keys relative to the plugin's section), starting from
     * {@link #defaults()}. {@code tick} converts tick-denominated keys ({@code *.ticks}) to prices.
     */
    public static SmcConfig fromParams(Params p, long tick, boolean crypto) {
        return fromParams(p, tick, crypto, null);
    }

    /**
     * As {@link #fromParams(Params, long, boolean)} for one timeframe: {@code internal.length@1D} and
     * {@code swing.length@1D} (any timeframe label) override the lengths for that timeframe only.
     */
    public static SmcConfig fromParams(Params p, long tick, boolean crypto, String timeframeLabel) {
        SmcConfig d = defaults();
        int internal = (int) p.integer("internal.length", 5);
        int swing = (int) p.integer("swing.length", 50);
        if (timeframeLabel != null) {
            internal = (int) p.integer("internal.length@" + timeframeLabel, internal);
            swing = (int) p.integer("swing.length@" + timeframeLabel, swing);
        }
        BreakOn breakOn = parseEnum(p, "breakOn", BreakOn.class, BreakOn.CLOSE);
        TiePolicy ties = parseEnum(p, "tiePolicy", TiePolicy.class, TiePolicy.STRICT_LEFT);
        long minBreak = p.integer("minBreak.ticks", 0) * tick;
        double minBreakAtr = p.decimal("minBreak.atr", 0);
        double disp = p.decimal("displacement.atr", 1.0);
        Level li = new Level("internal", internal, internal, internal, ties, true, breakOn, minBreak, minBreakAtr,
                p.flag("internal.dedupAgainstSwing", false), disp);
        Level ls = new Level("swing", swing, swing, swing, ties, true, breakOn, minBreak, minBreakAtr, false, disp);
        OrderBlocks ob = new OrderBlocks(p.flag("ob.enabled", true),
                parseEnum(p, "ob.selection", ObSelection.class, d.orderBlocks.selection()),
                parseEnum(p, "ob.zone", Zone.class, d.orderBlocks.zone()),
                parseEnum(p, "ob.invalidation", Source.class, d.orderBlocks.invalidation()),
                p.decimal("ob.mitigation", 0.5), (int) p.integer("ob.maxActivePerSide", 50),
                (int) p.integer("ob.maxAgeBars", 0), p.decimal("ob.volMult", 2.0));
        Fvgs fvg = new Fvgs(p.flag("fvg.enabled", true), p.flag("fvg.requireMiddleDirection", true),
                p.integer("fvg.minGap.ticks", 0) * tick, p.decimal("fvg.minGap.atr", 0),
                p.flag("fvg.displacement", false), p.decimal("fvg.dispMult", 2.0), p.flag("fvg.join", false),
                (int) p.integer("fvg.maxActivePerSide", 50), (int) p.integer("fvg.maxAgeBars", 0));
        Pools pools = new Pools(p.flag("pools.swing", true), (int) p.integer("eq.length", 3),
                p.decimal("eq.atrMult", 0.1), p.integer("eq.ticks", 0) * tick, p.integer("sweep.bufferTicks", 0) * tick,
                (int) p.integer("sweep.confirmBars", 0), p.flag("pools.periods", true), p.flag("pools.sessions", true),
                p.flag("pools.weekend", crypto), false);
        Range range = new Range(p.string("range.level", "swing").equals("internal") ? 0 : 1,
                p.decimal("ote.low", 0.62), p.decimal("ote.high", 0.79), p.decimal("range.eqBand", 0.0),
                p.string("range.mode", "swings").trim().equalsIgnoreCase("trailing"));
        return new SmcConfig(List.of(li, ls), ob, fvg, pools, range, (int) p.integer("atrLength", 200));
    }

    private static <E extends Enum<E>> E parseEnum(Params p, String key, Class<E> type, E dflt) {
        String v = p.string(key, null);
        if (v == null) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(p.path() + "." + key + ": expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + v + "'");
        }
    }
}
