package dev.flof.orderflow.tape;

/**
 * Counts prints in the half-open window (T - W, T], keeping only their timestamps (8 bytes a print), so a
 * one-hour baseline for tape speed (F7) fits in bounded memory. Late prints are inserted in order; prints with
 * {@code ts <= T - W} are dropped and counted; beyond {@code capacity} the oldest are evicted and counted.
 */
public final class TimestampWindow {
    private final long windowNanos;
    private final int capacity;
    private final int mask;
    private final long[] ts;
    private int head;
    private int count;
    private long latest = Long.MIN_VALUE;
    private long dropped;
    private long overflowed;

    public TimestampWindow(long windowNanos, int capacity) {
        if (windowNanos <= 0 || capacity < 2) {
            throw new IllegalArgumentException("window and capacity must be positive");
        }
        this.windowNanos = windowNanos;
        int cap = Integer.highestOneBit(capacity - 1) << 1;
        this.capacity = cap;
        this.mask = cap - 1;
        ts = new long[cap];
    }

    public boolean add(long t) {
        if (latest != Long.MIN_VALUE && t <= latest - windowNanos) {
            dropped++;
            return false;
        }
        if (t > latest) {
            latest = t;
            evict();
        }
        if (count == capacity) {
            head = (head + 1) & mask;
            count--;
            overflowed++;
        }
        int i = count;
        while (i > 0 && ts[(head + i - 1) & mask] > t) {
            ts[(head + i) & mask] = ts[(head + i - 1) & mask];
            i--;
        }
        ts[(head + i) & mask] = t;
        count++;
        return true;
    }

    public void advanceTo(long t) {
        if (t > latest) {
            latest = t;
            evict();
        }
    }

    private void evict() {
        long cutoff = latest - windowNanos;
        while (count > 0 && ts[head] <= cutoff) {
            head = (head + 1) & mask;
            count--;
        }
    }

    public int count() {
        return count;
    }

    public long latest() {
        return latest;
    }

    public long dropped() {
        return dropped;
    }

    public long overflowed() {
        return overflowed;
    }
}
