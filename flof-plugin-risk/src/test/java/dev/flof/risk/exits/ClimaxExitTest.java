package dev.flof.risk.exits;

import static dev.flof.risk.TestInstruments.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.risk.TestInstruments;
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
import dev.flof.spi.structure.PointOfInterest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Phase 3 on crafted prints. Long 2 @ 4500, stop 4496 (1R = 4): the macro target is the nearer of the daily pool
 * 4520 and the 4H supply block from 4530, so 4520; the zone starts 0.5R = 2 points before it, at 4518.
 */
class ClimaxExitTest {
    static final MarketMap MAP = new MarketMap("ESZ5", Paths.T0, px("4500"), Map.of(),
            List.of(new PointOfInterest("h4", Timeframe.H4, "OB", -1, px("4532"), px("4530"), Paths.T0 - 1, 0, "ACTIVE")),
            List.of(new LiquidityPool("pdh", Timeframe.D1, "PDH", 1, px("4520"), Paths.T0 - 1, "ACTIVE", 0),
                    new LiquidityPool("old", Timeframe.D1, "PDH", 1, px("4512"), Paths.T0 - 1, "SWEPT", 1)), 0.5);

    private ExitManager.Manager mgr;
    private PositionView runner;

    private void openAndTakePhase1() {
        mgr = new HybridShieldExitManager().open(TestInstruments.ES, Params.empty("exits.hybrid-shield"));
        PositionView two = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(2), px("4500"), px("4496"), px("4496"),
                "stop-1", Paths.T0);
        assertEquals(2, mgr.onEvent(print(1.0, "4508", 1, Side.BUY), two, MAP, null).size());
        runner = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(1), px("4500"), px("4496"), px("4500.25"), "stop-1", Paths.T0);
        mgr.onEvent(print(1.5, "4508", 1, Side.BUY), runner, MAP, null); // stop resize after the exit
    }

    static Trade print(double seconds, String price, long size, Side side) {
        long ts = Paths.T0 + Math.round(seconds * 1e9);
        return new Trade("ESZ5", ts, ts, 0, px(price), Fixed.ofUnits(size), side, AggressorRule.VENUE);
    }

    private List<OrderCommand> feed(Trade t) {
        return mgr.onEvent(t, runner, MAP, null);
    }

    @Test
    void largeCounterPrintInsideTheZoneExitsTheRunner() {
        openAndTakePhase1();
        for (int i = 0; i < 25; i++) {
            assertEquals(List.of(), feed(print(10 + i, "4510", 1, Side.BUY)));
        }
        // mean print before it: 26 prints of 1 (incl. the resize print) -> 1; 10 lots at 4517.75 is outside the zone
        assertEquals(List.of(), feed(print(40, "4517.75", 10, Side.SELL)));
        // mean now 36 / 27 = 1.333...: 13 lots in the zone is below 10 x mean
        assertEquals(List.of(), feed(print(41, "4519", 13, Side.SELL)));
        // mean 49 / 28 = 1.75: 18 lots >= 17.5
        List<OrderCommand> out = feed(print(42, "4519", 18, Side.SELL));
        assertEquals(1, out.size(), out.toString());
        OrderCommand.Submit exit = (OrderCommand.Submit) out.get(0);
        assertEquals("ESZ5-" + Paths.T0 + "-climax", exit.order().clientOrderId());
        assertEquals(Fixed.ofUnits(1), exit.order().quantity());
        assertTrue(exit.order().reduceOnly());
        assertEquals(List.of(), feed(print(43, "4519", 50, Side.SELL)), "exits once");
    }

    @Test
    void absorptionBuyersPushingButNoNewHighExits() {
        // one buy print a second from 100 s: 4518.25 up to 4520.50 by the 10th, then 4520.25/4520.50 only.
        // The 30 s window's first half (ts <= now - 15 s) holds the 4520.50 high from print 24 on: stalled there.
        openAndTakePhase1();
        for (int i = 0; i < 40; i++) {
            String price = i < 10 ? Fixed.format(px("4518.25") + i * px("0.25")) : (i % 2 == 0 ? "4520.25" : "4520.50");
            List<OrderCommand> out = feed(print(100 + i, price, 1, Side.BUY));
            if (i < 24) {
                assertEquals(List.of(), out, "print " + i);
            } else {
                assertEquals(1, out.size(), "print " + i);
                assertEquals("ESZ5-" + Paths.T0 + "-climax", ((OrderCommand.Submit) out.get(0)).order().clientOrderId());
                return;
            }
        }
    }

    @Test
    void noClimaxWhilePriceKeepsMakingHighsOrOutsideTheZone() {
        openAndTakePhase1();
        for (int i = 0; i < 40; i++) {
            assertEquals(List.of(), feed(print(100 + i, Fixed.format(px("4518.25") + i * px("0.25")), 1, Side.BUY)), "print " + i);
        }
        openAndTakePhase1();
        for (int i = 0; i < 40; i++) {
            assertEquals(List.of(), feed(print(100 + i, i % 2 == 0 ? "4517.50" : "4517.75", 1, Side.BUY)), "print " + i);
        }
    }

    @Test
    void sellersInTheZoneAreNotAbsorptionAgainstALong() {
        openAndTakePhase1();
        for (int i = 0; i < 40; i++) {
            assertEquals(List.of(), feed(print(100 + i, i % 2 == 0 ? "4518.25" : "4518.50", 1, Side.SELL)), "print " + i);
        }
    }
}
