package dev.flof.host.live;

import dev.flof.host.cli.Main;
import dev.flof.host.config.FlofConfig;
import dev.flof.spi.ext.SecretSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./flof live}: real venues, real money. It refuses to start, before loading a plugin or opening a
 * socket, unless the operator said so explicitly ({@value #CONFIRM}), every feed and venue finds its
 * credentials in the environment (or the owner-only secrets file), and every traded symbol has an explicit
 * maximum position, emergency stop distance, and the account equity is stated. All problems are listed at
 * once; secret values are never printed.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"Trade real accounts (Interactive Brokers, Binance USD-M) with live data.",
                "Requires " + LiveCommand.CONFIRM + ", credentials in the environment and a maximum position per symbol."})
public final class LiveCommand extends SessionCommand implements Callable<Integer> {
    public static final String CONFIRM = "--i-understand-this-trades-real-money";

    @Option(names = CONFIRM, description = "Required: confirms that orders go to real accounts.")
    boolean confirmed;

    public LiveCommand(Main.CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws InterruptedException {
        List<String> problems = new ArrayList<>();
        if (!confirmed) {
            problems.add("missing " + CONFIRM + ": live mode sends real orders; add the flag if that is what you want"
                    + " (./flof paper runs the same with simulated fills)");
        }
        FlofConfig cfg = loadConfig();
        RunnerSettings settings = settings(cfg);
        SecretSource secrets = secrets(cfg);
        problems.addAll(check(settings, secrets));
        if (!problems.isEmpty()) {
            throw refuse("live", problems);
        }
        return run(LiveRunner.Mode.LIVE, cfg, settings, secrets);
    }

    /** What must hold before live trading starts, beyond the confirmation flag. */
    static List<String> check(RunnerSettings settings, SecretSource secrets) {
        List<String> problems = new ArrayList<>();
        if (settings.venues().isEmpty()) {
            problems.add("live.venues names no venue");
        }
        if (settings.equity().isEmpty()) {
            problems.add("live.equity is not set (the account equity sizing and loss limits use)");
        }
        for (String sym : settings.symbols()) {
            if (settings.maxPositionOf(sym) <= 0) {
                problems.add("no maximum position for " + sym + ": set live.maxPosition." + sym + " (or its futures root)");
            }
            if (settings.emergencyStopOf(sym) <= 0) {
                problems.add("no emergency stop distance for " + sym + ": set live.emergencyStop." + sym
                        + " (price distance used if a position is found without a stop)");
            }
        }
        for (String m : missingSecrets(settings, secrets)) {
            problems.add("credential missing or invalid: " + m);
        }
        return problems;
    }
}
