package dev.flof.host.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.oms.RiskGate;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.Position;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation rules: nothing that adds exposure leaves before the venue was asked; a position without a
 * stop gets one first (reduce-only, through the real risk gate); adopted positions block new entries until
 * flat; fills the event stream missed are recovered once, not twice.
 */
class ReconcilerTest {
    static final String SYM = "ESZ6";
    static final Instrument ES = new Instrument(SYM, "CME", Fixed.parse("0.25"), Fixed.parse("50"), Fixed.parse("1"),
            MarketProfile.ES, "CME_GLOBEX_EQUITY");
    static final long T0 = 1_795_636_800_000_000_000L;

    /** An in-memory answer of a venue's reconciliation queries (the loopback protocol is tested in the kill test). */
    static final class VenueState implements ExecutionVenue.Session {
        List<Position> positions = new ArrayList<>();
        List<WorkingOrder> open = new ArrayList<>();
        List<Execution> execs = new ArrayList<>();
        List<OrderCommand> sent = new ArrayList<>();
        long askedSince = Long.MIN_VALUE;
        RuntimeException failure;

        @Override
        public void send(OrderCommand command) {
            sent.add(command);
        }

        @Override
        public List<WorkingOrder> openOrders() {
            if (failure != null) {
                throw failure;
            }
            return open;
        }

        @Override
        public List<Position> positions() {
            if (failure != null) {
                throw failure;
            }
            return positions;
        }

        @Override
        public List<Execution> executionsSince(long tsNanos) {
            askedSince = tsNanos;
            return execs.stream().filter(e -> e.tsEvent() >= tsNanos).toList();
        }

        @Override
        public void close() {
        }
    }

    final VenueState venue = new VenueState();
    final List<Event> recovered = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    long enginePosition;
    RiskGate gate;

    static RunnerSettings settings() {
        return new RunnerSettings(List.of(SYM), "100000", Map.of("ES", "2"), Map.of("ES", "10"),
                List.of(new RunnerSettings.Endpoint("ibkr", Map.of(), List.of(SYM))), List.of(), null, null, null, null, null);
    }

    Reconciler reconciler(ExecutionStore store) {
        Reconciler r = new Reconciler("ibkr", venue, Map.of(SYM, ES), settings(), () -> T0, store, recovered::add, log::add);
        gate = new RiskGate(List.of("reconcile-ibkr"), List.of(r.guard()), venue::send);
        r.attach(new Reconciler.Desk() {
            @Override
            public boolean submit(OrderCommand command) {
                return gate.submit(command, T0);
            }

            @Override
            public long enginePosition(String symbol) {
                return enginePosition;
            }

            @Override
            public boolean knows(String clientOrderId) {
                return false;
            }
        }, s -> false);
        return r;
    }

    static long q(String s) {
        return Fixed.parse(s);
    }

    static Order order(String id, Side side, OrderType type, String qty, String limit, String stop, boolean reduceOnly) {
        return new Order(id, SYM, side, type, q(qty), limit == null ? 0 : q(limit), stop == null ? 0 : q(stop), TimeInForce.GTC,
                reduceOnly);
    }

    static OrderCommand.SubmitBracket entry(String id, String qty) {
        return new OrderCommand.SubmitBracket(new BracketOrder(id, order(id + "-E", Side.BUY, OrderType.LIMIT, qty, "6000", null, false),
                order(id + "-S", Side.SELL, OrderType.STOP, qty, null, "5990", true),
                order(id + "-T", Side.SELL, OrderType.LIMIT, qty, "6020", null, true)));
    }

    static OrderEvent event(String coid, OrderEvent.Kind kind, Side side, String price, String qty, String leaves) {
        return new OrderEvent("ibkr", SYM, T0 + 5, T0 + 6, 1, coid, "9", kind, side, price == null ? 0 : q(price),
                qty == null ? 0 : q(qty), q(leaves), 0, "");
    }

    @Test
    void nothingAddsExposureBeforeTheVenueWasAsked(@TempDir Path dir) {
        Reconciler r = reconciler(ExecutionStore.none());
        assertFalse(gate.submit(entry("A", "1"), T0));
        assertEquals(0, venue.sent.size());
        assertTrue(gate.lastVeto().reason().contains("not reconciled"), gate.lastVeto().reason());
        // cancels and reduce-only orders are never held back
        assertTrue(gate.submit(new OrderCommand.Cancel(SYM, "X"), T0));
        r.reconcile("start-up");
        assertTrue(r.reconciled());
        assertTrue(gate.submit(entry("B", "1"), T0));
        assertEquals(2, venue.sent.size());
    }

    @Test
    void positionWithItsBracketIsAdoptedAndBlocksEntriesUntilFlat() {
        venue.positions.add(new Position("ibkr", SYM, q("1"), q("6000")));
        venue.open.add(new WorkingOrder(order("G-S", Side.SELL, OrderType.STOP, "1", null, "5990", true), "2", "G", 0));
        venue.open.add(new WorkingOrder(order("G-T", Side.SELL, OrderType.LIMIT, "1", "6020", null, true), "3", "G", 0));
        Reconciler r = reconciler(ExecutionStore.none());
        Reconciler.Result res = r.reconcile("start-up");
        assertTrue(res.ok());
        assertEquals(List.of(), res.stopsPlaced(), "a protected position gets no second stop");
        assertEquals(0, venue.sent.size());
        assertEquals(2, res.adopted().size());
        Reconciler.Holding h = r.holdings().get(SYM);
        assertTrue(h.adopted());
        assertEquals(q("1"), h.protectedQuantity());
        assertEquals(q("5990"), h.stopPrice());
        assertEquals("stop 5990 x1", h.protection());
        assertFalse(gate.submit(entry("N", "1"), T0));
        assertTrue(gate.lastVeto().reason().contains("adopted"), gate.lastVeto().reason());
        // the venue's target fills: flat, the OCA stop is cancelled by the venue, entries may go again
        r.onEvent(event("G-T", OrderEvent.Kind.FILLED, Side.SELL, "6020", "1", "0"));
        r.onEvent(event("G-S", OrderEvent.Kind.CANCELLED, Side.SELL, null, null, "0"));
        assertEquals(0, r.venuePosition(SYM));
        assertTrue(gate.submit(entry("N2", "1"), T0), () -> String.valueOf(gate.lastVeto()));
    }

    @Test
    void adoptedWorkingBracketProtectsThePositionOnceItsEntryFills() {
        // flat, but a whole bracket from before the restart is working: entry not filled yet
        venue.open.add(new WorkingOrder(order("W-E", Side.BUY, OrderType.LIMIT, "1", "6000", null, false), "1", "W", 0));
        venue.open.add(new WorkingOrder(order("W-S", Side.SELL, OrderType.STOP, "1", null, "5990", true), "2", "W", 0));
        venue.open.add(new WorkingOrder(order("W-T", Side.SELL, OrderType.LIMIT, "1", "6020", null, true), "3", "W", 0));
        Reconciler r = reconciler(ExecutionStore.none());
        r.reconcile("start-up");
        assertEquals(0, venue.sent.size());
        assertTrue(r.holdings().get(SYM).adopted());
        assertEquals("flat", r.holdings().get(SYM).protection());
        assertTrue(r.blocked(SYM, q("1")).contains("adopted"), r.blocked(SYM, q("1")));
        // the adopted entry fills: its venue-held stop now protects the position; still no new entry
        r.onEvent(event("W-E", OrderEvent.Kind.FILLED, Side.BUY, "6000", "1", "0"));
        assertEquals(q("1"), r.venuePosition(SYM));
        assertEquals("stop 5990 x1", r.holdings().get(SYM).protection());
        assertTrue(r.blocked(SYM, q("1")).contains("adopted"), r.blocked(SYM, q("1")));
        // the stop fills, the venue cancels the target: done, entries allowed
        r.onEvent(event("W-S", OrderEvent.Kind.FILLED, Side.SELL, "5990", "1", "0"));
        assertTrue(r.blocked(SYM, q("1")).contains("adopted"), "the target still works: " + r.blocked(SYM, q("1")));
        r.onEvent(event("W-T", OrderEvent.Kind.CANCELLED, Side.SELL, null, null, "0"));
        assertEquals(0, r.venuePosition(SYM));
        assertNull(r.blocked(SYM, q("1")));
        assertTrue(log.stream().anyMatch(l -> l.equals("ESZ6 at ibkr is flat again (W-S filled)")), log.toString());
    }

    @Test
    void unprotectedPositionGetsItsStopFirstThroughTheGate() {
        venue.positions.add(new Position("ibkr", SYM, q("-2"), q("6000.10")));
        venue.open.add(new WorkingOrder(order("P-S", Side.BUY, OrderType.STOP, "1", null, "6012", true), "2", "P", 0));
        enginePosition = q("-2"); // the engine knew this short (a reconnect): not adopted
        Reconciler r = reconciler(ExecutionStore.none());
        Reconciler.Result res = r.reconcile("reconnect");
        assertEquals(1, venue.sent.size(), "exactly one command: the missing stop");
        OrderCommand.Submit s = (OrderCommand.Submit) venue.sent.get(0);
        Order stop = s.order();
        assertEquals(Side.BUY, stop.side());
        assertEquals(OrderType.STOP, stop.type());
        assertTrue(stop.reduceOnly());
        assertEquals(q("1"), stop.quantity(), "covers only the uncovered part: 2 short, 1 covered");
        // 6000.10 + 10 = 6010.10, rounded up to the 0.25 tick (away from the market for a short)
        assertEquals(q("6010.25"), stop.stopPrice());
        assertEquals(1, res.stopsPlaced().size());
        assertEquals(1, gate.passedCount());
        // until the venue confirms the stop, nothing new on the symbol
        assertFalse(gate.submit(entry("N", "1"), T0));
        assertTrue(gate.lastVeto().reason().contains("not yet confirmed"), gate.lastVeto().reason());
        r.onEvent(event(stop.clientOrderId(), OrderEvent.Kind.ACCEPTED, Side.BUY, null, null, "1"));
        assertEquals(q("2"), r.holdings().get(SYM).protectedQuantity());
        // now only the position cap (2) holds it back: |-2| + 1 > 2
        assertFalse(gate.submit(entry("N", "1"), T0));
        assertTrue(gate.lastVeto().reason().contains("maximum position"), gate.lastVeto().reason());
    }

    @Test
    void fillDuringTheGapIsRecoveredOnceAndFeedsTheLossCounters() {
        Reconciler r = reconciler(ExecutionStore.none());
        r.reconcile("start-up");
        // the engine saw the entry fill live
        r.onEvent(event("B-E", OrderEvent.Kind.FILLED, Side.BUY, "6000", "1", "0"));
        r.onEvent(new VenueStatus("ibkr", T0 + 10, T0 + 10, 2, VenueStatus.Kind.DISCONNECTED, "1100"));
        assertFalse(r.connected());
        assertFalse(gate.submit(entry("N", "1"), T0));
        // during the gap the stop filled; the venue's history has both fills
        venue.execs.add(new Execution("e1", "B-E", SYM, Side.BUY, q("6000"), q("1"), 0, T0 + 5));
        venue.execs.add(new Execution("e2", "B-S", SYM, Side.SELL, q("5990"), q("1"), q("2.25"), T0 + 20));
        r.onEvent(new VenueStatus("ibkr", T0 + 30, T0 + 30, 3, VenueStatus.Kind.RECONNECTED, "1102"));
        assertTrue(r.reconciled());
        assertEquals(1, recovered.size(), "only the fill the stream did not carry");
        OrderEvent oe = (OrderEvent) recovered.get(0);
        assertEquals("B-S", oe.clientOrderId());
        assertEquals(OrderEvent.Kind.FILLED, oe.kind());
        assertEquals(q("1"), oe.fillQty());
        assertEquals(q("5990"), oe.fillPrice());
        assertEquals(q("2.25"), oe.fee());
        assertEquals(T0 + 20, oe.tsEvent());
        assertEquals(T0 + 5, venue.askedSince, "asked since the last execution it knew");
        // handing the recovered fill through and reconciling again recovers nothing more
        r.onEvent(oe);
        recovered.clear();
        r.onEvent(new VenueStatus("ibkr", T0 + 40, T0 + 40, 4, VenueStatus.Kind.RECONNECTED, "1102"));
        assertEquals(List.of(), recovered);
    }

    @Test
    void lastExecutionTimeSurvivesARestart(@TempDir Path dir) {
        venue.execs.add(new Execution("e1", "B-E", SYM, Side.BUY, q("6000"), q("1"), 0, T0 - 1_000));
        Reconciler first = reconciler(new ExecutionStore(dir, "ibkr"));
        first.reconcile("start-up");
        assertEquals(T0 - 24 * 3_600_000_000_000L, venue.askedSince, "no state yet: the lookback");
        Reconciler second = reconciler(new ExecutionStore(dir, "ibkr"));
        second.reconcile("start-up");
        assertEquals(T0 - 1_000, venue.askedSince);
    }

    @Test
    void aFailedQueryKeepsEntriesBlocked() {
        venue.failure = new IllegalStateException("TWS did not answer the positions query within 10000 ms");
        Reconciler r = reconciler(ExecutionStore.none());
        Reconciler.Result res = r.reconcile("start-up");
        assertFalse(res.ok());
        assertFalse(r.reconciled());
        assertFalse(gate.submit(entry("N", "1"), T0));
        assertTrue(gate.lastVeto().reason().contains("TWS did not answer"), gate.lastVeto().reason());
        venue.failure = null;
        assertTrue(r.reconcile("retry").ok());
        assertTrue(gate.submit(entry("N", "1"), T0));
    }

    @Test
    void positionWithoutStopDistanceStaysBlockedAndSaysUnprotected() {
        venue.positions.add(new Position("ibkr", "ESZ6", q("1"), 0));
        Reconciler r = reconciler(ExecutionStore.none());
        Reconciler.Result res = r.reconcile("start-up");
        assertEquals(0, venue.sent.size());
        assertEquals("UNPROTECTED", r.holdings().get(SYM).protection());
        assertTrue(res.notes().get(0).contains("UNPROTECTED"), res.notes().toString());
        String why = r.blocked(SYM, q("1"));
        assertNotNull(why);
        assertNull(r.blocked("BTCUSDT", q("1")), "other venues' symbols are not this reconciler's business");
        Map<String, Long> unused = new TreeMap<>();
        assertTrue(unused.isEmpty());
    }
}
