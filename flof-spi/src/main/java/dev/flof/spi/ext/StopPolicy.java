package dev.flof.spi.ext;

import dev.flof.spi.market.Instrument;
import dev.flof.spi.risk.ProtectionPlan;
import dev.flof.spi.risk.Setup;
import dev.flof.spi.structure.MarketMap;

/** Places the initial hard stop and first target for a setup. */
public interface StopPolicy extends FlofExtension {
    /**
     * @param atr1m ATR of the 1-minute chart, fixed-point price distance
     * @param flow  the order-flow engine, for volume profiles of the structural leg
     */
    ProtectionPlan protect(Setup setup, Instrument instrument, MarketMap map, FlowAnalyzer.Engine flow, long atr1m);
}
