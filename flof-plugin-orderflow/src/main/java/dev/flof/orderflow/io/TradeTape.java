package dev.flof.orderflow.io;

import java.util.Arrays;

/**
 * Trades in columns of primitives (exchange time, tick index, fixed-point size, aggressor sign), as read from a
 * file, plus how many rows were rejected for being off the tick grid.
 */
public final class TradeTape {
    private long[] ts = new long[1024];
    private long[] tick = new long[1024];
    private long[] size = new long[1024];
    private byte[] side = new byte[1024];
    private int n;
    private long offGrid;

    void add(long t, long k, long q, int s) {
        if (n == ts.length) {
            ts = Arrays.copyOf(ts, 2 * n);
            tick = Arrays.copyOf(tick, 2 * n);
            size = Arrays.copyOf(size, 2 * n);
            side = Arrays.copyOf(side, 2 * n);
        }
        ts[n] = t;
        tick[n] = k;
        size[n] = q;
        side[n] = (byte) s;
        n++;
    }

    void countOffGrid() {
        offGrid++;
    }

    public int size() {
        return n;
    }

    public long ts(int i) {
        return ts[i];
    }

    public long tick(int i) {
        return tick[i];
    }

    /** Fixed-point size (1e-9 units). */
    public long qty(int i) {
        return size[i];
    }

    public int side(int i) {
        return side[i];
    }

    /** Rows whose price was not on the tick grid (rejected, not in the tape). */
    public long offGrid() {
        return offGrid;
    }
}
