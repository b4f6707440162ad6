package dev.flof.smc.parity;

import java.nio.file.Path;

/** A bar CSV that cannot be read; names the file and the 1-based line (0 when the file itself failed). */
public final class BarCsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final long line;

    public BarCsvException(Path file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }
}
