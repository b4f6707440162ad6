package dev.flof.orderflow.io;

import java.nio.file.Path;

/** A malformed input line; the message names file and line so the user can fix it where it was written. */
public final class InputFormatException extends RuntimeException {
    private final transient Path file;
    private final long line;

    public InputFormatException(Path file, long line, String message) {
        super(file + ":" + line + ": " + message);
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
