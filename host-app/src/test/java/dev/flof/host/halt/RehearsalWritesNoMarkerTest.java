package dev.flof.host.halt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.config.ConfigLoader;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.journal.Journal;
import dev.flof.host.kernel.EventSource;
import dev.flof.host.kernel.SimulatedClock;
import dev.flof.host.live.LiveRunner;
import dev.flof.host.live.RunnerSettings;
import dev.flof.host.plugin.PluginHost;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LiveRunner.replay} is a rehearsal (the backtest/live parity check): a breaker's flatten is in its journal,
 * as in a backtest, but it writes no halt marker into the state directory, so it never blocks a real start.
 * The same zombie-feed trip as {@link HaltAfterFlattenTest} (a print two seconds old), replayed.
 */
class RehearsalWritesNoMarkerTest {
    static final Path PLUGINS = Path.of(System.getProperty("flof.plugins.dir", "../plugins"));

    @TempDir
    Path work;

    @Test
    void aReplayedFlattenIsJournalledButLeavesNoHaltMarker() throws Exception {
        FlofConfig cfg = new ConfigLoader().load(Optional.empty());
        RunnerSettings settings = new RunnerSettings(List.of("BTCUSDT"), "", Map.of("BTCUSDT", "1"), Map.of(),
                List.of(new RunnerSettings.Endpoint("binance-usdm", Map.of(), List.of("BTCUSDT"))), List.of(),
                new RunnerSettings.Status("127.0.0.1", -1, 1), "state", "", 1024, 24);
        long t = Instant.parse("2026-11-24T09:00:00Z").toEpochMilli() * 1_000_000L;
        ArrayDeque<Event> stream = new ArrayDeque<>(List.of(
                new Trade("BTCUSDT", t - 2_000_000_000L, t, 1, Fixed.parse("97000"), Fixed.parse("0.01"), Side.BUY, AggressorRule.VENUE)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PluginHost host = PluginHost.start(PLUGINS)) {
            Journal j;
            try (LiveRunner runner = new LiveRunner(LiveRunner.Mode.PAPER, cfg, settings, host, n -> Optional.empty(),
                    new SimulatedClock(Long.MIN_VALUE), work, new PrintStream(out, true, StandardCharsets.UTF_8), false)) {
                EventSource src = stream::pollFirst;
                runner.replay(List.of(src));
                j = runner.journal();
            }
            Journal.BreakerEntry trip = j.breakerEntries().stream().filter(b -> b.action().equals("FLATTEN")).findFirst()
                    .orElseThrow(() -> new AssertionError("no flatten in the journal: " + j.breakerEntries()));
            assertEquals("overlord", trip.breaker());
            assertEquals("zombie feed: BTCUSDT: exchange time 2000 ms behind receive time (limit 500 ms)", trip.reason());
            assertFalse(Files.exists(HaltMarker.path(work.resolve("state"))), "a rehearsal wrote the halt marker");
            String text = out.toString(StandardCharsets.UTF_8);
            // the flatten was complete (the point at which a real session writes the marker and stops)
            assertTrue(text.contains("rehearsal: the flatten is complete; no halt marker written"), text);
            // and a real session starts afterwards
            try (LiveRunner real = new LiveRunner(LiveRunner.Mode.PAPER, cfg, settings, host, n -> Optional.empty(),
                    new SimulatedClock(Long.MIN_VALUE), work, new PrintStream(new ByteArrayOutputStream()), false)) {
                assertEquals(0, real.exitCode());
            }
        }
    }
}
