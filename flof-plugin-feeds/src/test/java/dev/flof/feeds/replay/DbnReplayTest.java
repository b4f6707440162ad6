package dev.flof.feeds.replay;

import static dev.flof.feeds.replay.ReplayTestSupport.MARKET;
import static dev.flof.feeds.replay.ReplayTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.feeds.replay.ReplayTestSupport.Replay;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DBN replay on the real CME files. Expected values: the data README (counts, sides, volume, price range)
 * and, for the MBO book builder, the independently derived pre-trade BBO of every ESH4 trade
 * ({@code derived/ESH4_2023-12-25_trades_with_bbo_from_mbo.csv}).
 */
class DbnReplayTest {
    private static final Path DB = MARKET.resolve("nautilus_trader/databento");

    private static List<Trade> trades(Replay r) {
        return r.events().stream().filter(Trade.class::isInstance).map(Trade.class::cast).toList();
    }

    @Test
    void esh4MboTradesWithAggressorAndRebuiltTopOfBook() throws Exception {
        Path f = DB.resolve("esh4-glbx-mdp3-20231225.mbo.dbn.zst");
        DbnReplayProvider p = new DbnReplayProvider();
        assertTrue(p.accepts(f));
        Replay r = drain(p, f, Map.of());
        List<Trade> t = trades(r);
        assertEquals(2_973, t.size());
        assertEquals(1_542L, t.stream().filter(x -> x.aggressor() == Side.BUY && x.rule() == AggressorRule.VENUE).count());
        assertEquals(1_430L, t.stream().filter(x -> x.aggressor() == Side.SELL && x.rule() == AggressorRule.VENUE).count());
        assertEquals(Fixed.ofUnits(9_892), t.stream().mapToLong(Trade::size).sum());
        assertEquals(Fixed.parse("4800.25"), t.stream().mapToLong(Trade::price).min().orElseThrow());
        assertEquals(Fixed.parse("4811.75"), t.stream().mapToLong(Trade::price).max().orElseThrow());
        assertEquals("ESH4", t.get(0).symbol());
        assertEquals(1703545200000000000L, t.get(0).tsEvent());
        assertEquals(1703548796799167221L, t.get(t.size() - 1).tsEvent());
        // The opening print has no venue side and the book is crossed at that moment: nothing can decide it.
        assertEquals(AggressorRule.UNKNOWN, t.get(0).rule());

        // Pre-trade top of book against the derived file. CME reports an aggressing order's whole sweep as one
        // event (T, F, T, F, ..., then the C/M that change the book, the last flagged F_LAST); quotes are emitted
        // at event boundaries, so the quote in force before a sweep's 2nd, 3rd, ... print is the pre-sweep
        // book, whereas the derived file subtracts the fills print by print. The first print of every event must
        // match exactly; later prints of the same event may differ, and only those.
        List<String> rows = Files.readAllLines(MARKET.resolve("nautilus_trader/derived/ESH4_2023-12-25_trades_with_bbo_from_mbo.csv"));
        assertEquals(2_974, rows.size());
        Quote inForce = null;
        int i = 0;
        int mismatches = 0;
        int firstPrints = 0;
        long prevTs = Long.MIN_VALUE;
        List<String> firstMismatches = new ArrayList<>();
        for (Event e : r.events()) {
            if (e instanceof Quote q) {
                inForce = q;
            } else if (e instanceof Trade tr) {
                final String[] c = rows.get(++i).split(",");
                assertEquals(Long.parseLong(c[0]), tr.tsEvent(), "row " + i);
                assertEquals(Fixed.parse(c[3]), tr.price(), "row " + i);
                assertEquals(Fixed.ofUnits(Long.parseLong(c[4])), tr.size(), "row " + i);
                assertEquals(c[5].equals("NONE") ? Side.NONE : Side.valueOf(c[5]), tr.aggressor(), "row " + i);
                boolean same = inForce != null && inForce.bidPrice() == Fixed.parse(c[6]) && inForce.bidSize() == Fixed.ofUnits(Long.parseLong(c[7]))
                        && inForce.askPrice() == Fixed.parse(c[8]) && inForce.askSize() == Fixed.ofUnits(Long.parseLong(c[9]));
                boolean firstOfEvent = tr.tsEvent() != prevTs;
                prevTs = tr.tsEvent();
                if (firstOfEvent) {
                    firstPrints++;
                }
                if (!same && firstOfEvent) {
                    mismatches++;
                    if (firstMismatches.size() < 5) {
                        firstMismatches.add("row " + i + " derived " + String.join(",", c) + " vs " + inForce);
                    }
                }
            }
        }
        assertEquals(0, mismatches, firstMismatches.toString());
        assertEquals(2_834, firstPrints); // distinct ts_event among the derived rows
    }

    @Test
    void esu4TradesAndMbp1AgreeAndSymbolsComeFromTheMappings() throws Exception {
        Path dir = DB.resolve("historical_bars_catalog/databento");
        Replay tr = drain(new DbnReplayProvider(), dir.resolve("futures_trades_2024-07-01T23-58_2024-07-02T00-02.dbn.zst"), Map.of());
        List<Trade> a = trades(tr);
        assertEquals(120, a.size());
        assertEquals(66L, a.stream().filter(x -> x.aggressor() == Side.BUY).count());
        assertEquals(54L, a.stream().filter(x -> x.aggressor() == Side.SELL).count());
        assertEquals(Fixed.ofUnits(253), a.stream().mapToLong(Trade::size).sum());
        assertEquals("ESU4", a.get(0).symbol());
        Replay mb = drain(new DbnReplayProvider(), dir.resolve("futures_mbp-1_2024-07-01T23-58_2024-07-02T00-02.dbn.zst"), Map.of());
        List<Trade> b = trades(mb);
        assertEquals(a, b);
        assertTrue(mb.counters().get("quotes") > 0);
        assertEquals(120L, mb.counters().get("aggressor side by VENUE"));
    }

    @Test
    void ohlcvOneMinuteForTwoInstruments() throws Exception {
        Replay r = drain(new DbnReplayProvider(),
                DB.resolve("historical_bars_catalog/databento/futures_ohlcv-1m_2024-07-01T23-40_2024-07-02T00-10.dbn.zst"), Map.of());
        List<Bar> bars = r.events().stream().map(Bar.class::cast).toList();
        assertEquals(60, bars.size());
        assertEquals(30L, bars.stream().filter(x -> x.symbol().equals("ESU4")).count());
        assertEquals(30L, bars.stream().filter(x -> x.symbol().equals("NQU4")).count());
        assertEquals(ReplayTestSupport.sec("2024-07-01T23:40:00Z"), bars.get(0).openTime());
        assertEquals(ReplayTestSupport.sec("2024-07-02T00:10:00Z"), bars.get(59).tsEvent());
    }

    @Test
    void mboSnapshotStartingWithAClear() throws Exception {
        Replay r = drain(new DbnReplayProvider(),
                DB.resolve("order_book_deltas_catalog/databento/orderbooks_mbo_2024-05-08T00-00-00_2024-05-08T00-00-02.dbn.zst"), Map.of());
        assertEquals(5, trades(r).size());
        assertEquals("ESM4", trades(r).get(0).symbol());
        Quote last = null;
        for (Event e : r.events()) {
            if (e instanceof Quote q) {
                last = q;
            }
        }
        assertTrue(last != null && last.twoSided() && last.askPrice() > last.bidPrice(), String.valueOf(last));
    }

    @Test
    void definitionRecordsNameInstrumentsAndTheirTick() throws Exception {
        Path f = DB.resolve("historical_bars_catalog/databento/futures_definition.dbn.zst");
        try (var src = new DbnReplayProvider().open(f, new dev.flof.spi.ext.Params("replay", Map.of()))) {
            while (src.next() != null) {
                // definitions update the instrument list; they are not replayed as events
            }
            var byName = new java.util.TreeMap<String, dev.flof.spi.market.Instrument>();
            src.instruments().forEach(i -> byName.put(i.symbol(), i));
            assertTrue(byName.containsKey("ESU4"), byName.keySet().toString());
            assertEquals(Fixed.parse("0.25"), byName.get("ESU4").tickSize());
            assertTrue(src.counters().get("instrument definitions") >= 1);
        }
    }
}
