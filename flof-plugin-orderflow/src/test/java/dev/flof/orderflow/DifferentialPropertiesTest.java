package dev.flof.orderflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.orderflow.delta.DeltaFlipDetector;
import dev.flof.orderflow.tape.QuoteWindow;
import dev.flof.orderflow.tape.TradeWindow;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The constant-work structures against brute-force transcriptions of their definitions (F1, F9's "held", F11):
 * every step of a random stream, including late and too-late arrivals and same-timestamp events.
 */
class DifferentialPropertiesTest {
    private static final long S = 1_000_000_000L;

    record Op(long ms, int a, int b) {
    }

    @Provide
    Arbitrary<List<Op>> shuffledTimes() {
        return Combinators.combine(Arbitraries.longs().between(0, 200_000), Arbitraries.integers().between(1, 50),
                Arbitraries.integers().between(-1, 1)).as(Op::new).list().ofMaxSize(300);
    }

    @Property(tries = 300)
    void ringBufferEqualsTheHalfOpenWindowOfAcceptedTrades(@ForAll("shuffledTimes") List<Op> ops) {
        long w = 60 * S;
        TradeWindow tw = new TradeWindow(w, 1024);
        List<long[]> accepted = new ArrayList<>(); // ts, qty, side
        long t = Long.MIN_VALUE;
        long dropped = 0;
        for (Op op : ops) {
            long ts = op.ms() * 1_000_000L;
            boolean ok = t == Long.MIN_VALUE || ts > t - w;
            assertEquals(ok, tw.add(ts, accepted.size(), 100, op.a(), op.b()));
            if (ok) {
                accepted.add(new long[] {ts, op.a(), op.b()});
                t = Math.max(t, ts);
            } else {
                dropped++;
            }
            long count = 0;
            long buy = 0;
            long sell = 0;
            for (long[] x : accepted) {
                if (x[0] > t - w) {
                    count++;
                    buy += x[2] > 0 ? x[1] : 0;
                    sell += x[2] < 0 ? x[1] : 0;
                }
            }
            assertEquals(count, tw.count());
            assertEquals(buy, tw.buyVolume());
            assertEquals(sell, tw.sellVolume());
            assertEquals(dropped, tw.dropped());
            for (int i = 1; i < tw.count(); i++) {
                assertTrue(tw.tsAt(i - 1) <= tw.tsAt(i), "kept in time order");
            }
        }
    }

    @Provide
    Arbitrary<List<Op>> flipTrades() {
        return Combinators.combine(Arbitraries.longs().between(0, 3_000), Arbitraries.integers().between(-30, 30),
                Arbitraries.integers().between(0, 0)).as(Op::new).list().ofMaxSize(80);
    }

    @Property(tries = 500)
    void deltaFlipEqualsItsDefinition(@ForAll("flipTrades") List<Op> ops) {
        long h = 10;
        long w = 5 * S;
        DeltaFlipDetector f = new DeltaFlipDetector(h, w);
        f.barOpen();
        List<long[]> seen = new ArrayList<>(); // ts, D after
        boolean armedUp = true;
        boolean armedDown = true;
        long ts = 0;
        long d = 0;
        for (Op op : ops) {
            ts += op.ms() * 1_000_000L; // increments of 0 give same-timestamp trades
            // D(t0) for t0 in [ts - w, ts): the value in force at ts - w, and after every earlier trade inside
            boolean wasNeg = false;
            boolean wasPos = false;
            long atStart = 0;
            for (long[] x : seen) {
                if (x[0] <= ts - w) {
                    atStart = x[1];
                }
            }
            wasNeg |= atStart <= -h;
            wasPos |= atStart >= h;
            for (int i = 0; i < seen.size(); i++) {
                long[] x = seen.get(i);
                // D is a step function of time: only the value after the last trade of a timestamp ever holds
                boolean lastOfItsTime = i == seen.size() - 1 || seen.get(i + 1)[0] != x[0];
                if (lastOfItsTime && x[0] > ts - w && x[0] < ts) {
                    wasNeg |= x[1] <= -h;
                    wasPos |= x[1] >= h;
                }
            }
            d += op.a();
            int expected = 0;
            if (armedUp && d >= h && wasNeg) {
                expected = 1;
                armedUp = false;
            } else if (armedDown && d <= -h && wasPos) {
                expected = -1;
                armedDown = false;
            }
            if (d <= 0) {
                armedUp = true;
            }
            if (d >= 0) {
                armedDown = true;
            }
            assertEquals(expected, f.onTrade(ts, op.a()), "trade at " + ts + " D=" + d);
            assertEquals(d, f.delta());
            seen.add(new long[] {ts, d});
        }
    }

    @Provide
    Arbitrary<List<Op>> quoteOps() {
        return Combinators.combine(Arbitraries.longs().between(-2_000, 4_000), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 6)).as(Op::new).list().ofMaxSize(200);
    }

    @Property(tries = 300)
    void quoteWindowEqualsItsDefinition(@ForAll("quoteOps") List<Op> ops) {
        long w = 10 * S;
        QuoteWindow q = new QuoteWindow(w, 1024);
        List<long[]> quotes = new ArrayList<>(); // ts (clamped), bid, ask
        long t = Long.MIN_VALUE;
        long clock = 0;
        for (Op op : ops) {
            clock += op.ms() * 1_000_000L;
            if (op.b() == 0) { // a time advance (e.g. a trade)
                q.advanceTo(clock);
                t = Math.max(t, clock);
            } else {
                long ts = quotes.isEmpty() ? clock : Math.max(clock, quotes.get(quotes.size() - 1)[0]);
                long bid = 1000 + op.a();
                long ask = bid + op.b();
                q.add(clock, bid, ask);
                quotes.add(new long[] {ts, bid, ask});
                t = Math.max(t, ts);
            }
            if (quotes.isEmpty()) {
                continue;
            }
            long cutoff = t - w;
            long[] start = null;
            long minBid = Long.MAX_VALUE;
            long maxAsk = Long.MIN_VALUE;
            for (long[] x : quotes) {
                if (x[0] <= cutoff) {
                    start = x;
                } else {
                    minBid = Math.min(minBid, x[1]);
                    maxAsk = Math.max(maxAsk, x[2]);
                }
            }
            assertEquals(start != null, q.coversWindowStart());
            if (start != null) {
                minBid = Math.min(minBid, start[1]);
                maxAsk = Math.max(maxAsk, start[2]);
                assertEquals(start[1], q.startBid());
                assertEquals(start[2], q.startAsk());
            }
            assertEquals(minBid, q.minBid());
            assertEquals(maxAsk, q.maxAsk());
        }
    }
}
