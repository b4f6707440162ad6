package dev.flof.feeds.replay;

import static dev.flof.feeds.replay.ReplayTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.feeds.databento.dbn.BidAskPair;
import dev.flof.feeds.databento.dbn.Dbn;
import dev.flof.feeds.databento.dbn.DbnMetadata;
import dev.flof.feeds.databento.dbn.DbnWriter;
import dev.flof.feeds.databento.dbn.Mbp10Msg;
import dev.flof.feeds.databento.dbn.RType;
import dev.flof.feeds.databento.dbn.RecordHeader;
import dev.flof.feeds.databento.dbn.SType;
import dev.flof.feeds.databento.dbn.Schema;
import dev.flof.feeds.databento.dbn.TradeMsg;
import dev.flof.feeds.replay.ReplayTestSupport.Replay;
import dev.flof.spi.event.DepthSnapshot;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.ReplaySourceProvider.ReplayException;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-built DBN files for the schemas the shared samples lack (mbp-10) and for bad input. */
class DbnSyntheticTest {
    @TempDir
    Path dir;

    private static final long ID = 5482;
    private static final DbnMetadata.SymbolMapping MAP = new DbnMetadata.SymbolMapping("ESH4",
            List.of(new DbnMetadata.MappingInterval(20240101, 20240401, Long.toString(ID))));

    private static List<BidAskPair> book(long bid, long ask) {
        List<BidAskPair> l = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            l.add(i < 2 ? new BidAskPair(bid - i * Fixed.parse("0.25"), ask + i * Fixed.parse("0.25"), 10 + i, 20 + i, 3, 4)
                    : new BidAskPair(Dbn.UNDEF_PRICE, Dbn.UNDEF_PRICE, 0, 0, 0, 0));
        }
        return l;
    }

    @Test
    void mbp10GivesDepthQuotesAndTradesWithTheMappedSymbol() throws Exception {
        Path f = dir.resolve("es.mbp-10.dbn.zst");
        long t0 = 1_710_250_200_000_000_000L;
        try (DbnWriter w = DbnWriter.create(f, DbnMetadata.of("GLBX.MDP3", Schema.MBP_10, t0, t0 + 1_000_000_000L,
                SType.RAW_SYMBOL, SType.INSTRUMENT_ID, List.of("ESH4"), List.of(MAP)), DbnWriter.Compression.ZSTD)) {
            w.write(new Mbp10Msg(RecordHeader.of(RType.MBP_10, 1, ID, t0), Fixed.parse("5000.00"), 10, 'A', 'B', 0x80, 0,
                    t0 + 100, 0, 1, book(Fixed.parse("5000.00"), Fixed.parse("5000.25"))));
            w.write(new Mbp10Msg(RecordHeader.of(RType.MBP_10, 1, ID, t0 + 1000), Fixed.parse("5000.25"), 3, 'T', 'A', 0x80, 0,
                    t0 + 1100, 0, 2, book(Fixed.parse("5000.00"), Fixed.parse("5000.25"))));
        }
        DbnReplayProvider p = new DbnReplayProvider();
        assertTrue(p.accepts(f));
        Replay r = drain(p, f, Map.of());
        assertEquals(4, r.events().size()); // quote + depth, depth + trade (quote unchanged)
        Quote q = assertInstanceOf(Quote.class, r.events().get(0));
        assertEquals(new Quote("ESH4", t0, t0 + 100, 1, Fixed.parse("5000.00"), Fixed.ofUnits(10), Fixed.parse("5000.25"), Fixed.ofUnits(20)), q);
        DepthSnapshot d = assertInstanceOf(DepthSnapshot.class, r.events().get(1));
        assertEquals(List.of(new DepthSnapshot.Level(Fixed.parse("5000.00"), Fixed.ofUnits(10), 3),
                new DepthSnapshot.Level(Fixed.parse("4999.75"), Fixed.ofUnits(11), 3)), d.bids());
        assertEquals(Fixed.parse("5000.50"), d.asks().get(1).price());
        Trade t = assertInstanceOf(Trade.class, r.events().get(3));
        assertEquals(new Trade("ESH4", t0 + 1000, t0 + 1100, 2, Fixed.parse("5000.25"), Fixed.ofUnits(3), Side.SELL, AggressorRule.VENUE), t);
        assertFalse(r.counters().containsKey("prices off the tick grid"));
    }

    @Test
    void offTickAndOutOfOrderDbnTrades() throws Exception {
        Path f = dir.resolve("es.trades.dbn");
        long t0 = 1_710_250_200_000_000_000L;
        try (DbnWriter w = DbnWriter.create(f, DbnMetadata.of("GLBX.MDP3", Schema.TRADES, t0, t0 + 1_000_000_000L,
                SType.RAW_SYMBOL, SType.INSTRUMENT_ID, List.of("ESH4"), List.of(MAP)), DbnWriter.Compression.NONE)) {
            w.write(new TradeMsg(RecordHeader.of(RType.MBP_0, 1, ID, t0), Fixed.parse("5000.10"), 1, 'T', 'B', 0x80, 0, t0 + 5_000_000, 0, 1));
            w.write(new TradeMsg(RecordHeader.of(RType.MBP_0, 1, ID, t0), Fixed.parse("5000.25"), 1, 'T', 'N', 0x80, 0, t0 + 1_000_000, 0, 2));
        }
        ReplayException e = assertThrows(ReplayException.class, () -> drain(new DbnReplayProvider(), f, Map.of()));
        assertTrue(e.getMessage().contains(":offset "), e.getMessage());
        Replay r = drain(new DbnReplayProvider(), f, Map.of("reorder-tolerance-ms", "5"));
        assertEquals(List.of(2L, 1L), r.events().stream().map(x -> x.sequence()).toList());
        assertEquals(1L, r.counters().get("prices off the tick grid"));
        assertEquals(1L, r.counters().get("events reordered (within tolerance)"));
    }

    @Test
    void garbageIsAFormatErrorNamingTheFile() throws Exception {
        Path f = dir.resolve("junk.dbn");
        Files.write(f, new byte[] {'D', 'B', 'N', 9, 1, 2, 3});
        ReplayException e = assertThrows(ReplayException.class, () -> drain(new DbnReplayProvider(), f, Map.of()));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }
}
