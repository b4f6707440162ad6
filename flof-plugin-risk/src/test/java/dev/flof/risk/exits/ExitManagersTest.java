package dev.flof.risk.exits;

import static dev.flof.risk.TestInstruments.BTC;
import static dev.flof.risk.TestInstruments.ES;
import static dev.flof.risk.TestInstruments.px;
import static dev.flof.risk.exits.Paths.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.PositionView;
import dev.flof.spi.structure.LiquidityPool;
import dev.flof.spi.structure.MarketMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExitManagersTest {
    private static final List<ExitManager> INSTALLED =
            List.of(new FixedRExitManager(), new AtrTrailExitManager(), new HybridShieldExitManager());

    /** Selects a manager the way the host does: by the id the configuration names. */
    static ExitManager.Manager byConfig(String id, Map<String, String> params) {
        ExitManager em = INSTALLED.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return em.open(ES, new Params("exits." + id, params));
    }

    /** The crafted path: up through 2R (4508) to 4508.25, then back down through the initial stop (4496). */
    static List<Event> path() {
        return Paths.minutes("ESZ5",
                m("4500.00", "4502.00", "4503.00", "4502.50"),
                m("4504.00", "4506.00", "4508.25", "4507.00"),
                m("4505.00", "4503.00", "4500.25", "4495.50"));
    }

    private static MiniVenue longTwoEs() {
        return new MiniVenue(ES, Side.BUY, Fixed.ofUnits(2), px("4500.00"), px("4496.00"), px("4512.00"), Paths.T0);
    }

    @Test
    void switchingManagersByConfigGivesDifferentOutcomesOnTheSamePath() {
        MiniVenue fixed = longTwoEs();
        fixed.run(byConfig("fixed-r", Map.of()), path(), null);
        MiniVenue atr = longTwoEs();
        atr.run(byConfig("atr-trail", Map.of("atrPeriod", "2", "atrMultiple", "1.0")), path(), null);
        MiniVenue hybrid = longTwoEs();
        hybrid.run(byConfig("hybrid-shield", Map.of()), path(), null);

        // fixed-r: the 4496 stop is hit by the 4495.50 print: 2 x -18 ticks
        assertEquals(List.of("stop 2@4495.5"), fixed.fills);
        assertEquals(-36, fixed.pnlTicksLots);
        // atr-trail: ATR(2) after two bars = (3.00 + 5.75) / 2 = 4.375; best 4508.25 - 4.375 = 4503.875 -> 4503.75;
        // stopped by the 4503.00 print: 2 x +12 ticks
        assertEquals(List.of("stop 2@4503"), atr.fills);
        assertEquals(24, atr.pnlTicksLots);
        // hybrid-shield: 1 of 2 out at the 4508.25 print (>= 2R 4508), stop to 4500.25, stopped there: 33 + 1 ticks
        assertEquals(List.of("ESZ5-" + Paths.T0 + "-p1 1@4508.25", "stop 1@4500.25"), hybrid.fills);
        assertEquals(34, hybrid.pnlTicksLots);
    }

    @Test
    void hybridTakesHalfAt2RAndMovesStopToBreakevenPlusOneTick() {
        ExitManager.Manager mgr = byConfig("hybrid-shield", Map.of());
        PositionView p = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(4), px("4500.00"), px("4496.00"),
                px("4496.00"), "stop-1", Paths.T0);
        assertEquals(List.of(), mgr.onEvent(trade("4507.75", 1), p, null, null));
        List<OrderCommand> out = mgr.onEvent(trade("4508.00", 2), p, null, null);
        assertEquals(2, out.size(), out.toString());
        OrderCommand.Submit exit = (OrderCommand.Submit) out.get(0);
        assertEquals(Fixed.ofUnits(2), exit.order().quantity());
        assertEquals(Side.SELL, exit.order().side());
        assertTrue(exit.order().reduceOnly());
        assertEquals(new OrderCommand.Modify("ESZ5", "stop-1", 0, 0, px("4500.25")), out.get(1));
        // once only
        assertEquals(List.of(), mgr.onEvent(trade("4509.00", 3), p, null, null));
        // when the exit has filled, the stop is resized to what is left, once
        PositionView after = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(2), px("4500.00"), px("4496.00"),
                px("4500.25"), "stop-1", Paths.T0);
        assertEquals(List.of(new OrderCommand.Modify("ESZ5", "stop-1", Fixed.ofUnits(2), 0, 0)),
                mgr.onEvent(trade("4509.00", 4), after, null, null));
        assertEquals(List.of(), mgr.onEvent(trade("4509.25", 5), after, null, null));
    }

    @Test
    void hybridSizesAgainstTheActualPartiallyFilledQuantity() {
        // intended 4 contracts, 3 filled: 50 % of 3 = 1.5 -> 1 contract
        ExitManager.Manager mgr = byConfig("hybrid-shield", Map.of());
        PositionView p = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(3), px("4500.00"), px("4496.00"),
                px("4496.00"), "stop-1", Paths.T0);
        OrderCommand.Submit exit = (OrderCommand.Submit) mgr.onEvent(trade("4508.00", 1), p, null, null).get(0);
        assertEquals(Fixed.ofUnits(1), exit.order().quantity());
        // BTC: 0.005 -> 0.0025 -> 0.002 (lot 0.001)
        ExitManager.Manager btc = new HybridShieldExitManager().open(BTC, Params.empty("exits"));
        PositionView b = new PositionView("BTCUSDT", Side.BUY, px("0.005"), px("60000"), px("59800"), px("59800"),
                "stop-1", Paths.T0);
        List<OrderCommand> out = btc.onEvent(trade("BTCUSDT", "60400.0", 1), b, null, null);
        assertEquals(px("0.002"), ((OrderCommand.Submit) out.get(0)).order().quantity());
        assertEquals(new OrderCommand.Modify("BTCUSDT", "stop-1", 0, 0, px("60000.1")), out.get(1));
    }

    @Test
    void freeTradeStopGoesJustBehindTheNearestLvnWhenTighterThanBreakeven() {
        // zones left behind by the trade: [4503, 4504] -> 4502.75 (tighter than BE+1 4500.25); [4498, 4499] would be
        // looser than breakeven; [4509, 4510] is above the market
        LvnMoatStopPolicyTest.StubFlow flow = new LvnMoatStopPolicyTest.StubFlow(List.of(
                new long[] {px("4498.00"), px("4499.00")}, new long[] {px("4503.00"), px("4504.00")},
                new long[] {px("4509.00"), px("4510.00")}));
        ExitManager.Manager mgr = byConfig("hybrid-shield", Map.of());
        PositionView p = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(2), px("4500.00"), px("4496.00"),
                px("4496.00"), "stop-1", Paths.T0);
        List<OrderCommand> out = mgr.onEvent(trade("4508.00", 7), p, null, flow);
        assertEquals(new OrderCommand.Modify("ESZ5", "stop-1", 0, 0, px("4502.75")), out.get(1));
        assertEquals(1, flow.asked.size());
        assertEquals(Paths.T0, flow.asked.get(0)[0]);
        assertEquals(Paths.T0 + 7 * Paths.SEC, flow.asked.get(0)[1]);
        // only looser zones: breakeven + 1 tick
        LvnMoatStopPolicyTest.StubFlow loose = new LvnMoatStopPolicyTest.StubFlow(List.<long[]>of(
                new long[] {px("4498.00"), px("4499.00")}));
        ExitManager.Manager m2 = byConfig("hybrid-shield", Map.of());
        assertEquals(new OrderCommand.Modify("ESZ5", "stop-1", 0, 0, px("4500.25")),
                m2.onEvent(trade("4508.00", 7), p, null, loose).get(1));
    }

    @Test
    void tapeFailureBailoutFiresAt85PercentSellShareNotAt79() {
        // shield: demand block 4500.00-4502.00, lower quadrant up to 4500.50; long 2 @ 4501, hard stop 4496
        MarketMap map = new MarketMap("ESZ5", Paths.T0, px("4501"), Map.of(), List.of(
                new dev.flof.spi.structure.PointOfInterest("ob", Timeframe.M5, "OB", 1, px("4502.00"), px("4500.00"),
                        Paths.T0 - 1, 0, "ACTIVE")), List.of(), 0.5);
        PositionView p = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(2), px("4501.00"), px("4496.00"),
                px("4496.00"), "stop-1", Paths.T0);
        LvnMoatStopPolicyTest.StubFlow flow = new LvnMoatStopPolicyTest.StubFlow(List.of());
        ExitManager.Manager mgr = byConfig("hybrid-shield", Map.of());
        flow.snap = new dev.flof.spi.flow.FlowSnapshot(Paths.T0, 0, 10.0, 2.0, 0.79);
        assertEquals(List.of(), mgr.onEvent(trade("4500.50", 1), p, map, flow), "79 % sell share holds");
        flow.snap = new dev.flof.spi.flow.FlowSnapshot(Paths.T0, 0, 7.8, 2.0, 0.85);
        assertEquals(List.of(), mgr.onEvent(trade("4500.50", 2), p, map, flow), "3.9x is no speed spike");
        flow.snap = new dev.flof.spi.flow.FlowSnapshot(Paths.T0, 0, 10.0, 2.0, 0.85);
        assertEquals(List.of(), mgr.onEvent(trade("4500.75", 3), p, map, flow), "above the lower quadrant");
        List<OrderCommand> out = mgr.onEvent(trade("4500.50", 4), p, map, flow);
        assertEquals(1, out.size(), out.toString());
        OrderCommand.Submit exit = (OrderCommand.Submit) out.get(0);
        assertEquals(Fixed.ofUnits(2), exit.order().quantity());
        assertEquals("ESZ5-" + Paths.T0 + "-bailout", exit.order().clientOrderId());
        assertTrue(exit.order().reduceOnly());
        // switched off by config
        ExitManager.Manager off = byConfig("hybrid-shield", Map.of("bailout", "false"));
        assertEquals(List.of(), off.onEvent(trade("4500.50", 5), p, map, flow));
    }

    @Test
    void oneLotCannotBeSplitButTheStopStillGoesToBreakeven() {
        ExitManager.Manager mgr = byConfig("hybrid-shield", Map.of());
        PositionView p = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(1), px("4500.00"), px("4496.00"),
                px("4496.00"), "stop-1", Paths.T0);
        assertEquals(List.of(new OrderCommand.Modify("ESZ5", "stop-1", 0, 0, px("4500.25"))),
                mgr.onEvent(trade("4508.50", 1), p, null, null));
    }

    @Test
    void breakevenPlusTickWithAnAverageOffTheGrid() {
        PositionView longP = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(2), px("4500.125"), px("4496"), px("4496"), "s", 0);
        assertEquals(px("4500.50"), Exits.breakevenPlusTick(longP, ES.tickSize()));
        PositionView shortP = new PositionView("ESZ5", Side.SELL, Fixed.ofUnits(2), px("4500.125"), px("4504"), px("4504"), "s", 0);
        assertEquals(px("4499.75"), Exits.breakevenPlusTick(shortP, ES.tickSize()));
        PositionView onGrid = new PositionView("ESZ5", Side.SELL, Fixed.ofUnits(2), px("4500.00"), px("4504"), px("4504"), "s", 0);
        assertEquals(px("4499.75"), Exits.breakevenPlusTick(onGrid, ES.tickSize()));
    }

    @Test
    void hybridShortMirrorsAndNeverWidens() {
        ExitManager.Manager mgr = byConfig("hybrid-shield", Map.of());
        // short 2 @ 4500, stop 4504 -> 2R = 4492; the stop was already trailed to 4499.00 (tighter than BE+1 4499.75)
        PositionView p = new PositionView("ESZ5", Side.SELL, Fixed.ofUnits(2), px("4500.00"), px("4504.00"),
                px("4499.00"), "stop-1", Paths.T0);
        List<OrderCommand> out = mgr.onEvent(trade("4492.00", 1), p, null, null);
        assertEquals(1, out.size(), "only the exit, no widening modify: " + out);
        assertEquals(Side.BUY, ((OrderCommand.Submit) out.get(0)).order().side());
    }

    @Test
    void hybridPhase1AtTheNearerOf15mOpposingSwingAnd2R() {
        MarketMap map = new MarketMap("ESZ5", Paths.T0, px("4500"), Map.of(), List.of(), List.of(
                new LiquidityPool("p1", Timeframe.M15, "SWING_HIGH", 1, px("4505.10"), Paths.T0 - 1, "ACTIVE", 0),
                new LiquidityPool("p2", Timeframe.M15, "SWING_HIGH", 1, px("4503.00"), Paths.T0 - 1, "SWEPT", 1),
                new LiquidityPool("p3", Timeframe.H1, "SWING_HIGH", 1, px("4501.00"), Paths.T0 - 1, "ACTIVE", 0),
                new LiquidityPool("p4", Timeframe.M15, "SWING_LOW", -1, px("4502.00"), Paths.T0 - 1, "ACTIVE", 0)), 0.5);
        PositionView p = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(2), px("4500.00"), px("4496.00"),
                px("4496.00"), "stop-1", Paths.T0);
        ExitManager.Manager nearer = byConfig("hybrid-shield", Map.of());
        assertEquals(List.of(), nearer.onEvent(trade("4504.75", 1), p, map, null));
        assertEquals(2, nearer.onEvent(trade("4505.00", 2), p, map, null).size());
        ExitManager.Manager twoR = byConfig("hybrid-shield", Map.of("phase1At", "2r"));
        assertEquals(List.of(), twoR.onEvent(trade("4505.00", 1), p, map, null));
        assertEquals(2, twoR.onEvent(trade("4508.00", 2), p, map, null).size());
    }

    @Test
    void atrTrailNeverLoosensAndWaitsForWarmUp() {
        ExitManager.Manager mgr = byConfig("atr-trail", Map.of("atrPeriod", "2", "atrMultiple", "1.0"));
        MiniVenue v = longTwoEs();
        v.target = 0;
        // first bar alone: no ATR yet -> nothing sent
        List<Event> one = Paths.minutes("ESZ5", m("4500.00", "4506.00"));
        v.run(mgr, one, null);
        assertEquals(List.of(), v.sent);
        // ATR(2) = (1.00 + 2.00) / 2 = 1.5 after two bars, best 4503 -> 4501.50, tighter than 4496: sent
        ExitManager.Manager m2 = byConfig("atr-trail", Map.of("atrPeriod", "2", "atrMultiple", "1.0"));
        MiniVenue w = longTwoEs();
        w.target = 0;
        w.run(m2, Paths.minutes("ESZ5", m("4500.00", "4501.00"), m("4501.00", "4503.00")), null);
        assertEquals(List.of(new OrderCommand.Modify("ESZ5", "stop-1", 0, 0, px("4501.50"))), w.sent);
        // the same path while the resting stop is already at 4502.00: 4501.50 would loosen it, nothing is sent
        ExitManager.Manager m3 = byConfig("atr-trail", Map.of("atrPeriod", "2", "atrMultiple", "1.0"));
        PositionView tight = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(2), px("4500.00"), px("4496.00"),
                px("4502.00"), "stop-1", Paths.T0);
        for (Event e : Paths.minutes("ESZ5", m("4500.00", "4501.00"), m("4501.00", "4503.00"))) {
            assertEquals(List.of(), m3.onEvent(e, tight, null, null));
        }
        // a new best print of 4509: 4509 - 1.5 = 4507.50 tightens, and is sent
        Event print = new Trade("ESZ5", Paths.T0 + 200 * Paths.SEC, Paths.T0 + 200 * Paths.SEC, 99, px("4509.00"),
                Fixed.ofUnits(1), Side.BUY, AggressorRule.VENUE);
        assertEquals(List.of(new OrderCommand.Modify("ESZ5", "stop-1", 0, 0, px("4507.50"))),
                m3.onEvent(print, tight, null, null));
    }

    @Test
    void fixedRNeverSendsAnythingAndRejectsParams() {
        MiniVenue v = longTwoEs();
        v.run(byConfig("fixed-r", Map.of()), path(), null);
        assertEquals(List.of(), v.sent);
        assertThrows(IllegalArgumentException.class, () -> byConfig("fixed-r", Map.of("target", "3")));
    }

    @Test
    void badParamsFailWithTheKeyPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> byConfig("hybrid-shield", Map.of("phase1Fraktion", "0.5")));
        assertTrue(e.getMessage().startsWith("exits.hybrid-shield.phase1Fraktion: unknown key"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> byConfig("atr-trail", Map.of("timeframe", "2m")));
        assertTrue(e.getMessage().startsWith("exits.atr-trail.timeframe"), e.getMessage());
    }

    static Trade trade(String price, long seq) {
        return trade("ESZ5", price, seq);
    }

    static Trade trade(String symbol, String price, long seq) {
        long ts = Paths.T0 + seq * Paths.SEC;
        return new Trade(symbol, ts, ts, seq, px(price), Fixed.ofUnits(1), Side.BUY, AggressorRule.VENUE);
    }
}
