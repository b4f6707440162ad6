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

    @Override
    public Engine create(Instrument instrument, TradingCalendar calendar, Params params) {
        boolean crypto = instrument.profile() == MarketProfile.CRYPTO;
        SmcConfig.fromParams(params, instrument.tickSize(), crypto); // fail fast on bad keys, before the first bar
        java.util.Map<Timeframe, SmcConfig> byTf = new java.util.EnumMap<>(Timeframe.class);
        for (Timeframe tf : Timeframe.values()) {
            byTf.put(tf, SmcConfig.fromParams(params, instrument.tickSize(), crypto, tf.label()));
        }
        return new MatrixEngine(instrument, calendar, byTf::get, MatrixConfig.fromParams(params));
    }
}
