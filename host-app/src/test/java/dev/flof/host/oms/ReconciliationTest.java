package dev.flof.host.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.risk.BreakerAction;
import dev.flof.spi.risk.TradingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation after a halt (issue 10): the venue's position wins, and a position whose protective stop was
 * lost at the venue (here: cancelled behind FLOF's back, as a venue-side purge during a disconnect would) gets a
 * replacement stop at the last known price before trading resumes.
 */
class ReconciliationTest {
    static final Instrument ES = new Instrument("ESZ5", "CME", Fixed.parse("0.25"), Fixed.ofUnits(50), Fixed.ofUnits(1),
            MarketProfile.ES, "CME_GLOBEX_EQUITY");
    final List<Event> out = new ArrayList<>();
    final SimulatedVenue venue = new SimulatedVenue(new VenueConfig("CME", 0, 0, 0, QueueModel.TRADE_THROUGH,
            Fixed.ofUnits(100_000), "USD"), List.of(InstrumentTerms.es(ES, Fixed.ofUnits(1_000))), out::add);
    final Journal journal = new Journal();
    final RiskGate gate = new RiskGate(List.of(), List.of(), venue::send);
    final ExitManager.Manager none = (e, p, m, f) -> List.of();
    final OrderManager oms = new OrderManager(gate, journal, Map.of("ESZ5", ES), Map.of("ESZ5", none));
    long ts = 1_762_000_000_000_000_000L;

    void print(String price) {
        ts += 1_000_000_000L;
        venue.onTrade(new Trade("ESZ5", ts, ts, 0, Fixed.parse(price), Fixed.ofUnits(100), Side.BUY, AggressorRule.VENUE));
        for (Event e : out) {
            oms.onOrderEvent((OrderEvent) e);
        }
        out.clear();
    }

    @Test
    void aPositionThatLostItsStopAtTheVenueGetsOneBeforeTradingResumes() {
        oms.reconcileWith(sym -> venue);
        print("5000");
        Order entry = new Order("g-E", "ESZ5", Side.BUY, OrderType.LIMIT, Fixed.ofUnits(2), Fixed.parse("5000"), 0, TimeInForce.GTC, false);
        Order stop = new Order("g-SL", "ESZ5", Side.SELL, OrderType.STOP, Fixed.ofUnits(2), 0, Fixed.parse("4990"), TimeInForce.GTC, true);
        assertNull(oms.submitEntry(new EntryDesk.EntryTicket("g", "ESZ5", Side.BUY, "A+", List.of(), "ny-am", "passive",
                new BracketOrder("g", entry, stop, null), "test"), ts));
        print("4999.75");
        assertEquals(Fixed.ofUnits(2), oms.position("ESZ5"));
        assertNull(ProtectionInvariant.violation(venue));

        oms.onBreakerAction(new BreakerAction(BreakerAction.Kind.HALT, "oco", "feed died", ts));
        assertEquals(TradingState.HALTED, gate.state());
        venue.send(new OrderCommand.Cancel("ESZ5", "g-SL")); // lost at the venue while FLOF was away
        print("5001");
        assertNotNull(ProtectionInvariant.violation(venue), "the position is unprotected now");

        oms.onBreakerAction(new BreakerAction(BreakerAction.Kind.RESUME, "oco", "feed back", ts));
        assertEquals(TradingState.ACTIVE, gate.state());
        Journal.BreakerEntry placed = journal.breakerEntries().get(journal.breakerEntries().size() - 1);
        assertEquals("RECONCILE", placed.action());
        assertTrue(placed.reason().contains("placed protective stop ESZ5-RSTOP-1 for 2 at 4990"), placed.reason());
        print("5001.25");
        assertNull(ProtectionInvariant.violation(venue), "protected again");
        assertEquals("ESZ5-RSTOP-1", oms.positionView("ESZ5").stopOrderId());
    }

    @Test
    void aPositionWithNoKnownStopPriceKeepsTradingHalted() {
        oms.reconcileWith(sym -> venue);
        print("5000");
        // a position FLOF never opened (e.g. a manual trade): no stop price is known
        venue.send(new OrderCommand.Submit(new Order("manual", "ESZ5", Side.BUY, OrderType.MARKET, Fixed.ofUnits(1), 0, 0,
                TimeInForce.GTC, false)));
        print("5000.25");
        oms.onBreakerAction(new BreakerAction(BreakerAction.Kind.HALT, "oco", "venue disconnected", ts));
        oms.onBreakerAction(new BreakerAction(BreakerAction.Kind.RESUME, "oco", "venue back", ts));
        assertEquals(TradingState.HALTED, gate.state());
        List<String> actions = journal.breakerEntries().stream().map(Journal.BreakerEntry::action).toList();
        // the manual order's fill reached order management, which books fills of orders it did not send: its
        // position already agrees with the venue's, so nothing is adopted, but no stop price is known
        assertEquals(List.of("HALT", "RESUME", "RECONCILE_ALERT"), actions);
        assertEquals(Fixed.ofUnits(1), oms.position("ESZ5"), "the manual fill counted");
        assertEquals(1L, journal.counters().get("oms: fills of orders order management did not send"));
        assertFalse(oms.entryBlocked("ESZ5") == null);
    }
}
