package dev.flof.host.backtest;

import dev.flof.host.FlofException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output folder that appears whole or not at all: files are written into a staging folder beside the
 * target, which replaces the target only when every file is complete. A failed run leaves the previous
 * output untouched and no half-written file under the final name.
 */
public final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    public AtomicOutput(Path target) {
        this.target = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.target.getParent());
            this.staging = Files.createTempDirectory(this.target.getParent(), "." + this.target.getFileName() + ".staging-");
            try {
                // A report is not a secret: readable like any file the user writes (temp folders start owner-only).
                Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: keep the default
            }
        } catch (IOException e) {
            throw new FlofException("cannot create output folder beside " + this.target + ": " + e.getMessage(), e);
        }
    }

    /** The staging folder, for writers that lay out several files themselves. */
    public Path folder() {
        return staging;
    }

    /** Where to write a file of the output. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** Replaces the target folder with the staged one. */
    public void commit() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + staging.getFileName());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new FlofException("cannot move the finished output into " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(AtomicOutput.class).warn("could not remove {}: {}", p, e.getMessage());
        }
    }
}
