package dev.flof.host.shocklab;

import dev.flof.host.FlofException;
import dev.flof.host.cli.Main;
import dev.flof.host.plugin.PluginHost;
import dev.flof.spi.ext.CircuitBreaker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./flof scenarios [--list] [--run NAME|--all] [--seed N] [--out DIR]} (issue 11; {@code shocklab} is the same
 * command): replays the shock scenarios through the execution path with the risk plugin's circuit breaker and the
 * protections of the trading path, prints the table and writes {@code shocklab.json}, {@code shocklab.md} and
 * {@code shocklab.html}. Exit code 1 when an invariant broke.
 */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "Replay the shock scenarios (gaps, halts, cascades, outages, bugs) and report what protected FLOF.")
public final class ShocklabCommand implements Callable<Integer> {
    private final Main.CliContext ctx;

    @Option(names = {"--run", "--scenario"}, paramLabel = "NAME", description = "Run one scenario (--list names them).")
    String scenario;

    @Option(names = "--all", description = "Run every scenario (the default).")
    boolean all;

    @Option(names = "--list", description = "List the scenarios and exit.")
    boolean list;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the background tape (default 1).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/scenarios", description = "Output folder (default out/scenarios).")
    Path out;

    @Option(names = "--breaker", paramLabel = "ID", defaultValue = "layered", description = "Circuit breaker extension id (default layered).")
    String breakerId;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins folder (default: the installation's).")
    Path pluginsDir;

    public ShocklabCommand(Main.CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        if (list) {
            for (Scenario s : Scenarios.all()) {
                ctx.out().printf("%-36s %2d  %s%n", s.name(), s.family(), s.title());
            }
            return 0;
        }
        if (all && scenario != null && !"all".equals(scenario)) {
            throw new FlofException("--run " + scenario + " and --all exclude each other");
        }
        List<Scenario> chosen;
        try {
            chosen = scenario == null || "all".equals(scenario) ? Scenarios.all() : List.of(ShockLab.find(scenario));
        } catch (IllegalArgumentException e) {
            throw new FlofException("--run: " + e.getMessage());
        }
        Path dir = pluginsDir != null ? pluginsDir : ctx.pluginsDir();
        try (PluginHost host = PluginHost.start(dir)) {
            CircuitBreaker breaker = host.require(CircuitBreaker.class, breakerId, "--breaker");
            List<ScenarioResult> results = new ShockLab(breaker).run(chosen, seed);
            ctx.out().print(ShockLabReport.table(results));
            Path target = ctx.workingDir().resolve(out);
            ShockLabReport.write(target, results, seed, breakerId);
            ctx.out().println("wrote " + target.resolve("shocklab.json") + ", shocklab.md and shocklab.html");
            return results.stream().anyMatch(r -> !r.violations().isEmpty()) ? 1 : 0;
        }
    }
}
