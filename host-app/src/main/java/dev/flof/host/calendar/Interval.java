package dev.flof.host.calendar;

/**
 * A half-open time interval {@code [startNs, endNs)} in ns since the epoch. Half-open so that adjacent
 * windows never share an instant and "the high/low is final at {@code endNs}" has one meaning.
 */
public record Interval(long startNs, long endNs) {
    public Interval {
        if (endNs < startNs) {
            throw new IllegalArgumentException("interval ends before it starts: [" + startNs + ", " + endNs + ")");
        }
    }

    public boolean contains(long tsNs) {
        return tsNs >= startNs && tsNs < endNs;
    }

    public boolean isEmpty() {
        return endNs == startNs;
    }

    /** The overlap of two intervals, or null when they do not overlap. */
    public Interval intersect(Interval other) {
        long s = Math.max(startNs, other.startNs);
        long e = Math.min(endNs, other.endNs);
        return e > s ? new Interval(s, e) : null;
    }
}
