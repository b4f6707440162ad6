package dev.flof.host.halt;

import dev.flof.host.cli.Main;
import dev.flof.host.live.RunnerSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./flof halt}: shows whether a circuit breaker halted the account (the marker {@code <state dir>/HALTED}
 * that makes {@code paper} and {@code live} refuse to start) and, with {@code --clear}, removes it once the
 * operator has reviewed the account.
 */
@Command(name = "halt", mixinStandardHelpOptions = true,
        description = {"Show or clear the halt marker a confirmed circuit-breaker flatten leaves (<state dir>/HALTED).",
                "While it exists, ./flof paper and ./flof live refuse to start."})
public final class HaltCommand implements Callable<Integer> {
    private final Main.CliContext ctx;

    @Option(names = "--clear", description = "Remove the marker (after reviewing the account and the report).")
    boolean clear;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "The runner's state directory (default: var/live).")
    Path stateDir;

    @Option(names = "--runner", paramLabel = "FILE", description = "Take the state directory from this runner file.")
    Path runner;

    public HaltCommand(Main.CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path dir = stateDir != null ? resolve(stateDir)
                : runner != null ? ctx.workingDir().resolve(RunnerSettings.load(resolve(runner)).stateDir())
                : ctx.workingDir().resolve("var/live");
        Optional<String> marker = HaltMarker.read(dir);
        if (marker.isEmpty()) {
            ctx.out().println("flof halt: not halted (no " + HaltMarker.path(dir) + ")");
            return 0;
        }
        if (clear) {
            HaltMarker.clear(dir);
            ctx.out().println("flof halt: cleared " + HaltMarker.path(dir) + "; paper and live may start again. It said:");
            marker.get().lines().forEach(l -> ctx.out().println("  " + l));
            return 0;
        }
        ctx.out().println("flof halt: HALTED (" + HaltMarker.path(dir) + "):");
        marker.get().lines().forEach(l -> ctx.out().println("  " + l));
        ctx.out().println("Clear it with: ./flof halt --clear --state-dir " + dir);
        return 0;
    }

    private Path resolve(Path p) {
        return p.isAbsolute() ? p : ctx.workingDir().resolve(p);
    }
}
