package dev.flof.feeds.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.Position;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The ibkr ExecutionVenue over loopback against the fake TWS. */
class IbExecutionVenueLoopbackTest {
    static final long NOW = IbOrderTemplatesTest.NOV_25_2026;
    /** 2026-11-25 20:15:01 UTC: the fake's first execution time. */
    static final long FIRST_EXEC = 1_795_637_701L * 1_000_000_000L;

    /** Collects what the venue publishes; waits for a matching event, keeping all seen. */
    static final class Events {
        final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        final List<Event> seen = new ArrayList<>();

        boolean publish(Event e) {
            return queue.add(e);
        }

        <T extends Event> T await(Class<T> type, Predicate<T> p) throws InterruptedException {
            while (true) {
                Event e = queue.poll(10, TimeUnit.SECONDS);
                if (e == null) {
                    throw new AssertionError("no " + type.getSimpleName() + " matching; seen: " + seen);
                }
                seen.add(e);
                if (type.isInstance(e) && p.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
        }

        OrderEvent order(String clientOrderId, OrderEvent.Kind kind) throws InterruptedException {
            return await(OrderEvent.class, o -> o.clientOrderId().equals(clientOrderId) && o.kind() == kind);
        }

        VenueStatus status(VenueStatus.Kind kind) throws InterruptedException {
            return await(VenueStatus.class, s -> s.kind() == kind);
        }

        long count(Predicate<Event> p) {
            seen.addAll(queue);
            queue.clear();
            return seen.stream().filter(p).count();
        }
    }

    static ExecutionVenue.Session connect(FakeTws tws, Events events, int clientId) {
        return connect(tws, events, clientId, "");
    }

    static ExecutionVenue.Session connect(FakeTws tws, Events events, int clientId, String reconnectDelays) {
        Params params = new Params("venues.ibkr", Map.of("host", "127.0.0.1", "port", Integer.toString(tws.port()),
                "clientId", Integer.toString(clientId), "timeoutMs", "10000", "reconnectDelaysMs", reconnectDelays));
        return new IbExecutionVenue().connect(new ExecutionVenue.Context(params, events::publish,
                name -> Optional.empty(), () -> NOW));
    }

    static BracketOrder bracket(String g, String entryPrice) {
        Order entry = new Order("e-" + g, "ESZ6", Side.BUY, OrderType.LIMIT, Fixed.ofUnits(1), Fixed.parse(entryPrice), 0,
                TimeInForce.DAY, false);
        Order stop = new Order("s-" + g, "ESZ6", Side.SELL, OrderType.STOP, Fixed.ofUnits(1), 0, Fixed.parse("5990"),
                TimeInForce.GTC, true);
        Order target = new Order("t-" + g, "ESZ6", Side.SELL, OrderType.LIMIT, Fixed.ofUnits(1), Fixed.parse("6020"), 0,
                TimeInForce.GTC, true);
        return new BracketOrder(g, entry, stop, target);
    }

    @Test
    void extensionIdIsIbkr() {
        assertEquals("ibkr", new IbExecutionVenue().id());
        assertTrue(IbExecutionVenue.class.isAnnotationPresent(org.pf4j.Extension.class));
    }

    @Test
    void bracketLifecycleDisconnectWithFillInTheGapAndReconciliation() throws Exception {
        Events ev = new Events();
        try (FakeTws tws = new FakeTws(178, 1000); ExecutionVenue.Session s = connect(tws, ev, 7)) {
            VenueStatus up = ev.status(VenueStatus.Kind.CONNECTED);
            assertTrue(up.detail().contains("server version 178"), up.detail());
            assertEquals("ibkr", up.venue());

            s.send(new OrderCommand.SubmitBracket(bracket("g1", "6000.25")));
            OrderEvent acc = ev.order("e-g1", OrderEvent.Kind.ACCEPTED);
            assertEquals("1000", acc.venueOrderId());
            assertEquals("1001", ev.order("s-g1", OrderEvent.Kind.ACCEPTED).venueOrderId());
            assertEquals("1002", ev.order("t-g1", OrderEvent.Kind.ACCEPTED).venueOrderId());
            List<String> stopOnWire = tws.order(1001).placed;
            assertEquals("1", stopOnWire.get(33), "protective stop sent with outsideRth=1");
            assertEquals("1000", stopOnWire.get(28));
            assertEquals("0", stopOnWire.get(27));
            assertEquals("1", tws.order(1002).placed.get(27));

            // modify the stop: same id re-sent with the new trigger
            s.send(new OrderCommand.Modify("ESZ6", "s-g1", 0, 0, Fixed.parse("5992.5")));
            OrderEvent mod = ev.order("s-g1", OrderEvent.Kind.MODIFIED);
            assertEquals("1001", mod.venueOrderId());
            assertEquals("5992.5", tws.order(1001).aux);
            assertEquals("1", tws.order(1001).placed.get(33), "a modified stop keeps outsideRth=1");

            // connectivity gap: the entry fills while nothing reaches FLOF
            tws.loseConnectivity();
            VenueStatus down = ev.status(VenueStatus.Kind.DISCONNECTED);
            assertTrue(down.detail().startsWith("1100"), down.detail());
            tws.fill(1000, "6000.25");
            tws.restoreConnectivity(1102);

            OrderEvent fill = ev.order("e-g1", OrderEvent.Kind.FILLED);
            assertEquals(Fixed.parse("6000.25"), fill.fillPrice());
            assertEquals(Fixed.ofUnits(1), fill.fillQty());
            assertEquals(0, fill.leavesQty());
            assertEquals(Side.BUY, fill.side());
            assertEquals(FIRST_EXEC, fill.tsEvent(), "fill time is the execution time, not the recovery time");
            VenueStatus back = ev.status(VenueStatus.Kind.RECONNECTED);
            assertTrue(back.detail().startsWith("1102") && back.detail().contains("missed fills recovered: 1"), back.detail());

            // reconciliation after the reconnect
            List<WorkingOrder> open = s.openOrders();
            assertEquals(List.of("s-g1", "t-g1"), open.stream().map(w -> w.order().clientOrderId()).toList());
            WorkingOrder stop = open.get(0);
            assertEquals(OrderType.STOP, stop.order().type());
            assertEquals(Fixed.parse("5992.5"), stop.order().stopPrice());
            assertEquals(Side.SELL, stop.order().side());
            assertEquals("1001", stop.venueOrderId());
            assertEquals("g1", stop.parentGroupId());
            assertEquals(Fixed.parse("6020"), open.get(1).order().limitPrice());
            assertEquals(List.of(new Position("ibkr", "ESZ6", Fixed.ofUnits(1), Fixed.parse("6000.25"))), s.positions());
            List<Execution> execs = s.executionsSince(NOW);
            assertEquals(1, execs.size());
            Execution x = execs.get(0);
            assertEquals("e-g1", x.clientOrderId());
            assertEquals("ESZ6", x.symbol());
            assertEquals(Side.BUY, x.side());
            assertEquals(Fixed.parse("6000.25"), x.price());
            assertEquals(Fixed.ofUnits(1), x.quantity());
            assertEquals(Fixed.parse("2.25"), x.fee());
            assertEquals(FIRST_EXEC, x.tsEvent());
            assertEquals(List.of(), s.executionsSince(FIRST_EXEC + 1), "executions before the asked time are dropped");

            // a second restore recovers nothing new: fills are reported once per execId
            tws.restoreConnectivity(1101);
            VenueStatus again = ev.status(VenueStatus.Kind.RECONNECTED);
            assertTrue(again.detail().contains("missed fills recovered: 0"), again.detail());

            // target fills live; the stop is cancelled by OCA
            tws.fill(1002, "6020");
            OrderEvent tp = ev.order("t-g1", OrderEvent.Kind.FILLED);
            assertEquals(Fixed.parse("6020"), tp.fillPrice());
            assertEquals(Side.SELL, tp.side());
            ev.order("s-g1", OrderEvent.Kind.CANCELLED);
            assertEquals(List.of(), s.openOrders());
            assertEquals(0, s.positions().get(0).quantity());
            assertEquals(1, ev.count(e -> e instanceof OrderEvent o && o.clientOrderId().equals("e-g1") && o.isFill()),
                    "the entry fill is published exactly once");
        }
    }

    @Test
    void sequenceNumbersIncrease() throws Exception {
        Events ev = new Events();
        try (FakeTws tws = new FakeTws(178, 1000); ExecutionVenue.Session s = connect(tws, ev, 7)) {
            s.send(new OrderCommand.SubmitBracket(bracket("g1", "6000.25")));
            ev.order("t-g1", OrderEvent.Kind.ACCEPTED);
            long last = 0;
            for (Event e : ev.seen) {
                assertTrue(e.sequence() > last, "sequence strictly increasing");
                last = e.sequence();
                assertEquals(NOW, e.tsRecv(), "receive time comes from the injected clock");
            }
        }
    }

    @Test
    void restartAdoptsTheRestingBracketWithoutResending() throws Exception {
        try (FakeTws tws = new FakeTws(178, 1000)) {
            Events first = new Events();
            try (ExecutionVenue.Session s = connect(tws, first, 7)) {
                s.send(new OrderCommand.SubmitBracket(bracket("g1", "6000.25")));
                first.order("t-g1", OrderEvent.Kind.ACCEPTED);
                tws.fill(1000, "6000.25");
                first.order("e-g1", OrderEvent.Kind.FILLED);
            }
            tws.awaitConnectionEnd();
            int placedBefore = (int) tws.received().stream().filter(m -> m.get(0).equals("3")).count();

            Events second = new Events();
            try (ExecutionVenue.Session s = connect(tws, second, 7)) {
                List<WorkingOrder> open = s.openOrders();
                assertEquals(List.of("s-g1", "t-g1"), open.stream().map(w -> w.order().clientOrderId()).toList(),
                        "clientOrderIds come back through orderRef");
                assertEquals("g1", open.get(0).parentGroupId());
                assertTrue(open.get(0).order().reduceOnly(), "bracket children are reported reduce-only");
                assertEquals(List.of(new Position("ibkr", "ESZ6", Fixed.ofUnits(1), Fixed.parse("6000.25"))), s.positions());
                // the adopted stop can be managed by its FLOF id
                s.send(new OrderCommand.Cancel("ESZ6", "t-g1"));
                OrderEvent c = second.order("t-g1", OrderEvent.Kind.CANCELLED);
                assertEquals("1002", c.venueOrderId());
                assertEquals(placedBefore, (int) tws.received().stream().filter(m -> m.get(0).equals("3")).count(),
                        "no order was re-sent after the restart");
            }
        }
    }

    @Test
    void rejectionsAndUnknownOrders() throws Exception {
        Events ev = new Events();
        try (FakeTws tws = new FakeTws(178, 1000); ExecutionVenue.Session s = connect(tws, ev, 7)) {
            s.send(new OrderCommand.SubmitBracket(bracket("bad", "6000.3")));
            OrderEvent rej = ev.order("e-bad", OrderEvent.Kind.REJECTED);
            assertTrue(rej.reason().startsWith("110:"), rej.reason());
            assertTrue(ev.order("s-bad", OrderEvent.Kind.REJECTED).reason().startsWith("201:"));
            assertTrue(ev.order("t-bad", OrderEvent.Kind.REJECTED).reason().startsWith("201:"));

            s.send(new OrderCommand.Cancel("ESZ6", "nope"));
            OrderEvent cr = ev.order("nope", OrderEvent.Kind.CANCEL_REJECTED);
            assertEquals("unknown order", cr.reason());
            assertNull(cr.venueOrderId());

            s.send(new OrderCommand.Submit(new Order("x1", "BTCUSDT", Side.BUY, OrderType.MARKET, Fixed.ofUnits(1), 0, 0,
                    TimeInForce.IOC, false)));
            assertTrue(ev.order("x1", OrderEvent.Kind.REJECTED).reason().contains("BTCUSDT"));
        }
    }

    @Test
    void cancelAllUsesGlobalCancel() throws Exception {
        Events ev = new Events();
        try (FakeTws tws = new FakeTws(178, 1000); ExecutionVenue.Session s = connect(tws, ev, 7)) {
            s.send(new OrderCommand.SubmitBracket(bracket("g1", "6000.25")));
            ev.order("t-g1", OrderEvent.Kind.ACCEPTED);
            s.send(new OrderCommand.CancelAll("*"));
            assertEquals(List.of("58", "1"), tws.awaitMessage("58"));
            ev.order("e-g1", OrderEvent.Kind.CANCELLED);
            ev.order("s-g1", OrderEvent.Kind.CANCELLED);
            ev.order("t-g1", OrderEvent.Kind.CANCELLED);
            assertEquals(List.of(), s.openOrders());
        }
    }

    @Test
    void singleProtectiveStopIsSentOutsideRthAndTransmitted() throws Exception {
        Events ev = new Events();
        try (FakeTws tws = new FakeTws(176, 1000); ExecutionVenue.Session s = connect(tws, ev, 7)) {
            s.send(new OrderCommand.Submit(new Order("ps1", "ESZ6", Side.SELL, OrderType.STOP, Fixed.ofUnits(1), 0,
                    Fixed.parse("5987.75"), TimeInForce.DAY, true)));
            ev.order("ps1", OrderEvent.Kind.ACCEPTED);
            List<String> wire = tws.order(1000).placed;
            assertEquals(115, wire.size(), "sv176 layout");
            assertEquals("STP", wire.get(18));
            assertEquals("5987.75", wire.get(20));
            assertEquals("GTC", wire.get(21));
            assertEquals("1", wire.get(27));
            assertEquals("1", wire.get(33));
        }
    }

    @Test
    void socketLossIsReportedAndOrdersAreRefusedWhileDown() throws Exception {
        Events ev = new Events();
        try (FakeTws tws = new FakeTws(178, 1000); ExecutionVenue.Session s = connect(tws, ev, 7)) {
            ev.status(VenueStatus.Kind.CONNECTED);
            tws.dropClient();
            VenueStatus down = ev.status(VenueStatus.Kind.DISCONNECTED);
            assertTrue(down.detail().contains("socket"), down.detail());
            s.send(new OrderCommand.SubmitBracket(bracket("g2", "6000.25")));
            assertEquals("not connected to TWS", ev.order("e-g2", OrderEvent.Kind.REJECTED).reason());
            assertThrows(IbVenueException.class, s::positions);
        }
    }

    @Test
    void childFillDuringTheGapCancelsItsSiblingOnRecovery() throws Exception {
        Events ev = new Events();
        try (FakeTws tws = new FakeTws(178, 1000); ExecutionVenue.Session s = connect(tws, ev, 7)) {
            s.send(new OrderCommand.SubmitBracket(bracket("g1", "6000.25")));
            ev.order("t-g1", OrderEvent.Kind.ACCEPTED);
            tws.fill(1000, "6000.25");
            ev.order("e-g1", OrderEvent.Kind.FILLED);
            tws.loseConnectivity();
            ev.status(VenueStatus.Kind.DISCONNECTED);
            tws.fill(1001, "5990"); // the stop fills; the fake cancels the target by OCA, all unseen
            tws.restoreConnectivity(1102);
            OrderEvent stopFill = ev.order("s-g1", OrderEvent.Kind.FILLED);
            assertEquals(Fixed.parse("5990"), stopFill.fillPrice());
            OrderEvent gone = ev.order("t-g1", OrderEvent.Kind.CANCELLED);
            assertTrue(gone.reason().contains("no longer open"), gone.reason());
            VenueStatus back = ev.status(VenueStatus.Kind.RECONNECTED);
            assertTrue(back.detail().contains("missed fills recovered: 1") && back.detail().contains("orders gone during the gap: 1"),
                    back.detail());
            assertEquals(List.of(), s.openOrders());
            assertEquals(0, s.positions().get(0).quantity());
        }
    }

    @Test
    void socketDropReconnectsAndRecoversTheFillMadeWhileAway() throws Exception {
        Events ev = new Events();
        try (FakeTws tws = new FakeTws(178, 1000); ExecutionVenue.Session s = connect(tws, ev, 7, "0")) {
            s.send(new OrderCommand.SubmitBracket(bracket("g1", "6000.25")));
            ev.order("t-g1", OrderEvent.Kind.ACCEPTED);
            tws.dropClientAndFill(1000, "6000.25");
            VenueStatus down = ev.status(VenueStatus.Kind.DISCONNECTED);
            assertTrue(down.detail().contains("socket"), down.detail());
            OrderEvent fill = ev.order("e-g1", OrderEvent.Kind.FILLED);
            assertEquals(FIRST_EXEC, fill.tsEvent());
            VenueStatus back = ev.status(VenueStatus.Kind.RECONNECTED);
            assertTrue(back.detail().startsWith("socket reconnected") && back.detail().contains("missed fills recovered: 1")
                    && back.detail().contains("orders gone during the gap: 0"), back.detail());
            assertEquals(2, tws.handshakeCount());
            assertEquals(List.of(new Position("ibkr", "ESZ6", Fixed.ofUnits(1), Fixed.parse("6000.25"))), s.positions());
            assertEquals(List.of("s-g1", "t-g1"), s.openOrders().stream().map(w -> w.order().clientOrderId()).toList());
            // orders keep flowing on the new socket with fresh ids
            s.send(new OrderCommand.Cancel("ESZ6", "t-g1"));
            ev.order("t-g1", OrderEvent.Kind.CANCELLED);
        }
    }

    @Test
    void partialFillsReportLeavesQuantity() throws Exception {
        Events ev = new Events();
        try (FakeTws tws = new FakeTws(178, 1000); ExecutionVenue.Session s = connect(tws, ev, 7)) {
            s.send(new OrderCommand.Submit(new Order("m1", "ESZ6", Side.BUY, OrderType.MARKET, Fixed.ofUnits(3), 0, 0,
                    TimeInForce.DAY, false)));
            ev.order("m1", OrderEvent.Kind.ACCEPTED);
            assertEquals("MKT", tws.order(1000).placed.get(18));
            assertEquals("", tws.order(1000).placed.get(19), "a market order has no limit price");
            assertEquals("3", tws.order(1000).placed.get(17));
            tws.fill(1000, "6000.25", "1");
            OrderEvent p1 = ev.order("m1", OrderEvent.Kind.PARTIALLY_FILLED);
            assertEquals(Fixed.ofUnits(1), p1.fillQty());
            assertEquals(Fixed.ofUnits(2), p1.leavesQty());
            tws.fill(1000, "6000.5", "2");
            OrderEvent p2 = ev.order("m1", OrderEvent.Kind.FILLED);
            assertEquals(Fixed.ofUnits(2), p2.fillQty());
            assertEquals(Fixed.parse("6000.5"), p2.fillPrice());
            assertEquals(0, p2.leavesQty());
            List<Execution> ex = s.executionsSince(0);
            assertEquals(2, ex.size());
            assertEquals(List.of(Fixed.ofUnits(1), Fixed.ofUnits(2)), ex.stream().map(Execution::quantity).toList());
            // (1 x 6000.25 + 2 x 6000.5) / 3 = 6000.41666666666... -> 9 decimals, half-even
            assertEquals(Fixed.parse("6000.416666667"), s.positions().get(0).averagePrice());
        }
    }

    @Test
    void aClientOrderIdIsNeverSentTwice() throws Exception {
        Events ev = new Events();
        try (FakeTws tws = new FakeTws(178, 1000); ExecutionVenue.Session s = connect(tws, ev, 7)) {
            s.send(new OrderCommand.SubmitBracket(bracket("g1", "6000.25")));
            ev.order("t-g1", OrderEvent.Kind.ACCEPTED);
            s.send(new OrderCommand.SubmitBracket(bracket("g1", "6000.25")));
            s.send(new OrderCommand.Submit(bracket("g1", "6000.25").stop()));
            // a round trip after the sends: anything they wrote has reached the fake by now
            assertEquals(3, s.openOrders().size());
            assertEquals(3, tws.received().stream().filter(m -> m.get(0).equals("3")).count());
        }
    }

    @Test
    void dataFarmFlapsAreNotDisconnects() throws Exception {
        Events ev = new Events();
        try (FakeTws tws = new FakeTws(178, 1000); ExecutionVenue.Session s = connect(tws, ev, 7)) {
            ev.status(VenueStatus.Kind.CONNECTED);
            tws.send(List.of("4", "2", "-1", "2103", "Market data farm connection is broken:usfarm", ""));
            tws.send(List.of("4", "2", "-1", "2105", "HMDS data farm connection is broken:ushmds", ""));
            tws.send(List.of("4", "2", "-1", "2104", "Market data farm connection is OK:usfarm", ""));
            tws.send(List.of("4", "2", "-1", "2106", "HMDS data farm connection is OK:ushmds", ""));
            tws.send(List.of("4", "2", "-1", "2158", "Sec-def data farm connection is OK:secdefil", ""));
            s.positions(); // a round trip: the notices above have been handled when it returns
            assertEquals(0, ev.count(e -> e instanceof VenueStatus v && v.kind() != VenueStatus.Kind.CONNECTED));
            tws.send(List.of("4", "2", "-1", "1100", "Connectivity between IBKR and Trader Workstation has been lost.", ""));
            s.positions();
            assertEquals(1, ev.count(e -> e instanceof VenueStatus v && v.kind() == VenueStatus.Kind.DISCONNECTED),
                    "while 1100 is one");
        }
    }

    @Test
    void venueRefusesAServerVersionOutOfRange() throws Exception {
        try (FakeTws tws = new FakeTws(187, 1000)) {
            IbVenueException e = assertThrows(IbVenueException.class, () -> connect(tws, new Events(), 7));
            UnsupportedServerVersionException cause = assertInstanceOf(UnsupportedServerVersionException.class, e.getCause());
            assertEquals(187, cause.serverVersion());
            assertTrue(e.getMessage().contains("187"), e.getMessage());
        }
    }
}
