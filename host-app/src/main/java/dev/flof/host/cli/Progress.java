package dev.flof.host.cli;

import dev.flof.host.kernel.SystemClock;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/**
 * A one-line progress display for long replays, shown only when the output is a terminal (never in files or
 * pipes, so reports and logs stay byte-identical). It reports events, events/s and the exchange time
 * reached; the ETA comes from the share of the requested window ({@code --from}/{@code --to}) already
 * replayed, so it is shown only when both ends are known. It reads the wall clock through
 * {@link SystemClock}: display only, never engine input.
 */
final class Progress {
    private static final long EVERY_EVENTS = 1 << 16;
    private static final long EVERY_NANOS = 500_000_000L;

    private final PrintStream err;
    private final SystemClock wall = new SystemClock();
    private final long from;
    private final long to;
    private final long started;
    private long events;
    private long lastPrint;
    private long firstTs = Long.MIN_VALUE;
    private boolean printed;

    private Progress(PrintStream err, long from, long to) {
        this.err = err;
        this.from = from;
        this.to = to;
        this.started = wall.nanos();
        this.lastPrint = started;
    }

    /** A display on the terminal, or null when the CLI's output is not one. */
    static Progress forTerminal(Main.CliContext ctx, long from, long to) {
        return ctx.out() == System.out && System.console() != null ? new Progress(ctx.err(), from, to) : null;
    }

    void onEvent(long tsEvent) {
        if (firstTs == Long.MIN_VALUE) {
            firstTs = tsEvent;
        }
        if (++events % EVERY_EVENTS != 0) {
            return;
        }
        long now = wall.nanos();
        if (now - lastPrint < EVERY_NANOS) {
            return;
        }
        lastPrint = now;
        double secs = (now - started) / 1e9;
        String line = String.format(Locale.ROOT, "\r  replay  %,d events  %,.0f ev/s  at %s", events, events / secs,
                Instant.ofEpochSecond(0, tsEvent));
        if (from != Long.MIN_VALUE && to != Long.MAX_VALUE && tsEvent > from) {
            double done = (tsEvent - from) / (double) (to - from);
            line += String.format(Locale.ROOT, "  %3.0f %%  ETA %.0f s", done * 100, secs * (1 - done) / done);
        }
        err.print(line + "   ");
        err.flush();
        printed = true;
    }

    void done() {
        if (printed) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }
}
