package dev.flof.host.engine;

import static dev.flof.host.engine.Scenario.px;
import static dev.flof.host.engine.Scenario.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.journal.Journal;
import dev.flof.host.oms.OrderManager;
import dev.flof.host.venue.ProtectionInvariant;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import dev.flof.spi.risk.BreakerAction;
import dev.flof.spi.risk.TradingState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Order management on crafted streams (issues 9 and 10, host side): flatten, vetoes, exit-manager rules. */
class OrderManagementScenarioTest {
    private static final String STOP = "ESZ5-S1-SL";
    private static final String TARGET = "ESZ5-S1-TP";

    /**
     * The A+ long fills 8 @ 5003.00 at 10:00:00. The venue halts at 10:00:30; a breaker asks for FLATTEN at
     * 10:00:40 (inside the halt, so the market exit cannot fill); the 10:00:45 print is inside the halt; the venue
     * resumes at 10:00:55 and the 10:01:00 print (5008) fills the exit. Only then are the stop and target cancelled.
     */
    @Test
    void aBreakerFlattenKeepsTheStopRestingUntilTheVenueConfirmsFlat() {
        Scenario s = PredatorScenarioTest.aPlusLong(true)
                .venue("10:00:30", VenueStatus.Kind.HALTED)
                .trade("10:00:45", "5004")
                .venue("10:00:55", VenueStatus.Kind.RESUMED);
        boolean[] fired = {false};
        var guard = Rig.guard(c -> null, e -> {
            if (!fired[0] && e.tsRecv() >= t("10:00:40")) {
                fired[0] = true;
                return List.of(new BreakerAction(BreakerAction.Kind.FLATTEN, "test-guard", "scripted flatten", e.tsEvent()));
            }
            return List.of();
        });
        Rig rig = new Rig(s, Rig.defaults(), guard, Rig.fixedExits());
        List<String> stopSeen = new ArrayList<>();
        rig.kernel.register(e -> {
            if (e.tsRecv() >= t("10:00:40") && e.tsRecv() < t("10:01:00")) {
                boolean resting = rig.venue.openOrders().stream().anyMatch(w -> w.order().clientOrderId().equals(STOP));
                stopSeen.add(e.getClass().getSimpleName() + "@" + (e.tsRecv() - t("10:00:00")) / 1_000_000_000L + "s:"
                        + (resting ? "stop" : "NO STOP") + ":" + ProtectionInvariant.violation(rig.venue));
            }
        });
        rig.run();

        List<Journal.BreakerEntry> b = rig.journal.breakerEntries();
        assertEquals(List.of("FLATTEN", "FLATTEN_ORDER", "FLATTEN_WAITING", "FLAT_CONFIRMED"),
                b.stream().map(Journal.BreakerEntry::action).toList());
        assertEquals(t("10:00:40"), b.get(0).ts());
        assertEquals(t("10:00:40"), b.get(1).ts());
        assertEquals(t("10:00:40"), b.get(2).ts(), "the flatten went out into a halted market: an alert, no exit");
        assertEquals(t("10:01:00"), b.get(3).ts(), "flat confirmed by the first print after the halt");
        assertTrue(b.get(3).reason().contains("[" + STOP + ", " + TARGET + "]"), b.get(3).reason());
        assertFalse(stopSeen.isEmpty());
        assertTrue(stopSeen.stream().allMatch(x -> x.endsWith(":stop:null")), stopSeen.toString());

        Journal.TradeRecord tr = rig.journal.trades().get(0);
        assertEquals(px("5008"), tr.parts().get(1).price());
        assertTrue(tr.exitRule().startsWith("flatten: test-guard: scripted flatten"), tr.exitRule());
        assertTrue(rig.venue.positions().isEmpty());
        assertTrue(rig.venue.openOrders().isEmpty(), "stop and target cancelled after flat: " + rig.venue.openOrders());
        assertEquals(TradingState.HALTED, rig.gate.state());
        Journal.Transition account = rig.transitions().stream().filter(x -> x.symbol().equals("*")).findFirst().orElseThrow();
        assertEquals("ACTIVE->HALTED", account.from() + "->" + account.to());
        assertEquals(t("10:00:40"), account.ts());
        assertTrue(rig.oms.entryBlocked("ESZ5").contains("flattened"), rig.oms.entryBlocked("ESZ5"));
        assertTrue(rig.oms.flattened());
    }

    @Test
    void aVetoedOrderNeverReachesTheVenue() {
        List<Event> guardSaw = new ArrayList<>();
        var guard = Rig.guard(c -> "test veto: " + c.getClass().getSimpleName(), e -> {
            guardSaw.add(e);
            return List.of();
        });
        Rig rig = new Rig(PredatorScenarioTest.aPlusLong(true), Rig.defaults(), guard, Rig.fixedExits()).run();
        Journal.GradedSetup setup = rig.onlySetup();
        assertFalse(setup.taken());
        assertEquals("vetoed by test-guard: test veto: SubmitBracket", setup.reason());
        assertEquals(1, rig.gate.vetoCount());
        assertEquals(0, rig.monitor.receivedCount(), "the venue received nothing");
        assertEquals(0, rig.gate.passedCount());
        assertTrue(rig.venue.executionsSince(0).isEmpty());
        assertTrue(rig.journal.trades().isEmpty());
        assertEquals("VETO", rig.journal.breakerEntries().get(0).action());
        // the guard gets an event right after its veto (a FLATTEN it wants to trigger arrives through onEvent)
        assertTrue(guardSaw.stream().anyMatch(e -> e instanceof TimerEvent te && te.key().equals("flof.veto")
                && te.tsEvent() == setup.ts()), "a timer right after the veto");
    }

    /**
     * An exit manager that, once the position is open, tries to widen the stop, to exit more than the position
     * and to cancel the stop (all refused), and tightens the stop to 5001.00 (sent).
     */
    @Test
    void exitManagerCommandsThatWidenTheStopOrExceedThePositionAreRefused() {
        boolean[] done = {false};
        ExitManager.Manager exits = (event, pos, map, flow) -> {
            if (done[0]) {
                return List.of();
            }
            done[0] = true;
            return List.of(
                    new OrderCommand.Modify("ESZ5", pos.stopOrderId(), 0, 0, px("4998")),
                    new OrderCommand.Submit(new Order("ESZ5-X-big", "ESZ5", Side.SELL, OrderType.MARKET, Fixed.ofUnits(20), 0, 0,
                            TimeInForce.GTC, true)),
                    new OrderCommand.Cancel("ESZ5", pos.stopOrderId()),
                    new OrderCommand.Modify("ESZ5", pos.stopOrderId(), 0, 0, px("5001")));
        };
        Rig rig = new Rig(PredatorScenarioTest.aPlusLong(true), Rig.defaults(), Rig.passAll(), exits);
        long[] stopAfter = {0};
        rig.kernel.register(e -> {
            if (e.tsRecv() == t("10:01:00")) {
                stopAfter[0] = rig.oms.positionView("ESZ5").currentStop();
            }
        });
        rig.run();
        List<OrderManager.RejectedExit> rejected = rig.oms.rejectedExits();
        assertEquals(3, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).reason().contains("widen the stop from 4999.5 to 4998"), rejected.get(0).reason());
        assertTrue(rejected.get(1).reason().contains("exceeds the actual position 8"), rejected.get(1).reason());
        assertTrue(rejected.get(2).reason().contains("cancel the protective stop"), rejected.get(2).reason());
        assertEquals(px("5001"), stopAfter[0], "the tightening modify went through and the venue confirmed it");
        Journal.TradeRecord tr = rig.journal.trades().get(0);
        assertEquals("target", tr.exitRule());
        assertEquals(Fixed.ofUnits(8), tr.quantity());
    }

    /**
     * Scale-out: at 2R (5003 + 2 x 3.5 = 5010, first reached by the 10:02:00 print at 5012) the exit manager takes
     * half (4 of 8) at market, filled by the 10:02:30 print at 5011 (R 8 / 3.5 = 2.29), and moves the stop to
     * breakeven + 1 tick (5003.25); the target (5013.50) takes the other 4 at 10:03:00 (R 3.00). Gross P&L
     * 8 x 4 x 50 + 10.5 x 4 x 50 = 3,700; the trade's R is the quantity-weighted mean, (2.2857 x 4 + 3 x 4) / 8 = 2.64.
     */
    @Test
    void aScaleOutIsOnePartOfTheTradeWithItsRuleAndRMultiple() {
        boolean[] sent = {false};
        ExitManager.Manager phase1 = (event, pos, map, flow) -> {
            if (!sent[0] && event instanceof dev.flof.spi.event.Trade tr && tr.price() >= pos.averagePrice() + 2 * pos.riskPerUnit()) {
                sent[0] = true;
                return List.of(
                        new OrderCommand.Submit(new Order("ESZ5-" + pos.openedAt() + "-phase1", "ESZ5", Side.SELL, OrderType.MARKET,
                                pos.quantity() / 2, 0, 0, TimeInForce.GTC, true)),
                        new OrderCommand.Modify("ESZ5", pos.stopOrderId(), 0, 0, pos.averagePrice() + px("0.25")));
            }
            return List.of();
        };
        Rig rig = new Rig(PredatorScenarioTest.aPlusLong(true).trade("10:02:30", "5011"), Rig.defaults(), Rig.passAll(), phase1).run();
        assertTrue(rig.oms.rejectedExits().isEmpty(), rig.oms.rejectedExits().toString());
        Journal.TradeRecord tr = rig.journal.trades().get(0);
        assertEquals(List.of("entry", "scale-out", "exit"), tr.parts().stream().map(Journal.TradePart::kind).toList());
        Journal.TradePart half = tr.parts().get(1);
        assertEquals("phase1", half.rule());
        assertEquals(px("5011"), half.price());
        assertEquals(Fixed.ofUnits(4), half.quantity());
        assertEquals(2.29, half.rMultiple());
        assertEquals("target", tr.parts().get(2).rule());
        assertEquals(Fixed.ofUnits(4), tr.parts().get(2).quantity());
        assertEquals(3.0, tr.parts().get(2).rMultiple());
        assertEquals(2.64, tr.rMultiple());
        assertEquals(Fixed.ofUnits(3_700), tr.pnl() + tr.fees());
        assertEquals("target", tr.exitRule());
    }

    @Test
    void anUnfilledPassiveEntryIsCancelledAfterTheTimeoutAndItsBracketWithIt() {
        // the A+ setup, but price never pulls back to the 5003.00 limit
        Scenario s = new Scenario().warmUp()
                .trades("09:56:00", 20, "5008", "5006", "5004.5")
                .structure("09:57:00", "POOL_SWEPT", -1, "4999", "4999", "POOL:1D:3:PDL")
                .trades("09:57:10", 10, "5001.5", "5001", "5001.75", "5002.25")
                .signal("09:57:20", "ABSORPTION", Side.BUY, "5001")
                .signal("09:57:20", "CVD_DIVERGENCE", Side.BUY, "5001")
                .signal("09:57:40", "STACKED_IMBALANCE", Side.BUY, "5001.75")
                .trades("09:58:00", 20, "5002.5", "5004", "5006")
                .structure("09:59:00", "FVG_CREATED", 1, "5003", "5002.5", "FVG:1m:9")
                .structure("09:59:00", "CHOCH", 1, "5005", "5005", "")
                .trades("09:59:10", 60, "5005", "5006", "5007", "5008", "5007", "5008", "5009", "5010", "5011", "5010", "5011",
                        "5012", "5013", "5012", "5011", "5010", "5011");
        Rig rig = new Rig(s).run();
        assertTrue(rig.onlySetup().taken());
        assertTrue(rig.journal.trades().isEmpty());
        assertEquals(1L, rig.journal.counters().get("oms: entries cancelled (entry limit unfilled after N min)"));
        assertTrue(rig.venue.openOrders().isEmpty(), "entry and its dormant children are gone: " + rig.venue.openOrders());
        assertNull(rig.oms.entryBlocked("ESZ5"), "free to trade again");
        List<WorkingOrder> none = rig.venue.openOrders();
        assertNotNull(none);
    }
}
