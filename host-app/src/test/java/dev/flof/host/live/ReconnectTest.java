package dev.flof.host.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.config.ConfigLoader;
import dev.flof.host.kernel.SystemClock;
import dev.flof.host.plugin.PluginHost;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connectivity gap at TWS (1100 ... 1102) with the adopted trade's stop filling inside it: entries are
 * blocked while disconnected, the reconnect triggers a reconciliation, and the runner ends flat with the
 * venue without sending anything.
 */
class ReconnectTest {
    static final Path PLUGINS = Path.of(System.getProperty("flof.plugins.dir", "../plugins"));

    @TempDir
    Path work;

    @Test
    void gapWithAFillIsReconciledAfterTheReconnect() throws Exception {
        try (KillRestartTest.Tws tws = new KillRestartTest.Tws()) {
            BlockingQueue<Event> events = new LinkedBlockingQueue<>();
            Params p = new Params("venues.ibkr", Map.of("host", "127.0.0.1", "port", Integer.toString(tws.port()),
                    "clientId", "7", "timeoutMs", "10000", "reconnectDelaysMs", ""));
            try (ExecutionVenue.Session s = tws.venue().connect(new ExecutionVenue.Context(p, events::add, n -> Optional.empty(),
                    () -> System.currentTimeMillis() * 1_000_000L))) {
                s.send(new OrderCommand.SubmitBracket(new BracketOrder("r1",
                        new Order("e-r1", "ESZ6", Side.BUY, OrderType.LIMIT, Fixed.ofUnits(1), Fixed.parse("6000"), 0, TimeInForce.DAY, false),
                        new Order("s-r1", "ESZ6", Side.SELL, OrderType.STOP, Fixed.ofUnits(1), 0, Fixed.parse("5990"), TimeInForce.GTC, true),
                        new Order("t-r1", "ESZ6", Side.SELL, OrderType.LIMIT, Fixed.ofUnits(1), Fixed.parse("6020"), 0, TimeInForce.GTC, true))));
                KillRestartTest.awaitOrder(events, "t-r1", OrderEvent.Kind.ACCEPTED);
                tws.fill(1000, "6000");
                KillRestartTest.awaitOrder(events, "e-r1", OrderEvent.Kind.FILLED);
            }
            tws.nextValidId(2000);
            RunnerSettings settings = new RunnerSettings(List.of("ESZ6"), "100000", Map.of("ES", "2"), Map.of("ES", "10"),
                    List.of(new RunnerSettings.Endpoint("ibkr", Map.of("host", "127.0.0.1", "port", Integer.toString(tws.port()),
                            "clientId", "11", "timeoutMs", "10000", "reconnectDelaysMs", ""), List.of("ESZ6"))), List.of(),
                    new RunnerSettings.Status("127.0.0.1", -1, 1), "state", "", 1024, 24);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (PluginHost host = PluginHost.start(PLUGINS);
                 LiveRunner runner = new LiveRunner(LiveRunner.Mode.LIVE, new ConfigLoader().load(Optional.empty()), settings, host,
                         n -> Optional.empty(), new SystemClock(), work, new PrintStream(out, true, StandardCharsets.UTF_8), false)) {
                Thread kernel = KernelThread.start(runner, "test-kernel");
                LiveStatus up = runner.awaitStatus(s -> s.venues().get(0).reconciled(), Duration.ofSeconds(60));
                assertEquals("1", up.instruments().get(0).venuePosition());
                assertEquals("stop 5990 x1", up.instruments().get(0).protection());

                tws.call("loseConnectivity", new Class<?>[0]);
                LiveStatus down = runner.awaitStatus(s -> !s.venues().get(0).connected(), Duration.ofSeconds(60));
                assertTrue(down.line().contains("ibkr DISCONNECTED"), down.line());
                tws.fill(1001, "5990");   // the stop fills while nothing reaches FLOF
                tws.call("restoreConnectivity", new Class<?>[] {int.class}, 1102);

                LiveStatus after = runner.awaitStatus(s -> s.venues().get(0).connected() && s.venues().get(0).reconciled()
                        && s.venues().get(0).lastReconcile().contains("reconnect"), Duration.ofSeconds(60));
                assertEquals("0", after.instruments().get(0).venuePosition());
                assertEquals("flat", after.instruments().get(0).protection());
                assertEquals(3, tws.count("3"), "nothing was sent: no entry, no second stop");
                runner.stop();
                kernel.join(30_000);
                assertFalse(kernel.isAlive());
            }
            String log = out.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("venue ibkr disconnected (1100"), log);
            assertTrue(log.contains("reconciled ibkr (reconnect: "), log);
            assertTrue(log.contains("positions none"), log);
        }
    }

    /**
     * A losing round trip that happened while FLOF was not running is recovered at start-up and reaches the
     * circuit breaker's loss counter: entry 6000, stop 5990, 1 ES = 500 USD + fees, beyond 3 % of 10,000.
     */
    @Test
    void lossTakenWhileFlofWasDownTripsTheDailyLossBreakerAtStartUp() throws Exception {
        try (KillRestartTest.Tws tws = new KillRestartTest.Tws()) {
            BlockingQueue<Event> events = new LinkedBlockingQueue<>();
            Params p = new Params("venues.ibkr", Map.of("host", "127.0.0.1", "port", Integer.toString(tws.port()),
                    "clientId", "7", "timeoutMs", "10000", "reconnectDelaysMs", ""));
            try (ExecutionVenue.Session s = tws.venue().connect(new ExecutionVenue.Context(p, events::add, n -> Optional.empty(),
                    () -> System.currentTimeMillis() * 1_000_000L))) {
                s.send(new OrderCommand.SubmitBracket(new BracketOrder("r2",
                        new Order("e-r2", "ESZ6", Side.BUY, OrderType.LIMIT, Fixed.ofUnits(1), Fixed.parse("6000"), 0, TimeInForce.DAY, false),
                        new Order("s-r2", "ESZ6", Side.SELL, OrderType.STOP, Fixed.ofUnits(1), 0, Fixed.parse("5990"), TimeInForce.GTC, true),
                        new Order("t-r2", "ESZ6", Side.SELL, OrderType.LIMIT, Fixed.ofUnits(1), Fixed.parse("6020"), 0, TimeInForce.GTC, true))));
                KillRestartTest.awaitOrder(events, "t-r2", OrderEvent.Kind.ACCEPTED);
                tws.fill(1000, "6000");
                KillRestartTest.awaitOrder(events, "e-r2", OrderEvent.Kind.FILLED);
                tws.fill(1001, "5990");
                KillRestartTest.awaitOrder(events, "s-r2", OrderEvent.Kind.FILLED);
            }
            tws.nextValidId(2000);
            // the fake's executions carry a fixed date: look back far enough that it is always inside
            RunnerSettings settings = new RunnerSettings(List.of("ESZ6"), "10000", Map.of("ES", "2"), Map.of("ES", "10"),
                    List.of(new RunnerSettings.Endpoint("ibkr", Map.of("host", "127.0.0.1", "port", Integer.toString(tws.port()),
                            "clientId", "11", "timeoutMs", "10000", "reconnectDelaysMs", ""), List.of("ESZ6"))), List.of(),
                    new RunnerSettings.Status("127.0.0.1", -1, 1), "state", "", 1024, 24 * 365 * 20);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (PluginHost host = PluginHost.start(PLUGINS);
                 LiveRunner runner = new LiveRunner(LiveRunner.Mode.LIVE, new ConfigLoader().load(Optional.empty()), settings, host,
                         n -> Optional.empty(), new SystemClock(), work, new PrintStream(out, true, StandardCharsets.UTF_8), false)) {
                Thread kernel = KernelThread.start(runner, "test-kernel");
                LiveStatus st = runner.awaitStatus(s -> s.venues().get(0).reconciled() && !"ACTIVE".equals(s.breaker()),
                        Duration.ofSeconds(60));
                assertEquals("HALTED", st.breaker());
                assertTrue(st.breakerReason().contains("daily loss -504.50"), st.breakerReason());
                assertEquals("0", st.instruments().get(0).venuePosition());
                assertEquals(3, tws.count("3"), "flat already: the breaker's flatten sends nothing");
                runner.stop();
                kernel.join(30_000);
                assertFalse(kernel.isAlive());
            }
            String log = out.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("executions 2 (missed fills recovered 2)"), log);
        }
    }
}
