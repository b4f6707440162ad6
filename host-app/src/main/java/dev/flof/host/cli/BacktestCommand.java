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

    BacktestCommand(Main.CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        FlofConfig cfg = new ConfigLoader().load(Optional.ofNullable(config));
        Path outDir = out != null ? out : ctx.workingDir().resolve(cfg.backtest().out());
        List<Path> files = new ArrayList<>(data);
        if (files.isEmpty()) {
            cfg.backtest().data().forEach(d -> files.add(Path.of(d)));
        }
        String configHash = config == null ? Digests.sha256(new byte[0]) : Digests.sha256(config);
        String configDescription = config == null ? "built-in defaults" : config.getFileName().toString();
        Path dir = pluginsDir != null ? pluginsDir : ctx.pluginsDir();
        try (PluginHost host = PluginHost.start(dir); AtomicOutput output = new AtomicOutput(outDir)) {
            BacktestRunner.Result result = new BacktestRunner(cfg, host)
                    .run(new BacktestRunner.Options(files, outDir, configDescription, configHash), ctx.out());
            BacktestReport report = result.report();
            Files.writeString(output.file("summary.json"), report.toJson(), StandardCharsets.UTF_8);
            Files.writeString(output.file("summary.txt"), report.text(), StandardCharsets.UTF_8);
            ReportWriter.write(reportData(result), output.folder());
            output.commit();
            ctx.out().print(report.text());
            ctx.out().println("  output   " + outDir);
        } catch (IOException e) {
            throw new FlofException("backtest failed: " + e.getMessage(), e);
        }
        return 0;
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
