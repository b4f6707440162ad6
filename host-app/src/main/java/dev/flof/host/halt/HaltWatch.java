package dev.flof.host.halt;

import dev.flof.host.journal.Journal;
import dev.flof.host.oms.OrderManager;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Ends a paper or live session after the risk overlord's flatten, and only then (issue 10): once order
 * management confirms the flatten complete (flat by the fills and at the venue, purged entries and leftover
 * bracket children cancelled), it writes the halt marker, prints the report (what tripped, when, the flatten's
 * orders and fills) and tells the runner to stop with {@link #EXIT_HALTED}. While the flatten is not complete
 * (rejected, a halted or limit-locked market, fills outstanding) it never stops the runner: trading stays
 * HALTED reduce-only, the protective orders rest, order management retries with backoff, and every retry is
 * printed as an ALERT. Called on the kernel thread after every event.
 */
public final class HaltWatch {
    /** The exit code of a process that stopped after a confirmed flatten. */
    public static final int EXIT_HALTED = 3;
    private static final Set<String> ALERTS = Set.of("FLATTEN_RETRY", "FLATTEN_WAITING", "RECONCILE_ALERT");
    private static final Set<String> SHOWN = Set.of("FLATTEN", "PURGE_ENTRIES", "FLATTEN_ORDER", "FLAT_CONFIRMED",
            "RECOVERED_FILL", "RECONCILE", "HALT", "REDUCE_ONLY", "PAUSE", "RESUME", "VETO");

    private final OrderManager oms;
    private final Journal journal;
    private final Path stateDir;
    private final String mode;
    private final Consumer<String> log;
    private int seen;
    private boolean done;
    private String report = "";
    private Path marker;
    private boolean rehearsal;

    /**
     * @param stateDir where the marker goes ({@code <stateDir>/HALTED})
     * @param mode     "paper" or "live", for the report
     * @param log      where lines for the operator go
     */
    public HaltWatch(OrderManager oms, Journal journal, Path stateDir, String mode, Consumer<String> log) {
        this.oms = oms;
        this.journal = journal;
        this.stateDir = stateDir;
        this.mode = mode;
        this.log = log;
    }

    /** Prints new breaker actions (ALERT for flatten retries); returns true once the session must stop. */
    public boolean afterEvent() {
        List<Journal.BreakerEntry> entries = journal.breakerEntries();
        for (int i = seen; i < entries.size(); i++) {
            Journal.BreakerEntry b = entries.get(i);
            if (ALERTS.contains(b.action())) {
                log.accept("ALERT " + b.breaker() + " " + b.action() + ": " + b.reason());
            } else if (SHOWN.contains(b.action())) {
                log.accept("breaker " + b.breaker() + " " + b.action() + ": " + b.reason());
            }
        }
        seen = entries.size();
        if (done || !oms.flattenComplete()) {
            return done;
        }
        done = true;
        report = report(oms.haltReport(), mode, stateDir);
        if (rehearsal) {
            // a rehearsal on recorded data must never block a real start: the halt is in the journal only
            log.accept("rehearsal: the flatten is complete; no halt marker written (the journal holds the breaker actions)");
        } else {
            marker = HaltMarker.write(stateDir, report);
            report.lines().forEach(log);
        }
        return true;
    }

    /**
     * Marks the session as a rehearsal on recorded data ({@code LiveRunner.replay}): a confirmed flatten still ends it
     * and is in the journal, as in a backtest, but no halt marker is written, so a rehearsal never blocks a real start.
     */
    public void rehearsal() {
        this.rehearsal = true;
    }

    /** 0 while running or after a plain stop; {@link #EXIT_HALTED} after a confirmed flatten. */
    public int exitCode() {
        return done ? EXIT_HALTED : 0;
    }

    /** The report written to the marker (empty before the halt). */
    public String report() {
        return report;
    }

    /** The marker written, or null (always null in a {@link #rehearsal()}). */
    public Path marker() {
        return marker;
    }

    /** The halt report as the marker holds it: the reason on the first line, then the details. */
    public static String report(OrderManager.HaltReport r, String mode, Path stateDir) {
        StringBuilder b = new StringBuilder();
        b.append("HALTED by ").append(r.breaker()).append(": ").append(r.reason()).append('\n');
        b.append("mode: ").append(mode).append('\n');
        b.append("tripped at: ").append(time(r.trippedAt())).append('\n');
        b.append("flatten confirmed at: ").append(r.completedAt() == Long.MIN_VALUE ? "-" : time(r.completedAt())).append('\n');
        b.append("flatten steps (orders, cancels, fills):\n");
        for (String s : r.steps()) {
            int sp = s.indexOf(' ');
            long ts = Long.parseLong(s.substring(0, sp));
            b.append("  ").append(time(ts)).append("  ").append(s.substring(sp + 1)).append('\n');
        }
        b.append("trading stays halted: ").append(HaltMarker.howToClear(stateDir)).append('\n');
        return b.toString();
    }

    private static String time(long ns) {
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)).toString();
    }
}
