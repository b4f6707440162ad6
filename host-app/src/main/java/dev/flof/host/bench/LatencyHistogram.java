package dev.flof.host.bench;

/**
 * A fixed-size log-linear histogram of non-negative longs (nanoseconds), in the spirit of HdrHistogram:
 * values below 256 are counted exactly; above, each power-of-two range is split into 128 equal
 * sub-buckets, so a reported value is never more than 1/128 (0.8 %) above the true one. Recording is
 * allocation-free (one array increment), which matters because the live benchmark records on the kernel
 * thread whose allocation it also measures. Not thread-safe: one writer.
 *
 * <p>Why not the HdrHistogram library: the host's build is shared, and this is 80 lines whose
 * percentiles are checked against hand-computed values in {@code LatencyHistogramTest}.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS; // 128
    private static final int EXACT = 2 * SUB; // values below 256 exactly
    private final long[] counts;
    private long total;
    private long max;
    private long min = Long.MAX_VALUE;

    public LatencyHistogram() {
        // exact part + one group of 128 for each of the magnitudes 2^8 .. 2^62
        counts = new long[EXACT + (63 - SUB_BITS - 1) * SUB];
    }

    /** Counts one value; negative values count as zero. */
    public void record(long value) {
        long v = Math.max(0, value);
        counts[index(v)]++;
        total++;
        if (v > max) {
            max = v;
        }
        if (v < min) {
            min = v;
        }
    }

    static int index(long v) {
        if (v < EXACT) {
            return (int) v;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(v); // >= 8
        int shift = magnitude - SUB_BITS;
        int sub = (int) (v >>> shift) - SUB; // 0..127
        return EXACT + (magnitude - SUB_BITS - 1) * SUB + sub;
    }

    /** The largest value that falls into bucket {@code i}. */
    static long highestIn(int i) {
        if (i < EXACT) {
            return i;
        }
        int group = (i - EXACT) / SUB;
        int sub = (i - EXACT) % SUB;
        int shift = group + 1;
        return (((long) (SUB + sub + 1)) << shift) - 1;
    }

    public long count() {
        return total;
    }

    public long max() {
        return total == 0 ? 0 : max;
    }

    public long min() {
        return total == 0 ? 0 : min;
    }

    /**
     * The value at percentile {@code p} (0-100]: the upper bound of the bucket holding the
     * ceil(p/100 * count)-th smallest value, capped at the recorded maximum; 0 when empty.
     */
    public long percentile(double p) {
        if (total == 0) {
            return 0;
        }
        // the small epsilon keeps binary rounding (99.9 / 100 * 1e6 = 999000.0000000001) from skipping a rank
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total - 1e-6));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestIn(i), max);
            }
        }
        return max;
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        max = 0;
        min = Long.MAX_VALUE;
    }
}
