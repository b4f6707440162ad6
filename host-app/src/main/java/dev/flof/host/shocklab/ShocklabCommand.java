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
 * {@code ./flof shocklab}: replays the shock scenarios through the execution path with the risk plugin's
 * circuit breaker, prints the table and writes {@code shocklab.json}, {@code shocklab.md} and {@code shocklab.html}.
 */
@Command(name = "shocklab", mixinStandardHelpOptions = true,
        description = "Replay the shock scenarios (gaps, halts, cascades, outages, bugs) and report what protected FLOF.")
public final class ShocklabCommand implements Callable<Integer> {
    private final Main.CliContext ctx;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "all", description = "A scenario name, or all (default).")
    String scenario;

    @Option(names = "--list", description = "List the scenarios and exit.")
    boolean list;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the background tape (default 1).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/shocklab", description = "Output folder (default out/shocklab).")
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
        List<Scenario> chosen;
        try {
            chosen = "all".equals(scenario) ? Scenarios.all() : List.of(ShockLab.find(scenario));
        } catch (IllegalArgumentException e) {
            throw new FlofException("--scenario: " + e.getMessage());
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
