package dev.flof.host.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.engine.EntryDesk;
import dev.flof.host.journal.Journal;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.CircuitBreaker;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The flatten trusts only what the venue actually says: a failed open-orders query is "unknown", never "none" (no
 * flat confirmation, no pruning, retried on the next event); no entry goes out while a symbol flattens and a
 * protective exit cancels only its own trade's orders; a breaker flatten closes the venue's position when the book
 * disagrees; and an adopted position takes the venue's quantity when the recovered fills do not explain it.
 * ES: 50 USD a point; no fees here.
 */
class FlattenVenueTruthTest {
    static final String ES = "ESZ5";
    static final long T0 = 1_795_650_000_000_000_000L;
    static final long SEC = 1_000_000_000L;

    final List<OrderCommand> sent = new ArrayList<>();
    final Journal journal = new Journal();
    final ExitManager.Manager none = (e, p, m, f) -> List.of();
    /** The venue's open orders as the view reports them; null: the query fails. */
    List<WorkingOrder> listing = new ArrayList<>();
    long venuePos;
    final List<OrderEvent> guardSaw = new ArrayList<>();
    final CircuitBreaker.Guard recorder = new CircuitBreaker.Guard() {
        @Override
        public String vet(OrderCommand command, long nowNanos) {
            return null;
        }

        @Override
        public List<BreakerAction> onEvent(Event event) {
            if (event instanceof OrderEvent oe && oe.isFill()) {
                guardSaw.add(oe);
            }
            return List.of();
        }
    };
    final RiskGate gate = new RiskGate(List.of("recorder"), List.of(recorder), sent::add);
    final OrderManager oms = new OrderManager(gate, journal, Map.of(ES, ReconciliationTest.ES), Map.of(ES, none));
    long ts = T0;

    FlattenVenueTruthTest() {
        oms.viewVenue(new OrderManager.VenueView() {
            @Override
            public List<WorkingOrder> openOrders(String symbol) {
                return listing == null ? null : List.copyOf(listing);
            }

            @Override
            public long position(String symbol) {
                return venuePos;
            }
        });
    }

    static Order stop(String id, int qty) {
        return new Order(id, ES, Side.SELL, OrderType.STOP, Fixed.ofUnits(qty), 0, Fixed.parse("4990"), TimeInForce.GTC, true);
    }

    static Order target(String id, int qty) {
        return new Order(id, ES, Side.SELL, OrderType.LIMIT, Fixed.ofUnits(qty), Fixed.parse("5030"), 0, TimeInForce.GTC, true);
    }

    static WorkingOrder w(Order o) {
        return new WorkingOrder(o, "v-" + o.clientOrderId(), null, 0);
    }

    OrderEvent ev(String id, OrderEvent.Kind kind, Side side, String price, int qty, int leaves) {
        ts += SEC;
        return new OrderEvent("CME", ES, ts, ts, 0, id, null, kind, side, price == null ? 0 : Fixed.parse(price),
                Fixed.ofUnits(qty), Fixed.ofUnits(leaves), 0, "");
    }

    void tick() {
        ts += SEC;
        oms.observe(new Trade(ES, ts, ts, 0, Fixed.parse("4995"), Fixed.ofUnits(1), Side.BUY, AggressorRule.VENUE));
    }

    /** Long 2 at 5000 through bracket g (entry, stop 4990, target 5030), stop and target accepted at the venue. */
    void longTwo() {
        Order entry = new Order("g-E", ES, Side.BUY, OrderType.LIMIT, Fixed.ofUnits(2), Fixed.parse("5000"), 0, TimeInForce.GTC, false);
        assertNull(oms.submitEntry(new EntryDesk.EntryTicket("g", ES, Side.BUY, "A+", List.of(), "ny-am", "passive",
                new BracketOrder("g", entry, stop("g-SL", 2), target("g-TP", 2)), "test"), ts));
        oms.onOrderEvent(ev("g-E", OrderEvent.Kind.FILLED, Side.BUY, "5000", 2, 0));
        oms.onOrderEvent(ev("g-SL", OrderEvent.Kind.ACCEPTED, Side.SELL, null, 0, 2));
        oms.onOrderEvent(ev("g-TP", OrderEvent.Kind.ACCEPTED, Side.SELL, null, 0, 2));
        venuePos = Fixed.ofUnits(2);
        listing = new ArrayList<>(List.of(w(stop("g-SL", 2)), w(target("g-TP", 2))));
        assertEquals(Fixed.ofUnits(2), oms.position(ES));
        sent.clear();
    }

    List<String> cancelled() {
        return sent.stream().filter(c -> c instanceof OrderCommand.Cancel).map(c -> ((OrderCommand.Cancel) c).clientOrderId()).toList();
    }

    List<Order> submitted() {
        return sent.stream().filter(c -> c instanceof OrderCommand.Submit).map(c -> ((OrderCommand.Submit) c).order()).toList();
    }

    // ------------------------------------------------------------------ A

    @Test
    void aFailedOpenOrdersQueryNeitherConfirmsFlatNorForgetsTheStop() {
        longTwo();
        oms.onBreakerAction(new BreakerAction(BreakerAction.Kind.FLATTEN, "daily-loss", "limit hit", ts));
        assertEquals(1, submitted().size());
        Order flat = submitted().get(0);
        assertEquals(Side.SELL, flat.side());
        assertEquals(OrderType.MARKET, flat.type());
        assertEquals(Fixed.ofUnits(2), flat.quantity());
        assertTrue(flat.reduceOnly());

        // the flatten fills and the venue is flat, but its open orders cannot be read
        listing = null;
        venuePos = 0;
        oms.onOrderEvent(ev(flat.clientOrderId(), OrderEvent.Kind.FILLED, Side.SELL, "4995", 2, 0));
        assertEquals(0, oms.position(ES));
        assertEquals(List.of(), cancelled(), "nothing cancelled on an unknown listing");
        assertFalse(oms.flattenComplete());
        assertEquals(List.of("g-SL", "g-TP"), oms.workingOrderIds(), "the tracked stop and target are not forgotten");
        assertEquals(1, journal.breakerEntries().stream().filter(b -> b.action().equals("VENUE_UNKNOWN")).count());

        // the next events (heartbeats) ask again; still unknown: still nothing
        tick();
        tick();
        assertEquals(List.of(), cancelled());
        assertFalse(oms.flattenComplete());
        assertEquals(1, journal.breakerEntries().stream().filter(b -> b.action().equals("VENUE_UNKNOWN")).count(),
                "journalled once per flatten");

        // the venue answers again: the bracket children still rest there and are cancelled now
        listing = new ArrayList<>(List.of(w(stop("g-SL", 2)), w(target("g-TP", 2))));
        tick();
        assertEquals(List.of("g-SL", "g-TP"), cancelled());
        assertFalse(oms.flattenComplete(), "the cancels have not been confirmed yet");
        listing.clear();
        oms.onOrderEvent(ev("g-SL", OrderEvent.Kind.CANCELLED, Side.SELL, null, 0, 0));
        oms.onOrderEvent(ev("g-TP", OrderEvent.Kind.CANCELLED, Side.SELL, null, 0, 0));
        assertTrue(oms.flattenComplete());
    }

    @Test
    void anEntryTheVenueCouldNotListIsPurgedOnceItAnswers() {
        // flat by the book; an entry someone else sent rests at the venue, but the venue cannot be asked at the trip
        Order manual = new Order("manual-E", ES, Side.BUY, OrderType.LIMIT, Fixed.ofUnits(1), Fixed.parse("4980"), 0,
                TimeInForce.GTC, false);
        listing = null;
        oms.onBreakerAction(new BreakerAction(BreakerAction.Kind.FLATTEN, "daily-loss", "limit hit", ts));
        assertTrue(oms.flattenInProgress(), "an unknown venue keeps the flatten open");
        assertFalse(oms.flattenComplete());
        assertEquals(List.of(), sent);

        listing = new ArrayList<>(List.of(w(manual)));
        tick();
        assertEquals(List.of("manual-E"), cancelled());
        assertFalse(oms.flattenComplete(), "the purged entry has not ended yet");
        listing.clear();
        oms.onOrderEvent(ev("manual-E", OrderEvent.Kind.CANCELLED, Side.BUY, null, 0, 0));
        assertTrue(oms.flattenComplete());
        assertEquals(List.of("manual-E"), cancelled(), "nothing else was there to cancel");
    }

    // ------------------------------------------------------------------ B

    @Test
    void noEntryWhileAProtectiveExitFlattensAndItsConfirmationCancelsOnlyItsOwnOrders() {
        longTwo();
        assertNull(oms.protectiveExit(ES, "weekend", ts));
        Order flat = submitted().get(0);
        assertEquals(Fixed.ofUnits(2), flat.quantity());
        // the book is flat by the fill, the venue's position has not followed yet: the flatten is not confirmed
        oms.onOrderEvent(ev(flat.clientOrderId(), OrderEvent.Kind.FILLED, Side.SELL, "4995", 2, 0));
        assertEquals(0, oms.position(ES));
        assertTrue(oms.flattenInProgress());
        String why = oms.entryBlocked(ES);
        assertNotNull(why, "no entry while the symbol flattens");
        assertTrue(why.contains("flatten"), why);
        assertTrue(oms.busy(ES));
        Order entry = new Order("n-E", ES, Side.BUY, OrderType.LIMIT, Fixed.ofUnits(1), Fixed.parse("4990"), 0, TimeInForce.GTC, false);
        Order nStop = new Order("n-SL", ES, Side.SELL, OrderType.STOP, Fixed.ofUnits(1), 0, Fixed.parse("4980"), TimeInForce.GTC, true);
        EntryDesk.EntryTicket ticket = new EntryDesk.EntryTicket("n", ES, Side.BUY, "A", List.of(), "ny-am", "passive",
                new BracketOrder("n", entry, nStop, null), "test");
        assertEquals(why, oms.submitEntry(ticket, ts));
        assertEquals(1, sent.size(), "only the flatten order left");

        // a bracket that reached the venue past order management after the flatten began (a buggy path): not the
        // flattened trade's, so flat confirmation leaves it alone
        assertTrue(gate.submit(new OrderCommand.SubmitBracket(ticket.bracket()), ts));
        listing = new ArrayList<>(List.of(w(stop("g-SL", 2)), w(target("g-TP", 2)), w(entry), w(nStop)));
        venuePos = 0;
        tick();
        assertFalse(oms.flattenInProgress());
        assertEquals(List.of("g-SL", "g-TP"), cancelled());
        assertNull(oms.entryBlocked(ES), "flat confirmed: entries may go again");
    }

    // ------------------------------------------------------------------ C

    @Test
    void aBreakerFlattenClosesWhatTheVenueHoldsWhenTheBookSaysFlat() {
        venuePos = Fixed.ofUnits(1); // long 1 at the venue, nothing in the book (adoption was refused)
        oms.onBreakerAction(new BreakerAction(BreakerAction.Kind.FLATTEN, "daily-loss", "limit hit", ts));
        assertEquals(1, submitted().size());
        Order first = submitted().get(0);
        assertEquals(Side.SELL, first.side());
        assertEquals(OrderType.MARKET, first.type());
        assertEquals(Fixed.ofUnits(1), first.quantity());
        assertTrue(first.reduceOnly());

        // rejected: retried with the flatten's back-off (1 s after the first failure)
        oms.onOrderEvent(ev(first.clientOrderId(), OrderEvent.Kind.REJECTED, Side.SELL, null, 0, 0));
        long rejectedAt = ts;
        oms.observe(new Trade(ES, rejectedAt + SEC / 2, rejectedAt + SEC / 2, 0, Fixed.parse("4995"), Fixed.ofUnits(1),
                Side.BUY, AggressorRule.VENUE));
        assertEquals(1, submitted().size(), "not before the back-off");
        ts = rejectedAt;
        tick(); // rejectedAt + 1 s
        assertEquals(2, submitted().size());
        Order second = submitted().get(1);
        assertEquals(Side.SELL, second.side());
        assertEquals(Fixed.ofUnits(1), second.quantity());
        assertFalse(oms.flattenComplete());

        venuePos = 0;
        oms.onOrderEvent(ev(second.clientOrderId(), OrderEvent.Kind.FILLED, Side.SELL, "4995", 1, 0));
        assertEquals(0, oms.position(ES), "a reduce-only fill of the venue's position opens nothing in the book");
        assertTrue(oms.flattenComplete());
        assertEquals(1L, journal.counters().get("oms: flatten fills of a position only the venue held (not booked)"));
    }

    @Test
    void aBreakerFlattenIsSizedFromTheVenueWhenItHoldsMoreThanTheBook() {
        // the book saw 1 of an entry of 2 (the second fill's event is lost); the venue holds 2
        oms.onOrderEvent(ev("x-E", OrderEvent.Kind.PARTIALLY_FILLED, Side.BUY, "5000", 1, 1));
        assertEquals(Fixed.ofUnits(1), oms.position(ES));
        venuePos = Fixed.ofUnits(2);
        oms.onBreakerAction(new BreakerAction(BreakerAction.Kind.FLATTEN, "daily-loss", "limit hit", ts));
        Order flat = submitted().get(0);
        assertEquals(Fixed.ofUnits(2), flat.quantity());
        assertEquals(Side.SELL, flat.side());
        venuePos = 0;
        oms.onOrderEvent(ev(flat.clientOrderId(), OrderEvent.Kind.FILLED, Side.SELL, "4990", 2, 0));
        assertEquals(0, oms.position(ES));
        assertTrue(oms.flattenComplete());
        // the book's trade: 1 bought at 5000, sold at 4990: -10 points x 50 = -500 USD
        assertEquals(1, journal.trades().size());
        assertEquals(Fixed.ofUnits(-500), journal.trades().get(0).pnl());
        assertEquals(Fixed.ofUnits(1), journal.trades().get(0).quantity());
    }

    // ------------------------------------------------------------------ D

    @Test
    void adoptionTakesTheVenuesPositionWhenTheRecoveredFillsDoNotExplainIt() {
        // long 2 @ 5000 opened 30 h ago, 1 sold @ 5010 2 h ago; after kill -9 the look-back recovers only the sale
        long now = T0 + 30 * 3600 * SEC;
        long soldAt = now - 2 * 3600 * SEC;
        OrderEvent sale = new OrderEvent("ibkr", ES, soldAt, now, 0, "g-TP1", null, OrderEvent.Kind.FILLED, Side.SELL,
                Fixed.parse("5010"), Fixed.ofUnits(1), 0, 0, OrderManager.RECOVERED + " (execution 7)");
        oms.onOrderEvent(sale);
        oms.observe(sale);
        assertEquals(Fixed.ofUnits(-1), oms.position(ES), "the recovered fill alone reads short 1");

        assertNull(oms.adopt("ibkr", ES, Fixed.ofUnits(1), Fixed.parse("5000"), "g-SL", Fixed.parse("4990"), true, null, 0,
                now, now));
        assertEquals(Fixed.ofUnits(1), oms.position(ES));
        var view = oms.positionView(ES);
        assertEquals(Side.BUY, view.side());
        assertEquals(Fixed.parse("5000"), view.averagePrice());
        assertEquals(Fixed.parse("4990"), view.initialStop());
        assertEquals("g-SL", view.stopOrderId());
        assertEquals(soldAt, view.openedAt(), "the earliest recovered execution, on the exchange clock");

        // the breakers saw SELL 1 @ 5010; they are shown BUY 1 @ 5010 (closing that at its own price) and BUY 1 @ 5000
        assertEquals(3, guardSaw.size());
        long net = 0;
        for (OrderEvent e : guardSaw) {
            net += e.side().sign() * e.fillQty();
        }
        assertEquals(Fixed.ofUnits(1), net, "the breakers' position equals the venue's");
        assertEquals(Side.BUY, guardSaw.get(1).side());
        assertEquals(Fixed.parse("5010"), guardSaw.get(1).fillPrice());
        assertEquals(Fixed.ofUnits(1), guardSaw.get(1).fillQty());
        assertEquals(Side.BUY, guardSaw.get(2).side());
        assertEquals(Fixed.parse("5000"), guardSaw.get(2).fillPrice());
        assertEquals(Fixed.ofUnits(1), guardSaw.get(2).fillQty());
        assertTrue(guardSaw.get(2).clientOrderId().startsWith(OrderManager.ADOPTED_ID_PREFIX));

        // the adopted stop fills at 4990: long 1 from 5000, -10 points x 50 = -500 USD, -1 R; no short booked
        oms.onOrderEvent(new OrderEvent("ibkr", ES, now + SEC, now + SEC, 0, "g-SL", null, OrderEvent.Kind.FILLED, Side.SELL,
                Fixed.parse("4990"), Fixed.ofUnits(1), 0, 0, ""));
        assertEquals(0, oms.position(ES));
        assertEquals(1, journal.trades().size());
        Journal.TradeRecord t = journal.trades().get(0);
        assertEquals(Fixed.ofUnits(-500), t.pnl());
        assertEquals(Fixed.parse("5000"), t.entryPrice());
        assertEquals(Fixed.ofUnits(1), t.quantity());
        assertEquals(-1.0, t.rMultiple());
        assertEquals(List.of("recovered entry", "entry", "exit"), t.parts().stream().map(Journal.TradePart::kind).toList());
    }

    @Test
    void adoptionStillRefusesWhenTheBookAlreadyTracksABracket() {
        longTwo();
        String why = oms.adopt("CME", ES, Fixed.ofUnits(1), Fixed.parse("5000"), "other-SL", Fixed.parse("4990"), true, null, 0,
                ts, ts);
        assertNotNull(why);
        assertEquals(Fixed.ofUnits(2), oms.position(ES));
    }
}
