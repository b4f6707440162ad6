package dev.flof.host.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flof.host.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --from/--to} windows and {@code --sweep} parameter sweeps, through the CLI on the embedded default. */
class BacktestOptionsTest {
    static final Path BUNDLED = Path.of(System.getProperty("flof.plugins.dir", "../plugins"));

    record Run(int code, String out, String err) {
    }

    static Run run(Path work, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new Main.CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), BUNDLED, work, Map.of()));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTimeWindowReplaysOnlyItsTrades(@TempDir Path work) throws IOException {
        Run r = run(work, "backtest", "--from", "2013-11-26", "--to", "2013-11-27T00:00:00Z");
        assertEquals(0, r.code(), r.err());
        JsonNode seen = new ObjectMapper().readTree(work.resolve("out/backtest/summary.json").toFile()).get("seen");
        // Counted independently with awk over the shared copy of the CSV: timestamps in [1385424000, 1385510400)
        // with a positive amount: 14,139 trades, the first at 00:00:48 and the last at 23:59:53.
        assertEquals(14_139, seen.get("eventsByType").get("Trade").asLong());
        assertEquals("2013-11-26T00:00:48Z", seen.get("timeSpan").get("first").asText());
        assertEquals("2013-11-26T23:59:53Z", seen.get("timeSpan").get("last").asText());
    }

    @Test
    void aBadTimeIsNamed(@TempDir Path work) {
        Run r = run(work, "backtest", "--from", "yesterday");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--from: expected an ISO instant"), r.err());
        assertFalse(Files.exists(work.resolve("out")));
    }

    @Test
    void aSweepRunsEveryCombinationAndTabulatesThemInOrder(@TempDir Path work) throws IOException {
        Run r = run(work, "backtest", "--from", "2013-11-26", "--to", "2013-11-27",
                "--sweep", "predator.gradeB=6,7", "--sweep", "engine.exitManager=fixed-r,atr-trail");
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(work.resolve("out/backtest/sweep.csv"));
        assertEquals("run,predator.gradeB,engine.exitManager,trades,wins,net_pnl,final_equity,graded_setups,taken_setups", csv.get(0));
        assertEquals(5, csv.size(), "header + 2 x 2 combinations");
        assertTrue(csv.get(1).startsWith("run-001,6,fixed-r,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("run-002,6,atr-trail,"), csv.get(2));
        assertTrue(csv.get(4).startsWith("run-004,7,atr-trail,"), csv.get(4));
        for (int i = 1; i <= 4; i++) {
            Path summary = work.resolve("out/backtest/run-00" + i + "/summary.json");
            assertTrue(Files.isRegularFile(summary), summary.toString());
            JsonNode run = new ObjectMapper().readTree(summary.toFile()).get("run");
            assertEquals(i % 2 == 1 ? "fixed-r" : "atr-trail", run.get("extensions").get("exitManager").asText(),
                    "the override reached the engine of run " + i);
        }
    }

    @Test
    void aSweepOverAnUnknownKeyFailsBeforeRunning(@TempDir Path work) {
        Run r = run(work, "backtest", "--sweep", "predator.gradeZ=1,2");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("override predator.gradeZ: unknown key"), r.err());
        assertFalse(Files.exists(work.resolve("out")));
    }
}
