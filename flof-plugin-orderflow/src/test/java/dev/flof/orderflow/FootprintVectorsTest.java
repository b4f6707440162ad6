package dev.flof.orderflow;

import static dev.flof.orderflow.Es.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.orderflow.footprint.Footprint;
import dev.flof.orderflow.footprint.PocShiftTracker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec T1, T1b, T2, T13 (bar POC) and the POC-migration vector, on the real Footprint. */
class FootprintVectorsTest {
    private static Footprint bar(Object... rows) {
        Footprint f = new Footprint(16);
        for (int i = 0; i < rows.length; i += 3) {
            long tick = t((String) rows[i]);
            int bid = (Integer) rows[i + 1];
            int ask = (Integer) rows[i + 2];
            if (bid > 0) {
                f.add(tick, bid, -1);
            }
            if (ask > 0) {
                f.add(tick, ask, +1);
            }
        }
        return f;
    }

    @Test
    void t1DiagonalImbalances() {
        Footprint f = bar("5000.00", 12, 0, "5000.25", 4, 15, "5000.50", 3, 20, "5000.75", 2, 9,
                "5001.00", 0, 30, "5001.25", 5, 12);
        assertEquals(List.of(t("5000.50"), t("5001.00"), t("5001.25")), f.imbalances(+1, 3.0, 10));
        assertFalse(f.buyImbalance(t("5000.75"), 3.0, 10), "9 >= 3*3 but below Vmin");
        assertTrue(f.buyImbalance(t("5000.75"), 3.0, 9), "with Vmin 9 the 9 vs 3 level counts");
        assertFalse(f.buyImbalance(t("5000.25"), 3.0, 10), "15 < 36");
        assertEquals(List.of(), f.imbalances(-1, 3.0, 10));
        assertEquals(0, f.stacks(+1, 3.0, 10, 3).size(), "5001.00-5001.25 is only 2 levels");
        assertEquals(1, f.stacks(+1, 3.0, 10, 2).size());
    }

    @Test
    void t1bRatioExactlyThreeIsAnImbalance() {
        Footprint f = bar("5000.00", 10, 0, "5000.25", 0, 30);
        assertTrue(f.buyImbalance(t("5000.25"), 3.0, 10), "30 >= 3*10 inclusive");
        assertFalse(f.buyImbalance(t("5000.25"), 3.0001, 10));
    }

    @Test
    void t2UntradedLevelBreaksTheStack() {
        Footprint f = bar("5000.00", 10, 2, "5000.25", 2, 30, "5000.50", 1, 25,
                "5001.00", 1, 40, "5001.25", 0, 35);
        assertEquals(6, f.rows(), "5000.75 is a zero row inside the range");
        assertEquals(0, f.volumeAt(t("5000.75")));
        assertEquals(List.of(t("5000.25"), t("5000.50"), t("5001.00"), t("5001.25")), f.imbalances(+1, 3.0, 10));
        assertEquals(0, f.stacks(+1, 3.0, 10, 3).size(), "two runs of 2, not a 4-level stack");
        List<long[]> twos = f.stacks(+1, 3.0, 10, 2);
        assertEquals(2, twos.size());
        assertEquals(t("5000.25"), twos.get(0)[0]);
        assertEquals(t("5000.50"), twos.get(0)[1]);
        assertEquals(t("5001.00"), twos.get(1)[0]);
    }

    @Test
    void stackOfThreeIsReportedAndSellSideMirrors() {
        Footprint f = bar("5000.00", 0, 20, "5000.25", 1, 30, "5000.50", 1, 30, "5000.75", 1, 30);
        List<long[]> s = f.stacks(+1, 3.0, 10, 3);
        assertEquals(1, s.size());
        assertEquals(t("5000.25"), s.get(0)[0]);
        assertEquals(t("5000.75"), s.get(0)[1]);
        Footprint g = bar("5000.00", 40, 1, "5000.25", 40, 1, "5000.50", 40, 1, "5000.75", 0, 1);
        assertEquals(List.of(t("5000.00"), t("5000.25"), t("5000.50")), g.imbalances(-1, 3.0, 10));
        assertEquals(1, g.stacks(-1, 3.0, 10, 3).size());
        assertFalse(g.sellImbalance(t("5000.75"), 3.0, 0), "no neighbour above the bar's high");
    }

    @Test
    void footprintTotalsAndDelta() {
        Footprint f = bar("5000.00", 12, 0, "5000.25", 4, 15);
        assertEquals(31, f.volume());
        assertEquals(15 - 16, f.delta());
        f.reset();
        assertTrue(f.isEmpty());
        assertEquals(0, f.askAt(t("5000.25")));
    }

    @Test
    void t13BarPocTieGoesToTheLowerOfTheEquidistantRows() {
        Footprint f = bar("5000.00", 15, 15, "5000.25", 5, 5, "5000.50", 5, 5, "5000.75", 15, 15);
        assertEquals(t("5000.00"), f.pocTick());
        Footprint g = bar("5000.00", 15, 15, "5000.25", 5, 5, "5000.50", 5, 5, "5000.75", 15, 15, "5001.00", 0, 1);
        assertEquals(t("5000.75"), g.pocTick(), "now 5000.75 is closer to the middle of the range");
    }

    @Test
    void footprintGrowsForAWideBar() {
        Footprint f = new Footprint(16);
        f.add(1000, 1, 1);
        f.add(1500, 2, -1);
        f.add(700, 3, 1);
        assertEquals(801, f.rows());
        assertEquals(1, f.askAt(1000));
        assertEquals(2, f.bidAt(1500));
        assertEquals(3, f.askAt(700));
        assertEquals(6, f.volume());
    }

    @Test
    void pocMigrationOverThreeUpBarsIsAShift() {
        PocShiftTracker p = new PocShiftTracker(2);
        assertEquals(PocShiftTracker.Outcome.NONE, p.onBar(t("5000.00"), t("5000.50"), t("4999.75")));
        assertEquals(PocShiftTracker.Outcome.NONE, p.onBar(t("5000.50"), t("5001.00"), t("5000.00")));
        assertEquals(PocShiftTracker.Outcome.SHIFT_UP, p.onBar(t("5001.25"), t("5001.50"), t("5000.75")));
    }

    @Test
    void pocNotAdvancingOnANewHighIsALag() {
        PocShiftTracker p = new PocShiftTracker(2);
        p.onBar(t("5000.50"), t("5001.00"), t("5000.00"));
        assertEquals(PocShiftTracker.Outcome.LAG_UP, p.onBar(t("5000.50"), t("5001.50"), t("5000.25")));
    }
}
