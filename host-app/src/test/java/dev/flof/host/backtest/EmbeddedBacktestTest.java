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
        // the one quiet stretch of the file: 15:21:41 to 15:43:03 is 21 min 22 s; the note names the file once
        assertTrue(out.toString().contains("bitstamp_trades_from_20131125_usd.csv: gap of 1282 s with no data"), out.toString());
        assertFalse(out.toString().contains("usd.csv: bitstamp_trades"), "the file is named once per note: " + out);

        // the engine ran over the whole replay: every event checked against the invariants, setups graded and
        // explained (the daily chart has no structure in six bars; the 4H bias, bullish from 2013-11-26 20:00 UTC
        // and bearish from 2013-12-01 08:00, is checked setup by setup in EmbeddedDefaultTradesTest)
        JsonNode trading = r.get("trading");
        assertTrue(trading.get("invariantChecks").asLong() >= seen.get("eventsDispatched").asLong(), trading.toString());
        assertTrue(trading.get("transitions").size() > 0, trading.get("transitions").toString());
        JsonNode setups = trading.get("setups");
        assertEquals(setups.get("graded").asLong(), setups.get("byGrade").path("C").asLong()
                + setups.get("byGrade").path("B").asLong() + setups.get("byGrade").path("A+").asLong());
        assertTrue(setups.get("setupsScoringEachFactor").path("htf-bias").asLong() > 0, "4H structure turns bullish in the rally");
        assertEquals(trading.get("trades").get("count").asLong(), trading.get("trades").get("list").size());
        JsonNode cost = trading.get("dataCost").get("BTCUSD");
        assertEquals((100_000 - 18) * (48 + 368), cost.get("alwaysOnTradesPlusMbp10").get("bytes").asLong(),
                "always-on: every print as a 48 B trade and (no quotes in the file) one 368 B mbp-10 update");
        assertTrue(cost.get("valveBytes").asLong() < cost.get("alwaysOnTradesPlusMbp10").get("bytes").asLong());
        assertEquals("100000", trading.get("startingEquity").asText());

        JsonNode report = new ObjectMapper().readTree(work.resolve("out/backtest/report.json").toFile());
        assertEquals(setups.get("graded").asLong(), report.get("gradedSetups").size(), "every graded setup is in report.json");
        assertEquals(trading.get("trades").get("count").asLong(), report.get("trades").size());
        assertTrue(Files.readString(work.resolve("out/backtest/trades.csv")).startsWith("trade_id,"));
        assertTrue(Files.readString(work.resolve("out/backtest/report.html")).contains("id=\"price\""));

        java.util.List<String> files = java.util.List.of("summary.json", "summary.txt", "report.json", "trades.csv", "report.html");
        java.util.List<byte[]> first = new java.util.ArrayList<>();
        for (String f : files) {
            first.add(Files.readAllBytes(work.resolve("out/backtest").resolve(f)));
        }
        assertEquals(0, run(work, new ByteArrayOutputStream(), err, "backtest"), err.toString());
        for (int i = 0; i < files.size(); i++) {
            assertArrayEquals(first.get(i), Files.readAllBytes(work.resolve("out/backtest").resolve(files.get(i))),
                    "two runs, byte-identical " + files.get(i));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"OCO", "FLATTEN", "QUARANTINE"})
    void everyBreakerModeStartsWithTheParametersTheHostGivesIt(String mode, @TempDir Path work) throws IOException {
        Path cfg = work.resolve("mode.yaml");
        Files.writeString(cfg, "engine:\n  breakerMode: " + mode + "\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(work, new ByteArrayOutputStream(), err, "backtest", "--config", cfg.toString()), err.toString());
        JsonNode r = new ObjectMapper().readTree(work.resolve("out/backtest/summary.json").toFile());
        assertTrue(r.get("run").get("extensions").get("circuitBreaker").asText().contains(mode), r.get("run").toString());
    }

    @Test
    void aBreakerParameterItDoesNotKnowStopsTheRunNamingIt(@TempDir Path work) throws IOException {
        Path cfg = work.resolve("bad.yaml");
        Files.writeString(cfg, "engine:\n  breakerMode: OCO\nrisk:\n  breakerParams: {frobnicate: \"1\"}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, run(work, new ByteArrayOutputStream(), err, "backtest", "--config", cfg.toString()));
        assertTrue(err.toString().contains("frobnicate"), err.toString());
        assertTrue(err.toString().contains("risk.breakerParams"), err.toString());
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
