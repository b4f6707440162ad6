package dev.flof.orderflow.delta;

/**
 * Where cumulative volume delta restarts (spec F2): ES at the Globex open (18:00 New York = 17:00 Chicago),
 * crypto at 00:00 UTC. A pure function of exchange time, so replays are deterministic.
 */
public interface SessionResets {
    /** Start (inclusive, ns) of the session containing {@code ts}. */
    long sessionStart(long ts);

    /** Start (ns) of the session after the one containing {@code ts}; strictly greater than {@code ts}. */
    long nextSessionStart(long ts);
}
