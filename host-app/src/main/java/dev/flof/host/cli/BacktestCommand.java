package dev.flof.host.cli;

import dev.flof.host.FlofException;
import dev.flof.host.backtest.AtomicOutput;
import dev.flof.host.backtest.BacktestReport;
import dev.flof.host.backtest.BacktestRunner;
import dev.flof.host.backtest.Digests;
import dev.flof.host.config.ConfigLoader;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.plugin.PluginHost;
import dev.flof.host.report.ReportData;
import dev.flof.host.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./flof backtest}: replay recorded data through the engine; the embedded default with no arguments. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Replay recorded data through the kernel and the configured plugins and write a report.",
                "With no --data, replays the embedded default: 100,000 real Bitstamp BTC/USD trades (2013-11-25..12-01)."})
final class BacktestCommand implements Callable<Integer> {
    private final Main.CliContext ctx;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (default: built-in defaults).")
    Path config;

    @Option(names = "--data", paramLabel = "FILE", arity = "1..*", description = "Replay files (DBN, CSV, captures).")
    List<Path> data = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: backtest.out of the config).")
    Path out;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins folder (default: the installation's plugins/).")
    Path pluginsDir;

    @Option(names = "--from", paramLabel = "TIME", description = "Replay from this exchange time (ISO instant, or a UTC date).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Replay up to (not including) this exchange time (ISO instant, or a UTC date).")
    String to;

    @Option(names = "--sweep", paramLabel = "KEY=V1,V2", description = {
            "Run every combination of these config values in parallel (repeatable), e.g. --sweep predator.gradeB=6,7.",
            "Writes one run folder per combination and sweep.csv / sweep.md summary tables."})
    List<String> sweep = new ArrayList<>();

    BacktestCommand(Main.CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Map<String, List<String>> axes = sweepAxes();
        FlofConfig cfg = new ConfigLoader().load(Optional.ofNullable(config));
        Path outDir = out != null ? out : ctx.workingDir().resolve(cfg.backtest().out());
        List<Path> files = new ArrayList<>(data);
        if (files.isEmpty()) {
            cfg.backtest().data().forEach(d -> files.add(Path.of(d)));
        }
        long fromNs = time(from, "--from", Long.MIN_VALUE);
        long toNs = time(to, "--to", Long.MAX_VALUE);
        if (fromNs >= toNs) {
            throw new FlofException("--from must be before --to");
        }
        String configHash = config == null ? Digests.sha256(new byte[0]) : Digests.sha256(config);
        String configDescription = config == null ? "built-in defaults" : config.getFileName().toString();
        Path dir = pluginsDir != null ? pluginsDir : ctx.pluginsDir();
        // Every sweep configuration is checked before anything starts or is written.
        List<Map<String, String>> combos = combinations(axes);
        List<FlofConfig> sweepConfigs = new ArrayList<>();
        for (Map<String, String> c : axes.isEmpty() ? List.<Map<String, String>>of() : combos) {
            sweepConfigs.add(new ConfigLoader().load(Optional.ofNullable(config), c));
        }
        try (PluginHost host = PluginHost.start(dir); AtomicOutput output = new AtomicOutput(outDir)) {
            if (!axes.isEmpty()) {
                return runSweep(host, axes, combos, sweepConfigs, files, fromNs, toNs, configDescription, configHash,
                        output, outDir);
            }
            Progress progress = Progress.forTerminal(ctx, fromNs, toNs);
            BacktestRunner.Result result;
            try {
                result = new BacktestRunner(cfg, host).run(new BacktestRunner.Options(files, outDir, configDescription,
                        configHash, fromNs, toNs, progress == null ? null : progress::onEvent), ctx.out());
            } finally {
                if (progress != null) {
                    progress.done();
                }
            }
            writeRun(result, output.folder());
            output.commit();
            ctx.out().print(result.report().text());
            ctx.out().println("  output   " + outDir);
        } catch (IOException e) {
            throw new FlofException("backtest failed: " + e.getMessage(), e);
        }
        return 0;
    }

    private static void writeRun(BacktestRunner.Result result, Path folder) throws IOException {
        BacktestReport report = result.report();
        Files.writeString(folder.resolve("summary.json"), report.toJson(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("summary.txt"), report.text(), StandardCharsets.UTF_8);
        ReportWriter.write(reportData(result), folder);
    }

    /** {@code key=v1,v2} options as ordered axes; a key given twice is an error. */
    private Map<String, List<String>> sweepAxes() {
        Map<String, List<String>> axes = new java.util.LinkedHashMap<>();
        for (String s : sweep) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new FlofException("--sweep " + s + ": expected KEY=V1,V2,...");
            }
            String key = s.substring(0, eq).trim();
            List<String> values = java.util.Arrays.stream(s.substring(eq + 1).split(",")).map(String::trim).toList();
            if (axes.put(key, values) != null) {
                throw new FlofException("--sweep " + key + " is given twice");
            }
        }
        return axes;
    }

    /** Every combination, first axis slowest, so the table reads in a fixed order. */
    static List<Map<String, String>> combinations(Map<String, List<String>> axes) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new java.util.LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : axis.getValue()) {
                    Map<String, String> m = new java.util.LinkedHashMap<>(partial);
                    m.put(axis.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * Runs the combinations on the machine's cores (each run is single-threaded and deterministic; the
     * extensions are stateless factories, so the runs share one plugin host) and writes one folder per run
     * plus the summary tables. The table's order is the combinations' order, whatever finished first.
     */
    private int runSweep(PluginHost host, Map<String, List<String>> axes, List<Map<String, String>> combos,
                         List<FlofConfig> configs, List<Path> files, long fromNs, long toNs, String configDescription,
                         String configHash, AtomicOutput output, Path outDir) throws IOException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), combos.size()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<BacktestRunner.Result>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < combos.size(); i++) {
                FlofConfig cfg = configs.get(i);
                String desc = configDescription + " + " + combos.get(i);
                futures.add(pool.submit(() -> new BacktestRunner(cfg, host).run(new BacktestRunner.Options(files, outDir,
                        desc, configHash, fromNs, toNs, null), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))));
            }
            StringBuilder csv = new StringBuilder("run," + String.join(",", axes.keySet())
                    + ",trades,wins,net_pnl,final_equity,graded_setups,taken_setups\n");
            StringBuilder md = new StringBuilder("| run | " + String.join(" | ", axes.keySet())
                    + " | trades | wins | net P&L | final equity | graded | taken |\n|"
                    + "---|".repeat(axes.size() + 7) + "\n");
            for (int i = 0; i < combos.size(); i++) {
                BacktestRunner.Result r;
                try {
                    r = futures.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    throw new FlofException("sweep run " + (i + 1) + " " + combos.get(i) + ": " + c.getMessage(), c);
                }
                String name = String.format(java.util.Locale.ROOT, "run-%03d", i + 1);
                Path runDir = Files.createDirectories(output.folder().resolve(name));
                writeRun(r, runDir);
                long wins = r.journal().trades().stream().filter(t -> t.pnl() > 0).count();
                long taken = r.journal().setups().stream().filter(dev.flof.host.journal.Journal.GradedSetup::taken).count();
                List<String> cells = new ArrayList<>(List.of(name));
                cells.addAll(combos.get(i).values());
                cells.addAll(List.of(String.valueOf(r.journal().trades().size()), String.valueOf(wins),
                        dev.flof.spi.market.Fixed.format(r.finalEquity() - r.startingEquity()),
                        dev.flof.spi.market.Fixed.format(r.finalEquity()), String.valueOf(r.journal().setups().size()),
                        String.valueOf(taken)));
                csv.append(String.join(",", cells.stream().map(Csv::cell).toList())).append('\n');
                md.append("| ").append(String.join(" | ", cells)).append(" |\n");
            }
            Files.writeString(output.folder().resolve("sweep.csv"), csv.toString(), StandardCharsets.UTF_8);
            Files.writeString(output.folder().resolve("sweep.md"), md.toString(), StandardCharsets.UTF_8);
            output.commit();
            ctx.out().print(md);
            ctx.out().println("output " + outDir + " (" + combos.size() + " runs on " + threads + " threads)");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlofException("sweep interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    /** CSV quoting for the sweep table (values may hold commas, e.g. a list). */
    static final class Csv {
        static String cell(String v) {
            return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
        }
    }

    private static long time(String text, String option, long dflt) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            java.time.Instant i = text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.Instant.parse(text);
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
            throw new FlofException(option + ": expected an ISO instant like 2024-03-11T13:30:00Z or a date like 2024-03-11, got '" + text + "'");
        }
    }

    /** A CME futures symbol or root: Sharpe/Sortino then annualise over 252 trading days, crypto over 365. */
    private static final java.util.regex.Pattern CME = java.util.regex.Pattern.compile("^(ES|MES)([FGHJKMNQUVXZ]\\d{1,2})?$");

    /**
     * The report's chart shows the instrument that traded most (by trade parts), else the first symbol with
     * bars; the data-cost comparison is the run summary's.
     */
    static ReportData reportData(BacktestRunner.Result r) {
        Map<String, Long> tradedParts = new TreeMap<>();
        r.journal().trades().forEach(t -> tradedParts.merge(t.symbol(), (long) t.parts().size(), Long::sum));
        String chart = tradedParts.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(r.chartBars().keySet().stream().findFirst().orElse(""));
        @SuppressWarnings("unchecked")
        Map<String, Object> trading = (Map<String, Object>) r.report().json().getOrDefault("trading", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> dataCost = (Map<String, Object>) trading.getOrDefault("dataCost", Map.of());
        return new ReportData(r.report().json(), r.journal(), chart, r.chartTimeframe().label(),
                r.chartBars().getOrDefault(chart, List.of()), r.structureEvents().getOrDefault(chart, List.of()),
                r.startingEquity(), CME.matcher(chart).matches() ? 252 : 365, dataCost);
    }
}
