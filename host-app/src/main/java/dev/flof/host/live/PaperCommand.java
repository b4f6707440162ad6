package dev.flof.host.live;

import dev.flof.host.cli.Main;
import dev.flof.host.config.FlofConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code ./flof paper}: live market data, the simulated venue for fills, everything else exactly as live
 * (kernel on the system clock, reconciliation, risk gate, breakers, status). Needs no broker account.
 */
@Command(name = "paper", mixinStandardHelpOptions = true,
        description = {"Trade live market data against the simulated venue (no orders leave FLOF).",
                "Feeds and symbols come from the live: section of --config FILE; see docs/running-live.md."})
public final class PaperCommand extends SessionCommand implements Callable<Integer> {
    public PaperCommand(Main.CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws InterruptedException {
        FlofConfig cfg = loadConfig();
        RunnerSettings settings = settings(cfg);
        var secrets = secrets(cfg);
        var missing = new java.util.ArrayList<String>();
        for (RunnerSettings.Endpoint f : settings.feeds()) {
            for (String name : REQUIRED_SECRETS.getOrDefault(f.id(), java.util.List.of())) {
                if (secrets.secret(name).isEmpty()) {
                    missing.add("environment variable " + name + " is not set (feed " + f.id() + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw refuse("paper", missing);
        }
        return run(LiveRunner.Mode.PAPER, cfg, settings, secrets);
    }
}
