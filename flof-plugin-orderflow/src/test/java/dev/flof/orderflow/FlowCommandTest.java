package dev.flof.orderflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.orderflow.cli.FlowCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flow profile} and {@code flow signals} end to end through the CommandExtension. */
class FlowCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return FlowCommand.run(dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void profileOfTheGapFixture() {
        Path f = GoldenProfileTest.DIR.resolve("tc_gap.csv").toAbsolutePath();
        assertEquals(0, run("profile", "--trades", f.toString(), "--tick", "0.25"), err());
        String json = out().strip();
        assertTrue(json.contains("\"poc\":5000.75"), json);
        assertTrue(json.contains("\"val\":5000.25,\"vah\":5000.75"), json);
        assertTrue(json.contains("\"value_area_volume\":80"), json);
        assertTrue(json.contains("\"total_volume\":110"), json);
        assertTrue(json.contains("\"hvn\":[5000.75]"), json);
        assertTrue(json.contains("\"lvn\":[5000.5]"), json);
        assertTrue(json.contains("\"lvn_zones\":[[5000.5,5000.5]]"), json);
    }

    @Test
    void profileSingleRowRuleAndRange() throws IOException {
        Path f = GoldenProfileTest.DIR.resolve("tc_va_basic.csv").toAbsolutePath();
        assertEquals(0, run("profile", "--trades", f.toString(), "--value-area", "single"), err());
        assertTrue(out().contains("\"val\":5000.75,\"vah\":5001.5"), out());
        assertTrue(out().contains("\"value_area_volume\":155"), out());
        Files.writeString(dir.resolve("t.csv"), "ts_ns,price,size,side\n10,5000.00,5,B\n20,5000.25,7,S\n30,5000.50,9,N\n");
        out.reset();
        assertEquals(0, run("profile", "--trades", "t.csv", "--from", "10", "--to", "30"), err());
        assertTrue(out().contains("\"total_volume\":16"), "(from, to] half-open: " + out());
        assertTrue(out().contains("\"poc\":5000.5"), out());
    }

    @Test
    void badLineIsReportedWithFileAndLineWithoutAStackTrace() throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "ts_ns,price,size,side\n10,5000.00,5,B\n20,5000.25,x,S\n");
        int code = run("profile", "--trades", "bad.csv");
        assertEquals(FlowCommand.BAD_INPUT, code);
        assertTrue(err().contains("bad.csv:3: size is not a decimal"), err());
        assertFalse(err().contains("\tat "), "no stack trace");
    }

    @Test
    void badSideAndMissingFileAndBadRule() throws IOException {
        Files.writeString(dir.resolve("side.csv"), "10,5000.00,5,X\n");
        assertEquals(FlowCommand.BAD_INPUT, run("signals", "--trades", "side.csv"));
        assertTrue(err().contains("side.csv:1: side must be B, S or N"), err());
        err.reset();
        assertEquals(FlowCommand.BAD_INPUT, run("profile", "--trades", "nope.csv"));
        assertTrue(err().contains("no such file"), err());
        err.reset();
        Files.writeString(dir.resolve("ok.csv"), "10,5000.00,5,B\n");
        assertEquals(FlowCommand.BAD_INPUT, run("profile", "--trades", "ok.csv", "--value-area", "fancy"));
        assertTrue(err().contains("cbot2 or single"), err());
        err.reset();
        assertTrue(run("profile") != 0, "missing --trades");
        assertTrue(err().contains("--trades"), err());
    }

    @Test
    void offGridTradesAreRejectedAndCounted() throws IOException {
        Files.writeString(dir.resolve("g.csv"), "10,5000.00,5,B\n20,5000.10,5,B\n30,5000.25,5,S\n");
        assertEquals(0, run("profile", "--trades", "g.csv"));
        assertTrue(out().contains("\"rejected_off_grid\":1"), out());
        assertTrue(err().contains("1 trade(s) off the tick grid 0.25 were rejected"), err());
    }

    @Test
    void signalsPrintOneJsonLinePerSignal() throws IOException {
        StringBuilder csv = new StringBuilder("ts_ns,price,size,side\n");
        long ts = 1_700_000_000_000_000_000L;
        for (String p : new String[] {"5000.00", "5000.00", "5000.25", "5000.25", "5000.50", "5000.50"}) {
            csv.append(ts).append(',').append(p).append(",50,B\n");
        }
        csv.append(ts).append(",5000.25,5,S\n");
        Files.writeString(dir.resolve("w.csv"), csv.toString());
        assertEquals(0, run("signals", "--trades", "w.csv"), err());
        String[] lines = out().strip().split("\n");
        assertEquals(1, lines.length, out());
        assertEquals("{\"type\":\"LARGE_PRINT\",\"ts\":" + ts + ",\"side\":\"BUY\",\"price\":5000,\"eventTs\":" + ts
                + ",\"fills\":6,\"highPrice\":5000.5,\"lowPrice\":5000,\"size\":300}", lines[0]);
    }

    @Test
    void signalsWithQuotesFindAbsorption() throws IOException {
        long t0 = 1_700_000_000_000_000_000L;
        Files.writeString(dir.resolve("q.csv"), "ts_ns,bid_px,bid_sz,ask_px,ask_sz\n" + (t0 - 5_000_000_000L)
                + ",4999.75,50,5000.00,50\n");
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            long ts = t0 + 500_000_000L + i * 1_000_000_000L;
            csv.append(ts).append(",4999.75,15,S\n").append(ts + 1).append(",5000.00,4,B\n");
        }
        Files.writeString(dir.resolve("a.csv"), csv.toString());
        assertEquals(0, run("signals", "--trades", "a.csv", "--quotes", "q.csv"), err());
        assertTrue(out().contains("\"type\":\"ABSORPTION\""), out());
        assertTrue(out().contains("\"side\":\"BUY\""), out());
    }

    @Test
    void profileWithWiderRows() {
        Path f = GoldenProfileTest.DIR.resolve("tc_float_tick.csv").toAbsolutePath();
        assertEquals(0, run("profile", "--trades", f.toString(), "--tick", "0.01", "--row-ticks", "2"), err());
        assertTrue(out().contains("\"row_ticks\":2"), out());
        assertTrue(out().contains("\"poc\":1024.14"), out());
        err.reset();
        assertEquals(FlowCommand.BAD_INPUT, run("profile", "--trades", f.toString(), "--row-ticks", "0"));
        assertTrue(err().contains("--row-ticks must be at least 1"), err());
    }

    @Test
    void signalsOnTheRealEsHourAreValidJsonAndMatchTheEngine() throws IOException {
        StringBuilder trades = new StringBuilder("ts_ns,price,size,side\n");
        StringBuilder quotes = new StringBuilder("ts_ns,bid_px,bid_sz,ask_px,ask_sz\n");
        java.math.BigDecimal tick = new java.math.BigDecimal("0.25");
        for (RealData.Row r : RealData.es()) {
            trades.append(r.ts()).append(',').append(tick.multiply(java.math.BigDecimal.valueOf(r.tick())).toPlainString())
                    .append(',').append(r.size() / 1_000_000_000L).append(',')
                    .append(r.side() > 0 ? "B" : r.side() < 0 ? "S" : "N").append('\n');
            if (r.bid() < r.ask()) {
                quotes.append(r.ts()).append(',').append(tick.multiply(java.math.BigDecimal.valueOf(r.bid())).toPlainString())
                        .append(',').append(r.bidSize() / 1_000_000_000L).append(',')
                        .append(tick.multiply(java.math.BigDecimal.valueOf(r.ask())).toPlainString()).append(',')
                        .append(r.askSize() / 1_000_000_000L).append('\n');
            }
        }
        Files.writeString(dir.resolve("es.csv"), trades.toString());
        Files.writeString(dir.resolve("esq.csv"), quotes.toString());
        assertEquals(0, run("signals", "--trades", "es.csv", "--quotes", "esq.csv"), err());
        String[] lines = out().strip().split("\n");
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String line : lines) {
            com.fasterxml.jackson.databind.JsonNode n = m.readTree(line);
            counts.merge(n.get("type").asText(), 1, Integer::sum);
        }
        // same totals per type as the engine run in RealDataTest (defaults)
        assertEquals(java.util.Map.of("ABSORPTION", 9, "CVD_DIVERGENCE", 1, "DELTA_FLIP", 16, "POC_LAG", 4,
                "POC_SHIFT", 8, "STACKED_IMBALANCE", 3), counts);
        assertTrue(err().contains("2973 trades"), err());
    }
}
