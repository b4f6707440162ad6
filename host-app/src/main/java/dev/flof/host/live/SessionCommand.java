package dev.flof.host.live;

import dev.flof.host.FlofException;
import dev.flof.host.cli.Main;
import dev.flof.host.config.ConfigLoader;
import dev.flof.host.config.EnvironmentSecrets;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.kernel.SystemClock;
import dev.flof.host.plugin.PluginHost;
import dev.flof.spi.ext.SecretSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Option;

/** What {@code paper} and {@code live} share: options, loading, the run with a clean shutdown on Ctrl-C/SIGTERM. */
abstract class SessionCommand {
    /** Secrets an extension needs, by extension id (names only; values are never printed). */
    static final Map<String, List<String>> REQUIRED_SECRETS = Map.of(
            "binance-usdm", List.of("BINANCE_API_KEY", "BINANCE_API_SECRET"),
            "databento", List.of("DATABENTO_API_KEY"));

    final Main.CliContext ctx;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration YAML; its live: section names symbols, feeds, venues, caps and the status endpoint"
                    + " (see docs/running-live.md).")
    Path config;

    @Option(names = "--runner", paramLabel = "FILE",
            description = "Optional: a YAML file with the keys of the live: section, used instead of that section.")
    Path runner;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins folder (default: the installation's plugins/).")
    Path pluginsDir;

    SessionCommand(Main.CliContext ctx) {
        this.ctx = ctx;
    }

    Path resolve(Path p) {
        return p.isAbsolute() ? p : ctx.workingDir().resolve(p);
    }

    /** Secrets missing for the feeds and venues of the runner file (names only). */
    static List<String> missingSecrets(RunnerSettings s, SecretSource secrets) {
        List<String> missing = new ArrayList<>();
        List<RunnerSettings.Endpoint> all = new ArrayList<>(s.venues());
        all.addAll(s.feeds());
        for (RunnerSettings.Endpoint ep : all) {
            for (String name : REQUIRED_SECRETS.getOrDefault(ep.id(), List.of())) {
                Optional<String> v = secrets.secret(name);
                if (v.isEmpty() || v.get().isBlank() || !v.get().strip().equals(v.get())) {
                    missing.add(name + " (for " + ep.id() + (v.isPresent() ? ": blank or surrounded by whitespace" : "") + ")");
                }
            }
        }
        return missing;
    }

    int run(LiveRunner.Mode mode, FlofConfig cfg, RunnerSettings settings, SecretSource secrets) throws InterruptedException {
        Path dir = pluginsDir != null ? pluginsDir : ctx.pluginsDir();
        try (PluginHost host = PluginHost.start(dir)) {
            LiveRunner runner = new LiveRunner(mode, cfg, settings, host, secrets, new SystemClock(), ctx.workingDir(),
                    ctx.out(), isTerminal());
            CountDownLatch done = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                runner.stop();
                try {
                    done.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "flof-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                runner.run();
            } finally {
                runner.close();
                done.countDown();
            }
            return runner.exitCode();
        }
    }

    FlofConfig loadConfig() {
        return new ConfigLoader().load(Optional.ofNullable(config).map(this::resolve));
    }

    /**
     * The runner settings: the {@code --runner} file when given, else the configuration's {@code live:} section;
     * checked either way, errors naming the file and the key.
     */
    RunnerSettings settings(FlofConfig cfg) {
        if (runner != null) {
            return RunnerSettings.load(resolve(runner));
        }
        RunnerSettings s = cfg.live();
        String where = config == null ? "the configuration (built-in defaults: give --config FILE with a live: section)"
                : resolve(config).toString();
        s.validate(where, "live.");
        return s;
    }

    SecretSource secrets(FlofConfig cfg) {
        String file = cfg.secrets() == null ? "" : cfg.secrets().file();
        return EnvironmentSecrets.load(ctx.env(), file == null ? "" : file);
    }

    private static boolean isTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    static FlofException refuse(String mode, List<String> problems) {
        return new FlofException(mode + " refuses to start:\n  - " + String.join("\n  - ", problems));
    }
}
