package dev.flof.feeds.replay;

import static dev.flof.feeds.replay.ReplayTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.feeds.replay.ReplayTestSupport.Replay;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.ReplaySourceProvider.ReplayException;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain CSV formats and the shared bad-input policy, on hand-written fixtures. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static List<Trade> trades(Replay r) {
        return r.events().stream().map(Trade.class::cast).toList();
    }

    @Test
    void plainTradesCsvWithSidesAndToleratedReordering() throws Exception {
        Path f = write("es.csv", """
                ts_ns,price,size,side
                1000000000,5000.25,2,B
                1000000500,5000.00,1,S
                1000000200,5000.25,3,
                1000000900,5000.50,1,N
                """);
        PlainCsvTradesProvider p = new PlainCsvTradesProvider();
        assertTrue(p.accepts(f));
        assertFalse(new PlainCsvBarsProvider().accepts(f));
        // 300 ns late: beyond a 0 ms tolerance.
        ReplayException e = assertThrows(ReplayException.class, () -> drain(p, f, Map.of("profile", "ES")));
        assertTrue(e.getMessage().startsWith(f + ":line 4: "), e.getMessage());
        Replay r = drain(p, f, Map.of("profile", "ES", "reorder-tolerance-ms", "1"));
        List<Trade> t = trades(r);
        assertEquals(List.of(1000000000L, 1000000200L, 1000000500L, 1000000900L), t.stream().map(Trade::tsEvent).toList());
        assertEquals(1L, r.counters().get("events reordered (within tolerance)"));
        assertEquals(new Trade("es", 1000000000L, 1000000000L, 2, Fixed.parse("5000.25"), Fixed.ofUnits(2), Side.BUY, AggressorRule.VENUE), t.get(0));
        // Line 4 has no side: replayed after the first trade, 5000.25 -> 5000.25 is a zero tick with no sign yet,
        // then a 5000.00 sell from the venue; the N at 5000.50 is an up-tick from 5000.00.
        assertEquals(AggressorRule.UNKNOWN, t.get(1).rule());
        assertEquals(Side.SELL, t.get(2).aggressor());
        assertEquals(AggressorRule.VENUE, t.get(2).rule());
        assertEquals(Side.BUY, t.get(3).aggressor());
        assertEquals(AggressorRule.TICK, t.get(3).rule());
    }

    @Test
    void zeroSizeStopsWithFileAndLineUnlessSkipped() throws Exception {
        Path f = write("x.trades.csv", "1,100.00,1,B\n2,100.00,0,S\n3,100.00,-1,S\n4,100.00,1,\n");
        PlainCsvTradesProvider p = new PlainCsvTradesProvider();
        ReplayException e = assertThrows(ReplayException.class, () -> drain(p, f, Map.of()));
        assertEquals(f + ":line 2: trade size must be positive, got 0", e.getMessage());
        Replay r = drain(p, f, Map.of("skip-bad-sizes", "true"));
        assertEquals(2, r.events().size());
        assertEquals(2L, r.counters().get("trades rejected: non-positive size"));
    }

    @Test
    void malformedFieldsNameTheLineAndField() throws Exception {
        Path f = write("y.trades.csv", "1,100.00,1,B\n2,1e-12,1,S\n");
        ReplayException e = assertThrows(ReplayException.class, () -> drain(new PlainCsvTradesProvider(), f, Map.of()));
        assertTrue(e.getMessage().contains(":line 2: price:"), e.getMessage());
        Path g = write("z.trades.csv", "1,100.00,1,X\n");
        assertTrue(assertThrows(ReplayException.class, () -> drain(new PlainCsvTradesProvider(), g, Map.of()))
                .getMessage().contains("line 1: side must be B, S, N or empty"));
    }

    @Test
    void offTickPricesAndGapsAreReportedNotFixed() throws Exception {
        Path f = write("es2.trades.csv", """
                0,5000.25,1,B
                1000000000,5000.30,1,B
                700000000000,5000.50,1,S
                """);
        Replay r = drain(new PlainCsvTradesProvider(), f, Map.of("profile", "ES", "gap-seconds", "600"));
        assertEquals(3, r.events().size());
        assertEquals(Fixed.parse("5000.30"), ((Trade) r.events().get(1)).price());
        assertEquals(1L, r.counters().get("prices off the tick grid"));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("line 2") && n.contains("5000.3") && n.contains("tick 0.25")), r.notes().toString());
        assertEquals(1L, r.counters().get("gaps"));
    }

    @Test
    void duplicateVenueSequencesAreDroppedAndCounted() throws Exception {
        Path f = write("XRP_ETH-trades.json", """
                [[1000,"7",null,"buy",0.001,5.0,0.005],
                 [1001,"8",null,"sell",0.001,6.0,0.006],
                 [1001,"8",null,"sell",0.001,6.0,0.006],
                 [1002,"9",null,"buy",0.00100001,1.0,0.001]]
                """);
        Replay r = drain(new FreqtradeTradesProvider(), f, Map.of());
        assertEquals(List.of(7L, 8L, 9L), r.events().stream().map(e -> e.sequence()).toList());
        assertEquals(1L, r.counters().get("duplicate trades dropped"));
        Path bad = write("BAD_X-trades.json", "[[1000,\"7\",null,\"buy\",0.001,5.0,0.005],\n [1001,\"8\"]]");
        ReplayException e = assertThrows(ReplayException.class, () -> drain(new FreqtradeTradesProvider(), bad, Map.of()));
        assertTrue(e.getMessage().contains("line 2 column"), e.getMessage());
    }

    @Test
    void plainBarsCsvReleasedAtTheirClose() throws Exception {
        Path f = write("btc.csv", """
                ts_ns,open,high,low,close,volume
                0,100,101,99,100.5,10
                300000000000,100.5,102,100,101,4.5
                """);
        PlainCsvBarsProvider p = new PlainCsvBarsProvider();
        assertTrue(p.accepts(f));
        Replay r = drain(p, f, Map.of("timeframe", "5m", "symbol", "BTCUSDT"));
        assertEquals(2, r.events().size());
        Bar b = (Bar) r.events().get(1);
        assertEquals(new Bar("BTCUSDT", Timeframe.M5, 300_000_000_000L, 600_000_000_000L, 600_000_000_000L, 3,
                Fixed.parse("100.5"), Fixed.parse("102"), Fixed.parse("100"), Fixed.parse("101"), Fixed.parse("4.5"), 0, 0, 0, Fixed.parse("101")), b);
        Path bad = write("bad.bars.csv", "0,100,99,98,100,1\n");
        ReplayException e = assertThrows(ReplayException.class, () -> drain(p, bad, Map.of()));
        assertTrue(e.getMessage().contains("line 1: inconsistent OHLC"), e.getMessage());
    }
}
