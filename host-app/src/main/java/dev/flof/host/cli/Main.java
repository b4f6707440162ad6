package dev.flof.host.cli;

import dev.flof.host.FlofException;
import dev.flof.host.config.EnvironmentSecrets;
import dev.flof.host.plugin.PluginHost;
import dev.flof.spi.ext.CommandExtension;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./flof} command line. Built-in commands live here; plugins add theirs through
 * {@link CommandExtension} (for example {@code data} from the feeds plugin). Errors the user can act on
 * are printed as one clear message with a non-zero exit code; stack traces go to the debug log only.
 */
@Command(name = "flof", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "FLOF: Fractal Liquidity & Order Flow Matrix (ES futures and crypto).",
        footer = {"", "Run './flof COMMAND --help' for a command's options; './flof test' runs the test suite."})
public final class Main implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    static final Set<String> BUILT_IN = Set.of("plugins", "backtest", "paper", "live", "scenarios", "shocklab", "bench", "halt");

    private final CliContext ctx;

    Main(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(ctx.out());
        return 0;
    }

    public static void main(String[] args) {
        CliContext ctx = new CliContext(System.out, System.err, defaultPluginsDir(), Path.of("").toAbsolutePath(),
                System.getenv());
        int code = run(args, ctx);
        System.out.flush();
        System.exit(code);
    }

    /** Where plugins are loaded from: {@code flof.plugins.dir}, else {@code FLOF_HOME/plugins}, else {@code ./plugins}. */
    static Path defaultPluginsDir() {
        String prop = System.getProperty("flof.plugins.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String home = System.getenv("FLOF_HOME");
        return home != null && !home.isBlank() ? Path.of(home, "plugins") : Path.of("plugins");
    }

    /** Runs the CLI and returns the exit code: 0 success, 1 failure, 2 bad usage. */
    public static int run(String[] args, CliContext ctx) {
        CommandLine cl = new CommandLine(new Main(ctx));
        cl.addSubcommand("plugins", new PluginsCommand(ctx));
        cl.addSubcommand("backtest", new BacktestCommand(ctx));
        cl.addSubcommand("scenarios", new dev.flof.host.shocklab.ShocklabCommand(ctx), "shocklab");
        cl.addSubcommand("paper", new dev.flof.host.live.PaperCommand(ctx));
        cl.addSubcommand("live", new dev.flof.host.live.LiveCommand(ctx));
        cl.addSubcommand("bench", new dev.flof.host.bench.BenchCommand(ctx));
        cl.addSubcommand("halt", new dev.flof.host.halt.HaltCommand(ctx));
        cl.setOut(new PrintWriter(ctx.out(), true));
        cl.setErr(new PrintWriter(ctx.err(), true));

        String first = args.length == 0 ? "" : args[0];
        boolean pluginCommand = !first.isEmpty() && !first.startsWith("-") && !BUILT_IN.contains(first) && !first.equals("help");
        boolean wantsHelp = args.length == 0 || first.equals("--help") || first.equals("-h") || first.equals("help");
        PluginHost host = null;
        try {
            if (pluginCommand || wantsHelp) {
                try {
                    host = PluginHost.start(ctx.pluginsDir());
                } catch (FlofException e) {
                    if (pluginCommand) {
                        ctx.err().println("flof: " + e.getMessage());
                        return 1;
                    }
                    ctx.err().println("flof: plugin commands unavailable: " + e.getMessage());
                }
            }
            if (host != null) {
                for (PluginHost.Loaded<CommandExtension> l : host.extensions(CommandExtension.class).values()) {
                    CommandExtension ext = l.extension();
                    if (pluginCommand && ext.name().equals(first)) {
                        return runPluginCommand(ext, java.util.Arrays.copyOfRange(args, 1, args.length), ctx, host);
                    }
                    if (!BUILT_IN.contains(ext.name())) {
                        cl.addSubcommand(ext.name(), helpEntry(ext));
                    }
                }
            }
            cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, ctx.err()));
            cl.setParameterExceptionHandler((ex, a) -> {
                ctx.err().println("flof: " + ex.getMessage());
                ex.getCommandLine().usage(ctx.err());
                return 2;
            });
            return cl.execute(args);
        } finally {
            if (host != null) {
                host.close();
            }
        }
    }

    private static int runPluginCommand(CommandExtension ext, String[] args, CliContext ctx, PluginHost host) {
        try {
            return ext.run(args, ctx.commandContext(host));
        } catch (RuntimeException e) {
            return handle(e, ctx.err());
        }
    }

    static int handle(Exception ex, PrintStream err) {
        Throwable t = ex;
        if (t instanceof FlofException) {
            err.println("flof: " + t.getMessage());
            LOG.debug("failure", t);
            return 1;
        }
        err.println("flof: internal error: " + t + " (run with FLOF_LOG_LEVEL=DEBUG for details)");
        LOG.debug("internal error", t);
        return 1;
    }

    /** A help-only entry for a plugin command: the command itself parses its own arguments. */
    private static CommandLine.Model.CommandSpec helpEntry(CommandExtension ext) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();
        spec.name(ext.name());
        spec.usageMessage().description(ext.description().isEmpty() ? "(from a plugin)" : ext.description());
        return spec;
    }

    /** Shared state of one CLI invocation. */
    public record CliContext(PrintStream out, PrintStream err, Path pluginsDir, Path workingDir, Map<String, String> env) {
        /** What a plugin command gets: the streams, credentials and the host's replay readers. */
        public CommandExtension.Context commandContext(PluginHost host) {
            return new CommandExtension.Context(out, err, workingDir, EnvironmentSecrets.load(env, ""),
                    file -> host.openReplay(workingDir.resolve(file)));
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"flof " + (v == null ? "development build" : v) + ", SPI " + dev.flof.spi.SpiVersion.VERSION};
        }
    }
}
