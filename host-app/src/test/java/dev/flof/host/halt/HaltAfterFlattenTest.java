package dev.flof.host.halt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.FlofException;
import dev.flof.host.cli.Main;
import dev.flof.host.config.ConfigLoader;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.kernel.SystemClock;
import dev.flof.host.live.KernelThread;
import dev.flof.host.live.LiveRunner;
import dev.flof.host.live.RunnerSettings;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's end of the flatten in a paper session with the bundled plugins: a zombie-feed trip (a print two
 * seconds old) flattens a flat account, the flatten is complete at once, the session stops with exit code 3,
 * prints the report and writes {@code <state dir>/HALTED} (owner-only); the next start refuses with the way to
 * clear it; {@code ./flof halt} shows it and {@code ./flof halt --clear} removes it.
 */
class HaltAfterFlattenTest {
    static final Path PLUGINS = Path.of(System.getProperty("flof.plugins.dir", "../plugins"));

    @TempDir
    Path work;

    RunnerSettings settings() {
        return new RunnerSettings(List.of("BTCUSDT"), "", Map.of("BTCUSDT", "1"), Map.of(),
                List.of(new RunnerSettings.Endpoint("binance-usdm", Map.of(), List.of("BTCUSDT"))), List.of(),
                new RunnerSettings.Status("127.0.0.1", -1, 1), "state", "", 1024, 24);
    }

    @Test
    void aConfirmedFlattenEndsThePaperSessionAndBlocksTheNextStartUntilCleared() throws Exception {
        FlofConfig cfg = new ConfigLoader().load(Optional.empty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path marker = work.resolve("state").resolve("HALTED");
        try (PluginHost host = PluginHost.start(PLUGINS)) {
            LiveRunner runner = new LiveRunner(LiveRunner.Mode.PAPER, cfg, settings(), host, n -> Optional.empty(),
                    new SystemClock(), work, new PrintStream(out, true, StandardCharsets.UTF_8), false);
            try (runner) {
                long now = new SystemClock().nanos();
                runner.inbound().publish(new Trade("BTCUSDT", now - 2_000_000_000L, now, 1, Fixed.parse("97000"),
                        Fixed.parse("0.01"), Side.BUY, AggressorRule.VENUE));
                Thread kernel = KernelThread.start(runner, "test-kernel");
                kernel.join(60_000);
                assertFalse(kernel.isAlive(), "the session ended by itself after the confirmed flatten");
                assertEquals(HaltWatch.EXIT_HALTED, runner.exitCode());
            }
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("flof paper: HALTED by overlord: zombie feed: BTCUSDT: exchange time 2000 ms behind receive"
                    + " time (limit 500 ms)"), text);
            assertTrue(text.contains("./flof halt --clear --state-dir " + work.resolve("state")), text);
            assertTrue(Files.exists(marker));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(marker)));
            String m = Files.readString(marker);
            assertTrue(m.startsWith("HALTED by overlord: zombie feed: BTCUSDT"), m);
            assertTrue(m.contains("mode: paper"), m);
            assertTrue(m.contains("flatten complete: flat at the venue"), m);

            FlofException refused = assertThrows(FlofException.class, () -> new LiveRunner(LiveRunner.Mode.PAPER, cfg, settings(),
                    host, n -> Optional.empty(), new SystemClock(), work, new PrintStream(new ByteArrayOutputStream()), false));
            assertTrue(refused.getMessage().startsWith("paper refuses to start: the account was halted by a circuit breaker"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("HALTED by overlord: zombie feed"), refused.getMessage());
            assertTrue(refused.getMessage().contains("./flof halt --clear --state-dir " + work.resolve("state")), refused.getMessage());

            ByteArrayOutputStream cli = new ByteArrayOutputStream();
            Main.CliContext ctx = new Main.CliContext(new PrintStream(cli, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream()), PLUGINS, work, Map.of());
            assertEquals(0, Main.run(new String[] {"halt", "--state-dir", "state"}, ctx));
            assertTrue(cli.toString(StandardCharsets.UTF_8).contains("flof halt: HALTED (" + marker + ")"), cli.toString());
            assertTrue(Files.exists(marker), "showing does not clear");
            assertEquals(0, Main.run(new String[] {"halt", "--clear", "--state-dir", "state"}, ctx));
            assertFalse(Files.exists(marker));
            assertTrue(cli.toString(StandardCharsets.UTF_8).contains("flof halt: cleared " + marker), cli.toString());

            try (LiveRunner again = new LiveRunner(LiveRunner.Mode.PAPER, cfg, settings(), host, n -> Optional.empty(),
                    new SystemClock(), work, new PrintStream(new ByteArrayOutputStream()), false)) {
                assertEquals(0, again.exitCode(), "starts again once cleared");
            }
        }
    }

    @Test
    void theMarkerIsWrittenAtomicallyOwnerOnlyAndReplaced() throws Exception {
        Path dir = work.resolve("deep").resolve("state");
        HaltMarker.write(dir, "HALTED by test: first\n");
        HaltMarker.write(dir, "HALTED by test: second\n");
        assertEquals("HALTED by test: second\n", HaltMarker.read(dir).orElseThrow());
        assertEquals(List.of("HALTED"), Files.list(dir).map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(HaltMarker.path(dir))));
        FlofException e = assertThrows(FlofException.class, () -> HaltMarker.refuseIfHalted(dir, "live"));
        assertEquals("live refuses to start: the account was halted by a circuit breaker (" + HaltMarker.path(dir) + ")\n"
                + "  HALTED by test: second\n"
                + "  after reviewing the account, clear it with: ./flof halt --clear --state-dir " + dir + "  (or delete "
                + HaltMarker.path(dir) + ")", e.getMessage());
        assertTrue(HaltMarker.clear(dir));
        assertFalse(HaltMarker.clear(dir));
        HaltMarker.refuseIfHalted(dir, "live");
    }
}
