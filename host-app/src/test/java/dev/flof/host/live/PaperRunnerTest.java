package dev.flof.host.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.config.ConfigLoader;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.kernel.SystemClock;
import dev.flof.host.plugin.PluginHost;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper runner with the bundled plugins: the real engine wiring on the system clock, the simulated venue
 * reconciled at start, events from an I/O thread through the bounded inbound queue to the kernel thread,
 * the halt marker, and a clean stop.
 */
class PaperRunnerTest {
    static final Path PLUGINS = Path.of(System.getProperty("flof.plugins.dir", "../plugins"));

    @TempDir
    Path work;

    @Test
    void runsTheEngineOnLiveEventsAgainstTheSimulatedVenue() throws Exception {
        FlofConfig cfg = new ConfigLoader().load(Optional.empty());
        RunnerSettings settings = new RunnerSettings(List.of("BTCUSDT"), "", Map.of("BTCUSDT", "1"), Map.of(),
                List.of(new RunnerSettings.Endpoint("binance-usdm", Map.of(), List.of("BTCUSDT"))), List.of(),
                new RunnerSettings.Status("127.0.0.1", -1, 1), "state", "HALT", 1024, 24);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PluginHost host = PluginHost.start(PLUGINS);
             LiveRunner runner = new LiveRunner(LiveRunner.Mode.PAPER, cfg, settings, host, n -> Optional.empty(), new SystemClock(),
                     work, new PrintStream(out, true, StandardCharsets.UTF_8), false)) {
            Thread kernel = KernelThread.start(runner, "test-kernel");
            LiveStatus first = runner.awaitStatus(s -> !s.venues().isEmpty() && s.venues().get(0).reconciled(), Duration.ofSeconds(30));
            assertEquals("paper", first.mode());
            assertEquals("paper-binance-usdm", first.venues().get(0).id());
            assertEquals("ACTIVE", first.breaker());
            assertEquals("flat", first.instruments().get(0).protection());

            // an I/O thread publishes prints; the kernel thread runs them through the engine
            long now = new SystemClock().nanos();
            Thread io = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    long ts = now + i * 1_000_000L;
                    runner.inbound().publish(new Trade("BTCUSDT", ts - 2_000_000L, ts, i + 1, Fixed.parse("97000") + i * Fixed.parse("0.1"),
                            Fixed.parse("0.01"), i % 2 == 0 ? Side.BUY : Side.SELL, AggressorRule.VENUE));
                }
            }, "test-io");
            io.start();
            io.join(30_000);
            LiveStatus s = runner.awaitStatus(x -> x.eventsDispatched() >= 50
                    && "97004.9".equals(x.instruments().get(0).lastPrice()), Duration.ofSeconds(30));
            LiveStatus.InstrumentStatus btc = s.instruments().get(0);
            assertEquals(2.0, btc.feedLatencyMs(), "receive time minus exchange time of the last print");
            assertEquals("0", btc.venuePosition());
            assertEquals(0, s.inboundDropped());

            // the halt marker appears: reported in the status and entries are vetoed by the reconciler guard
            Files.writeString(work.resolve("HALT"), "");
            LiveStatus halted = runner.awaitStatus(x -> !x.haltMarker().isEmpty(), Duration.ofSeconds(30));
            assertTrue(halted.line().contains("HALT-FILE"), halted.line());
            assertEquals("halt marker present", runner.reconcilers().get(0).blocked("BTCUSDT", Fixed.parse("0.01")));
            Files.delete(work.resolve("HALT"));
            runner.awaitStatus(x -> x.haltMarker().isEmpty(), Duration.ofSeconds(30));
            assertEquals(null, runner.reconcilers().get(0).blocked("BTCUSDT", Fixed.parse("0.01")));
            assertTrue(runner.reconcilers().get(0).blocked("BTCUSDT", Fixed.parse("2")).contains("maximum position"));

            runner.stop();
            kernel.join(30_000);
            assertFalse(kernel.isAlive(), "the kernel loop ended on stop()");
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("reconciled paper-binance-usdm (start-up): positions none"), text);
        assertTrue(text.contains("halt marker"), text);
    }

    /**
     * Paper without {@code live.maxPosition}: the caps fall back to the engine configuration's
     * {@code risk.maxPositionSize} (the defaults: BTCUSDT 1, ETHUSDT 10), as in the backtest. (Live refuses to
     * start without {@code live.maxPosition}: LiveCommandTest#liveSectionWithoutCapOrCredentialsIsRefusedEvenWithTheFlag.)
     */
    @Test
    void paperFallsBackToTheEngineConfigurationsPositionCaps() throws Exception {
        FlofConfig cfg = new ConfigLoader().load(Optional.empty());
        RunnerSettings settings = new RunnerSettings(List.of("BTCUSDT", "ETHUSDT"), "", Map.of(), Map.of(),
                List.of(new RunnerSettings.Endpoint("binance-usdm", Map.of(), List.of("BTCUSDT", "ETHUSDT"))), List.of(),
                new RunnerSettings.Status("127.0.0.1", -1, 1), "state", "", 1024, 24);
        try (PluginHost host = PluginHost.start(PLUGINS);
             LiveRunner runner = new LiveRunner(LiveRunner.Mode.PAPER, cfg, settings, host, n -> Optional.empty(), new SystemClock(),
                     work, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false)) {
            Reconciler r = runner.reconcilers().get(0);
            assertTrue(r.reconcile("test").ok());
            assertEquals(null, r.blocked("BTCUSDT", Fixed.parse("1")), "1 BTC is within the configured 1");
            assertEquals("would take BTCUSDT to 1.5, beyond the maximum position 1", r.blocked("BTCUSDT", Fixed.parse("1.5")));
            assertEquals(null, r.blocked("ETHUSDT", Fixed.parse("10")));
            assertEquals("would take ETHUSDT to 10.5, beyond the maximum position 10", r.blocked("ETHUSDT", Fixed.parse("10.5")));
        }
    }

    @Test
    void lostEventsInAFullInboundQueueForceAReconciliation() throws Exception {
        FlofConfig cfg = new ConfigLoader().load(Optional.empty());
        RunnerSettings settings = new RunnerSettings(List.of("BTCUSDT"), "", Map.of("BTCUSDT", "1"), Map.of(),
                List.of(new RunnerSettings.Endpoint("binance-usdm", Map.of(), List.of("BTCUSDT"))), List.of(),
                new RunnerSettings.Status("127.0.0.1", -1, 1), "state", "", 8, 24);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PluginHost host = PluginHost.start(PLUGINS);
             LiveRunner runner = new LiveRunner(LiveRunner.Mode.PAPER, cfg, settings, host, n -> Optional.empty(), new SystemClock(),
                     work, new PrintStream(out, true, StandardCharsets.UTF_8), false)) {
            // the kernel is not running yet: 8 fit, 12 are refused
            long now = new SystemClock().nanos();
            int accepted = 0;
            for (int i = 0; i < 20; i++) {
                accepted += runner.inbound().publish(new Trade("BTCUSDT", now, now, i + 1, Fixed.parse("97000"), Fixed.parse("0.01"),
                        Side.BUY, AggressorRule.VENUE)) ? 1 : 0;
            }
            assertEquals(8, accepted);
            Thread kernel = KernelThread.start(runner, "test-kernel");
            LiveStatus s = runner.awaitStatus(x -> x.venues().get(0).lastReconcile().contains("inbound queue overflow"),
                    Duration.ofSeconds(30));
            assertEquals(12, s.inboundDropped());
            assertTrue(s.line().contains("DROPPED 12"), s.line());
            assertTrue(s.venues().get(0).reconciled());
            runner.stop();
            kernel.join(30_000);
            assertFalse(kernel.isAlive());
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("inbound queue full: 12 events lost"), out.toString(StandardCharsets.UTF_8));
    }
}
