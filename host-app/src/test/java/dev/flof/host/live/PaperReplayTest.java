package dev.flof.host.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.config.ConfigLoader;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.journal.Journal;
import dev.flof.host.kernel.Clock;
import dev.flof.host.plugin.PluginHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./flof paper} on a recorded Binance stream: the USD-M ETHUSDT capture
 * ({@code shared/data/market/hftbacktest/usdm/ethusdt_20240808.gz}) is replayed by the feeds plugin's fake Binance
 * WebSocket on loopback; the runner reads it through the real {@code binance} feed extension (klines while scouting,
 * trades and bookTicker once the engine asks for the tape), runs the whole engine, and its orders go through the risk
 * gate to the simulated venue as a bracket (entry, protective stop, target), which the status and the journal show.
 * The runner is configured only by the {@code live:} section of the configuration file.
 *
 * <p>What the test changes, and why (the capture is 6 minutes of one quiet night):
 * <ul>
 *   <li>Time: the replay is <b>dilated 10 x</b> (the 6 minutes become an hour of 1-minute klines, enough for 1m/5m
 *       structure) and shifted onto the runner's clock, which starts at 2026-11-24 09:00 UTC (inside the london
 *       session) and runs 60 x faster than the wall clock so the hour takes about a minute. The runner's feed stamps
 *       receive times with that same clock, so exchange time vs receive time (feed latency, staleness) stays
 *       meaningful.</li>
 *   <li>Engine settings (in the config file below): POIs also from 1m/5m zones, grades A+ from 2 points and B from 1
 *       (the map has no daily/4H history, so the rubric cannot reach 7), the london session as kill zone, no strict
 *       CHOCH, a 10-minute flow window, a 3-minute halo exit, and the FLATTEN (overlord) breaker (the quarantine's
 *       spread baseline needs more tape than the capture has), with its zombie-feed limit raised from 500 ms to 5 s of
 *       runner time: at 60 x, a transport delay of 10 ms on this shared machine is 600 ms of runner time.</li>
 * </ul>
 * Nothing else is test-specific: the setup is the engine's own, on the recorded prints.
 *
 * <p>Determinism: the runner's clock runs on the wall clock, yet the outcome asserted here does not depend on it.
 * The capture starts on a whole minute of the runner's clock, so its 1-minute klines cut the recorded trades at the
 * same places in every run (it used to start 30 s after whenever the runner was up, so the klines, the 1m FVGs and
 * the setup changed from run to run: setups landed after 7 to 57 s, or not at all); and each minute's bar is built
 * once (a minute the tape began and the klines finished is the kline's, see {@code TierSwitchBarsTest}: it used to be
 * counted twice, or closed half-built, depending on whether the kline or the one-second timer came first). The setup
 * then forms on the same prints in every run, about ten minutes of runner time (under 10 s of wall time) in; the wait
 * ends at the latest when the capture has been played.
 */
class PaperReplayTest {
    static final Path CAPTURE = Path.of(System.getProperty("flof.shared.dir", "../../shared"))
            .resolve("data/market/hftbacktest/usdm/ethusdt_20240808.gz");
    static final long CLOCK_START = Instant.parse("2026-11-24T09:00:00Z").toEpochMilli() * 1_000_000L;
    static final int SPEED = 60;
    static final int DILATION = 10;
    static final long MINUTE = 60_000_000_000L;
    /**
     * The wall time the whole capture takes (6 recorded minutes x 10 / 60), the start-up's minute and a margin: the
     * wait ends with the capture, so a run that forms no setup fails then, not after an arbitrary timeout.
     */
    static final long CAPTURE_WALL_SECONDS = 6 * 60 * DILATION / SPEED + 60 + 60;

    @TempDir
    Path work;

    /** The feeds plugin's recorded-stream fake (its test classes), reached by reflection. */
    static final class Replay implements AutoCloseable {
        final URLClassLoader loader;
        final Object fake;
        final Class<?> cls;

        Replay(Path capture, String symbol) throws Exception {
            Path base = Path.of(System.getProperty("flof.plugins.dir", "../plugins")).toAbsolutePath()
                    .resolve("../flof-plugin-feeds/target").normalize();
            Path tc = base.resolve("test-classes");
            assertTrue(Files.isRegularFile(tc.resolve("dev/flof/feeds/binance/RecordedStreamReplay.class")),
                    "the feeds plugin's test classes are not built at " + tc + ": build flof-plugin-feeds (test-compile) first");
            loader = new URLClassLoader(new URL[] {tc.toUri().toURL(), base.resolve("classes").toUri().toURL()},
                    PaperReplayTest.class.getClassLoader());
            cls = Class.forName("dev.flof.feeds.binance.RecordedStreamReplay", true, loader);
            fake = cls.getConstructor(Path.class, String.class).newInstance(capture, symbol);
        }

        Object call(String name, Class<?>[] types, Object... args) throws Exception {
            Method m = cls.getMethod(name, types);
            return m.invoke(fake, args);
        }

        String wsUrl() throws Exception {
            return (String) call("wsUrl", new Class<?>[0]);
        }

        /** Whether the whole capture has been played. */
        boolean done() {
            try {
                return (Boolean) call("done", new Class<?>[0]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        long sent() throws Exception {
            return (Long) call("sent", new Class<?>[0]);
        }

        boolean awaitSubscriber(String stream) throws Exception {
            return (Boolean) call("awaitSubscriber", new Class<?>[] {String.class, long.class}, stream, 60_000L);
        }

        void start(LongSupplier clock, long startNs, int dilation) throws Exception {
            call("start", new Class<?>[] {LongSupplier.class, long.class, int.class}, clock, startNs, dilation);
        }

        @SuppressWarnings("unchecked")
        List<String> subscriptions() throws Exception {
            return (List<String>) call("subscriptions", new Class<?>[0]);
        }

        @Override
        public void close() throws Exception {
            call("close", new Class<?>[0]);
            loader.close();
        }
    }

    @Test
    void paperRunnerTradesARecordedBinanceStreamThroughTheRiskGateWithItsBracket() throws Exception {
        long t0 = System.nanoTime();
        Clock clock = () -> CLOCK_START + (System.nanoTime() - t0) * SPEED;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Replay replay = new Replay(CAPTURE, "ETHUSDT")) {
            Path cfgFile = work.resolve("flof.yaml");
            Files.writeString(cfgFile, """
                    engine:
                      breakerMode: FLATTEN
                      structureParams: {map.poiTimeframes: "5m,1m"}
                    predator:
                      gradeAPlus: 2
                      gradeB: 1
                      flowWindowSeconds: 600
                      haloExitMinutes: 3
                      profiles:
                        crypto:
                          killZones: [london]
                          strictChoch: false
                    risk:
                      breakerParams: {maxFeedLagMs: "5000"}
                    live:
                      symbols: [ETHUSDT]
                      maxPosition: {ETHUSDT: "10"}
                      venues:
                        - {id: binance-usdm, symbols: [ETHUSDT]}
                      feeds:
                        - id: binance
                          symbols: [ETHUSDT]
                          params: {wsUrl: "%s", restUrl: "http://127.0.0.1:9", tradeStream: trade, staleAfterMs: "300000"}
                      status: {port: 0, intervalSeconds: 1}
                      stateDir: state
                    """.formatted(replay.wsUrl()));
            FlofConfig cfg = new ConfigLoader().load(Optional.of(cfgFile));
            RunnerSettings settings = cfg.live();
            settings.validate(cfgFile.toString(), "live.");
            try (PluginHost host = PluginHost.start(PaperRunnerTest.PLUGINS);
                 LiveRunner runner = new LiveRunner(LiveRunner.Mode.PAPER, cfg, settings, host, n -> Optional.empty(), clock,
                         work, new PrintStream(out, true, StandardCharsets.UTF_8), false)) {
                Thread kernel = KernelThread.start(runner, "test-kernel");
                // the engine scouts on bars: the feed subscribes to the klines first
                assertTrue(replay.awaitSubscriber("ethusdt@kline_1m"), "subscriptions: " + replay.subscriptions());
                // the capture starts on a whole minute of the runner's clock: its 1-minute klines then cut the recorded
                // trades at the same places in every run (the start-up's wall time moves only which minute that is)
                replay.start(clock::nanos, Math.floorDiv(clock.nanos() + 30_000_000_000L, MINUTE) * MINUTE + MINUTE, DILATION);

                // the engine's setup leaves through the risk gate as a bracket; the status shows it working
                LiveStatus working;
                try {
                    // until the bracket works or the capture has been played (about a minute of wall time at 60 x); the
                    // setup lands on the same recorded prints in every run, after about ten minutes of runner time
                    working = runner.awaitStatus(s -> !s.instruments().get(0).workingEntry().isEmpty() || replay.done(),
                            Duration.ofSeconds(CAPTURE_WALL_SECONDS));
                    if (working.instruments().get(0).workingEntry().isEmpty()) {
                        throw new java.util.concurrent.TimeoutException("the capture ended without a bracket; last status "
                                + working.toJson());
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    runner.stop();
                    kernel.join(30_000);
                    Journal j = runner.journal();
                    throw new AssertionError(e.getMessage() + "\ntransitions " + j.transitions() + "\nsetups " + j.setups()
                            + "\ncounters " + j.counters() + "\noutput:\n" + out.toString(StandardCharsets.UTF_8), e);
                }
                LiveStatus.InstrumentStatus eth = working.instruments().get(0);
                assertTrue(eth.workingEntry().startsWith("bracket ETHUSDT-S"), eth.toString());
                assertTrue(eth.workingEntry().contains(", stop ") && eth.workingEntry().contains("-SL)"),
                        "the entry carries its protective stop: " + eth);
                assertEquals("TAPE", eth.tier(), "a working entry keeps the tape on");
                assertEquals("ACTIVE", working.breaker());
                assertEquals("paper-binance-usdm", working.venues().get(0).id());
                assertTrue(working.venues().get(0).reconciled());
                assertTrue(eth.feedLatencyMs() >= 0, "receive time is not before exchange time: " + eth);
                assertTrue(replay.subscriptions().contains("/public ethusdt@bookTicker"),
                        "the engine asked for the tape: " + replay.subscriptions());
                assertTrue(replay.subscriptions().contains("/market ethusdt@trade"), replay.subscriptions().toString());
                assertTrue(replay.subscriptions().contains("/market ethusdt@kline_1m"), replay.subscriptions().toString());
                runner.stop();
                kernel.join(30_000);
                assertFalse(kernel.isAlive(), "the kernel loop ended on stop()");

                // the journal (read after the kernel thread ended): the setup was graded and taken
                Journal j = runner.journal();
                Journal.GradedSetup taken = j.setups().stream().filter(Journal.GradedSetup::taken).findFirst()
                        .orElseThrow(() -> new AssertionError("no setup taken; setups " + j.setups()));
                assertEquals("ETHUSDT", taken.symbol());
                assertEquals("london", taken.killZone());
                String text = out.toString(StandardCharsets.UTF_8);
                String sent = text.lines().filter(l -> l.contains("order sent: bracket " + taken.setupId() + " "))
                        .findFirst().orElseThrow(() -> new AssertionError("no bracket of " + taken.setupId() + " sent:\n" + text));
                assertTrue(sent.contains("(" + taken.setupId() + "-E)"), sent);
                assertTrue(sent.contains("stop ") && sent.contains("(" + taken.setupId() + "-SL)"), sent);
                assertTrue(sent.contains(taken.side() + " "), sent);
                assertEquals(eth.workingEntry(), sent.substring(sent.indexOf("bracket ")), "the status showed the bracket sent");
                assertTrue(taken.reason().contains("stop "), taken.reason());
            }
            assertTrue(replay.sent() > 0);
        }
    }
}
