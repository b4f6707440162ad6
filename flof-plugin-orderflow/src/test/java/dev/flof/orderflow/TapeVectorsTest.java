package dev.flof.orderflow;

import static dev.flof.orderflow.Es.sec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.orderflow.signal.LargePrintAggregator;
import dev.flof.orderflow.signal.TapeSpeed;
import dev.flof.orderflow.tape.TimestampWindow;
import dev.flof.orderflow.tape.TradeWindow;
import org.junit.jupiter.api.Test;

/** Spec T3 (large print), T4 (ring buffer), T5 (tape speed). */
class TapeVectorsTest {
    @Test
    void t4RingBufferIsHalfOpenAndInsertsLateTradesInOrder() {
        TradeWindow w = new TradeWindow(sec(60), 8);
        w.add(sec(0), 1, 100, 10, +1);
        w.add(sec(30), 2, 100, 5, -1);
        w.add(sec(60), 3, 100, 7, +1);
        assertEquals(2, w.count(), "(T-W, T] drops the 0 s trade");
        assertEquals(7, w.buyVolume());
        assertEquals(5, w.sellVolume());
        assertFalse(w.add(sec(-1), 4, 100, 3, -1), "-1 s is too late");
        assertEquals(2, w.count());
        assertEquals(1, w.dropped());
        assertTrue(w.add(sec(0.5), 5, 100, 3, -1), "0.5 s is late but inside");
        assertEquals(3, w.count());
        assertEquals(8, w.sellVolume());
        assertEquals(sec(0.5), w.tsAt(0), "inserted in time order, not at the tail");
        // T4d
        w.advanceTo(sec(61));
        assertEquals(2, w.count());
        assertEquals(7, w.buyVolume());
        assertEquals(5, w.sellVolume());
    }

    @Test
    void ringBufferCapacityIsBoundedAndCounted() {
        TradeWindow w = new TradeWindow(sec(60), 4);
        for (int i = 0; i < 6; i++) {
            w.add(sec(i), i, 100, 1, +1);
        }
        assertEquals(4, w.count());
        assertEquals(2, w.overflowed());
        assertEquals(4, w.buyVolume());
        assertEquals(sec(2), w.tsAt(0));
    }

    @Test
    void sameTimestampLateTradeIsOrderedBySequence() {
        TradeWindow w = new TradeWindow(sec(60), 8);
        w.add(sec(5), 10, 100, 1, +1);
        w.add(sec(5), 12, 101, 1, +1);
        w.add(sec(5), 11, 102, 1, +1);
        assertEquals(100, w.priceAt(0));
        assertEquals(102, w.priceAt(1));
        assertEquals(101, w.priceAt(2));
    }

    @Test
    void timestampWindowDropsAndInserts() {
        TimestampWindow w = new TimestampWindow(sec(10), 16);
        w.add(sec(1));
        w.add(sec(11));
        assertEquals(1, w.count());
        assertFalse(w.add(sec(1)));
        assertTrue(w.add(sec(2)));
        assertEquals(2, w.count());
        w.advanceTo(sec(12));
        assertEquals(1, w.count());
    }

    private static TapeSpeed baseline() {
        TapeSpeed s = new TapeSpeed(sec(10), sec(3600), 4.0, 100, 1 << 13);
        for (int i = 1; i <= 3590; i++) {
            s.onPrint(sec(i));
        }
        return s;
    }

    @Test
    void t5ThreeAndAHalfTimesIsNoSpike() {
        TapeSpeed s = baseline();
        boolean any = false;
        for (int k = 1; k <= 35; k++) {
            s.onPrint(sec(3590) + 10_000_000_000L * k / 35);
            any |= s.spike();
        }
        assertEquals(35, s.fastPrints());
        assertEquals(3590, s.baselinePrints());
        assertEquals(3.5, s.fastRate(), 1e-12);
        assertFalse(any, "3.5x the baseline is not +300 %");
    }

    @Test
    void t5FourTimesIsASpike() {
        TapeSpeed s = baseline();
        for (int k = 1; k <= 40; k++) {
            s.onPrint(sec(3590) + 10_000_000_000L * k / 40);
        }
        assertEquals(40, s.fastPrints());
        assertEquals(1.0, s.baselineRate(), 1e-12);
        assertTrue(s.spike(), "4.0x = +300 %");
    }

    private static TapeSpeed sparse(int baselinePrints) {
        TapeSpeed s = new TapeSpeed(sec(10), sec(3600), 4.0, 100, 1 << 13);
        for (int i = 0; i < baselinePrints; i++) {
            s.onPrint(sec(110 + i * 34));
        }
        for (int k = 1; k <= 50; k++) {
            s.onPrint(sec(3700) + sec(0.1) * k);
        }
        return s;
    }

    @Test
    void spikeNeedsAHundredBaselinePrints() {
        TapeSpeed s99 = sparse(99);
        assertEquals(99, s99.baselinePrints());
        assertTrue(s99.warm());
        assertFalse(s99.spike(), "5/s against 99 prints in the hour, but 99 < 100");
        TapeSpeed s100 = sparse(100);
        assertEquals(100, s100.baselinePrints());
        assertTrue(s100.spike());
    }

    @Test
    void spikeNeedsAnHourOfTape() {
        TapeSpeed s = new TapeSpeed(sec(10), sec(3600), 4.0, 100, 1 << 13);
        for (int i = 0; i < 600; i++) {
            s.onPrint(sec(i));
        }
        for (int k = 1; k <= 50; k++) {
            s.onPrint(sec(600) + sec(0.1) * k);
        }
        assertFalse(s.warm());
        assertFalse(s.spike(), "ten minutes of tape divided by 3590 s is not a baseline");
    }

    @Test
    void t3FillsAtOneTimestampAreOneWhale() {
        LargePrintAggregator a = new LargePrintAggregator(200);
        long ts = sec(100);
        String[] px = {"5000.00", "5000.00", "5000.25", "5000.25", "5000.50", "5000.50"};
        int emitted = 0;
        for (String p : px) {
            if (a.onTrade(ts, Es.t(p), 50, +1)) {
                emitted++;
            }
        }
        assertEquals(0, emitted, "no single print reaches 200");
        assertTrue(a.onTrade(ts, Es.t("5000.25"), 5, -1), "the sell at the same ts ends the buy event");
        assertEquals(300, a.doneSize());
        assertEquals(6, a.doneFills());
        assertEquals(Es.t("5000.00"), a.doneLowTick());
        assertEquals(Es.t("5000.50"), a.doneHighTick());
        assertEquals(ts, a.doneTs());
        assertEquals(+1, a.doneSide());
        assertFalse(a.onTrade(ts + Es.MS, Es.t("5000.50"), 40, +1), "the 5-lot sell is not large");
        assertFalse(a.advanceTo(ts + 2 * Es.MS), "the 40-lot buy is not large");
    }
}
