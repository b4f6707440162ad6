package dev.flof.host.live;

import dev.flof.host.FlofException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * The one fact the runner keeps on disk: the time of the last execution it knew per venue, so a restart
 * (also after kill -9) asks the venue for executions since then. Written atomically (temp file, then
 * rename), so a crash mid-write leaves the previous value.
 */
public final class ExecutionStore {
    private final Path file;

    public ExecutionStore(Path dir, String venueId) {
        this(dir.resolve("last-execution-" + venueId + ".txt"));
    }

    private ExecutionStore(Path file) {
        this.file = file;
    }

    /** An in-memory store for paper runs (nothing to survive). */
    public static ExecutionStore none() {
        return new ExecutionStore((Path) null);
    }

    public OptionalLong lastExecutionTs() {
        if (file == null || !Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s));
        } catch (IOException | NumberFormatException e) {
            throw new FlofException("state file " + file + " is unreadable (" + e.getMessage()
                    + "); delete it to reconcile from the execution lookback instead");
        }
    }

    public void saveLastExecutionTs(long ts) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(ts) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new FlofException("cannot write state file " + file + ": " + e.getMessage(), e);
        }
    }
}
