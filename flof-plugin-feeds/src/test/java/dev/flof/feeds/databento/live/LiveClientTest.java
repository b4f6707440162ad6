package dev.flof.feeds.databento.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.feeds.databento.historical.ApiKey;
import dev.flof.feeds.databento.historical.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LiveClientTest {
    static final String KEY = "db-unittestapikey1234567890FFFFF";

    FakeLiveGateway gw;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        gw = new FakeLiveGateway(KEY, FakeLiveGateway.liveCapture());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        gw.close();
    }

    LiveConfig config(String key, boolean zstd) {
        return LiveConfig.of("GLBX.MDP3", ApiKey.of(key)).withGateway("127.0.0.1", gw.port()).withZstd(zstd)
                .withReconnect(new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofMinutes(1)));
    }

    LiveClient client(LiveConfig cfg, LiveListener l) {
        LiveClient c = new LiveClient(cfg, l, sleeps::add);
        toClose.add(c);
        return c;
    }

    @Test
    void goodAuthSendsCramAnswerAndSessionParameters() throws Exception {
        try (LiveConnection c = LiveConnection.open(config(KEY, true).withHeartbeat(10))) {
            FakeLiveGateway.Connection fc = gw.nextConnection();
            assertEquals("lsg_version=0.0.0-fake", c.greeting());
            assertEquals("1000", c.sessionId());
            assertTrue(fc.authenticated);
            Map<String, String> f = fc.authFields;
            assertEquals("GLBX.MDP3", f.get("dataset"));
            assertEquals("dbn", f.get("encoding"));
            assertEquals("zstd", f.get("compression"));
            assertEquals("0", f.get("ts_out"));
            assertEquals("10", f.get("heartbeat_interval_s"));
            assertTrue(f.get("auth").endsWith("-FFFFF"));
            assertFalse(fc.authLine.contains(KEY), "the key itself never goes on the wire");
        }
    }

    @Test
    void badKeyIsRefusedWithTypedErrorCarryingGatewayReason() {
        var e = assertThrows(LiveGatewayException.AuthenticationFailed.class,
                () -> LiveConnection.open(config("db-wrongkeywrongkeywrongkey00000", false)));
        assertEquals("Authentication failed.", e.gatewayError());
        assertFalse(e.getMessage().contains("wrongkey"));
    }

    @Test
    void badKeyStopsTheClientWithoutRetrying() throws Exception {
        RecordingListener l = new RecordingListener();
        LiveClient c = client(config("db-wrongkeywrongkeywrongkey00000", false), l);
        c.subscribe(Subscription.of("trades", List.of("ESZ4")));
        c.start();
        RecordingListener.Stopped s = l.await(RecordingListener.Stopped.class);
        assertInstanceOf(LiveGatewayException.AuthenticationFailed.class, s.cause());
        assertTrue(sleeps.isEmpty());
        assertEquals(1, gw.connections().size());
    }

    @Test
    void twelveHundredSymbolsGoOutAsThreeLines() throws Exception {
        List<String> syms = SubscriptionTest.symbols(1200);
        try (LiveConnection c = LiveConnection.open(config(KEY, false))) {
            FakeLiveGateway.Connection fc = gw.nextConnection();
            c.subscribe(Subscription.of("trades", syms).withId(1));
            List<String> lines = List.of(fc.nextLine(), fc.nextLine(), fc.nextLine());
            List<String> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Map<String, String> f = FakeLiveGateway.fields(lines.get(i));
                assertEquals("trades", f.get("schema"));
                assertEquals(i == 2 ? "1" : "0", f.get("is_last"));
                got.addAll(List.of(f.get("symbols").split(",")));
            }
            assertEquals(syms, got);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void streamsTheCaptureRecordByRecord(boolean zstd) throws Exception {
        RecordingListener l = new RecordingListener();
        LiveClient c = client(config(KEY, zstd), l);
        c.subscribe(Subscription.of("trades", List.of("ESZ4")));
        c.start();
        assertEquals(new RecordingListener.Started("1000", false), l.await(RecordingListener.Started.class));
        RecordingListener.Meta m = l.await(RecordingListener.Meta.class);
        assertEquals(3, m.version());
        assertArrayEquals(gw.metadata(), m.bytes());
        List<byte[]> data = new ArrayList<>();
        while (data.size() < gw.records().size()) {
            RecordingListener.Rec r = l.await(RecordingListener.Rec.class);
            if (r.rtype() != 0x17) {
                data.add(r.bytes());
            }
        }
        for (int i = 0; i < data.size(); i++) {
            assertArrayEquals(gw.records().get(i), data.get(i), "record " + i);
        }
        // then the idle gateway's heartbeats (SystemMsg code 0) keep arriving
        RecordingListener.Rec hb = l.await(RecordingListener.Rec.class, r -> r.rtype() == 0x17 && r.bytes()[319] == 0);
        assertEquals(320, hb.bytes().length);
        FakeLiveGateway.Connection fc = gw.connections().get(0);
        assertEquals("schema=trades|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|id=1", fc.lines.get(0));
        assertEquals("start_session", fc.lines.get(1));
        c.close();
        assertNull(l.await(RecordingListener.Stopped.class).cause());
    }

    @Test
    void silenceIsDeathThenReconnectReauthenticatesAndResubscribesWithoutStart() throws Exception {
        gw.script(new FakeLiveGateway.Script(3, FakeLiveGateway.After.SILENT));
        RecordingListener l = new RecordingListener();
        LiveClient c = client(config(KEY, true).withDeadAfter(Duration.ofMillis(300)), l);
        c.subscribe(Subscription.of("trades", List.of("ESZ4")).withStart(1_700_000_000_000_000_000L));
        c.subscribe(Subscription.of("mbo", List.of("ESZ4")));
        c.start();
        RecordingListener.Disconnected d = l.await(RecordingListener.Disconnected.class);
        assertInstanceOf(LiveGatewayException.HeartbeatTimeout.class, d.cause());
        assertEquals(1, d.failures());
        assertEquals(new RecordingListener.Started("1001", true), l.await(RecordingListener.Started.class, RecordingListener.Started::reconnect));
        assertEquals(List.of(Duration.ofMillis(250)), sleeps);

        FakeLiveGateway.Connection first = gw.connections().get(0);
        FakeLiveGateway.Connection second = gw.connections().get(1);
        assertTrue(second.authenticated, "re-authenticated");
        assertFalse(first.challenge.equals(second.challenge));
        assertEquals(List.of(
                "schema=trades|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|start=1700000000000000000|id=1",
                "schema=mbo|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|id=2",
                "start_session"), first.lines);
        assertEquals(List.of(
                "schema=trades|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|id=1",
                "schema=mbo|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|id=2",
                "start_session"), List.of(second.nextLine(), second.nextLine(), second.nextLine()));
        assertTrue(first.awaitClosed(), "the dead connection was closed by the client");
    }

    @Test
    void droppedConnectionReconnects() throws Exception {
        gw.script(new FakeLiveGateway.Script(5, FakeLiveGateway.After.DROP));
        RecordingListener l = new RecordingListener();
        LiveClient c = client(config(KEY, false), l);
        c.subscribe(Subscription.of("trades", List.of("ESZ4")));
        c.start();
        RecordingListener.Disconnected d = l.await(RecordingListener.Disconnected.class);
        assertFalse(d.cause() instanceof LiveGatewayException.HeartbeatTimeout);
        l.await(RecordingListener.Started.class, RecordingListener.Started::reconnect);
        // the second session streams the capture from its start again
        assertArrayEquals(gw.metadata(), l.await(RecordingListener.Meta.class).bytes());
    }

    @Test
    void subscriptionAddedMidSessionIsSentOnTheOpenConnection() throws Exception {
        RecordingListener l = new RecordingListener();
        LiveClient c = client(config(KEY, true), l);
        c.subscribe(Subscription.of("ohlcv-1m", List.of("ESZ4")));
        c.start();
        l.await(RecordingListener.Meta.class);
        FakeLiveGateway.Connection fc = gw.connections().get(0);
        assertTrue(fc.nextLine().startsWith("schema=ohlcv-1m"));
        assertEquals("start_session", fc.nextLine());
        c.subscribe(Subscription.of("trades", List.of("ESZ4")).withStart(5L));
        assertEquals("schema=trades|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|start=5|id=2", fc.nextLine());
        assertEquals(1, gw.connections().size());
    }

    @Test
    void gaveUpAfterMaxAttempts() throws Exception {
        for (int i = 0; i < 4; i++) {
            gw.script(new FakeLiveGateway.Script(-1, FakeLiveGateway.After.DROP));
        }
        RecordingListener l = new RecordingListener();
        LiveClient c = client(config(KEY, false), l);
        c.subscribe(Subscription.of("trades", List.of("ESZ4")));
        c.start();
        RecordingListener.Stopped s = l.await(RecordingListener.Stopped.class);
        assertTrue(s.cause().getMessage().startsWith("giving up after 4 consecutive failed sessions"), s.cause().getMessage());
        // backoff 250 ms doubling, capped at 2 s
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void configToStringRedactsKey() {
        assertFalse(config(KEY, true).toString().contains(KEY));
    }
}
