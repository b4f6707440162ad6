package dev.flof.feeds.cli;

import dev.flof.feeds.databento.dbn.InspectCommand;
import dev.flof.feeds.databento.historical.ApiKey;
import dev.flof.feeds.databento.historical.Sleeper;
import dev.flof.spi.ext.CommandExtension;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.pf4j.Extension;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./flof data ...}: Databento data tools. {@code inspect} prints a DBN file as JSON lines;
 * {@code cost} asks the historical API what a request costs; {@code fetch} downloads within a budget;
 * {@code live} prints the live gateway's records. The API key comes from {@code DATABENTO_API_KEY} through
 * the host's secret source and is never printed.
 *
 * <p>Exit codes: 0 success, 1 failure (API, network, file), 2 bad usage, 3 fetch refused by the budget.
 */
@Extension
public final class DataCommand implements CommandExtension {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_OVER_BUDGET = 3;

    private final Sleeper sleeper;

    /** PF4J's constructor: real waiting between retries. */
    public DataCommand() {
        this(Sleeper.SYSTEM);
    }

    /** With an injected sleeper (tests: retries without real waiting). */
    public DataCommand(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public String id() {
        return "data";
    }

    @Override
    public String description() {
        return "Databento data: inspect DBN files, price and fetch historical data, print the live feed";
    }

    @Command(name = "data", mixinStandardHelpOptions = true,
            description = "Databento data tools: inspect, cost, fetch, live.",
            synopsisSubcommandLabel = "(inspect | cost | fetch | live)")
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: inspect, cost, fetch or live");
        }
    }

    @Override
    public int run(String[] args, Context context) {
        PrintStream out = context.out();
        PrintStream err = context.err();
        if (args.length > 0 && args[0].equals("inspect")) {
            return InspectCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Env env = new Env(context, sleeper);
        CommandLine cl = new CommandLine(new Root())
                .addSubcommand("cost", new CostCommand(env))
                .addSubcommand("fetch", new FetchCommand(env))
                .addSubcommand("live", new LiveCommand(env));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println("error: " + Env.oneLine(ex));
            return EXIT_FAILURE;
        });
        return cl.execute(args);
    }

    /** What the subcommands share: the host context and the injected sleeper. */
    record Env(Context context, Sleeper sleeper) {
        ApiKey apiKey() {
            return ApiKey.from(context.secrets()).orElseThrow(() -> new MissingKeyException(
                    ApiKey.ENV_NAME + " is not set: export your Databento API key"));
        }

        static String oneLine(Throwable e) {
            String m = e.getMessage();
            if (m == null || m.isBlank()) {
                m = e.getClass().getSimpleName();
            }
            return m.replace('\n', ' ').replace('\r', ' ');
        }
    }

    /** The API key is missing from the environment. */
    static final class MissingKeyException extends RuntimeException {
        MissingKeyException(String message) {
            super(message);
        }
    }
}
