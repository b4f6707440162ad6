package dev.flof.orderflow.signal;

import dev.flof.orderflow.tape.TimestampWindow;

/**
 * Tape speed against the previous hour (spec F7, T5): {@code r_fast} = prints in (T - 10 s, T] / 10 s,
 * {@code r_slow} = prints in (T - 3600 s, T - 10 s] / 3590 s (the fast window is excluded from the baseline);
 * spike when {@code r_fast >= multiple * r_slow} ("+300 %" = 4x) and the baseline holds at least the minimum
 * number of prints and the tape has been observed for the baseline length. Every fill is a print (six fills at one timestamp are six prints).
 */
public final class TapeSpeed {
    private final long fastNanos;
    private final long slowNanos;
    private final double multiple;
    private final long minBaselinePrints;
    private final TimestampWindow fast;
    private final TimestampWindow hour;
    private long firstPrint = Long.MIN_VALUE;

    public TapeSpeed(long fastNanos, long slowNanos, double multiple, long minBaselinePrints, int capacity) {
        if (fastNanos <= 0 || slowNanos <= fastNanos) {
            throw new IllegalArgumentException("tape speed needs 0 < fast window < slow window");
        }
        this.fastNanos = fastNanos;
        this.slowNanos = slowNanos;
        this.multiple = multiple;
        this.minBaselinePrints = minBaselinePrints;
        this.fast = new TimestampWindow(fastNanos, Math.max(1024, capacity / 16));
        this.hour = new TimestampWindow(slowNanos, capacity);
    }

    public void onPrint(long ts) {
        if (firstPrint == Long.MIN_VALUE || ts < firstPrint) {
            firstPrint = ts;
        }
        fast.add(ts);
        hour.add(ts);
    }

    public void advanceTo(long ts) {
        fast.advanceTo(ts);
        hour.advanceTo(ts);
    }

    public int fastPrints() {
        return fast.count();
    }

    /** Prints in (T - slow, T - fast]. */
    public int baselinePrints() {
        return hour.count() - fast.count();
    }

    /** Whether the prints seen so far span the baseline window length. */
    public boolean warm() {
        return firstPrint != Long.MIN_VALUE && hour.latest() - firstPrint >= slowNanos - fastNanos;
    }

    /** Prints per second over the fast window. */
    public double fastRate() {
        return fast.count() * 1e9 / fastNanos;
    }

    /** Prints per second over the baseline window (slow minus fast). */
    public double baselineRate() {
        return baselinePrints() * 1e9 / (slowNanos - fastNanos);
    }

    /**
     * Spike test. Besides the spec's conditions, the tape must have been observed for at least the baseline
     * length (slow - fast window) - otherwise a feed that started minutes ago would divide a few minutes of prints
     * by 3590 s and see a "spike" everywhere.
     */
    public boolean spike() {
        long base = baselinePrints();
        return base >= minBaselinePrints && base > 0 && warm()
                && (double) fast.count() * (slowNanos - fastNanos) >= multiple * base * fastNanos;
    }

    /**
     * Whether the fast rate is below {@code fraction} of the spike level (used as hysteresis: after a spike,
     * the next one is reported only once the tape slowed below this, so a rate hovering at 4x is one spike).
     */
    public boolean calmBelow(double fraction) {
        long base = baselinePrints();
        return base == 0 || (double) fast.count() * (slowNanos - fastNanos) < fraction * multiple * base * fastNanos;
    }

    public long overflowed() {
        return hour.overflowed() + fast.overflowed();
    }
}
