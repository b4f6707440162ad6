package dev.flof.host.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.engine.EntryDesk;
import dev.flof.host.journal.Journal;
import dev.flof.host.venue.InstrumentTerms;
import dev.flof.host.venue.ProtectionInvariant;
import dev.flof.host.venue.QueueModel;
import dev.flof.host.venue.SimulatedVenue;
import dev.flof.host.venue.VenueConfig;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import dev.flof.spi.risk.BreakerAction;
import dev.flof.spi.risk.TradingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, host side: the flatten purges every working entry order of the instrument at the venue, also those
 * order management never sent, while the protective stop rests until the venue confirms flat; and fills of orders
 * order management did not send move its position and are booked. ES: 50 USD a point, IB fees 2.23 a contract a
 * side.
 */
class FlattenPurgeAndExternalFillsTest {
    final List<Event> out = new ArrayList<>();
    final SimulatedVenue venue = new SimulatedVenue(new VenueConfig("CME", 0, 0, 0, QueueModel.TRADE_THROUGH,
            Fixed.ofUnits(100_000), "USD"), List.of(InstrumentTerms.es(ReconciliationTest.ES, Fixed.ofUnits(1_000))), out::add);
    final Journal journal = new Journal();
    final List<OrderCommand> sent = new ArrayList<>();
    final List<String> stopCancelledAt = new ArrayList<>();
    final RiskGate gate = new RiskGate(List.of(), List.of(), c -> {
        sent.add(c);
        if (c instanceof OrderCommand.Cancel x && x.clientOrderId().equals("g-SL")) {
            stopCancelledAt.add(Fixed.format(venue.position("ESZ5").quantity()));
        }
        venue.send(c);
    });
    final ExitManager.Manager none = (e, p, m, f) -> List.of();
    final OrderManager oms = new OrderManager(gate, journal, Map.of("ESZ5", ReconciliationTest.ES), Map.of("ESZ5", none));
    long ts = 1_762_000_000_000_000_000L;

    void print(String price) {
        ts += 1_000_000_000L;
        venue.onTrade(new Trade("ESZ5", ts, ts, 0, Fixed.parse(price), Fixed.ofUnits(100), Side.BUY, AggressorRule.VENUE));
        List<Event> now = new ArrayList<>(out);
        out.clear();
        for (Event e : now) {
            oms.onOrderEvent((OrderEvent) e);
        }
    }

    /** A buy limit 5000 sent after the 5000 print: marketable, it fills at the next print, 4999.75. */
    void longTwoAt5000() {
        Order entry = new Order("g-E", "ESZ5", Side.BUY, OrderType.LIMIT, Fixed.ofUnits(2), Fixed.parse("5000"), 0, TimeInForce.GTC, false);
        Order stop = new Order("g-SL", "ESZ5", Side.SELL, OrderType.STOP, Fixed.ofUnits(2), 0, Fixed.parse("4990"), TimeInForce.GTC, true);
        Order target = new Order("g-TP", "ESZ5", Side.SELL, OrderType.LIMIT, Fixed.ofUnits(2), Fixed.parse("5030"), 0, TimeInForce.GTC, true);
        assertNull(oms.submitEntry(new EntryDesk.EntryTicket("g", "ESZ5", Side.BUY, "A+", List.of(), "ny-am", "passive",
                new BracketOrder("g", entry, stop, target), "test"), ts));
        print("4999.75");
        assertEquals(Fixed.ofUnits(2), oms.position("ESZ5"));
        assertEquals(Fixed.parse("4999.75"), oms.positionView("ESZ5").averagePrice());
    }

    static Order limitBuy(String id, String price) {
        return new Order(id, "ESZ5", Side.BUY, OrderType.LIMIT, Fixed.ofUnits(1), Fixed.parse(price), 0, TimeInForce.GTC, false);
    }

    List<String> open() {
        return venue.openOrders().stream().map(WorkingOrder::order).map(Order::clientOrderId).sorted().toList();
    }

    /**
     * Long 2 @ 4999.75 with its bracket; a buggy path sends two resting buy-limit brackets through the gate and a
     * tool puts a buy limit at the venue directly. The flatten cancels all three entries at once (the spam brackets'
     * stops go with their entries), sells 2 at market, and cancels the stop and target only after the venue filled
     * the exit (4998.00: -1.75 x 2 x 50 = -175 gross, 4 x 2.23 = 8.92 fees).
     */
    @Test
    void theFlattenPurgesEveryWorkingEntryAtTheVenueAndKeepsTheStopUntilFlat() {
        oms.reconcileWith(sym -> venue);
        print("5000");
        longTwoAt5000();
        for (String g : List.of("spam1", "spam2")) {
            gate.submit(new OrderCommand.SubmitBracket(new BracketOrder(g, limitBuy(g + "-E", "4980"),
                    new Order(g + "-S", "ESZ5", Side.SELL, OrderType.STOP, Fixed.ofUnits(1), 0, Fixed.parse("4970"),
                            TimeInForce.GTC, true), null)), ts);
        }
        venue.send(new OrderCommand.Submit(limitBuy("manual", "4975")));
        print("4999.5");
        assertEquals(List.of("g-SL", "g-TP", "manual", "spam1-E", "spam1-S", "spam2-E", "spam2-S"), open());

        oms.onBreakerAction(new BreakerAction(BreakerAction.Kind.FLATTEN, "overlord", "order spam", ts));
        assertEquals(TradingState.HALTED, gate.state());
        Journal.BreakerEntry purge = journal.breakerEntries().get(1);
        assertEquals("PURGE_ENTRIES", purge.action());
        assertTrue(purge.reason().contains("[manual, spam1-E, spam2-E]"), purge.reason());
        assertEquals("FLATTEN_ORDER", journal.breakerEntries().get(2).action());
        assertFalse(oms.flattenComplete());

        print("4998");
        assertEquals(0, venue.position("ESZ5").quantity());
        assertEquals(List.of("0"), stopCancelledAt, "the stop was cancelled once, with the venue flat");
        Journal.BreakerEntry flat = journal.breakerEntries().get(3);
        assertEquals("FLAT_CONFIRMED", flat.action());
        assertTrue(flat.reason().endsWith("then cancelled [g-SL, g-TP]"), flat.reason());
        assertFalse(oms.flattenComplete(), "the stop and target cancels are not confirmed yet");
        print("4998");
        assertEquals(List.of(), open());
        assertTrue(oms.flattenComplete());
        OrderManager.HaltReport r = oms.haltReport();
        assertEquals("overlord", r.breaker());
        assertEquals("order spam", r.reason());
        assertEquals(6, r.steps().size(), r.steps().toString());
        assertTrue(r.steps().get(3).contains("fill ESZ5-FLAT-1 (flatten) SELL 2 ESZ5 @ 4998"), r.steps().toString());
        Journal.TradeRecord t = journal.trades().get(0);
        assertEquals(Fixed.parse("-175") - Fixed.parse("8.92"), t.pnl());
    }

    /** While the stop rests and the market is flat-lined, a flatten that is rejected keeps the stop (no cancel). */
    @Test
    void aRejectedFlattenKeepsTheStopAndIsNeverComplete() {
        print("5000");
        longTwoAt5000();
        oms.onBreakerAction(new BreakerAction(BreakerAction.Kind.FLATTEN, "overlord", "daily loss", ts));
        oms.onOrderEvent(new OrderEvent("CME", "ESZ5", ts, ts, 0, "ESZ5-FLAT-1", null, OrderEvent.Kind.REJECTED, Side.SELL,
                0, 0, 0, 0, "-4131 PERCENT_PRICE"));
        out.clear();
        assertTrue(journal.breakerEntries().stream().anyMatch(b -> b.action().equals("FLATTEN_RETRY")
                && b.reason().endsWith("protective stop kept, retry in 1 s")));
        assertEquals(List.of(), stopCancelledAt);
        assertFalse(oms.flattenComplete());
        assertNull(ProtectionInvariant.violation(venue));
    }

    /**
     * Long 2 @ 4999.75 with its bracket; the trader closes it by hand at the venue (market sell 2 at 5004): order
     * management never sent that order, yet the fill flattens its book and books the trade (+4.25 x 2 x 50 = 425
     * gross, 4 x 2.23 = 8.92 fees).
     */
    @Test
    void aManualCloseAtTheVenueIsBookedByOrderManagement() {
        print("5000");
        longTwoAt5000();
        venue.send(new OrderCommand.Submit(new Order("manual-close", "ESZ5", Side.SELL, OrderType.MARKET, Fixed.ofUnits(2), 0, 0,
                TimeInForce.GTC, true)));
        print("5004");
        assertEquals(0, oms.position("ESZ5"));
        Journal.TradeRecord t = journal.trades().get(0);
        assertEquals("closed outside order management (manual-close)", t.exitRule());
        assertEquals(Fixed.parse("5004"), t.parts().get(1).price());
        assertEquals(Fixed.parse("425") - Fixed.parse("8.92"), t.pnl());
        assertEquals(1L, journal.counters().get("oms: fills of orders order management did not send"));
    }
}
