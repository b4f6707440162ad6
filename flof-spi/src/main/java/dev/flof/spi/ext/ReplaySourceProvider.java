package dev.flof.spi.ext;

import dev.flof.spi.event.Event;
import dev.flof.spi.market.Instrument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads recorded data (DBN, CSV, captures) for backtests. */
public interface ReplaySourceProvider extends FlofExtension {
    /** Whether this provider reads the file (by name and, if needed, its first bytes). */
    boolean accepts(Path file);

    ReplaySource open(Path file, Params params) throws IOException;

    /**
     * A stream of events in the file's order. {@link #next()} returns null at the end and throws
     * {@link ReplayException} naming the file and line or byte offset on bad input.
     */
    interface ReplaySource extends AutoCloseable {
        /** Instruments the file holds, known after opening. */
        List<Instrument> instruments();

        Event next() throws IOException;

        /** What was read, skipped and why, e.g. {@code "duplicate trades dropped" -> 3}. */
        Map<String, Long> counters();

        /** Notes for the report, e.g. "aggressor side derived with the tick rule". */
        List<String> notes();

        @Override
        void close() throws IOException;
    }

    /** Bad input in a replay file, with where it was found. */
    class ReplayException extends IOException {
        private static final long serialVersionUID = 1L;

        public ReplayException(Path file, String where, String what) {
            super(file + (where.isEmpty() ? "" : ":" + where) + ": " + what);
        }
    }
}
