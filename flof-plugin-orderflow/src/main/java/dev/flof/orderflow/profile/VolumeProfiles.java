package dev.flof.orderflow.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Volume-profile analysis exactly as spec §2.3 defines it: POC with the closest-to-middle tie rule, value area
 * by the CBOT two-row or the single-row expansion (ties up, stop at {@code acc >= target}, an exhausted side
 * gives way to the other), triangular smoothing, HVN/LVN by extremum-within-k plus topographic prominence,
 * LVN zones, and rule 2 (an untraded tick strictly inside the range is always an LVN zone).
 */
public final class VolumeProfiles {
    private VolumeProfiles() {
    }

    /** Point of control index: maximum; ties to the row closest to the middle ({@code |2i-(n-1)|}), then lower. */
    public static int pocIndex(long[] v, int n) {
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (best < 0 || v[i] > v[best]
                    || (v[i] == v[best] && Math.abs(2L * i - (n - 1)) < Math.abs(2L * best - (n - 1)))) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Value area as {@code {lowIndex, highIndex, volume}}.
     */
    public static long[] valueArea(long[] v, int n, int poc, double fraction, ValueAreaRule rule) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += v[i];
        }
        double target = fraction * total;
        int lo = poc;
        int hi = poc;
        long acc = v[poc];
        int step = rule == ValueAreaRule.CBOT2 ? 2 : 1;
        while (acc < target) {
            int upCount = Math.min(step, n - 1 - hi);
            int dnCount = Math.min(step, lo);
            if (upCount == 0 && dnCount == 0) {
                break;
            }
            long up = 0;
            for (int j = 1; j <= upCount; j++) {
                up += v[hi + j];
            }
            long dn = 0;
            for (int j = 1; j <= dnCount; j++) {
                dn += v[lo - j];
            }
            if (dnCount == 0 || (upCount > 0 && up >= dn)) {
                hi += upCount;
                acc += up;
            } else {
                lo -= dnCount;
                acc += dn;
            }
        }
        return new long[] {lo, hi, acc};
    }

    /** Triangular smoothing with weights {@code w+1-|d|}, renormalised over the offsets inside the profile. */
    public static double[] smooth(long[] v, int n, int w) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            long num = 0;
            long den = 0;
            for (int d = -w; d <= w; d++) {
                int j = i + d;
                if (j >= 0 && j < n) {
                    long wt = w + 1 - Math.abs(d);
                    num += wt * v[j];
                    den += wt;
                }
            }
            s[i] = (double) num / den;
        }
        return s;
    }

    /** Indices that are maxima of {@code s} within +-k (clipped) and leftmost of their plateau. */
    static List<Integer> localMaxima(double[] s, int k) {
        List<Integer> out = new ArrayList<>();
        int n = s.length;
        for (int i = 0; i < n; i++) {
            if (i > 0 && !(s[i - 1] < s[i])) {
                continue;
            }
            boolean max = true;
            for (int j = Math.max(0, i - k); j <= Math.min(n - 1, i + k) && max; j++) {
                max = s[i] >= s[j];
            }
            if (max) {
                out.add(i);
            }
        }
        return out;
    }

    /** Topographic prominence of the peak at i (scipy {@code peak_prominences}); a side without rows is ignored. */
    static double prominence(double[] s, int i) {
        double leftMin = Double.NaN;
        for (int j = i - 1; j >= 0 && s[j] <= s[i]; j--) {
            leftMin = Double.isNaN(leftMin) ? s[j] : Math.min(leftMin, s[j]);
        }
        if (i > 0 && Double.isNaN(leftMin)) {
            leftMin = s[i];
        }
        double rightMin = Double.NaN;
        for (int j = i + 1; j < s.length && s[j] <= s[i]; j++) {
            rightMin = Double.isNaN(rightMin) ? s[j] : Math.min(rightMin, s[j]);
        }
        if (i < s.length - 1 && Double.isNaN(rightMin)) {
            rightMin = s[i];
        }
        double base;
        if (Double.isNaN(leftMin) && Double.isNaN(rightMin)) {
            base = 0;
        } else if (Double.isNaN(leftMin)) {
            base = rightMin;
        } else if (Double.isNaN(rightMin)) {
            base = leftMin;
        } else {
            base = Math.max(leftMin, rightMin);
        }
        return s[i] - base;
    }

    /**
     * Full analysis of a per-row volume array starting at row {@code lowTick} (rows are ticks unless the caller
     * aggregates). LVN zones shared by several valleys are reported once, under their first LVN.
     */
    public static ProfileResult analyze(long lowTick, long[] volumes, ProfileParams p) {
        int n = volumes.length;
        long total = 0;
        for (long x : volumes) {
            if (x < 0) {
                throw new IllegalArgumentException("negative volume in profile");
            }
            total += x;
        }
        if (n == 0 || total == 0) {
            return new ProfileResult(lowTick, lowTick - 1, new long[0], lowTick, lowTick, lowTick, 0, 0,
                    List.of(), List.of(), List.of());
        }
        int poc = pocIndex(volumes, n);
        long[] va = valueArea(volumes, n, poc, p.valueAreaFraction(), p.rule());
        double[] s = smooth(volumes, n, p.smoothHalfWidth());
        double smax = 0;
        for (double x : s) {
            smax = Math.max(smax, x);
        }
        double minProm = p.prominenceFraction() * smax;
        List<Long> hvn = new ArrayList<>();
        for (int i : localMaxima(s, p.extremumTicks())) {
            if (prominence(s, i) >= minProm) {
                hvn.add(lowTick + i);
            }
        }
        double[] neg = new double[n];
        for (int i = 0; i < n; i++) {
            neg[i] = -s[i];
        }
        List<int[]> zones = new ArrayList<>(); // {lvn, lo, hi}
        for (int i : localMaxima(neg, p.extremumTicks())) {
            if (i == 0 || i == n - 1) {
                continue;
            }
            double depth = prominence(neg, i);
            if (depth >= minProm && s[i] <= p.lvnMaxPocFraction() * s[poc]) {
                double limit = s[i] + p.zoneFraction() * depth;
                int lo = i;
                while (lo > 0 && s[lo - 1] <= limit) {
                    lo--;
                }
                int hi = i;
                while (hi < n - 1 && s[hi + 1] <= limit) {
                    hi++;
                }
                zones.add(new int[] {i, lo, hi});
            }
        }
        // rule 2: zero runs strictly inside the range
        int i = 0;
        while (i < n) {
            if (volumes[i] != 0) {
                i++;
                continue;
            }
            int first = i;
            while (i + 1 < n && volumes[i + 1] == 0) {
                i++;
            }
            int last = i;
            i++;
            if (first == 0 || last == n - 1) {
                continue;
            }
            boolean contained = false;
            for (int[] z : zones) {
                if (z[1] <= first && last <= z[2]) {
                    contained = true;
                    break;
                }
            }
            if (!contained) {
                zones.add(new int[] {(first + last) / 2, first, last});
            }
        }
        zones.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Long> lvn = new ArrayList<>();
        List<ProfileResult.Zone> zoneList = new ArrayList<>();
        int[] previous = null;
        for (int[] z : zones) {
            lvn.add(lowTick + z[0]);
            // several valleys can share one zone: report each zone once, under its first LVN
            if (previous == null || previous[1] != z[1] || previous[2] != z[2]) {
                zoneList.add(new ProfileResult.Zone(lowTick + z[0], lowTick + z[1], lowTick + z[2]));
            }
            previous = z;
        }
        return new ProfileResult(lowTick, lowTick + n - 1, volumes, lowTick + poc, lowTick + va[0], lowTick + va[1],
                va[2], total, hvn, lvn, zoneList);
    }

    /**
     * The stop beyond the nearest LVN zone on the protective side of an entry: for a long (direction +1) the
     * highest zone entirely below the entry, stop = its low - b ticks; for a short the lowest zone entirely above,
     * stop = its high + b ticks. Empty when no zone lies on that side.
     */
    public static OptionalLong stopBeyondLvn(ProfileResult r, long entryTick, int direction, int bufferTicks) {
        ProfileResult.Zone best = null;
        for (ProfileResult.Zone z : r.lvnZones()) {
            if (direction > 0 && z.highTick() < entryTick && (best == null || z.highTick() > best.highTick())) {
                best = z;
            } else if (direction < 0 && z.lowTick() > entryTick && (best == null || z.lowTick() < best.lowTick())) {
                best = z;
            }
        }
        if (best == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(direction > 0 ? best.longStop(bufferTicks) : best.shortStop(bufferTicks));
    }
}
