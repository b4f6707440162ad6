package dev.flof.feeds.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.market.Fixed;
import dev.flof.spi.order.OrderType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TwsClient against the loopback fake TWS. */
class TwsClientLoopbackTest {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static final class Recorder implements TwsClient.Listener {
        final BlockingQueue<TwsMessage> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();

        @Override
        public void onMessage(TwsMessage m) {
            messages.add(m);
        }

        @Override
        public void onDisconnected(Throwable cause) {
            disconnects.add(cause == null ? "closed" : cause.getMessage());
        }

        <T extends TwsMessage> T await(Class<T> type, Predicate<T> p) throws InterruptedException {
            while (true) {
                TwsMessage m = messages.poll(10, TimeUnit.SECONDS);
                if (m == null) {
                    throw new AssertionError("no " + type.getSimpleName() + " matching the condition");
                }
                if (type.isInstance(m) && p.test(type.cast(m))) {
                    return type.cast(m);
                }
            }
        }
    }

    @Test
    void connectsWithTheV157To178HandshakeAndBecomesReady() throws Exception {
        try (FakeTws tws = new FakeTws(178, 1000); TwsClient c = new TwsClient(new Recorder(), TIMEOUT)) {
            c.connect("127.0.0.1", tws.port(), 7);
            assertEquals("4150490000000009763135372e2e313738", tws.awaitHandshakeHex());
            assertEquals(List.of("71", "2", "7", ""), tws.awaitMessage("71"));
            assertEquals(178, c.serverVersion());
            assertEquals(List.of("DU000000"), c.managedAccounts());
            assertEquals(1000, c.peekNextOrderId());
            assertEquals(1000, c.allocateOrderIds(3));
            assertEquals(1003, c.allocateOrderIds(1));
            assertTrue(c.isConnected());
            assertEquals(1_795_636_800L, c.requestCurrentTime().get(10, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {156, 179, 201})
    void refusesAServerVersionOutsideTheRange(int sv) throws Exception {
        try (FakeTws tws = new FakeTws(sv, 1000); TwsClient c = new TwsClient(new Recorder(), TIMEOUT)) {
            UnsupportedServerVersionException e = assertThrows(UnsupportedServerVersionException.class,
                    () -> c.connect("127.0.0.1", tws.port(), 7));
            assertEquals(sv, e.serverVersion());
            tws.awaitConnectionEnd();
            assertEquals(List.of(), tws.received(), "nothing, not even startApi, is sent to a refused server");
            assertFalse(c.isConnected());
        }
    }

    /** The golden sequence, sent through the client over a socket, arrives byte for byte. */
    @ParameterizedTest
    @ValueSource(ints = {157, 176, 178})
    void goldenSequenceOverLoopbackMatchesByteForByte(int sv) throws Exception {
        GoldenIb.Capture g = GoldenIb.load(sv);
        Recorder rec = new Recorder();
        try (FakeTws tws = new FakeTws(sv, 1000); TwsClient c = new TwsClient(rec, TIMEOUT)) {
            c.connect("127.0.0.1", tws.port(), 7);
            TwsClient.BracketIds ids = c.placeBracket(GoldenIb.ES_DEC_2026, GoldenIb.PARENT.withOrderId(0),
                    GoldenIb.STOP.withOrderId(0), GoldenIb.TARGET.withOrderId(0));
            assertEquals(new TwsClient.BracketIds(1000, 1001, 1002), ids);
            c.cancelOrder(1001);
            c.globalCancel();
            c.requestPositions().get(10, TimeUnit.SECONDS);
            c.requestIds();
            tws.awaitMessage("8");
            // the client unsubscribes positions (64) after positionEnd; the golden producer did not
            List<byte[]> frames = tws.receivedFrames().stream()
                    .filter(f -> !(f[4] == '6' && f[5] == '4' && f[6] == 0)).toList();
            assertEquals(g.frames().size(), frames.size());
            for (int i = 0; i < frames.size(); i++) {
                assertEquals(g.frames().get(i).hex(), TwsFrames.hex(frames.get(i)), "sv" + sv + " frame " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 178})
    void bracketLifecycleAndReconciliationQueries(int sv) throws Exception {
        Recorder rec = new Recorder();
        try (FakeTws tws = new FakeTws(sv, 2000); TwsClient c = new TwsClient(rec, TIMEOUT)) {
            c.connect("127.0.0.1", tws.port(), 7);
            IbOrderTemplates.Legs legs = IbOrderTemplates.bracket(IbOrderTemplatesTest.esBracket(OrderType.STOP), "", 2);
            IbContract es = new IbContractResolver(() -> IbOrderTemplatesTest.NOV_25_2026).resolve("ESZ6");
            TwsClient.BracketIds ids = c.placeBracket(es, legs.entry(), legs.stop(), legs.target());
            assertEquals(new TwsClient.BracketIds(2000, 2001, 2002), ids);
            rec.await(TwsMessage.OrderStatus.class, s -> s.orderId() == 2000 && s.status().equals("Submitted"));
            rec.await(TwsMessage.OrderStatus.class, s -> s.orderId() == 2002 && s.status().equals("PreSubmitted"));

            tws.fill(2000, "6000.25");
            TwsMessage.ExecDetails x = rec.await(TwsMessage.ExecDetails.class, e -> e.orderId() == 2000);
            assertEquals(-1, x.reqId());
            assertEquals(Fixed.parse("6000.25"), x.price());
            assertEquals("e1", x.orderRef());
            rec.await(TwsMessage.OrderStatus.class, s -> s.orderId() == 2001 && s.status().equals("Submitted"));

            List<TwsClient.OpenOrderReport> open = c.requestOpenOrders(false).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(2001, 2002), open.stream().map(r -> r.order().orderId()).toList());
            TwsMessage.OpenOrder stop = open.get(0).order();
            assertTrue(stop.outsideRth(), "the stop rests with outsideRth=1");
            assertEquals(2000, stop.parentId());
            assertEquals("FLOF-g1", stop.ocaGroup());
            assertEquals(Fixed.parse("5990"), stop.auxPrice());
            assertEquals("Submitted", open.get(0).status().status());

            List<TwsMessage.Position> pos = c.requestPositions().get(10, TimeUnit.SECONDS);
            assertEquals(1, pos.size());
            assertEquals(Fixed.ofUnits(1), pos.get(0).position());
            assertEquals(Fixed.parse("300012.5"), pos.get(0).avgCost());
            assertEquals(List.of("64", "1"), tws.awaitMessage("64"));

            List<TwsClient.ExecutionReport> ex = c.requestExecutions(ExecutionFilter.all()).get(10, TimeUnit.SECONDS);
            assertEquals(1, ex.size());
            assertEquals(x.execId(), ex.get(0).execution().execId());
            assertEquals(1, ex.get(0).execution().reqId());
            assertEquals(Fixed.parse("2.25"), ex.get(0).commission().commission());
            List<String> req = tws.awaitMessage("7");
            assertEquals(List.of("7", "3", "1", "", "", "", "", "", "", ""), req);

            c.cancelOrder(2002);
            rec.await(TwsMessage.Error.class, e -> e.reqId() == 2002 && e.code() == 202);
            c.cancelOrder(2002);
            TwsMessage.Error notFound = rec.await(TwsMessage.Error.class, e -> e.reqId() == 2002 && e.code() == 10147);
            assertEquals(IbErrorKind.CANCEL_REJECTED, notFound.kind());
            assertEquals(0, c.decodeErrors(), "every inbound frame decoded at sv" + sv);
            assertEquals(0, c.unhandledMessages());
        }
    }

    @Test
    void droppedSocketFailsPendingQueriesAndTellsTheListener() throws Exception {
        Recorder rec = new Recorder();
        try (FakeTws tws = new FakeTws(178, 1000); TwsClient c = new TwsClient(rec, TIMEOUT)) {
            c.connect("127.0.0.1", tws.port(), 7);
            tws.awaitMessage("71");
            tws.dropClient();
            String why = rec.disconnects.poll(10, TimeUnit.SECONDS);
            assertTrue(why != null && why.contains("closed"), String.valueOf(why));
            assertFalse(c.isConnected());
            ExecutionException failed = assertThrows(ExecutionException.class, () -> {
                try {
                    c.requestPositions().get(10, TimeUnit.SECONDS);
                } catch (java.io.IOException e) {
                    throw new ExecutionException(e);
                }
            });
            assertInstanceOf(java.io.IOException.class, failed.getCause());
        }
    }
}
