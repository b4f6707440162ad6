package dev.flof.smc.mtf;

/**
 * A short-fractal trend state for one timeframe: the structure bias a higher timeframe shows before its
 * internal (default 5) and swing (50) levels have any break. On a 4H chart, an internal pivot needs 5 bars
 * (20 hours) on each side; a one-way rally makes higher highs without such a pullback, so the internal level
 * can go a whole week without a single break and the bias would read RANGING through the move. The minimal
 * swing of practitioner SMC is the fractal (spec §4: "a bar with a lower high on each side; more bars make
 * it more significant"), so this tracker uses the same rules as a structure level (spec §6.1–6.2) with a
 * short length {@code L}:
 * <ul>
 *   <li>pivot high at {@code p = t - L}: {@code high[p]} strictly above the {@code L} bars before it and at
 *       least the {@code L} bars after it ({@code STRICT_LEFT}); pivot low mirrored; a bar that is both is a
 *       high; known at the close of bar {@code t};</li>
 *   <li>alternation: a pivot of the same type as the last one replaces it only when more extreme;</li>
 *   <li>a close above the latest uncrossed swing high turns the trend bullish, a close below the latest
 *       uncrossed swing low bearish, known at the close of that bar.</li>
 * </ul>
 * Every reading is as of the last bar consumed, so it never uses a bar that has not closed.
 * Not thread-safe (one kernel thread).
 */
public final class FractalBias {
    private final int length;
    private final long[] highs;
    private final long[] lows;
    private final long[] opens;
    private long n;
    private int lastType;
    private long lastPrice;
    private boolean hasHigh;
    private long curHigh;
    private long curHighTime;
    private boolean highCrossed;
    private boolean hasLow;
    private long curLow;
    private long curLowTime;
    private boolean lowCrossed;
    private int trend;
    private long since;
    private long level;
    private long pivotTime;

    /** @param length bars on each side of a pivot, at least 1 (1 = the 3-bar fractal, 2 = the 5-bar fractal) */
    public FractalBias(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("fractal bias length must be >= 1, got " + length);
        }
        this.length = length;
        int w = 2 * length + 1;
        highs = new long[w];
        lows = new long[w];
        opens = new long[w];
    }

    public int length() {
        return length;
    }

    /**
     * Consumes the next closed bar (time order is the caller's duty: the matrix checks it).
     *
     * @return the trend after this bar, +1, -1 or 0
     */
    public int onBar(long openTime, long closeTime, long high, long low, long close) {
        int w = highs.length;
        int slot = (int) (n % w);
        highs[slot] = high;
        lows[slot] = low;
        opens[slot] = openTime;
        long t = n++;
        long p = t - length;
        if (p - length >= 0) {
            boolean hi = isPivot(p, +1);
            boolean lo = !hi && isPivot(p, -1);
            if (hi) {
                pivot(+1, highs[(int) (p % w)], opens[(int) (p % w)]);
            } else if (lo) {
                pivot(-1, lows[(int) (p % w)], opens[(int) (p % w)]);
            }
        }
        if (hasHigh && !highCrossed && close > curHigh) {
            highCrossed = true;
            if (trend != +1) {
                trend = +1;
                since = closeTime;
            }
            level = curHigh;
            pivotTime = curHighTime;
        }
        if (hasLow && !lowCrossed && close < curLow) {
            lowCrossed = true;
            if (trend != -1) {
                trend = -1;
                since = closeTime;
            }
            level = curLow;
            pivotTime = curLowTime;
        }
        return trend;
    }

    private boolean isPivot(long p, int type) {
        int w = highs.length;
        long[] v = type > 0 ? highs : lows;
        long x = v[(int) (p % w)];
        for (long j = p - length; j <= p + length; j++) {
            if (j == p) {
                continue;
            }
            long o = v[(int) (j % w)];
            long d = type > 0 ? x - o : o - x;
            if (j < p ? d <= 0 : d < 0) {
                return false;
            }
        }
        return true;
    }

    private void pivot(int type, long price, long time) {
        if (lastType == type && (type > 0 ? price <= lastPrice : price >= lastPrice)) {
            return; // same type, not more extreme: discarded (alternation)
        }
        lastType = type;
        lastPrice = price;
        if (type > 0) {
            hasHigh = true;
            curHigh = price;
            curHighTime = time;
            highCrossed = false;
        } else {
            hasLow = true;
            curLow = price;
            curLowTime = time;
            lowCrossed = false;
        }
    }

    /** +1 bullish, -1 bearish, 0 before the first break. */
    public int trend() {
        return trend;
    }

    /** Close time of the bar whose close first put the trend in its current direction (0 before any break). */
    public long since() {
        return since;
    }

    /** Price of the swing whose break last confirmed the trend (fixed-point; 0 before any break). */
    public long level() {
        return level;
    }

    /** Open time of the pivot bar of that swing. */
    public long pivotTime() {
        return pivotTime;
    }

    /** Bars consumed. */
    public long bars() {
        return n;
    }
}
