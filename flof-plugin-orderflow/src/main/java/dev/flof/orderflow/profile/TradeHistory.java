package dev.flof.orderflow.profile;

import java.util.Arrays;

/**
 * The trades a profile can be built from: (exchange time, tick, size) in time order, in growable primitive
 * arrays with a hard capacity (oldest dropped and counted beyond it) and a retention horizon. Appending in order
 * is O(1) amortised; a late trade is inserted at its place. Profiles over (from, to] find their slice by binary
 * search, so a query costs only the trades inside it.
 */
public final class TradeHistory {
    private final int maxCapacity;
    private final long retentionNanos;
    private long[] ts;
    private long[] tick;
    private long[] size;
    private int start;
    private int end;
    private long evicted;

    public TradeHistory(int initialCapacity, int maxCapacity, long retentionNanos) {
        int cap = Math.max(16, Math.min(initialCapacity, maxCapacity));
        this.maxCapacity = maxCapacity;
        this.retentionNanos = retentionNanos;
        ts = new long[cap];
        tick = new long[cap];
        size = new long[cap];
    }

    public void add(long t, long tickIndex, long qty) {
        if (end == ts.length) {
            makeRoom();
        }
        int i = end;
        while (i > start && ts[i - 1] > t) {
            ts[i] = ts[i - 1];
            tick[i] = tick[i - 1];
            size[i] = size[i - 1];
            i--;
        }
        ts[i] = t;
        tick[i] = tickIndex;
        size[i] = qty;
        end++;
        long horizon = ts[end - 1] - retentionNanos;
        while (start < end && ts[start] <= horizon) {
            start++;
            evicted++;
        }
    }

    private void makeRoom() {
        int live = end - start;
        if (start > 0 && live <= ts.length / 2) {
            compact(ts.length);
            return;
        }
        if (ts.length < maxCapacity) {
            compact((int) Math.min(maxCapacity, 2L * ts.length));
            return;
        }
        int drop = Math.max(1, live / 4);
        start += drop;
        evicted += drop;
        compact(ts.length);
    }

    private void compact(int newCap) {
        int live = end - start;
        long[] a = newCap == ts.length ? ts : Arrays.copyOf(ts, newCap);
        long[] b = newCap == ts.length ? tick : Arrays.copyOf(tick, newCap);
        long[] c = newCap == ts.length ? size : Arrays.copyOf(size, newCap);
        System.arraycopy(ts, start, a, 0, live);
        System.arraycopy(tick, start, b, 0, live);
        System.arraycopy(size, start, c, 0, live);
        ts = a;
        tick = b;
        size = c;
        start = 0;
        end = live;
    }

    public int size() {
        return end - start;
    }

    /** Trades dropped for capacity or retention. */
    public long evicted() {
        return evicted;
    }

    /** Earliest exchange time still held, or {@link Long#MAX_VALUE} when empty. */
    public long earliest() {
        return end > start ? ts[start] : Long.MAX_VALUE;
    }

    /** Profile over (from, to] in rows of {@code params.rowTicks()} ticks; empty when no trade falls in it. */
    public ProfileResult profile(long fromNanos, long toNanos, ProfileParams params) {
        int a = firstAfter(fromNanos);
        int b = firstAfter(toNanos);
        if (a >= b) {
            return VolumeProfiles.analyze(0, new long[0], params);
        }
        long rt = params.rowTicks();
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = a; i < b; i++) {
            long row = Math.floorDiv(tick[i], rt);
            lo = Math.min(lo, row);
            hi = Math.max(hi, row);
        }
        if (hi - lo + 1 > 10_000_000L) {
            throw new IllegalArgumentException("profile range of " + (hi - lo + 1) + " rows is too wide"
                    + " (use wider rows)");
        }
        long[] v = new long[(int) (hi - lo + 1)];
        for (int i = a; i < b; i++) {
            v[(int) (Math.floorDiv(tick[i], rt) - lo)] += size[i];
        }
        return VolumeProfiles.analyze(lo, v, params).rowsToTicks(params.rowTicks());
    }

    private int firstAfter(long t) {
        int lo = start;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
