package dev.flof.spi.ext;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A subcommand a plugin contributes to the {@code ./flof} CLI, e.g. {@code data} from the feeds plugin.
 * It parses its own arguments (picocli is host-provided) and returns a process exit code.
 */
public interface CommandExtension extends FlofExtension {
    /** The subcommand name: {@code ./flof <name> ...}. Same as {@link #id()} by default. */
    default String name() {
        return id();
    }

    int run(String[] args, Context context);

    record Context(PrintStream out, PrintStream err, Path workingDirectory, SecretSource secrets) {
    }
}
