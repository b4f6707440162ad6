package dev.flof.spi.ext;

import java.io.IOException;
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

    /**
     * @param replays opens recorded-data files (DBN, CSV, captures) with the host's loaded readers, so a
     *                command accepts every format the installation can replay
     */
    record Context(PrintStream out, PrintStream err, Path workingDirectory, SecretSource secrets, ReplayOpener replays) {
        /** A context without replay readers. */
        public Context(PrintStream out, PrintStream err, Path workingDirectory, SecretSource secrets) {
            this(out, err, workingDirectory, secrets, ReplayOpener.NONE);
        }
    }

    /** Opens a file with the first loaded {@link ReplaySourceProvider} that accepts it. */
    @FunctionalInterface
    interface ReplayOpener {
        ReplaySourceProvider.ReplaySource open(Path file) throws IOException;

        ReplayOpener NONE = file -> {
            throw new IOException("no replay readers are loaded to open " + file);
        };
    }
}
