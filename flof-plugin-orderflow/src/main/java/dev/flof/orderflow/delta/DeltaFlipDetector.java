package dev.flof.orderflow.delta;

/**
 * Delta flip within a bar (spec F11, T8). D(t) is the bar delta as a step function, 0 at the bar open.
 * Flip up at the trade at t when D(t) >= +h and D(t0) <= -h for some t0 in [t - W, t) - the value carried into
 * the window counts (T8c), a visit that ended before t - W does not (T8d). After a flip up the detector re-arms
 * once D <= 0 again. Mirror for down.
 *
 * <p>Constant work per trade: only the latest non-empty episode with D <= -h (and >= +h) is kept.
 */
public final class DeltaFlipDetector {
    /** Result of {@link #onTrade}: no flip. */
    public static final int NONE = 0;

    private final long threshold;
    private final long windowNanos;
    private long delta;
    private boolean negOngoing;
    private long negStart;
    private long negLastEnd = Long.MIN_VALUE;
    private boolean posOngoing;
    private long posStart;
    private long posLastEnd = Long.MIN_VALUE;
    private boolean armedUp = true;
    private boolean armedDown = true;
    private long previousDelta;

    public DeltaFlipDetector(long threshold, long windowNanos) {
        if (threshold <= 0 || windowNanos <= 0) {
            throw new IllegalArgumentException("threshold and window must be positive");
        }
        this.threshold = threshold;
        this.windowNanos = windowNanos;
    }

    /** Starts a new bar: D = 0, no history. */
    public void barOpen() {
        delta = 0;
        negOngoing = false;
        negLastEnd = Long.MIN_VALUE;
        posOngoing = false;
        posLastEnd = Long.MIN_VALUE;
        armedUp = true;
        armedDown = true;
    }

    /**
     * Applies one trade of the current bar.
     *
     * @return +1 flip up, -1 flip down, {@link #NONE} otherwise
     */
    public int onTrade(long ts, long signedQty) {
        // D(t0) <= -h for some t0 in [t - W, t): an ongoing visit that began before t, or the last finished one
        boolean wasNeg = (negOngoing && negStart < ts) || negLastEnd > ts - windowNanos;
        boolean wasPos = (posOngoing && posStart < ts) || posLastEnd > ts - windowNanos;
        previousDelta = delta;
        delta += signedQty;
        // episode bookkeeping
        if (delta <= -threshold) {
            if (!negOngoing) {
                negOngoing = true;
                negStart = ts;
            }
        } else if (negOngoing) {
            negOngoing = false;
            if (negStart < ts) {
                negLastEnd = ts;
            }
        }
        if (delta >= threshold) {
            if (!posOngoing) {
                posOngoing = true;
                posStart = ts;
            }
        } else if (posOngoing) {
            posOngoing = false;
            if (posStart < ts) {
                posLastEnd = ts;
            }
        }
        int result = NONE;
        if (armedUp && delta >= threshold && wasNeg) {
            armedUp = false;
            result = 1;
        } else if (armedDown && delta <= -threshold && wasPos) {
            armedDown = false;
            result = -1;
        }
        if (delta <= 0) {
            armedUp = true;
        }
        if (delta >= 0) {
            armedDown = true;
        }
        return result;
    }

    public long delta() {
        return delta;
    }

    /** Bar delta before the last trade (the value the flip came from is at most this). */
    public long previousDelta() {
        return previousDelta;
    }
}
