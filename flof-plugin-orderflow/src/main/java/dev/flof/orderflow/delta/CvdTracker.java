package dev.flof.orderflow.delta;

/**
 * Cumulative volume delta since the session start (spec F2): CVD = sum of s*q over the session's trades with a
 * known aggressor. The session boundary is cached, so the per-trade cost is one comparison.
 * A trade stamped before the current session's start (late across the reset) is not added to the new
 * session and is counted in {@link #lateAcrossReset()}.
 */
public final class CvdTracker {
    private final SessionResets resets;
    private long sessionStart = Long.MIN_VALUE;
    private long nextReset = Long.MIN_VALUE;
    private long cvd;
    private long lateAcrossReset;
    private long sessions;

    public CvdTracker(SessionResets resets) {
        this.resets = resets;
    }

    /** Adds one trade; returns the CVD after it. */
    public long onTrade(long ts, long qty, int side) {
        if (ts >= nextReset) {
            sessionStart = resets.sessionStart(ts);
            nextReset = resets.nextSessionStart(ts);
            cvd = 0;
            sessions++;
        } else if (ts < sessionStart) {
            lateAcrossReset++;
            return cvd;
        }
        if (side > 0) {
            cvd += qty;
        } else if (side < 0) {
            cvd -= qty;
        }
        return cvd;
    }

    public long cvd() {
        return cvd;
    }

    public long sessionStart() {
        return sessionStart;
    }

    public long lateAcrossReset() {
        return lateAcrossReset;
    }

    /** Number of sessions started so far. */
    public long sessions() {
        return sessions;
    }
}
