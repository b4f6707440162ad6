package dev.flof.orderflow.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The remembered price-to-tick conversion must agree with the division it replaces, on and off the grid. */
class TickIndexTest {
    private static final long ES_TICK = 250_000_000L; // 0.25 in fixed-point 1e-9

    @Test
    void knownValues() {
        SpiEngine.TickIndex t = new SpiEngine.TickIndex(ES_TICK);
        assertTrue(t.set(4_500_000_000_000L)); // 4500.00
        assertEquals(18_000, t.index());
        assertTrue(t.set(4_500_250_000_000L)); // one tick up
        assertEquals(18_001, t.index());
        assertTrue(t.set(4_500_000_000_000L)); // one tick down
        assertEquals(18_000, t.index());
        assertFalse(t.set(4_500_100_000_000L)); // 4500.10 is off the 0.25 grid
        assertFalse(t.set(4_500_100_000_000L)); // still off, remembered
        assertTrue(t.set(4_499_750_000_000L));
        assertEquals(17_999, t.index());
        assertTrue(t.set(-ES_TICK)); // negative prices (spreads) convert exactly too
        assertEquals(-1, t.index());
        assertTrue(t.set(0));
        assertEquals(0, t.index());
    }

    @Test
    void agreesWithDivisionOnRandomWalks() {
        SplittableRandom r = new SplittableRandom(11);
        for (long tick : new long[] {ES_TICK, 1, 10_000_000L, 7}) {
            SpiEngine.TickIndex t = new SpiEngine.TickIndex(tick);
            long p = 3_000 * tick;
            for (int i = 0; i < 200_000; i++) {
                int move = r.nextInt(10);
                if (move < 4) {
                    p += tick;
                } else if (move < 8) {
                    p -= tick;
                } else if (move == 8) {
                    p += r.nextLong(-5 * tick - 3, 5 * tick + 3); // jumps, sometimes off the grid
                } else {
                    p = r.nextLong(-1_000_000 * tick, 1_000_000 * tick);
                }
                boolean on = t.set(p);
                assertEquals(p % tick == 0, on, "grid at " + p);
                if (on) {
                    assertEquals(p / tick, t.index(), "index at " + p);
                }
            }
        }
    }
}
