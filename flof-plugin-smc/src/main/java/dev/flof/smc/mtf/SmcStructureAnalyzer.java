package dev.flof.smc.mtf;

import dev.flof.smc.engine.SmcConfig;
import dev.flof.spi.calendar.TradingCalendar;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.StructureAnalyzer;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Timeframe;
import org.pf4j.Extension;

/**
 * The SMC structure analyzer (id {@code smc}): swings, BOS/CHOCH, order blocks, FVGs, liquidity pools and
 * premium/discount per timeframe, combined into the multi-timeframe {@link dev.flof.spi.structure.MarketMap}.
 * Parameters: see {@link SmcConfig#fromParams} (lengths can be set per timeframe, {@code swing.length@1D})
 * and {@link MatrixConfig#fromParams}.
 */
@Extension
public final class SmcStructureAnalyzer implements StructureAnalyzer {
    @Override
    public String id() {
        return "smc";
    }

    @Override
    public String description() {
        return "Smart Money Concepts: causal swings, BOS/CHOCH, order blocks, FVGs, liquidity pools, multi-timeframe map";
    }

    /** Every key {@link #create} understands; lengths may carry a {@code @<timeframe>} suffix. */
    public static final java.util.Set<String> KEYS = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(java.util.List.of(
            "internal.length", "swing.length", "tiePolicy", "breakOn", "minBreak.ticks", "minBreak.atr",
            "internal.dedupAgainstSwing", "displacement.atr",
            "ob.enabled", "ob.selection", "ob.zone", "ob.invalidation", "ob.mitigation", "ob.maxActivePerSide",
            "ob.maxAgeBars", "ob.volMult",
            "fvg.enabled", "fvg.requireMiddleDirection", "fvg.minGap.ticks", "fvg.minGap.atr", "fvg.displacement",
            "fvg.dispMult", "fvg.join", "fvg.maxActivePerSide", "fvg.maxAgeBars",
            "pools.swing", "pools.periods", "pools.sessions", "pools.weekend", "eq.length", "eq.atrMult", "eq.ticks",
            "sweep.bufferTicks", "sweep.confirmBars",
            "range.level", "range.mode", "range.eqBand", "ote.low", "ote.high", "atrLength",
            "map.poiTimeframes", "map.rangeTimeframe", "map.maxPois", "map.poolsPerSide", "map.biasLength")));

    @Override
    public Engine create(Instrument instrument, TradingCalendar calendar, Params params) {
        for (String k : params.values().keySet()) {
            int at = k.indexOf('@');
            String base = at < 0 ? k : k.substring(0, at);
            if (!KEYS.contains(base) || (at >= 0 && !(base.equals("internal.length") || base.equals("swing.length")))) {
                throw new IllegalArgumentException(params.path() + "." + k + ": unknown key (known: " + KEYS
                        + "; internal.length and swing.length may end in @<timeframe>)");
            }
            if (at >= 0) {
                try {
                    Timeframe.ofLabel(k.substring(at + 1));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(params.path() + "." + k + ": " + e.getMessage());
                }
            }
        }
        boolean crypto = instrument.profile() == MarketProfile.CRYPTO;
        SmcConfig.fromParams(params, instrument.tickSize(), crypto); // fail fast on bad keys, before the first bar
        java.util.Map<Timeframe, SmcConfig> byTf = new java.util.EnumMap<>(Timeframe.class);
        for (Timeframe tf : Timeframe.values()) {
            byTf.put(tf, SmcConfig.fromParams(params, instrument.tickSize(), crypto, tf.label()));
        }
        return new MatrixEngine(instrument, calendar, byTf::get, MatrixConfig.fromParams(params));
    }
}
