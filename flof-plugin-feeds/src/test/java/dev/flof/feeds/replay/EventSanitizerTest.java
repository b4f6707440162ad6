package dev.flof.feeds.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sanitizer's release order and tick-grid count, checked against what they must be by definition: events
 * sorted by (tsRecv, arrival) and the number of prices {@code p} with {@code p % tick != 0}, whether the events
 * arrive in order (the FIFO path) or out of order within the tolerance (the priority-queue path), and however
 * the two alternate.
 */
class EventSanitizerTest {
    private static final long TICK = 250_000_000L; // ES 0.25
    private static final Instrument ES = new Instrument("ESH4", "CME", TICK, Fixed.ofUnits(50), Fixed.ofUnits(1),
            MarketProfile.ES, "CME_GLOBEX_EQUITY");

    private static EventSanitizer sanitizer(long toleranceNs) {
        Map<String, Instrument> m = new TreeMap<>();
        m.put(ES.symbol(), ES);
        return new EventSanitizer(Path.of("test.dbn"), m, toleranceNs, 0, false, false);
    }

    @Test
    void releasesInReceiveThenArrivalOrderAcrossInOrderAndReorderedStretches() throws Exception {
        long tol = 1_000_000L;
        EventSanitizer s = sanitizer(tol);
        SplittableRandom r = new SplittableRandom(5);
        record Offered(Event e, int arrival) {
        }
        List<Offered> offered = new ArrayList<>();
        List<Event> released = new ArrayList<>();
        long maxRecv = 1_000_000_000L;
        long price = 4_500 * Fixed.ofUnits(1);
        for (int i = 0; i < 20_000; i++) {
            long recv;
            int mode = (i / 500) % 3; // stretches: in order, with ties, reordered within the tolerance
            if (mode == 0) {
                recv = maxRecv + r.nextLong(1, 1000);
            } else if (mode == 1) {
                recv = maxRecv + (r.nextBoolean() ? 0 : 1);
            } else {
                recv = maxRecv - r.nextLong(0, tol) + r.nextLong(0, 10);
            }
            maxRecv = Math.max(maxRecv, recv);
            Event e = new Trade("ESH4", recv, recv, i, price, Fixed.ofUnits(1), Side.BUY, AggressorRule.VENUE);
            offered.add(new Offered(e, i));
            s.offer(e, "line " + i);
            for (Event out; (out = s.poll()) != null; ) {
                released.add(out);
            }
        }
        s.finish();
        for (Event out; (out = s.poll()) != null; ) {
            released.add(out);
        }
        List<Offered> expected = new ArrayList<>(offered);
        expected.sort(Comparator.comparingLong((Offered o) -> o.e().tsRecv()).thenComparingInt(Offered::arrival));
        assertEquals(expected.size(), released.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).e(), released.get(i), "event " + i);
        }
        assertTrue(s.counters().getOrDefault("events reordered (within tolerance)", 0L) > 1000, "the reordered stretches reordered");
        assertNull(s.poll());
    }

    @Test
    void countsEveryPriceOffTheGrid() throws Exception {
        EventSanitizer s = sanitizer(0);
        SplittableRandom r = new SplittableRandom(9);
        long price = 4_500 * Fixed.ofUnits(1);
        long off = 0;
        for (int i = 0; i < 50_000; i++) {
            int move = r.nextInt(20);
            if (move < 8) {
                price += TICK;
            } else if (move < 16) {
                price -= TICK;
            } else if (move < 18) {
                price += r.nextLong(-3 * TICK, 3 * TICK); // sometimes off the grid
            } else {
                price = (price / TICK) * TICK; // back on the grid
            }
            long bid = price - TICK;
            long ask = r.nextInt(10) == 0 ? price + 1 : price + TICK;
            s.offer(new Quote("ESH4", i, i, i, bid, Fixed.ofUnits(3), ask, Fixed.ofUnits(4)), "record " + i);
            s.offer(new Trade("ESH4", i, i, i, price, Fixed.ofUnits(1), Side.BUY, AggressorRule.VENUE), "record " + i);
            off += (bid % TICK != 0 ? 1 : 0) + (ask % TICK != 0 ? 1 : 0) + (price % TICK != 0 ? 1 : 0);
            while (s.poll() != null) {
                // drain
            }
        }
        assertTrue(off > 1000, "the walk left the grid often: " + off);
        assertEquals(off, s.counters().get("prices off the tick grid"));
        assertEquals(20, s.notes().size()); // the first 20 are listed
    }
}
