package dev.flof.host.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flof.host.FlofException;
import dev.flof.host.backtest.BacktestRunner;
import dev.flof.host.backtest.Digests;
import dev.flof.host.cli.Main;
import dev.flof.host.config.ConfigLoader;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.plugin.PluginHost;
import dev.flof.spi.event.Event;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.ReplaySourceProvider;
import dev.flof.spi.ext.StructureAnalyzer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./flof bench}: the end-to-end speed measurement of issue 13. Generates a synthetic DBN trades and
 * tbbo file of N trades, then measures decode-only throughput through the {@code databento-dbn} replay
 * source loaded by the plugin host (plain and zstd), {@code zstd -d} on the same compressed files (the
 * physical bound), full-engine replay through {@link BacktestRunner}, and the tick-to-order latency of the
 * live path ({@link LiveBench}). Prints a table and writes {@code bench.json} (atomically) to the output
 * folder. With {@code --check} it compares the figures with the recorded ones and fails (exit 3) when one
 * regressed by more than a factor of two (the CI guard).
 *
 * <p>This package is the measuring tool, so it, and only it, reads the wall clock and the threads' CPU
 * clocks. Throughput is reported both per wall-clock second and per second of the measuring thread's CPU
 * time: on a shared machine the CPU figure is the stable one, and the guard compares CPU figures.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure decode, full-engine replay and live tick-to-order latency on synthetic ES data.",
                "Writes bench.json to the output folder; see docs/benchmarks.md for the recorded figures."})
public final class BenchCommand implements Callable<Integer> {
    /** Exit code of a run whose figures regressed by more than the allowed factor against the baseline. */
    public static final int REGRESSED = 3;
    static final String BASELINE_RESOURCE = "/dev/flof/host/bench/ci-baseline.json";
    static final long SEED = 42;
    /** Trades through the live lane before the burst: past the order-flow profile history's 2^21 cap. */
    static final long PREFILL_TRADES = 2_200_000L;

    private final Main.CliContext ctx;

    @Option(names = "--trades", paramLabel = "N", description = "Trades in the synthetic files (default: ${DEFAULT-VALUE}).")
    long trades = 20_000_000L;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder for bench.json (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench-out");

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the synthetic files go and are reused (default: OUT/data).")
    Path dataDir;

    @Option(names = "--quick", description = "One run per measurement, a 1 s live burst, no steady-state prefill (CI, smoke tests).")
    boolean quick;

    @Option(names = "--rate", paramLabel = "TICKS/S", description = "Live burst rate (default: ${DEFAULT-VALUE}).")
    long rate = 200_000L;

    @Option(names = "--seconds", paramLabel = "S", description = "Live burst length (default: 10, or 1 with --quick).")
    Double seconds;

    @Option(names = "--spin", description = "Live feed thread busy-waits to each tick's time instead of sleeping and sending in batches.")
    boolean spin;

    @Option(names = "--skip-engine", description = "Skip the full-engine replay.")
    boolean skipEngine;

    @Option(names = "--skip-live", description = "Skip the live latency burst.")
    boolean skipLive;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration for the engine (default: built-in defaults).")
    Path config;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins folder (default: the installation's plugins/).")
    Path pluginsDir;

    @Option(names = "--check", description = "Fail (exit 3) when a figure is more than 2x worse than the recorded CI baseline.")
    boolean check;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Baseline for --check (default: the recorded one in the build).")
    Path baseline;

    public BenchCommand(Main.CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (trades < 1) {
            throw new FlofException("--trades must be positive, got " + trades);
        }
        if (rate < 1) {
            throw new FlofException("--rate must be positive, got " + rate);
        }
        PrintStream o = ctx.out();
        Path outDir = ctx.workingDir().resolve(out);
        Path data = dataDir != null ? ctx.workingDir().resolve(dataDir) : outDir.resolve("data");
        Files.createDirectories(data);
        int runs = quick ? 1 : 3;
        FlofConfig cfg = new ConfigLoader().load(Optional.ofNullable(config));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("trades", trades);
        settings.put("seed", SEED);
        settings.put("quick", quick);
        settings.put("runsPerMeasurement", runs);
        settings.put("livePacing", spin ? "spin" : "batched (feed thread sleeps until the next tick is due)");
        json.put("settings", settings);
        Map<String, Double> figures = new TreeMap<>();

        o.printf(Locale.ROOT, "flof bench: %,d trades, %s%n", trades, quick ? "quick" : runs + " runs per measurement");
        Path trades1 = data.resolve("trades-" + trades + ".dbn");
        Path tbbo1 = data.resolve("tbbo-" + trades + ".dbn");
        Map<String, Object> gen = new LinkedHashMap<>();
        gen.put("trades", generate(trades1, SyntheticDbn.TRADE_RECORD, false, o));
        gen.put("tbbo", generate(tbbo1, SyntheticDbn.TBBO_RECORD, true, o));
        String zstdVersion = zstdVersion();
        Path tradesZ = null;
        Path tbboZ = null;
        if (zstdVersion != null) {
            tradesZ = compress(trades1, o);
            tbboZ = compress(tbbo1, o);
            gen.put("tradesZst", Files.size(tradesZ));
            gen.put("tbboZst", Files.size(tbboZ));
        }
        gen.put("zstd", zstdVersion == null ? "not found on PATH: zstd measurements skipped" : zstdVersion);
        json.put("files", gen);

        Path plugins = pluginsDir != null ? pluginsDir : ctx.pluginsDir();
        try (PluginHost host = PluginHost.start(plugins)) {
            ReplaySourceProvider dbn = host.require(ReplaySourceProvider.class, "databento-dbn", "bench (DBN replay source)");
            o.println();
            o.println("decode only (databento-dbn replay source, one thread; events = Trade/Quote objects out of the plugin)");
            o.printf(Locale.ROOT, "  %-16s %12s %12s %14s %14s %12s%n", "file", "records", "wall s", "M rec/s wall",
                    "M rec/s cpu", "MB/s cpu");
            Map<String, Object> decode = new LinkedHashMap<>();
            decode.put("tradesPlain", decode(dbn, trades1, trades, SyntheticDbn.TRADE_RECORD, runs, "trades.dbn", figures, o));
            if (tradesZ != null) {
                decode.put("tradesZstd", decode(dbn, tradesZ, trades, SyntheticDbn.TRADE_RECORD, runs, "trades.dbn.zst", figures, o));
            }
            decode.put("tbboPlain", decode(dbn, tbbo1, trades, SyntheticDbn.TBBO_RECORD, runs, "tbbo.dbn", figures, o));
            if (tbboZ != null) {
                decode.put("tbboZstd", decode(dbn, tbboZ, trades, SyntheticDbn.TBBO_RECORD, runs, "tbbo.dbn.zst", figures, o));
            }
            json.put("decode", decode);

            Map<String, Object> zstd = new LinkedHashMap<>();
            if (zstdVersion != null) {
                o.println();
                o.println("zstd -d -T1 on the same files (the physical bound for compressed input)");
                zstd.put("trades", zstdBound(tradesZ, trades, SyntheticDbn.TRADE_RECORD, runs, "trades.dbn.zst", decode, "tradesZstd", figures, o));
                zstd.put("tbbo", zstdBound(tbboZ, trades, SyntheticDbn.TBBO_RECORD, runs, "tbbo.dbn.zst", decode, "tbboZstd", figures, o));
            } else {
                zstd.put("skipped", "zstd not found on PATH");
                o.println("zstd: not found on PATH; the zstd bound is not measured");
            }
            json.put("zstdBound", zstd);

            if (!skipEngine) {
                Path file = tbboZ != null ? tbboZ : tbbo1;
                @SuppressWarnings("unchecked")
                Map<String, Object> same = (Map<String, Object>) decode.get(tbboZ != null ? "tbboZstd" : "tbboPlain");
                json.put("engine", engine(host, cfg, file, same, runs, figures, o));
            }
            if (!skipLive) {
                double secs = seconds != null ? seconds : quick ? 1.0 : 10.0;
                double warm = quick ? 0.5 : 3.0;
                LiveBench live = new LiveBench(host.require(FlowAnalyzer.class, cfg.engine().flow(), "engine.flow"),
                        host.require(StructureAnalyzer.class, cfg.engine().structure(), "engine.structure"), spin);
                long prefill = quick ? 0 : PREFILL_TRADES;
                json.put("live", live(live.run(rate, prefill, warm, secs, true), figures, o, ""));
                if (!quick) {
                    // attribution: the same burst with nothing on the kernel thread but the bookkeeping
                    json.put("liveKernelOnly", live(live.run(rate, 0, warm, Math.min(secs, 3.0), false), figures, o, "kernel only "));
                }
            }
        }
        json.put("figures", figures);
        Path jsonFile = outDir.resolve("bench.json");
        writeAtomically(jsonFile, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json));
        o.println();
        o.println("  output   " + jsonFile);
        if (check) {
            return check(figures, o) ? 0 : REGRESSED;
        }
        return 0;
    }

    // ---------------------------------------------------------------- files

    private Map<String, Object> generate(Path file, int recordSize, boolean tbbo, PrintStream o) throws IOException {
        long expected = SyntheticDbn.metadata(0, 0, 0).remaining() + trades * recordSize;
        Map<String, Object> m = new LinkedHashMap<>();
        boolean reuse = Files.isRegularFile(file) && Files.size(file) == expected;
        long t = System.nanoTime();
        if (!reuse) {
            if (tbbo) {
                SyntheticDbn.tbbo(file, trades, SEED);
            } else {
                SyntheticDbn.trades(file, trades, SEED);
            }
        }
        double s = (System.nanoTime() - t) / 1e9;
        o.printf(Locale.ROOT, "  %-16s %,d bytes (%s)%n", file.getFileName(), Files.size(file),
                reuse ? "reused" : String.format(Locale.ROOT, "written in %.1f s", s));
        m.put("file", file.getFileName().toString());
        m.put("bytes", Files.size(file));
        m.put("records", trades);
        return m;
    }

    static String zstdVersion() {
        try {
            Process p = new ProcessBuilder("zstd", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? v : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Path compress(Path plain, PrintStream o) throws IOException, InterruptedException {
        Path z = plain.resolveSibling(plain.getFileName() + ".zst");
        if (Files.isRegularFile(z) && Files.getLastModifiedTime(z).compareTo(Files.getLastModifiedTime(plain)) >= 0) {
            o.printf(Locale.ROOT, "  %-16s %,d bytes (reused)%n", z.getFileName(), Files.size(z));
            return z;
        }
        Path tmp = z.resolveSibling(z.getFileName() + ".tmp");
        long t = System.nanoTime();
        run(List.of("zstd", "-q", "-f", "-3", "-T1", plain.toString(), "-o", tmp.toString()));
        Files.move(tmp, z, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        o.printf(Locale.ROOT, "  %-16s %,d bytes (zstd -3, %.1f s)%n", z.getFileName(), Files.size(z), (System.nanoTime() - t) / 1e9);
        return z;
    }

    /** Runs {@code zstd -d -T1} to /dev/null under bash and returns its user + system CPU seconds ({@code times}). */
    private static double zstdCpuSeconds(Path z) throws IOException, InterruptedException {
        String q = "'" + z.toString().replace("'", "'\\''") + "'";
        Process p = new ProcessBuilder("bash", "-c", "zstd -d -q -c -T1 " + q + " > /dev/null && times").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new FlofException("zstd -d " + z + " failed: " + err);
        }
        // times: line 1 = the shell's own user/sys, line 2 = its children's, e.g. "0m0.812s 0m0.100s"
        String[] lines = out.strip().split("\\R");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s").matcher(lines[lines.length - 1]);
        if (!m.find()) {
            throw new FlofException("cannot read zstd's CPU time from bash 'times': " + out);
        }
        return Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2)) + Integer.parseInt(m.group(3)) * 60
                + Double.parseDouble(m.group(4));
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new FlofException(String.join(" ", cmd) + " failed: " + err);
        }
    }

    // ---------------------------------------------------------------- measurements

    private static Map<String, Object> decode(ReplaySourceProvider dbn, Path file, long records, int recordSize, int runs,
                                              String label, Map<String, Double> figures, PrintStream o) throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        long events = 0;
        long sink = 0;
        for (int r = 0; r <= runs; r++) { // run 0 warms the JIT up and is not counted
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            long n = 0;
            try (ReplaySourceProvider.ReplaySource s = dbn.open(file, Params.empty("bench"))) {
                Event e;
                while ((e = s.next()) != null) {
                    n++;
                    sink += e.tsRecv();
                }
            }
            long wall = System.nanoTime() - w0;
            long cpu = threads.getCurrentThreadCpuTime() - c0;
            if (r == 0) {
                continue;
            }
            events = n;
            bestWall = Math.min(bestWall, wall);
            bestCpu = Math.min(bestCpu, cpu);
        }
        if (sink == 42) {
            o.print(""); // keeps the JIT from dropping the loop body
        }
        double uncompressed = SyntheticDbn.metadata(0, 0, 0).remaining() + (double) records * recordSize;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.getFileName().toString());
        m.put("fileBytes", Files.size(file));
        m.put("uncompressedBytes", (long) uncompressed);
        m.put("records", records);
        m.put("events", events);
        m.put("wallSeconds", bestWall / 1e9);
        m.put("cpuSeconds", bestCpu / 1e9);
        m.put("recordsPerSecondWall", records / (bestWall / 1e9));
        m.put("recordsPerSecondCpu", records / (bestCpu / 1e9));
        m.put("eventsPerSecondWall", events / (bestWall / 1e9));
        m.put("uncompressedMBPerSecondCpu", uncompressed / 1e6 / (bestCpu / 1e9));
        figures.put("decode " + label + " records/s cpu", records / (bestCpu / 1e9));
        o.printf(Locale.ROOT, "  %-16s %,12d %12.3f %14.2f %14.2f %12.0f%n", label, records, bestWall / 1e9,
                records / (bestWall / 1e9) / 1e6, records / (bestCpu / 1e9) / 1e6, uncompressed / 1e6 / (bestCpu / 1e9));
        return m;
    }

    private static Map<String, Object> zstdBound(Path z, long records, int recordSize, int runs, String label,
                                                 Map<String, Object> decode, String decodeKey, Map<String, Double> figures,
                                                 PrintStream o) throws IOException, InterruptedException {
        long best = Long.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            bestCpu = Math.min(bestCpu, zstdCpuSeconds(z));
            best = Math.min(best, System.nanoTime() - t);
        }
        double uncompressed = SyntheticDbn.metadata(0, 0, 0).remaining() + (double) records * recordSize;
        @SuppressWarnings("unchecked")
        Map<String, Object> ours = (Map<String, Object>) decode.get(decodeKey);
        double oursWall = (double) ours.get("wallSeconds");
        double oursCpu = (double) ours.get("cpuSeconds");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", z.getFileName().toString());
        m.put("wallSeconds", best / 1e9);
        m.put("cpuSeconds", bestCpu);
        m.put("recordsPerSecond", records / (best / 1e9));
        m.put("recordsPerSecondCpu", records / bestCpu);
        m.put("uncompressedMBPerSecond", uncompressed / 1e6 / (best / 1e9));
        // Target: decoding .dbn.zst at >= 90 % of zstd -d. Our wall and CPU time against zstd's wall time
        // (zstd -d -T1 is one busy thread, so its wall time is close to its CPU time on an idle core).
        m.put("decodeVsZstdWall", (best / 1e9) / oursWall);
        m.put("decodeVsZstdCpu", bestCpu / oursCpu);
        o.printf(Locale.ROOT, "  %-16s wall %.3f s, cpu %.3f s: %.2f M rec/s (cpu) %.0f MB/s; our decode reaches %.0f %% (wall) / %.0f %% (cpu) of it%n",
                label, best / 1e9, bestCpu, records / bestCpu / 1e6, uncompressed / 1e6 / bestCpu,
                100 * (best / 1e9) / oursWall, 100 * bestCpu / oursCpu);
        return m;
    }

    /**
     * Full-engine replay of {@code file}, measured like the decode: with {@code runs > 1} (the default), one
     * uncounted warm-up run, then {@code runs} measured runs of which the fastest by CPU time is the figure (its
     * wall time, bytes, heap and GC go with it); every run's CPU and wall seconds are kept in {@code runs} so the
     * spread is on record. {@code --quick} makes one cold run (the CI guard).
     */
    private Map<String, Object> engine(PluginHost host, FlofConfig cfg, Path file, Map<String, Object> sameFileDecode,
                                       int runs, Map<String, Double> figures, PrintStream o) throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heap.add(p);
            }
        }
        String hash = config == null ? Digests.sha256(new byte[0]) : Digests.sha256(config);
        BacktestRunner runner = new BacktestRunner(cfg, host);
        int first = runs > 1 ? 0 : 1; // run 0 warms the JIT up and is not counted
        List<Map<String, Object>> measured = new ArrayList<>();
        Map<String, Object> best = null;
        long bestCpu = Long.MAX_VALUE;
        for (int r = first; r <= runs; r++) {
            for (MemoryPoolMXBean p : heap) {
                p.resetPeakUsage();
            }
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            long alloc0 = threads.getCurrentThreadAllocatedBytes();
            try (GcWatch gc = new GcWatch()) {
                gc.start();
                long w0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                BacktestRunner.Result result = runner.run(new BacktestRunner.Options(List.of(file), ctx.workingDir().resolve(out),
                        "bench", hash), new PrintStream(progress, true, StandardCharsets.UTF_8));
                long wall = System.nanoTime() - w0;
                long cpu = threads.getCurrentThreadCpuTime() - c0;
                long alloc = threads.getCurrentThreadAllocatedBytes() - alloc0;
                GcWatch.Window w = gc.stop();
                if (r == 0) {
                    continue;
                }
                long peak = 0;
                for (MemoryPoolMXBean p : heap) {
                    peak += p.getPeakUsage().getUsed();
                }
                long events = dispatched(result);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("events", events);
                m.put("wallSeconds", wall / 1e9);
                m.put("cpuSeconds", cpu / 1e9);
                m.put("bytesAllocated", alloc);
                m.put("peakHeapUsedBytes", peak);
                m.put("gcCollections", w.collections());
                m.put("gcMillis", w.collectionMillis());
                m.put("gcMaxPauseMillis", w.maxPauseMillis());
                measured.add(m);
                if (cpu < bestCpu) {
                    bestCpu = cpu;
                    best = m;
                }
            }
        }
        long events = (long) best.get("events");
        double wall = (double) best.get("wallSeconds");
        double cpu = (double) best.get("cpuSeconds");
        long alloc = (long) best.get("bytesAllocated");
        long peak = (long) best.get("peakHeapUsedBytes");
        double decodeEventsPerSecond = (double) sameFileDecode.get("eventsPerSecondWall");
        double decodeCpuRecords = (double) sameFileDecode.get("recordsPerSecondCpu");
        double decodeEventsCpu = decodeCpuRecords * ((long) sameFileDecode.get("events")) / trades;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.getFileName().toString());
        m.put("events", events);
        m.put("wallSeconds", wall);
        m.put("cpuSeconds", cpu);
        m.put("eventsPerSecondWall", events / wall);
        m.put("eventsPerSecondCpu", events / cpu);
        m.put("tradesPerSecondCpu", trades / cpu);
        m.put("vsDecoderWall", events / wall / decodeEventsPerSecond);
        m.put("vsDecoderCpu", events / cpu / decodeEventsCpu);
        m.put("bytesAllocated", alloc);
        m.put("bytesPerEvent", events == 0 ? 0 : (double) alloc / events);
        m.put("peakHeapUsedBytes", peak);
        m.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        m.put("gcCollections", best.get("gcCollections"));
        m.put("gcMillis", best.get("gcMillis"));
        m.put("gcMaxPauseMillis", best.get("gcMaxPauseMillis"));
        m.put("warmUpRuns", first == 0 ? 1 : 0);
        m.put("runs", measured);
        figures.put("engine events/s cpu", events / cpu);
        o.println();
        o.println("full engine replay (BacktestRunner: replay source -> kernel -> bars, order flow, structure, Predator, OMS, simulated venue)");
        o.printf(Locale.ROOT, "  %-16s %,d events in %.2f s wall / %.2f s cpu: %.2f M ev/s wall, %.2f M ev/s cpu%s%n",
                file.getFileName(), events, wall, cpu, events / wall / 1e6, events / cpu / 1e6,
                measured.size() > 1 ? " (fastest of " + measured.size() + " runs after a warm-up)" : "");
        if (measured.size() > 1) {
            StringBuilder spread = new StringBuilder();
            for (Map<String, Object> run : measured) {
                spread.append(spread.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", (double) run.get("cpuSeconds")));
            }
            o.printf(Locale.ROOT, "  %-16s cpu s of the runs: %s%n", "", spread);
        }
        o.printf(Locale.ROOT, "  %-16s %.0f %% of decode-only (wall), %.0f %% (cpu); %.0f bytes/event; peak heap %,d MB of %,d MB;"
                        + " GC %d collections, %d ms, longest pause %d ms%n", "",
                100 * events / wall / decodeEventsPerSecond, 100 * events / cpu / decodeEventsCpu,
                events == 0 ? 0.0 : (double) alloc / events, peak >> 20, Runtime.getRuntime().maxMemory() >> 20,
                best.get("gcCollections"), best.get("gcMillis"), best.get("gcMaxPauseMillis"));
        return m;
    }

    private static long dispatched(BacktestRunner.Result result) {
        Object seen = result.report().json().get("seen");
        if (seen instanceof Map<?, ?> s && s.get("eventsDispatched") instanceof Number n) {
            return n.longValue();
        }
        throw new FlofException("the backtest report has no seen.eventsDispatched; cannot count engine events");
    }

    private static Map<String, Object> live(LiveBench.Result r, Map<String, Double> figures, PrintStream o, String label) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rateTicksPerSecond", r.rate());
        m.put("seconds", r.seconds());
        m.put("prefillTrades", r.prefillTrades());
        m.put("warmupTicks", r.warmupTicks());
        m.put("ticks", r.ticks());
        m.put("dropped", r.dropped());
        m.put("tradesPublished", r.trades()); // warm-up and measured ticks together
        m.put("orders", r.orders());
        m.put("latencyNanos", percentiles(r.all()));
        m.put("tickToOrderNanos", percentiles(r.toOrder()));
        m.put("fromScheduleNanos", percentiles(r.fromSchedule()));
        m.put("kernelBytesAllocated", r.kernelBytes());
        m.put("kernelBytesPerEvent", r.kernelBytes() < 0 ? null : r.bytesPerEvent());
        m.put("gcCollections", r.gc().collections());
        m.put("gcPauses", r.gc().pauses());
        m.put("gcMillis", r.gc().collectionMillis());
        m.put("gcMaxPauseMillis", r.gc().maxPauseMillis());
        m.put("gcByCollector", r.gc().byCollector());
        m.put("collectors", r.collector());
        if (r.kernelBytes() >= 0 && label.isEmpty()) {
            figures.put("live kernel bytes/event", r.bytesPerEvent());
        }
        o.println();
        o.printf(Locale.ROOT, "live path, %s%,d ticks/s for %.1f s (after %,d prefill trades and %,d warm-up ticks) through Kernel.runLive%s%n",
                label, r.rate(), r.seconds(), r.prefillTrades(), r.warmupTicks(), label.isEmpty() ? " -> order flow, bars, structure -> RiskGate -> fake venue"
                        : " and the latency bookkeeping only (no analysis)");
        o.printf(Locale.ROOT, "  %-26s %10s %10s %10s %10s %10s%n", "latency (µs)", "p50", "p99", "p99.9", "max", "count");
        row(o, "publish -> order/dispatch", r.all());
        row(o, "publish -> order only", r.toOrder());
        row(o, "scheduled -> order/disp.", r.fromSchedule());
        o.printf(Locale.ROOT, "  dropped %d; kernel thread %s bytes/event; GC during burst: %d collections (%d pauses), %d ms, longest %d ms (%s)%n",
                r.dropped(), r.kernelBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", r.bytesPerEvent()),
                r.gc().collections(), r.gc().pauses(), r.gc().collectionMillis(), r.gc().maxPauseMillis(), r.collector());
        return m;
    }

    private static Map<String, Object> percentiles(LatencyHistogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.count());
        m.put("p50", h.percentile(50));
        m.put("p99", h.percentile(99));
        m.put("p99.9", h.percentile(99.9));
        m.put("max", h.max());
        return m;
    }

    private static void row(PrintStream o, String label, LatencyHistogram h) {
        o.printf(Locale.ROOT, "  %-26s %10.1f %10.1f %10.1f %10.1f %,10d%n", label, h.percentile(50) / 1e3, h.percentile(99) / 1e3,
                h.percentile(99.9) / 1e3, h.max() / 1e3, h.count());
    }

    // ---------------------------------------------------------------- guard and output

    /**
     * The CI regression guard: every figure of the baseline must be present and no more than a factor of
     * two worse: a throughput at least half the recorded one, bytes per event at most twice the recorded
     * figure plus 64 bytes (so a recorded zero does not make any allocation a failure).
     */
    boolean check(Map<String, Double> figures, PrintStream o) throws IOException {
        Map<String, Double> base = loadBaseline();
        if (zstdVersion() == null) {
            // a machine without the zstd CLI cannot make the .zst files: those figures are not comparable
            base.keySet().removeIf(k -> k.contains(".zst"));
            o.println("check: zstd not on PATH, the .zst figures are not checked");
        }
        List<String> failures = compare(base, figures);
        o.println();
        if (failures.isEmpty()) {
            o.println("check: no figure regressed by more than 2x against the baseline (" + base.size() + " figures)");
            return true;
        }
        for (String f : failures) {
            ctx.err().println("flof bench: regression: " + f);
        }
        return false;
    }

    static List<String> compare(Map<String, Double> base, Map<String, Double> figures) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Double> b : new TreeMap<>(base).entrySet()) {
            Double now = figures.get(b.getKey());
            if (now == null) {
                failures.add(b.getKey() + ": not measured in this run (baseline " + fmt(b.getValue()) + ")");
            } else if (b.getKey().contains("bytes/")) {
                if (now > 2 * b.getValue() + 64) {
                    failures.add(b.getKey() + ": " + fmt(now) + " > 2 x " + fmt(b.getValue()) + " + 64");
                }
            } else if (now < b.getValue() / 2) {
                failures.add(b.getKey() + ": " + fmt(now) + " < " + fmt(b.getValue()) + " / 2");
            }
        }
        return failures;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    private Map<String, Double> loadBaseline() throws IOException {
        JsonNode root;
        if (baseline != null) {
            Path p = ctx.workingDir().resolve(baseline);
            if (!Files.isRegularFile(p)) {
                throw new FlofException("baseline " + p + " does not exist");
            }
            root = new ObjectMapper().readTree(p.toFile());
        } else {
            try (InputStream in = BenchCommand.class.getResourceAsStream(BASELINE_RESOURCE)) {
                if (in == null) {
                    throw new FlofException("the recorded baseline " + BASELINE_RESOURCE + " is missing from the build");
                }
                root = new ObjectMapper().readTree(in);
            }
        }
        JsonNode f = root.has("figures") ? root.get("figures") : root;
        Map<String, Double> m = new TreeMap<>();
        f.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber()) {
                throw new FlofException("baseline: figure '" + e.getKey() + "' is not a number");
            }
            m.put(e.getKey(), e.getValue().asDouble());
        });
        return m;
    }

    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        String model = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            model = System.getProperty("os.arch");
        }
        m.put("cpuModel", model);
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
        m.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        m.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        m.put("collectors", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        m.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return m;
    }
}
