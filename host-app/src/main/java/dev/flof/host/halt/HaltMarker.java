package dev.flof.host.halt;

import dev.flof.host.FlofException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The file that keeps a flattened account from trading again until a person has looked at it. Written
 * atomically (a temporary file in the same directory, owner-only permissions, then a rename), so a reader
 * never sees half a marker and a crash never leaves a partial one; read by {@code ./flof paper} and
 * {@code ./flof live} before they start.
 */
public final class HaltMarker {
    /** The marker's file name inside the state directory. */
    public static final String FILE = "HALTED";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private HaltMarker() {
    }

    /** The marker path for a state directory. */
    public static Path path(Path stateDir) {
        return stateDir.resolve(FILE);
    }

    /** Writes the marker with {@code text} (owner-only, atomically), creating the state directory if needed. */
    public static Path write(Path stateDir, String text) {
        Path target = path(stateDir);
        try {
            Files.createDirectories(stateDir);
            Path tmp = stateDir.resolve(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            if (Files.getFileStore(stateDir).supportsFileAttributeView("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new FlofException("cannot write the halt marker " + target + ": " + e.getMessage(), e);
        }
    }

    /** The marker's text, or empty when there is no marker. */
    public static Optional<String> read(Path stateDir) {
        Path p = path(stateDir);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FlofException("cannot read the halt marker " + p + ": " + e.getMessage(), e);
        }
    }

    /** Removes the marker; returns whether there was one. */
    public static boolean clear(Path stateDir) {
        try {
            return Files.deleteIfExists(path(stateDir));
        } catch (IOException e) {
            throw new FlofException("cannot remove the halt marker " + path(stateDir) + ": " + e.getMessage(), e);
        }
    }

    /** How the operator clears the marker (printed on halt and on refusal). */
    public static String howToClear(Path stateDir) {
        return "after reviewing the account, clear it with: ./flof halt --clear --state-dir " + stateDir
                + "  (or delete " + path(stateDir) + ")";
    }

    /**
     * Throws, with the marker's reason and how to clear it, when the state directory holds a halt marker.
     *
     * @param mode "paper" or "live", for the message
     */
    public static void refuseIfHalted(Path stateDir, String mode) {
        Optional<String> m = read(stateDir);
        if (m.isPresent()) {
            String first = m.get().lines().findFirst().orElse("").strip();
            throw new FlofException(mode + " refuses to start: the account was halted by a circuit breaker (" + path(stateDir)
                    + ")\n  " + first + "\n  " + howToClear(stateDir));
        }
    }
}
