package dev.flof.host.engine;

import static dev.flof.host.engine.Scenario.px;
import static dev.flof.host.engine.Scenario.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.journal.Journal;
import dev.flof.host.plugin.PluginHost;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.PositionSizer;
import dev.flof.spi.ext.StopPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The A+ long of {@link PredatorScenarioTest} with the bundled risk plugin loaded through PF4J as the product
 * loads it: the default rubric, the risk-budget sizer, the LVN-moat stop, the hybrid-shield exit manager and
 * the layered circuit breaker, around the scripted structure and flow.
 */
class RealRiskPluginScenarioTest {
    static final Path BUNDLED = Path.of(System.getProperty("flof.plugins.dir", "../plugins"));

    @Test
    void theBundledRiskPluginGradesSizesProtectsAndManagesTheAPlusLong() {
        try (PluginHost host = PluginHost.start(BUNDLED)) {
            ConfluenceGrader rubric = host.require(ConfluenceGrader.class, "default-rubric", "engine.graders[0]");
            PositionSizer sizer = host.require(PositionSizer.class, "risk-budget", "engine.sizer");
            StopPolicy stops = host.require(StopPolicy.class, "lvn-moat", "engine.stopPolicy");
            ExitManager.Manager exits = host.require(ExitManager.class, "hybrid-shield", "engine.exitManager")
                    .open(Scenario.ES, new Params("risk.exitParams", Map.of()));
            CircuitBreaker.Guard layered = host.require(CircuitBreaker.class, "layered", "engine.breakerMode")
                    .create(new Params("risk.breakerParams", Map.of("overlord.equity", "100000",
                            "overlord.maxPositionSize.ESZ5", "10", "overlord.pointValue.ESZ5", "50",
                            "overlord.tradingDayZone", "America/New_York", "overlord.tradingDayStart", "18:00",
                            // the simulated venue answers a command at the next print (10 s later on this sparse
                            // tape); with the default 2,000 ms the overlord's ack pillar would go REDUCE_ONLY
                            "overlord.maxAckLatencyMs", "60000", "quarantine.tickSize.ESZ5", "0.25")));
            Rig rig = new Rig(PredatorScenarioTest.aPlusLong(true).trades("10:05:00", 60, "5008", "5003", "5001"), Rig.defaults(), layered, exits, List.of(rubric), sizer, stops)
                    .run();
            Journal.GradedSetup setup = rig.onlySetup();
            assertEquals("A+", setup.grade(), setup.factors().toString());
            assertEquals(10, setup.points());
            assertTrue(setup.taken(), setup.reason());
            // ATR(1m) at the 09:59:00 decision: 2.00 warm-up, then true ranges 6.5, 3.5, 3.75 -> 2.5016. lvn-moat
            // without a volume profile falls back to the POI edge - 0.5 x ATR = 4998.749, rounded away from the market
            // to 4998.50; risk 4.50, target 3R = 5016.50
            assertTrue(setup.reason().contains("stop 4998.5, target 5016.5 (fallback"), setup.reason());
            // risk-budget: 1,500 / (4.50 x 50) = 6.67 -> 6, capped by the gap rule: the position must survive a gap of
            // max(3 x ATR = 7.505, the 10-point floor) = 10 beyond the stop within the 3,000 loss budget left:
            // 3,000 / ((4.5 + 10) x 50) = 4.14 -> 4
            Journal.TradeRecord tr = rig.journal.trades().get(0);
            assertEquals(t("10:00:00"), tr.entryTs());
            assertEquals(px("5003"), tr.entryPrice());
            assertEquals(px("4998.5"), tr.initialStop());
            assertEquals(dev.flof.spi.market.Fixed.ofUnits(4), tr.quantity());
            assertEquals(List.of("entry", "scale-out", "exit"), tr.parts().stream().map(Journal.TradePart::kind).toList());
            // hybrid-shield phase 1 at 2R = 5012.00 (the 10:02:00 print): half at market, filled by the next print
            // (10:03:00, 5013.75: R = 10.75 / 4.5 = 2.39); the stop to breakeven + 1 tick = 5003.25 on the other half
            Journal.TradePart half = tr.parts().get(1);
            assertEquals(t("10:03:00"), half.ts());
            assertEquals(px("5013.75"), half.price());
            assertEquals(dev.flof.spi.market.Fixed.ofUnits(2), half.quantity());
            assertEquals(2.39, half.rMultiple());
            // the 10:06:00 print at 5003.00 goes through the 5003.25 stop: filled at the print
            Journal.TradePart last = tr.parts().get(2);
            assertEquals(t("10:06:00"), last.ts());
            assertEquals(px("5003"), last.price());
            assertEquals("trailed stop (breakeven or better)", tr.exitRule());
            assertEquals(1.19, tr.rMultiple(), "(2.389 x 2 + 0 x 2) / 4");
            assertEquals(dev.flof.spi.market.Fixed.ofUnits(1_075), tr.pnl() + tr.fees(), "10.75 x 2 x 50");
            assertTrue(rig.oms.rejectedExits().isEmpty(), rig.oms.rejectedExits().toString());
            assertTrue(rig.journal.breakerEntries().isEmpty(), "the layered breaker saw nothing to act on: "
                    + rig.journal.breakerEntries());
            assertTrue(rig.venue.positions().isEmpty());
            assertTrue(rig.venue.openOrders().isEmpty(), rig.venue.openOrders().toString());
        }
    }
}
