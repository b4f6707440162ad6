package dev.flof.orderflow.footprint;

import dev.flof.orderflow.profile.VolumeProfiles;
import java.util.ArrayList;
import java.util.List;

/**
 * One bar's footprint (spec F3): ask (buyer-initiated) and bid (seller-initiated) volume per tick, rows from the
 * bar's low to its high with untraded ticks as zero rows. Adding a trade is O(1) on primitive arrays; the
 * arrays are reused across bars and only grow (rarely) when a bar's range exceeds them.
 *
 * <p>Diagonal imbalances (F4): buy at i when {@code Ask(i) >= R * Bid(i-1)} and {@code Ask(i) >= Vmin}; sell at i
 * when {@code Bid(i) >= R * Ask(i+1)} and {@code Bid(i) >= Vmin}. The neighbour must lie inside the bar's range
 * (a zero neighbour inside counts, ratio infinite); a level with no volume on its own side is never an
 * imbalance. Stacks (F5) are runs of consecutive tick indices, so an untraded tick breaks a run (T2).
 */
public final class Footprint {
    private long[] ask;
    private long[] bid;
    private long[] other;
    private long origin;
    private long low = Long.MAX_VALUE;
    private long high = Long.MIN_VALUE;
    private long volume;
    private long delta;
    private long trades;

    public Footprint(int initialTicks) {
        int cap = Math.max(16, initialTicks);
        ask = new long[cap];
        bid = new long[cap];
        other = new long[cap];
    }

    /** Empties the footprint for a new bar (clears only the rows used). */
    public void reset() {
        if (trades > 0) {
            for (long t = low; t <= high; t++) {
                int i = (int) (t - origin);
                ask[i] = 0;
                bid[i] = 0;
                other[i] = 0;
            }
        }
        low = Long.MAX_VALUE;
        high = Long.MIN_VALUE;
        volume = 0;
        delta = 0;
        trades = 0;
    }

    public void add(long tick, long qty, int side) {
        if (trades == 0) {
            origin = tick - ask.length / 2;
        } else if (tick - origin < 0 || tick - origin >= ask.length) {
            grow(tick);
        }
        int i = (int) (tick - origin);
        if (side > 0) {
            ask[i] += qty;
            delta += qty;
        } else if (side < 0) {
            bid[i] += qty;
            delta -= qty;
        } else {
            other[i] += qty;
        }
        volume += qty;
        trades++;
        if (tick < low) {
            low = tick;
        }
        if (tick > high) {
            high = tick;
        }
    }

    private void grow(long tick) {
        long newLow = Math.min(low, tick);
        long newHigh = Math.max(high, tick);
        long span = newHigh - newLow + 1;
        if (span > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("bar range of " + span + " ticks is too wide for a footprint");
        }
        int cap = ask.length;
        while (cap < 2 * span) {
            cap *= 2;
        }
        long newOrigin = newLow - (cap - span) / 2;
        long[] a = new long[cap];
        long[] b = new long[cap];
        long[] o = new long[cap];
        for (long t = low; t <= high; t++) {
            a[(int) (t - newOrigin)] = ask[(int) (t - origin)];
            b[(int) (t - newOrigin)] = bid[(int) (t - origin)];
            o[(int) (t - newOrigin)] = other[(int) (t - origin)];
        }
        ask = a;
        bid = b;
        other = o;
        origin = newOrigin;
    }

    public boolean isEmpty() {
        return trades == 0;
    }

    public long low() {
        return low;
    }

    public long high() {
        return high;
    }

    public long volume() {
        return volume;
    }

    /** Bar delta: buyer- minus seller-initiated volume. */
    public long delta() {
        return delta;
    }

    public long trades() {
        return trades;
    }

    /** Buyer-initiated volume at a tick (0 outside the range). */
    public long askAt(long tick) {
        return inRange(tick) ? ask[(int) (tick - origin)] : 0;
    }

    /** Seller-initiated volume at a tick (0 outside the range). */
    public long bidAt(long tick) {
        return inRange(tick) ? bid[(int) (tick - origin)] : 0;
    }

    /** All volume at a tick, including trades without a known aggressor. */
    public long volumeAt(long tick) {
        return inRange(tick) ? ask[(int) (tick - origin)] + bid[(int) (tick - origin)] + other[(int) (tick - origin)] : 0;
    }

    private boolean inRange(long tick) {
        return trades > 0 && tick >= low && tick <= high;
    }

    /** Rows of the bar (high - low + 1), zero rows included. */
    public int rows() {
        return trades == 0 ? 0 : (int) (high - low + 1);
    }

    /** Bar POC with the profile tie rule (closest to the middle, then lower); only for a non-empty bar. */
    public long pocTick() {
        int n = rows();
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = volumeAt(low + i);
        }
        return low + VolumeProfiles.pocIndex(v, n);
    }

    /** F4 buy imbalance at a tick. */
    public boolean buyImbalance(long tick, double ratio, long minVolume) {
        if (!inRange(tick) || tick - 1 < low) {
            return false;
        }
        long a = askAt(tick);
        return a > 0 && a >= minVolume && a >= ratio * bidAt(tick - 1);
    }

    /** F4 sell imbalance at a tick. */
    public boolean sellImbalance(long tick, double ratio, long minVolume) {
        if (!inRange(tick) || tick + 1 > high) {
            return false;
        }
        long b = bidAt(tick);
        return b > 0 && b >= minVolume && b >= ratio * askAt(tick + 1);
    }

    /** Ticks with a buy (side +1) or sell (side -1) imbalance, ascending. */
    public List<Long> imbalances(int side, double ratio, long minVolume) {
        List<Long> out = new ArrayList<>();
        for (long t = low; trades > 0 && t <= high; t++) {
            if (side > 0 ? buyImbalance(t, ratio, minVolume) : sellImbalance(t, ratio, minVolume)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Maximal runs of at least {@code minLevels} consecutive ticks with same-side imbalances, as {low, high}. */
    public List<long[]> stacks(int side, double ratio, long minVolume, int minLevels) {
        List<long[]> out = new ArrayList<>();
        long runStart = 0;
        int run = 0;
        for (long t = low; trades > 0 && t <= high + 1; t++) {
            boolean imb = t <= high && (side > 0 ? buyImbalance(t, ratio, minVolume) : sellImbalance(t, ratio, minVolume));
            if (imb) {
                if (run == 0) {
                    runStart = t;
                }
                run++;
            } else {
                if (run >= minLevels) {
                    out.add(new long[] {runStart, t - 1});
                }
                run = 0;
            }
        }
        return out;
    }
}
