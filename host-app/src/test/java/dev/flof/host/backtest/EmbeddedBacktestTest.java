package dev.flof.host.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job on the embedded default, end to end through the CLI, the bundled plugins and the kernel.
 * Expected figures come from the data itself (the shared copy of the same CSV and its README), not from
 * an earlier run: 100,000 rows of which 18 have a zero amount, 2013-11-25 00:00:00 to 2013-12-01 16:02:05 UTC.
 */
class EmbeddedBacktestTest {
    static final Path BUNDLED = Path.of(System.getProperty("flof.plugins.dir", "../plugins"));

    static int run(Path work, ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return Main.run(args, new Main.CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), BUNDLED, work, Map.of()));
    }

    @Test
    void theEmbeddedDefaultReplaysDeterministicallyAndReportsWhatItSaw(@TempDir Path work) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(work, out, err, "backtest"), err.toString());
        Path summary = work.resolve("out/backtest/summary.json");
        JsonNode r = new ObjectMapper().readTree(summary.toFile());
        JsonNode seen = r.get("seen");
        assertEquals(100_000 - 18, seen.get("eventsByType").get("Trade").asLong());
        assertEquals("2013-11-25T00:00:00Z", seen.get("timeSpan").get("first").asText());
        assertEquals("2013-12-01T16:02:05Z", seen.get("timeSpan").get("last").asText());
        // No aggressor side in the data: every trade but the very first is decided by the tick rule.
        assertEquals(100_000 - 18 - 1, seen.get("aggressorSideByRule").get("TICK").asLong());
        JsonNode bars = seen.get("closedBars").get("BTCUSD");
        assertEquals(6, bars.get("1D").asLong(), "six complete UTC days, the seventh still forming");
        assertEquals(1, bars.get("1M").asLong(), "November closes when December's first trade arrives");
        assertFalse(bars.has("1W"), "the week of 2013-11-25 ends on 2013-12-02, after the data");
        assertTrue(bars.get("1m").asLong() > 9_000 && bars.get("1m").asLong() <= 9_603, bars.toString());
        assertEquals(4, r.get("run").get("plugins").size());
        assertTrue(out.toString().contains("tick rule"), "the output says how the side was derived: " + out);

        byte[] first = Files.readAllBytes(summary);
        byte[] firstText = Files.readAllBytes(work.resolve("out/backtest/summary.txt"));
        assertEquals(0, run(work, new ByteArrayOutputStream(), err, "backtest"), err.toString());
        assertArrayEquals(first, Files.readAllBytes(summary), "two runs, byte-identical summary.json");
        assertArrayEquals(firstText, Files.readAllBytes(work.resolve("out/backtest/summary.txt")));
    }

    @Test
    void aFailedRunLeavesThePreviousOutputUntouchedAndNoStagingBehind(@TempDir Path work) throws IOException {
        Path outDir = Files.createDirectories(work.resolve("out/backtest"));
        Files.writeString(outDir.resolve("summary.json"), "previous");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path bad = work.resolve("trades.csv");
        Files.writeString(bad, "ts_ns,price,size,side\n1700000000000000000,100.5,1,B\nnot-a-number,100.5,1,B\n");
        int code = run(work, new ByteArrayOutputStream(), err, "backtest", "--data", bad.toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("trades.csv"), err.toString());
        assertTrue(err.toString().contains(":3") || err.toString().contains("line 3"), "names the line: " + err);
        assertEquals("previous", Files.readString(outDir.resolve("summary.json")));
        try (var s = Files.list(work.resolve("out"))) {
            assertEquals(1, s.count(), "no staging folder left behind");
        }
    }
}
