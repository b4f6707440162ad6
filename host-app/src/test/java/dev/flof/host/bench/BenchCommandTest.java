package dev.flof.host.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flof.host.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./flof bench} with tiny sizes: structure only (exit code, sections, counts that follow from the
 * arguments). Never timing: speed is what the command reports, not what a unit test asserts.
 */
class BenchCommandTest {
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
    void quickRunWritesBenchJsonWithEverySection(@TempDir Path work) throws IOException {
        Run r = run(work, "bench", "--trades", "20000", "--quick", "--seconds", "0.2", "--rate", "50000", "--out", "o");
        assertEquals(0, r.code(), r.err() + r.out());
        Path json = work.resolve("o/bench.json");
        assertTrue(Files.isRegularFile(json));
        assertFalse(Files.exists(work.resolve("o/bench.json.tmp")), "temporary file left behind");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        for (String section : List.of("machine", "settings", "files", "decode", "zstdBound", "engine", "live", "figures")) {
            assertTrue(root.has(section), "missing section " + section + " in " + root);
        }
        // files: 360 bytes of prelude + metadata (see metadataIsDbnV3WithTheSymbolMapping) + 20,000 records of 48 / 80 bytes
        assertEquals(360 + 20_000L * 48, root.at("/files/trades/bytes").asLong());
        assertEquals(360 + 20_000L * 80, root.at("/files/tbbo/bytes").asLong());
        // every trade record comes out of the plugin as one Trade event
        assertEquals(20_000, root.at("/decode/tradesPlain/events").asLong());
        // tbbo: each trade plus a quote whenever the top of book changed (at least the first one)
        long tbboEvents = root.at("/decode/tbboPlain/events").asLong();
        assertTrue(tbboEvents > 20_000 && tbboEvents <= 40_000, "tbbo events " + tbboEvents);
        assertTrue(root.at("/decode/tradesPlain/recordsPerSecondCpu").asDouble() > 0);
        boolean zstd = BenchCommand.zstdVersion() != null;
        assertEquals(zstd, root.at("/decode").has("tradesZstd"));
        assertEquals(zstd, root.at("/zstdBound").has("trades"));
        if (zstd) {
            assertEquals(20_000, root.at("/decode/tradesZstd/events").asLong());
            assertEquals(tbboEvents, root.at("/decode/tbboZstd/events").asLong());
        }
        // the engine replays the same tbbo events the decoder produced
        assertEquals(tbboEvents, root.at("/engine/events").asLong());
        assertTrue(root.at("/engine/peakHeapUsedBytes").asLong() > 0);
        // --quick: one cold engine run, no warm-up
        assertEquals(0, root.at("/engine/warmUpRuns").asInt());
        assertEquals(1, root.at("/engine/runs").size());
        assertEquals(root.at("/engine/cpuSeconds").asDouble(), root.at("/engine/runs/0/cpuSeconds").asDouble());
        // live: 50,000 ticks/s x 0.2 s measured after 0.5 s x 50,000 warm-up ticks
        assertEquals(10_000, root.at("/live/ticks").asLong());
        assertEquals(25_000, root.at("/live/warmupTicks").asLong());
        assertEquals(10_000 - root.at("/live/dropped").asLong(), root.at("/live/latencyNanos/count").asLong());
        assertTrue(root.at("/live/latencyNanos/p50").asLong() > 0);
        assertTrue(root.at("/live/latencyNanos/max").asLong() >= root.at("/live/latencyNanos/p99.9").asLong());
        assertTrue(root.at("/live/kernelBytesAllocated").asLong() >= 0);
        assertTrue(r.out().contains("p99.9"), r.out());
    }

    @Test
    void fullRunMeasuresTheEngineThreeTimesAfterAWarmUpAndReportsTheFastest(@TempDir Path work) throws IOException {
        Run r = run(work, "bench", "--trades", "3000", "--skip-live", "--out", "o");
        assertEquals(0, r.code(), r.err() + r.out());
        JsonNode engine = new ObjectMapper().readTree(work.resolve("o/bench.json").toFile()).get("engine");
        assertEquals(1, engine.get("warmUpRuns").asInt());
        JsonNode runs = engine.get("runs");
        assertEquals(3, runs.size());
        double fastest = Double.MAX_VALUE;
        for (JsonNode run : runs) {
            // every run replays the whole file
            assertEquals(engine.get("events").asLong(), run.get("events").asLong());
            fastest = Math.min(fastest, run.get("cpuSeconds").asDouble());
        }
        assertEquals(fastest, engine.get("cpuSeconds").asDouble());
        assertTrue(r.out().contains("fastest of 3 runs after a warm-up"), r.out());
    }

    @Test
    void checkExitsThreeOnlyWhenAFigureIsMoreThanTwiceWorse(@TempDir Path work) throws IOException {
        // no machine decodes 10^15 records per CPU second, and every machine decodes at least one
        Files.writeString(work.resolve("impossible.json"), "{\"figures\": {\"decode trades.dbn records/s cpu\": 1e15}}");
        Files.writeString(work.resolve("trivial.json"), "{\"figures\": {\"decode trades.dbn records/s cpu\": 1}}");
        String[] common = {"bench", "--trades", "2000", "--quick", "--skip-engine", "--skip-live", "--out", "o", "--check", "--baseline"};
        Run bad = run(work, concat(common, "impossible.json"));
        assertEquals(BenchCommand.REGRESSED, bad.code(), bad.err());
        assertTrue(bad.err().contains("regression: decode trades.dbn records/s cpu:"), bad.err());
        assertTrue(Files.isRegularFile(work.resolve("o/bench.json")), "bench.json is written before the check");
        Run ok = run(work, concat(common, "trivial.json"));
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("check: no figure regressed"), ok.out());
    }

    @Test
    void theRecordedBaselineCoversTheFiguresARunProduces() throws IOException {
        JsonNode base;
        try (var in = BenchCommand.class.getResourceAsStream(BenchCommand.BASELINE_RESOURCE)) {
            base = new ObjectMapper().readTree(in).get("figures");
        }
        for (String k : List.of("decode trades.dbn records/s cpu", "decode trades.dbn.zst records/s cpu", "decode tbbo.dbn records/s cpu",
                "decode tbbo.dbn.zst records/s cpu", "engine events/s cpu", "live kernel bytes/event")) {
            assertTrue(base.has(k) && base.get(k).isNumber(), "baseline lacks " + k);
        }
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }

    @Test
    void badSizeIsAClearError(@TempDir Path work) {
        Run r = run(work, "bench", "--trades", "0", "--out", "o");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--trades must be positive"), r.err());
    }

    @Test
    void guardFailsOnlyBeyondAFactorOfTwo() {
        Map<String, Double> base = Map.of("decode x records/s cpu", 100.0, "live kernel bytes/event", 0.0);
        assertEquals(List.of(), BenchCommand.compare(base, Map.of("decode x records/s cpu", 50.0, "live kernel bytes/event", 64.0)));
        List<String> f = BenchCommand.compare(base, Map.of("decode x records/s cpu", 49.9, "live kernel bytes/event", 64.5));
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("decode x records/s cpu: 49.9 < 100.0 / 2"), f.toString());
        assertEquals(List.of("live kernel bytes/event: not measured in this run (baseline 0.0)"),
                BenchCommand.compare(Map.of("live kernel bytes/event", 0.0), Map.of()));
    }

    @Test
    void metadataIsDbnV3WithTheSymbolMapping() {
        ByteBuffer b = SyntheticDbn.metadata(SyntheticDbn.SCHEMA_TRADES, 1, 2).order(ByteOrder.LITTLE_ENDIAN);
        // docs/databento.md §2.1: "DBN" + version 3, length after the 8-byte prelude padded to 8 in v3,
        // variable part at 112: 4 + 71 (symbols) + 4 + 4 + 4 + 71 + 4 + (4 + 4 + 71) = 241, so
        // length = (112 - 8) + 241 = 345, padded to 352; 8 + 352 = 360 bytes in all
        assertEquals('D', b.get(0));
        assertEquals('N', b.get(2));
        assertEquals(3, b.get(3));
        assertEquals(352, b.getInt(4));
        assertEquals(360, b.remaining());
        assertEquals(4, b.getShort(24));
        assertEquals(71, b.getShort(53));
        assertEquals(1, b.getInt(112));
        assertEquals('E', b.get(116));
    }
}
