package dev.flof.orderflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flof.orderflow.core.TickMath;
import dev.flof.orderflow.engine.FlowParams;
import dev.flof.orderflow.signal.CvdDivergence;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The zigzag reversal of the CVD divergence as basis points of price (crypto default 2 bp), hand-computed. */
class CvdDivergenceRelativeTest {
    static final BigDecimal CENT = new BigDecimal("0.01");

    static long c(String price) {
        return TickMath.toTicks(price, CENT);
    }

    @Test
    void reversalIsBasisPointsOfTheExtremeRoundedUpWithAFloor() {
        CvdDivergence d = new CvdDivergence(1, 0, 2.0);
        assertEquals(20, d.reversalAt(c("1000.00")), "2 bp of 1000.00 = 0.20 = 20 cents");
        assertEquals(21, d.reversalAt(c("1000.50")), "2 bp of 1000.50 = 0.2001, rounded up to 21 cents");
        assertEquals(2000, d.reversalAt(c("100000.00")), "2 bp of 100,000 = 20.00, the old fixed crypto default");
        assertEquals(1, d.reversalAt(c("10.00")), "0.002 rounds up to one tick");
        assertEquals(500, new CvdDivergence(500, 0, 2.0).reversalAt(c("1000.00")), "the fixed reversal is a floor");
        assertEquals(4, new CvdDivergence(4, 0).reversalAt(c("1000.00")), "no bp: the fixed reversal");
        assertThrows(IllegalArgumentException.class, () -> new CvdDivergence(1, 0, -1));
    }

    @Test
    void bearishDivergenceOnA2bpZigzag() {
        // high 1000.50 (CVD 100) needs 21 cents down: 1000.30 (20 cents) is not a reversal, 1000.29 is;
        // low 1000.29 needs 21 cents up: 1000.60 (CVD 80) is; then 1000.39 is 21 cents below 1000.60 (needs
        // ceil(20.012) = 21): the higher high 1000.60 with CVD 80 < 100 is a bearish divergence, known at ts 5.
        CvdDivergence d = new CvdDivergence(1, 0, 2.0);
        long[][] pts = {{0, c("1000.00"), 0}, {1, c("1000.50"), 100}, {2, c("1000.30"), 30}, {3, c("1000.29"), 20},
                {4, c("1000.60"), 80}, {5, c("1000.39"), 60}};
        List<String> out = new ArrayList<>();
        for (long[] p : pts) {
            int r = d.onPoint(p[0], p[1], p[2]);
            if (r != 0) {
                out.add(r + "@" + p[0] + " swing@" + d.swingTs() + " cvd " + d.swingCvd() + " vs " + d.priorCvd());
            }
        }
        assertEquals(List.of("-1@5 swing@4 cvd 80 vs 100"), out);
        // the old fixed 20 USD zigzag sees no swing at all in these 60 cents
        CvdDivergence fixed = new CvdDivergence(2000, 0);
        for (long[] p : pts) {
            assertEquals(0, fixed.onPoint(p[0], p[1], p[2]));
        }
    }

    @Test
    void cryptoDefaultsAre2bpAndEsStaysFixed() {
        FlowParams crypto = FlowParams.crypto(1_000_000_000L, 100);
        assertEquals(2.0, crypto.divergenceReversalBp());
        assertEquals(1, crypto.divergenceReversalTicks());
        FlowParams es = FlowParams.es(1);
        assertEquals(0.0, es.divergenceReversalBp());
        assertEquals(4, es.divergenceReversalTicks(), "spec F12: 1.00 pt = 4 ES ticks");
    }
}
