package dev.flof.host.lookahead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The harness itself: honest computations pass, each kind of leak is caught. */
class LookAheadHarnessTest {
    record Tick(long t, long v) {
    }

    record Value(long knownAt, long v) {
    }

    private static final List<Tick> TICKS = List.of(new Tick(1, 5), new Tick(2, 7), new Tick(3, 4), new Tick(5, 9), new Tick(8, 1), new Tick(9, 6));

    @Test
    void runningMaxIsHonest() {
        LookAheadHarness.Report r = new LookAheadHarness<Tick, Value>("running max", TICKS, Tick::t, Value::knownAt, out -> new Consumer<>() {
            long max = Long.MIN_VALUE;

            @Override
            public void accept(Tick e) {
                max = Math.max(max, e.v());
                out.accept(new Value(e.t(), max));
            }
        }).everyPrefix().run();
        assertEquals(new LookAheadHarness.Report("running max", 6, 6, 5, 15), r);
    }

    @Test
    void valueStampedBeforeTheDataThatMadeItIsCaught() {
        // A "pivot" confirmed by the next tick but stamped at the previous one.
        LookAheadHarness<Tick, Value> h = new LookAheadHarness<>("mis-stamped pivot", TICKS, Tick::t, Value::knownAt, out -> new Consumer<>() {
            Tick prev;

            @Override
            public void accept(Tick e) {
                if (prev != null) {
                    out.accept(new Value(prev.t(), Math.max(prev.v(), e.v())));
                }
                prev = e;
            }
        });
        LookAheadHarness.LookAheadViolation v = assertThrows(LookAheadHarness.LookAheadViolation.class, () -> h.everyPrefix().run());
        assertTrue(v.getMessage().contains("values known by then"), v.getMessage());
    }

    @Test
    void valueClaimingAFutureTimeIsCaught() {
        LookAheadHarness<Tick, Value> h = new LookAheadHarness<>("future stamp", TICKS, Tick::t, Value::knownAt,
                out -> e -> out.accept(new Value(e.t() + 1, e.v())));
        LookAheadHarness.LookAheadViolation v = assertThrows(LookAheadHarness.LookAheadViolation.class, h::run);
        assertTrue(v.getMessage().contains("in the future"), v.getMessage());
    }

    /** A mutable value (the kind of thing that repaints): equality follows its current contents. */
    static final class Box {
        long v;

        Box(long v) {
            this.v = v;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Box b && b.v == v;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(v);
        }

        @Override
        public String toString() {
            return "Box" + v;
        }
    }

    @Test
    void repaintingAnEmittedValueIsCaught() {
        // Emits one box per tick and keeps raising the first box to the running max afterwards.
        LookAheadHarness<Tick, Box> h = new LookAheadHarness<>("repaint", TICKS, Tick::t, b -> 0, out -> new Consumer<>() {
            Box first;

            @Override
            public void accept(Tick e) {
                Box b = new Box(e.v());
                if (first == null) {
                    first = b;
                } else {
                    first.v = Math.max(first.v, e.v());
                }
                out.accept(b);
            }
        });
        assertThrows(LookAheadHarness.LookAheadViolation.class, () -> h.everyPrefix().run());
    }
}
