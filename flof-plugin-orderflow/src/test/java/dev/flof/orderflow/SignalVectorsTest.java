package dev.flof.orderflow;

import static dev.flof.orderflow.Es.sec;
import static dev.flof.orderflow.Es.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flof.orderflow.core.TickMath;
import dev.flof.orderflow.delta.DeltaFlipDetector;
import dev.flof.orderflow.signal.AbsorptionDetector;
import dev.flof.orderflow.signal.AggressorClassifier;
import dev.flof.orderflow.signal.BailoutDetector;
import dev.flof.orderflow.signal.CvdDivergence;
import dev.flof.orderflow.signal.OrderFlowImbalance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec T6 (absorption), T7 (bailout), T8 (delta flip), T9 (divergence), T10 (side), T11 (tick), T12 (OFI). */
class SignalVectorsTest {

    /** 10 s of sells 10x15 at the bid and buys 10x4 at the ask; the bid optionally dips 2 ticks from 4 s to 7 s. */
    private static List<Integer> absorption(boolean bidDrops) {
        AbsorptionDetector a = new AbsorptionDetector(sec(10), 3.0, 100, 1, 1024);
        a.onQuote(sec(-5), t("4999.75"), t("5000.00"));
        List<Integer> fired = new ArrayList<>();
        long seq = 0;
        for (int i = 0; i < 10; i++) {
            long ts = sec(0.5 + i);
            if (bidDrops && i == 4) {
                a.onQuote(sec(4), t("4999.25"), t("5000.00"));
            }
            if (bidDrops && i == 7) {
                a.onQuote(sec(7), t("4999.75"), t("5000.00"));
            }
            boolean low = bidDrops && i >= 4 && i < 7;
            int r = a.onTrade(ts, seq++, low ? t("4999.25") : t("4999.75"), 15, -1);
            if (r != 0) {
                fired.add(r);
            }
            r = a.onTrade(ts + 1, seq++, t("5000.00"), 4, +1);
            if (r != 0) {
                fired.add(r);
            }
        }
        assertEquals(150, a.sellVolume());
        assertEquals(40, a.buyVolume());
        return fired;
    }

    @Test
    void t6SellersAbsorbedAtAHoldingBid() {
        assertEquals(List.of(+1), absorption(false));
    }

    @Test
    void t6bBidGivingWayIsNotAbsorption() {
        assertEquals(List.of(), absorption(true), "first and last prints are both 4999.75 but the bid dropped 2 ticks");
    }

    @Test
    void absorptionWindowExcludesItsStartInstant() {
        AbsorptionDetector a = new AbsorptionDetector(sec(10), 3.0, 100, 1, 1024);
        a.onQuote(sec(-1), t("4999.75"), t("5000.00"));
        a.onTrade(sec(0), 0, t("4999.75"), 150, -1);
        a.onTrade(sec(10), 1, t("5000.00"), 1, +1);
        assertEquals(0, a.sellVolume(), "the sell at exactly T-10 s is outside (T-10 s, T]");
        a.onTrade(sec(10) + 1, 2, t("4999.75"), 1, -1);
        assertEquals(1, a.buyVolume());
    }

    @Test
    void t7BailoutIsASellShareNotADeltaRatio() {
        BailoutDetector b = new BailoutDetector(sec(10), 0.80, 1024);
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int side = i % 20 >= 17 ? +1 : -1; // 15 buys, 85 sells, sells lead each block
            int r = b.onTrade(sec(1 + i * 0.05), i, 100, 1, side, true);
            if (r != 0) {
                fired.add(r);
            }
        }
        assertEquals(85, b.sellVolume());
        assertEquals(15, b.buyVolume());
        assertEquals(0.85, b.sellShare(), 1e-12);
        assertEquals(List.of(-1), fired, "85/15 is a long bailout (delta/volume is only -0.70)");
    }

    @Test
    void t7SeventyNineTwentyOneIsNoBailout() {
        BailoutDetector b = new BailoutDetector(sec(10), 0.80, 1024);
        b.onTrade(sec(1), 0, 100, 21, +1, false);
        assertEquals(0, b.onTrade(sec(2), 1, 100, 79, -1, true));
        assertEquals(0.79, b.sellShare(), 1e-12);
    }

    @Test
    void t7NoSpikeNoBailout() {
        BailoutDetector b = new BailoutDetector(sec(10), 0.80, 1024);
        b.onTrade(sec(1), 0, 100, 15, +1, false);
        assertEquals(0, b.onTrade(sec(2), 1, 100, 85, -1, false));
        assertEquals(-1, b.onTrade(sec(3), 2, 100, 1, -1, true));
    }

    private static List<String> flips(long[][] trades) {
        DeltaFlipDetector f = new DeltaFlipDetector(10, sec(5));
        f.barOpen();
        List<String> out = new ArrayList<>();
        for (long[] tr : trades) {
            int r = f.onTrade(sec(tr[0]), tr[1]);
            if (r != 0) {
                out.add((r > 0 ? "up@" : "down@") + tr[0] + " D=" + f.delta());
            }
        }
        return out;
    }

    @Test
    void t8FlipUp() {
        assertEquals(List.of("up@4 D=15"), flips(new long[][] {{1, -20}, {2, -10}, {4, 45}}));
    }

    @Test
    void t8bSignChangeIsNotAFlip() {
        assertEquals(List.of(), flips(new long[][] {{1, -3}, {2, 5}}));
    }

    @Test
    void t8cValueCarriedIntoTheWindowCounts() {
        assertEquals(List.of("up@7 D=25"), flips(new long[][] {{1, -20}, {7, 45}}));
    }

    @Test
    void t8dLeftTheNegativeZoneTooEarly() {
        assertEquals(List.of(), flips(new long[][] {{1, -20}, {3, 15}, {9, 20}}));
    }

    @Test
    void earlierVisitCountsEvenWhenANewVisitStartedAtTheSameInstant() {
        // D: -20 on [1 s, 3 s), -5, then at 4 s -15 and +25 in one instant: the -20 at [1, 3) is inside [-1 s, 4 s)
        assertEquals(List.of("up@4 D=25"), flips(new long[][] {{1, -20}, {3, 15}, {4, -10}, {4, 40}}));
    }

    @Test
    void intermediateValueWithinOneInstantNeverHeld() {
        // -10 then +20 at the same instant: D was never -10 at any time, so no flip
        assertEquals(List.of(), flips(new long[][] {{0, -10}, {0, 20}, {1, 0}}));
    }

    @Test
    void flipDownMirrorsAndRearmsOnlyAfterCrossingZero() {
        assertEquals(List.of("down@3 D=-12", "up@4 D=10", "down@5 D=-10"),
                flips(new long[][] {{1, 15}, {3, -27}, {4, 22}, {5, -20}}));
    }

    @Test
    void t9DivergenceUsesCvdAtTheSwingExtreme() {
        CvdDivergence d = new CvdDivergence(4, 0);
        long[][] pts = {{0, t("5000.00"), 0}, {1, t("5002.00"), 100}, {2, t("5000.50"), 20},
                {3, t("5003.00"), 80}, {4, t("5001.50"), 60}};
        List<String> out = new ArrayList<>();
        for (long[] p : pts) {
            int r = d.onPoint(p[0], p[1], p[2]);
            if (r != 0) {
                out.add(r + "@" + p[0] + " swing@" + d.swingTs() + " cvd " + d.swingCvd() + " vs " + d.priorCvd());
            }
        }
        assertEquals(List.of("-1@4 swing@3 cvd 80 vs 100"), out, "bearish, swing at ts 3, knowable at ts 4");
    }

    @Test
    void bullishDivergenceMirrors() {
        CvdDivergence d = new CvdDivergence(4, 0);
        long[][] pts = {{0, t("5003.00"), 0}, {1, t("5001.00"), -100}, {2, t("5002.50"), -20},
                {3, t("5000.00"), -80}, {4, t("5001.50"), -60}};
        int last = 0;
        for (long[] p : pts) {
            last = d.onPoint(p[0], p[1], p[2]);
        }
        assertEquals(1, last);
        assertEquals(3, d.swingTs());
    }

    @Test
    void t10AggressorSide() {
        AggressorClassifier c = new AggressorClassifier();
        c.onQuote(t("5000.00"), t("5000.25"));
        assertEquals(+1, c.classify(t("5000.25")));
        assertEquals(-1, c.classify(t("5000.00")));
        c.onQuote(t("5000.00"), t("5000.50"));
        assertEquals(+1, c.classify(t("5000.25")), "mid: tick rule, up from 5000.00");
        assertEquals(+1, c.classify(t("5000.25")), "zero tick keeps the sign");
        assertEquals(-1, AggressorClassifier.fromCme5797(2));
        assertEquals(+1, AggressorClassifier.fromCme5797(1));
        assertEquals(0, AggressorClassifier.fromCme5797(0));
        assertEquals(-1, AggressorClassifier.fromBinanceBuyerMaker(true));
        assertEquals(-1, AggressorClassifier.fromCoinbaseMakerSide("buy"));
        assertEquals(+1, AggressorClassifier.fromCoinbaseMakerSide("sell"));
    }

    @Test
    void t10InsideTheSpreadUsesTheMid() {
        AggressorClassifier c = new AggressorClassifier();
        c.onQuote(t("5000.00"), t("5001.00"));
        assertEquals(+1, c.classify(t("5000.75")));
        assertEquals(-1, c.classify(t("5000.25")));
    }

    @Test
    void t11ExactTickIndex() {
        assertEquals(3, TickMath.toTicks("0.3", new BigDecimal("0.1")));
        assertEquals(641237, TickMath.toTicks("64123.7", new BigDecimal("0.1")));
        assertEquals(2, (long) Math.floor(0.3 / 0.1), "the naive float trap this avoids");
        assertEquals(20001, TickMath.toTicks("5000.25", Es.TICK));
        assertEquals(3, TickMath.toTicks(300_000_000L, 100_000_000L));
        assertThrows(IllegalArgumentException.class, () -> TickMath.toTicks("5000.10", Es.TICK));
        assertThrows(IllegalArgumentException.class, () -> TickMath.toTicks(300_000_001L, 100_000_000L));
    }

    @Test
    void t12OrderFlowImbalanceWeakInequalities() {
        OrderFlowImbalance o = new OrderFlowImbalance();
        assertEquals(0, o.onQuote(t("5000.00"), 10, t("5000.25"), 12));
        assertEquals(5, o.onQuote(t("5000.00"), 15, t("5000.25"), 12));
        assertEquals(19, o.onQuote(t("5000.25"), 7, t("5000.50"), 20));
        assertEquals(24, o.cumulative());
        assertEquals(-27, o.onQuote(t("5000.00"), 3, t("5000.25"), 20), "bid down: -7; ask down: -20");
    }
}
