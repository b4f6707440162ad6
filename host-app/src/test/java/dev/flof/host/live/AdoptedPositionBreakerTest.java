package dev.flof.host.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.config.ConfigLoader;
import dev.flof.host.halt.HaltMarker;
import dev.flof.host.halt.HaltWatch;
import dev.flof.host.journal.Journal;
import dev.flof.host.kernel.SystemClock;
import dev.flof.host.plugin.PluginHost;
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
 * Money safety after a restart: the risk overlord learns the position FLOF adopted from the venue. A long 2 ES
 * @ 6000 with its stop at 5990 rests at the (fake TWS) venue; FLOF restarts (its execution history starts after
 * the entry, so only the venue's position report knows it), adopts the position, and then the stop fills at 5990.
 * The overlord must book that fill as closing the adopted long: a realized loss of 2 x (6000 - 5990) x 50 USD =
 * 1000.00 USD (the fake's live fills carry no fee), not the opening of a new short at 5990 (which would realize
 * nothing). With an equity of 20,000 and the default 3 % daily limit (600.00 USD) the loss trips the flatten:
 * the account is already flat, so the session ends with exit code 3 and the halt marker.
 */
class AdoptedPositionBreakerTest {
    static final Path PLUGINS = Path.of(System.getProperty("flof.plugins.dir", "../plugins"));

    @TempDir
    Path work;

    @Test
    void theStopFillOfAnAdoptedLongIsARealizedLossThatTripsTheDailyLimit() throws Exception {
        try (KillRestartTest.Tws tws = new KillRestartTest.Tws()) {
            KillRestartTest.longBracketFilledAtTheVenue(tws, "a1", 2, "6020");
            tws.nextValidId(2000);
            // the restarted process knew every execution up to now: the entry is not in its recovered history, so
            // the position reaches it only as the venue's position report (2 @ 6000), as after a long outage
            new ExecutionStore(work.resolve("state"), "ibkr").saveLastExecutionTs(System.currentTimeMillis() * 1_000_000L);
            RunnerSettings settings = new RunnerSettings(List.of("ESZ6"), "20000", Map.of("ES", "2"), Map.of("ES", "10"),
                    List.of(new RunnerSettings.Endpoint("ibkr", Map.of("host", "127.0.0.1", "port", Integer.toString(tws.port()),
                            "clientId", "11", "timeoutMs", "10000", "reconnectDelaysMs", ""), List.of("ESZ6"))), List.of(),
                    new RunnerSettings.Status("127.0.0.1", -1, 1), "state", "", 1024, 24);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (PluginHost host = PluginHost.start(PLUGINS);
                 LiveRunner runner = new LiveRunner(LiveRunner.Mode.LIVE, new ConfigLoader().load(Optional.empty()), settings, host,
                         n -> Optional.empty(), new SystemClock(), work, new PrintStream(out, true, StandardCharsets.UTF_8), false)) {
                Thread kernel = KernelThread.start(runner, "test-kernel");
                LiveStatus up = runner.awaitStatus(s -> s.venues().get(0).reconciled()
                        && s.instruments().get(0).position().equals("2"), Duration.ofSeconds(60));
                assertEquals("2", up.instruments().get(0).venuePosition());
                assertEquals("stop 5990 x2", up.instruments().get(0).protection());
                assertEquals("ACTIVE", up.breaker(), "adopting the position at its own average is no loss");

                tws.fill(1001, "5990"); // the adopted stop fills
                kernel.join(60_000);
                assertFalse(kernel.isAlive(), "the breaker's flatten (already flat) ended the session");
                assertEquals(HaltWatch.EXIT_HALTED, runner.exitCode());
                Journal j = runner.journal();
                assertEquals(1L, j.counters().get("oms: adopted positions shown to the circuit breakers"), j.counters().toString());
                Journal.BreakerEntry trip = j.breakerEntries().stream().filter(b -> b.action().equals("FLATTEN")).findFirst()
                        .orElseThrow(() -> new AssertionError("no flatten: " + j.breakerEntries()));
                assertEquals("overlord", trip.breaker());
                assertEquals("daily loss -1000.00 (realized -1000.00, unrealized 0.00) beyond the limit 600.00", trip.reason());
                assertEquals(3, tws.count("3"), "nothing was sent after the restart: no entry, no second stop, no flatten order");
            }
            assertTrue(Files.exists(HaltMarker.path(work.resolve("state"))), out.toString(StandardCharsets.UTF_8));
            String log = out.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("adopted 2 ESZ6 @ 6000 from ibkr with stop 5990"), log);
        }
    }
}
