package dev.flof.orderflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.orderflow.core.SignalSink;
import dev.flof.orderflow.delta.CvdTracker;
import dev.flof.orderflow.delta.DailySessionResets;
import dev.flof.orderflow.engine.FlowEngine;
import dev.flof.orderflow.engine.FlowParams;
import dev.flof.orderflow.footprint.Footprint;
import dev.flof.orderflow.profile.ProfileParams;
import dev.flof.orderflow.profile.ProfileResult;
import dev.flof.orderflow.profile.TradeHistory;
import dev.flof.orderflow.profile.ValueAreaRule;
import dev.flof.orderflow.profile.VolumeProfiles;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the spec (issue "Correctness"): CVD, footprint and profile totals, value-area rules. */
class FlowPropertiesTest {
    /** A generated trade: offset from the start in ms, tick offset, size in lots, side. */
    record T(int ms, int tick, int size, int side) {
    }

    @Provide
    Arbitrary<List<T>> tape() {
        Arbitrary<T> t = Combinators.combine(Arbitraries.integers().between(0, 59_999),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 300),
                Arbitraries.integers().between(-1, 1)).as(T::new);
        return t.list().ofMinSize(1).ofMaxSize(400);
    }

    private static final long T0 = 1_700_000_040_000_000_000L; // minute boundary, mid-session

    @Property(tries = 200)
    void cvdEqualsTheSumOfSignedVolume(@ForAll("tape") List<T> trades) {
        CvdTracker c = new CvdTracker(DailySessionResets.globex());
        long sum = 0;
        long ts = T0;
        for (T t : trades) {
            ts += t.ms() * 1_000L;
            c.onTrade(ts, t.size(), t.side());
            sum += (long) t.side() * t.size();
        }
        assertEquals(sum, c.cvd());
    }

    @Property(tries = 200)
    void engineCvdAndFootprintTotalsMatchTheBar(@ForAll("tape") List<T> trades) {
        FlowEngine e = new FlowEngine(FlowParams.es(1), DailySessionResets.globex());
        long buy = 0;
        long sell = 0;
        long vol = 0;
        long ts = T0;
        int seq = 0;
        for (T t : trades) {
            ts = T0 + t.ms() * 1_000_000L / 2; // all inside one 60 s bar, not necessarily in order
            int side = t.side() == 0 ? 1 : t.side(); // venue-flagged sides (unknown ones are inferred, tested apart)
            e.onTrade(ts, seq++, 20_000 + t.tick(), t.size(), side, SignalSink.NONE);
            vol += t.size();
            if (side > 0) {
                buy += t.size();
            } else {
                sell += t.size();
            }
        }
        Footprint f = e.currentFootprint();
        long rows = 0;
        long asks = 0;
        long bids = 0;
        for (long k = f.low(); k <= f.high(); k++) {
            rows += f.volumeAt(k);
            asks += f.askAt(k);
            bids += f.bidAt(k);
        }
        assertEquals(vol, f.volume());
        assertEquals(vol, rows, "footprint rows sum to the bar volume");
        assertEquals(buy, asks);
        assertEquals(sell, bids);
        assertEquals(buy - sell, f.delta());
        assertEquals(buy - sell, e.cvd(), "CVD = sum of signed volume");
    }

    @Property(tries = 200)
    void profileTotalEqualsTheRangeVolume(@ForAll("tape") List<T> trades,
                                          @ForAll @IntRange(min = 0, max = 60_000) int fromMs,
                                          @ForAll @IntRange(min = 0, max = 60_000) int toMs) {
        TradeHistory h = new TradeHistory(16, 1 << 12, Long.MAX_VALUE / 4);
        for (T t : trades) {
            h.add(T0 + t.ms() * 1_000_000L, t.tick(), t.size());
        }
        long from = T0 + Math.min(fromMs, toMs) * 1_000_000L;
        long to = T0 + Math.max(fromMs, toMs) * 1_000_000L;
        long expected = 0;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (T t : trades) {
            long ts = T0 + t.ms() * 1_000_000L;
            if (ts > from && ts <= to) {
                expected += t.size();
                lo = Math.min(lo, t.tick());
                hi = Math.max(hi, t.tick());
            }
        }
        ProfileResult p = h.profile(from, to, ProfileParams.defaults());
        assertEquals(expected, p.totalVolume());
        if (expected > 0) {
            assertEquals(lo, p.lowTick());
            assertEquals(hi, p.highTick());
            long sum = 0;
            for (long v : p.volumes()) {
                sum += v;
            }
            assertEquals(expected, sum);
        }
    }

    @Property(tries = 500)
    void valueAreaContainsPocHoldsSeventyPercentAndIsMinimal(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 100) Integer> rows,
            @ForAll boolean cbot2) {
        long[] v = rows.stream().mapToLong(Integer::longValue).toArray();
        long total = 0;
        for (long x : v) {
            total += x;
        }
        if (total == 0) {
            return;
        }
        ValueAreaRule rule = cbot2 ? ValueAreaRule.CBOT2 : ValueAreaRule.SINGLE;
        ProfileResult r = VolumeProfiles.analyze(100, v, ProfileParams.defaults().withRule(rule));
        long poc = r.pocTick() - 100;
        int lo = (int) (r.valLowTick() - 100);
        int hi = (int) (r.valHighTick() - 100);
        assertTrue(lo <= poc && poc <= hi, "VA contains the POC");
        long acc = 0;
        for (int i = lo; i <= hi; i++) {
            acc += v[i];
        }
        assertEquals(acc, r.valueAreaVolume());
        assertTrue(acc >= 0.70 * total, "VA holds at least 70 %");
        for (long x : v) {
            assertTrue(v[(int) poc] >= x, "POC is a maximum");
        }
        assertEquals(oracle(v, (int) poc, rule == ValueAreaRule.CBOT2 ? 2 : 1), List.of(lo, hi),
                "same VA as a plain transcription of spec 2.3");
        if (lo < hi) {
            // minimal: the last block added was needed, so some edge block of <= step rows leaves < 70 %
            int step = cbot2 ? 2 : 1;
            boolean needed = false;
            for (int k = 1; k <= step; k++) {
                if (hi - k + 1 > poc) {
                    long b = 0;
                    for (int i = hi - k + 1; i <= hi; i++) {
                        b += v[i];
                    }
                    needed |= acc - b < 0.70 * total;
                }
                if (lo + k - 1 < poc) {
                    long b = 0;
                    for (int i = lo; i <= lo + k - 1; i++) {
                        b += v[i];
                    }
                    needed |= acc - b < 0.70 * total;
                }
            }
            assertTrue(needed, "no value area step was superfluous");
        }
    }

    /** The value-area procedure of spec §2.3, transcribed literally with lists (an independent oracle). */
    private static List<Integer> oracle(long[] v, int poc, int step) {
        double target = 0;
        for (long x : v) {
            target += x;
        }
        target *= 0.70;
        int lo = poc;
        int hi = poc;
        long acc = v[poc];
        while (acc < target) {
            java.util.List<Integer> up = new java.util.ArrayList<>();
            for (int i = hi + 1; i < v.length && up.size() < step; i++) {
                up.add(i);
            }
            java.util.List<Integer> dn = new java.util.ArrayList<>();
            for (int i = lo - 1; i >= 0 && dn.size() < step; i--) {
                dn.add(i);
            }
            if (up.isEmpty() && dn.isEmpty()) {
                break;
            }
            long su = up.stream().mapToLong(i -> v[i]).sum();
            long sd = dn.stream().mapToLong(i -> v[i]).sum();
            if (dn.isEmpty() || (!up.isEmpty() && su >= sd)) {
                hi = up.get(up.size() - 1);
                acc += su;
            } else {
                lo = dn.get(dn.size() - 1);
                acc += sd;
            }
        }
        return List.of(lo, hi);
    }
}
