package dev.flof.smc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.smc.UtcCalendar;
import dev.flof.smc.event.BreakEvent;
import dev.flof.smc.event.ClassificationEvent;
import dev.flof.smc.event.FvgEvent;
import dev.flof.smc.event.ObEvent;
import dev.flof.smc.event.PoolEvent;
import dev.flof.smc.event.SmcEvent;
import dev.flof.smc.event.SwingEvent;
import dev.flof.smc.model.SmcBar;
import dev.flof.spi.market.Fixed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties on random bar series (coarse price grid so ties and flat bars occur). */
class EnginePropertiesTest {
    static List<SmcBar> randomBars(long seed, int n) {
        Random r = new Random(seed);
        List<SmcBar> l = new ArrayList<>();
        long price = 1000;
        long step = 900_000_000_000L;
        long t = 1_700_000_000_000_000_000L;
        for (int i = 0; i < n; i++) {
            long o = price;
            long c = Math.max(10, o + r.nextInt(21) - 10);
            boolean flat = r.nextInt(20) == 0;
            if (flat) {
                c = o;
            }
            long h = Math.max(o, c) + (flat ? 0 : r.nextInt(6));
            long lo = Math.max(1, Math.min(o, c) - (flat ? 0 : r.nextInt(6)));
            long tick = Fixed.parse("0.25");
            l.add(new SmcBar(t, t + step, o * tick, h * tick, lo * tick, c * tick, Fixed.ofUnits(1 + r.nextInt(50))));
            t += step;
            price = c;
        }
        return l;
    }

    static void check(SmcConfig cfg, List<SmcBar> bars) {
        TimeframeEngine e = new TimeframeEngine(cfg, new UtcCalendar());
        List<SmcEvent> all = new ArrayList<>();
        for (int t = 0; t < bars.size(); t++) {
            final int tt = t;
            SmcBar b = bars.get(t);
            e.onBar(b, ev -> {
                assertEquals(tt, ev.knownIndex(), "emitted while processing its known bar: " + ev);
                assertEquals(b.closeTime(), ev.knownTime());
                all.add(ev);
            });
        }
        Map<Long, Integer> obStep = new HashMap<>();
        Map<Long, Long> obBorn = new HashMap<>();
        Map<Long, Integer> fvgStep = new HashMap<>();
        Map<Long, Long> fvgBorn = new HashMap<>();
        Map<Long, Integer> poolStep = new HashMap<>();
        long prevKnown = -1;
        for (SmcEvent ev : all) {
            assertTrue(ev.knownIndex() >= prevKnown, "ordered by known time");
            prevKnown = ev.knownIndex();
            switch (ev) {
                case SwingEvent s -> assertEquals(cfg.levels().get(s.swing().level()).right(),
                        s.knownIndex() - s.swing().index(), "a pivot is known exactly after its right-hand bars");
                case BreakEvent b -> assertTrue(b.knownIndex() > b.swing().knownIndex(), "a break follows the swing's confirmation");
                case ClassificationEvent c -> assertTrue(c.knownIndex() >= c.swing().knownIndex());
                case ObEvent o -> {
                    long id = o.ob().id();
                    if (o.kind() == ObEvent.Kind.CREATED) {
                        assertTrue(!obStep.containsKey(id));
                        assertEquals(o.ob().breakIndex(), o.knownIndex());
                        assertTrue(o.ob().index() < o.ob().breakIndex() && o.ob().index() >= o.ob().swing().index());
                        obBorn.put(id, o.knownIndex());
                    } else {
                        assertTrue(obStep.containsKey(id), "lifecycle after creation");
                        assertTrue(o.kind().ordinal() > obStep.get(id), "OB lifecycle goes forward: " + o);
                        assertTrue(o.knownIndex() > obBorn.get(id) || o.kind() == ObEvent.Kind.EXPIRED,
                                "nothing reacts to the bar that created it");
                        int prev = obStep.get(id);
                        assertTrue(prev != ObEvent.Kind.BREAKER_INVALIDATED.ordinal() && prev != ObEvent.Kind.EXPIRED.ordinal());
                    }
                    obStep.put(id, o.kind().ordinal());
                }
                case FvgEvent f -> {
                    long id = f.fvg().id();
                    if (f.kind() == FvgEvent.Kind.CREATED) {
                        assertEquals(f.fvg().index() + 1, f.knownIndex(), "an FVG is known at its third candle");
                        assertTrue(f.fvg().top() > f.fvg().bottom());
                        fvgBorn.put(id, f.knownIndex());
                    } else {
                        assertTrue(fvgStep.containsKey(id));
                        assertTrue(f.kind().ordinal() > fvgStep.get(id), "FVG lifecycle goes forward: " + f);
                        int prev = fvgStep.get(id);
                        assertTrue(prev != FvgEvent.Kind.MERGED.ordinal() && prev != FvgEvent.Kind.INVERTED.ordinal()
                                && prev != FvgEvent.Kind.EXPIRED.ordinal(), "nothing after a terminal step");
                        if (f.kind() != FvgEvent.Kind.MERGED && f.kind() != FvgEvent.Kind.EXPIRED) {
                            assertTrue(f.knownIndex() > fvgBorn.get(id));
                        }
                    }
                    fvgStep.put(id, f.kind().ordinal());
                }
                case PoolEvent p -> {
                    long id = p.pool().id();
                    if (p.kind() == PoolEvent.Kind.CREATED) {
                        assertTrue(p.pool().refIndex() <= p.knownIndex());
                        assertTrue(!poolStep.containsKey(id));
                    } else {
                        int prev = poolStep.get(id);
                        assertTrue(prev <= PoolEvent.Kind.EXTENDED.ordinal(), "a pool is taken once, after creation: " + p);
                        if (p.kind() == PoolEvent.Kind.EXTENDED) {
                            assertTrue(p.pool().members() >= 3 && p.pool().kind().startsWith("EQ"));
                        } else if (cfg.pools().libraryEq() && p.pool().kind().startsWith("EQ")) {
                            // a library group can have been swept between its second member's bar and confirmation
                            assertTrue(p.triggerIndex() > p.pool().refIndex() && p.triggerIndex() <= p.knownIndex());
                        } else {
                            assertTrue(p.triggerIndex() > p.pool().knownIndex() && p.triggerIndex() <= p.knownIndex());
                        }
                    }
                    poolStep.put(id, p.kind().ordinal());
                }
            }
        }
    }

    @Property(tries = 60)
    void nativeEngineInvariants(@ForAll long seed, @ForAll @IntRange(min = 20, max = 600) int n) {
        check(LookAheadTest.rich(), randomBars(seed, n));
    }

    @Property(tries = 60)
    void parityEngineInvariants(@ForAll long seed, @ForAll @IntRange(min = 20, max = 600) int n,
                                @ForAll @IntRange(min = 1, max = 12) int len) {
        check(SmcConfig.parity(len, seed % 2 == 0, Math.floorMod(seed, 3) * Fixed.parse("0.5")), randomBars(seed, n));
    }

    @Property(tries = 30)
    void defaultsWithCapsAndExpiry(@ForAll long seed) {
        SmcConfig d = LookAheadTest.rich();
        SmcConfig capped = new SmcConfig(d.levels(), new SmcConfig.OrderBlocks(true, SmcConfig.ObSelection.EXTREME_INCL_PIVOT_VOLFILTER,
                SmcConfig.Zone.BODY, SmcConfig.Source.CLOSE, 0.5, 3, 40, 2.0),
                new SmcConfig.Fvgs(true, false, 0, 0.1, true, 1.0, false, 4, 30), d.pools(), d.range(), 14);
        check(capped, randomBars(seed, 800));
    }
}
