package dev.flof.smc.engine;

import dev.flof.smc.model.SmcBar;

/**
 * The last {@code capacity} bars of a series by absolute position, so pivot windows and order-block searches
 * read a bounded neighbourhood instead of the whole history (constant work per bar).
 */
final class BarRing {
    private final int mask;
    private final SmcBar[] bars;
    private final double[] atr;
    private long count;

    BarRing(int minCapacity) {
        int cap = Integer.highestOneBit(Math.max(4, minCapacity) - 1) << 1;
        mask = cap - 1;
        bars = new SmcBar[cap];
        atr = new double[cap];
    }

    void add(SmcBar bar, double atrAtBar) {
        int k = (int) (count & mask);
        bars[k] = bar;
        atr[k] = atrAtBar;
        count++;
    }

    /** Number of bars ever added; the last bar has position {@code count() - 1}. */
    long count() {
        return count;
    }

    boolean has(long index) {
        return index >= 0 && index < count && index >= count - bars.length;
    }

    SmcBar get(long index) {
        if (!has(index)) {
            throw new IndexOutOfBoundsException("bar " + index + " not in the window [" + Math.max(0, count - bars.length)
                    + ", " + count + ")");
        }
        return bars[(int) (index & mask)];
    }

    double atr(long index) {
        get(index);
        return atr[(int) (index & mask)];
    }
}
