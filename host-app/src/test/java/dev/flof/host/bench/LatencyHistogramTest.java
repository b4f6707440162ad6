package dev.flof.host.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Percentiles against hand-computed ranks; bucket bounds against the 1/128 precision promise. */
class LatencyHistogramTest {
    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v);
        }
        // rank ceil(0.5 * 100) = 50 -> value 50; rank 99 -> 99; rank ceil(99.9) = 100 -> 100
        assertEquals(50, h.percentile(50));
        assertEquals(99, h.percentile(99));
        assertEquals(100, h.percentile(99.9));
        assertEquals(100, h.max());
        assertEquals(1, h.min());
        assertEquals(100, h.count());
    }

    @Test
    void largeValuesReportTheirBucketsUpperBoundWithinOnePart128() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1_000); // magnitude 9 (512..1023), sub-bucket width 4: 1000..1003
        h.record(1_000_000); // magnitude 19, width 4096: 999,424..1,003,519
        assertEquals(1_003, h.percentile(50));
        // the top bucket is capped at the recorded maximum
        assertEquals(1_000_000, h.percentile(100));
        assertEquals(1_003_519, LatencyHistogram.highestIn(LatencyHistogram.index(1_000_000)));
        for (long v : new long[] {256, 257, 511, 512, 4_095, 4_096, 123_456_789L, Long.MAX_VALUE / 3}) {
            long hi = LatencyHistogram.highestIn(LatencyHistogram.index(v));
            assertTrue(hi >= v && hi - v <= v / 128, v + " -> " + hi);
        }
    }

    @Test
    void emptyAndNegative() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.percentile(99.9));
        assertEquals(0, h.max());
        h.record(-5);
        assertEquals(0, h.percentile(50));
        assertEquals(1, h.count());
        h.reset();
        assertEquals(0, h.count());
    }

    @Test
    void tailPercentileOfAMillionSamples() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 999_000; i++) {
            h.record(10);
        }
        for (int i = 0; i < 1_000; i++) {
            h.record(200);
        }
        // 99.9 % of 1,000,000 = rank 999,000: still a 10; one rank further is a 200
        assertEquals(10, h.percentile(99.9));
        assertEquals(200, h.percentile(99.95));
    }
}
