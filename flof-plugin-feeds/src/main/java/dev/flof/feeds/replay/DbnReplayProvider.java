package dev.flof.feeds.replay;

import dev.flof.feeds.databento.dbn.BidAskPair;
import dev.flof.feeds.databento.dbn.Dbn;
import dev.flof.feeds.databento.dbn.DbnDecoder;
import dev.flof.feeds.databento.dbn.DbnFormatException;
import dev.flof.feeds.databento.dbn.DbnMetadata;
import dev.flof.feeds.databento.dbn.DbnRecord;
import dev.flof.feeds.databento.dbn.DbnRecordView;
import dev.flof.feeds.databento.dbn.DbnScanner;
import dev.flof.feeds.databento.dbn.InstrumentDefMsgV1;
import dev.flof.feeds.databento.dbn.InstrumentDefMsgV2;
import dev.flof.feeds.databento.dbn.InstrumentDefMsgV3;
import dev.flof.feeds.databento.dbn.MboMsg;
import dev.flof.feeds.databento.dbn.Mbp10Msg;
import dev.flof.feeds.databento.dbn.Mbp1Msg;
import dev.flof.feeds.databento.dbn.OhlcvMsg;
import dev.flof.feeds.databento.dbn.RType;
import dev.flof.feeds.databento.dbn.SType;
import dev.flof.feeds.databento.dbn.SymbolMappingMsgV1;
import dev.flof.feeds.databento.dbn.SymbolMappingMsgV2;
import dev.flof.feeds.databento.dbn.TradeMsg;
import dev.flof.feeds.databento.dbn.UnknownRecord;
import dev.flof.feeds.databento.dbn.WithTsOut;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.DepthSnapshot;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.ReplaySourceProvider;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.pf4j.Extension;

/**
 * Databento DBN files (plain or zstd, v1-v3) through the DBN codec: {@code trades} become trades with the
 * venue's aggressor side ({@code B}/{@code A}; {@code N} is left to the quote/tick rules);
 * {@code tbbo}/{@code mbp-1} become a quote (when the top of book changed) and, for trade records, the
 * trade; {@code mbp-10} becomes depth snapshots plus quotes and trades; {@code mbo} is replayed through an
 * {@link MboBook} into top-of-book quotes (after each complete event, when the top changed) and trades
 * with aggressor side; {@code ohlcv-1m/1h/1d} become bars (Databento stamps a bar at its open).
 * Instrument ids are mapped to symbols through the metadata's symbol mappings (and definition or
 * symbol-mapping records in the stream); ES-family GLBX instruments get the ES tick and calendar, others
 * take the tick from definition records or config {@code tick-size}. Replay order is {@code ts_recv}.
 * Errors name the file and the decompressed byte offset.
 *
 * <p>Speed (docs/benchmarks.md): trade and mbp-1/tbbo records, the bulk of a replay, are read in place through
 * the codec's flyweight {@link DbnRecordView} (no record, header or level objects); every other record is
 * materialized as before. The location of a record ({@code offset N}) is formatted only when an error or a note
 * needs it, and the previous record's instrument id is remembered so that a single-instrument stream does no map
 * look-up per record. The events, their order and every counter are the same either way.
 */
@Extension
public class DbnReplayProvider implements ReplaySourceProvider {
    private static final byte[] DBN = {'D', 'B', 'N'};
    private static final int ZSTD_MAGIC = 0xFD2FB528;

    @Override
    public String id() {
        return "databento-dbn";
    }

    @Override
    public String description() {
        return "Databento DBN files: trades, tbbo/mbp-1, mbp-10, mbo (book rebuilt), ohlcv";
    }

    @Override
    public boolean accepts(Path file) {
        String n = TextFiles.name(file);
        if (n.endsWith(".dbn") || n.endsWith(".dbn.zst")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(4);
            if (h.length == 4 && h[0] == DBN[0] && h[1] == DBN[1] && h[2] == DBN[2]) {
                return true;
            }
            return h.length == 4 && ((h[0] & 0xFF) | (h[1] & 0xFF) << 8 | (h[2] & 0xFF) << 16 | (h[3] & 0xFF) << 24) == ZSTD_MAGIC
                    && n.contains("dbn");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public ReplaySource open(Path file, Params params) throws IOException {
        DbnDecoder d;
        try {
            d = DbnDecoder.open(file);
        } catch (DbnFormatException e) {
            throw new ReplayException(file, "", e.getMessage());
        }
        return new Source(file, params, d);
    }

    private record Mapping(long startDate, long endDate, String symbol) {
    }

    private static final class Source extends BaseReplaySource {
        private final DbnDecoder dec;
        private final DbnScanner scanner;
        private final boolean tsOut;
        /** Offset of the record being replayed (decompressed stream). */
        private long recordOffset;
        /** Where the record being replayed starts, formatted only when an error or a note asks for it. */
        private final Supplier<String> where = () -> "offset " + recordOffset;
        private long unknownSkipped;
        // the previous record's instrument id and its mappings (forgotten whenever a mapping changes)
        private long cachedId = -1;
        private List<Mapping> cachedMappings;
        // the previous quote's instrument id and its last top of book (the same array as in lastTop)
        private long topId = -1;
        private long[] top;
        private final Params params;
        private final String dataset;
        private final Map<Long, List<Mapping>> idToSymbol = new HashMap<>();
        private final Map<Long, MboBook> books = new HashMap<>();
        private final Map<Long, long[]> lastTop = new HashMap<>();
        private final TreeMap<String, Instrument> known = new TreeMap<>();
        private final int depthLevels;

        Source(Path file, Params params, DbnDecoder dec) throws IOException {
            super(file, params, List.of(), 0, 0, false);
            this.dec = dec;
            this.scanner = dec.scanner();
            this.tsOut = scanner.tsOut();
            this.params = params;
            DbnMetadata md = dec.metadata();
            this.dataset = md.dataset();
            this.depthLevels = (int) params.integer("depth-levels", 10);
            boolean outIsId = md.stypeOut().map(s -> s == SType.INSTRUMENT_ID).orElse(false);
            boolean inIsId = md.stypeIn().map(s -> s == SType.INSTRUMENT_ID).orElse(false);
            for (DbnMetadata.SymbolMapping m : md.mappings()) {
                for (DbnMetadata.MappingInterval iv : m.intervals()) {
                    String idText = outIsId ? iv.symbol() : inIsId ? m.rawSymbol() : null;
                    String sym = outIsId ? m.rawSymbol() : inIsId ? iv.symbol() : null;
                    if (idText == null || idText.isEmpty()) {
                        continue;
                    }
                    try {
                        long id = Long.parseLong(idText.trim());
                        idToSymbol.computeIfAbsent(id, k -> new ArrayList<>()).add(new Mapping(iv.startDate(), iv.endDate(), sym));
                        instrument(sym, 0);
                    } catch (NumberFormatException e) {
                        count("symbol mappings with a non-numeric instrument id ignored");
                    }
                }
            }
            addNote(file.getFileName() + ": DBN v" + md.version() + " " + md.dataset() + " " + md.schema().map(Object::toString).orElse("mixed"));
        }

        private Instrument instrument(String sym, long tickFromDefinition) {
            Instrument existing = known.get(sym);
            if (existing != null && tickFromDefinition <= 0) {
                return existing;
            }
            boolean glbx = dataset.startsWith("GLBX");
            boolean es = glbx && sym.toUpperCase(Locale.ROOT).startsWith("ES");
            String dflt = tickFromDefinition > 0 ? Fixed.format(tickFromDefinition) : es ? "0.25" : "0.000000001";
            long tick;
            try {
                tick = Fixed.parse(params.string("tick-size", dflt));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException(params.path() + ".tick-size: not a decimal: " + params.string("tick-size", dflt));
            }
            Instrument i = new Instrument(sym, glbx ? "CME" : dataset, tick, Fixed.ofUnits(es ? 50 : 1), Fixed.ofUnits(1),
                    glbx ? MarketProfile.ES : MarketProfile.CRYPTO, glbx ? "CME_GLOBEX_EQUITY" : "CRYPTO_24_7");
            known.put(sym, i);
            addInstrument(i);
            return i;
        }

        private void map(long id, List<Mapping> mappings) {
            idToSymbol.put(id, mappings);
            cachedId = -1;
            cachedMappings = null;
        }

        private String symbol(long id, long tsEvent) {
            List<Mapping> ms;
            if (id == cachedId && cachedMappings != null) {
                ms = cachedMappings;
            } else {
                ms = idToSymbol.get(id);
                if (ms != null) {
                    cachedId = id;
                    cachedMappings = ms;
                }
            }
            if (ms != null) {
                if (ms.size() == 1) {
                    return ms.get(0).symbol();
                }
                LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(tsEvent, 86_400_000_000_000L));
                long ymd = d.getYear() * 10_000L + d.getMonthValue() * 100L + d.getDayOfMonth();
                for (Mapping m : ms) {
                    if (ymd >= m.startDate() && ymd < m.endDate()) {
                        return m.symbol();
                    }
                }
                return ms.get(ms.size() - 1).symbol();
            }
            count("records with an unmapped instrument id");
            String s = "ID" + id;
            instrument(s, 0);
            map(id, List.of(new Mapping(0, Long.MAX_VALUE, s)));
            return s;
        }

        /**
         * Replays the next record. Trades and mbp-1/tbbo are read in place through the scanner's view; anything
         * else is materialized; records of unknown layout are skipped and counted, as {@link DbnDecoder#next()} does.
         */
        @Override
        protected boolean readMore() throws IOException {
            DbnRecord r;
            while (true) {
                try {
                    if (!scanner.next()) {
                        r = null;
                        break;
                    }
                } catch (DbnFormatException e) {
                    throw error("", e.getMessage());
                }
                recordOffset = scanner.recordOffset();
                DbnRecordView v = scanner.view();
                int rtype = v.rtype();
                int size = v.lengthBytes() - (tsOut ? 8 : 0);
                if (rtype == RType.MBP_0 && size == TradeMsg.SIZE) {
                    trade(where, v.instrumentId(), v.tsEvent(), v.tsRecv(), v.sequence(), v.price(), v.size(), v.side());
                    return true;
                }
                if (rtype == RType.MBP_1 && size == Mbp1Msg.SIZE) {
                    long id = v.instrumentId();
                    long tsEvent = v.tsEvent();
                    long tsRecv = v.tsRecv();
                    long seq = v.sequence();
                    quote(where, id, tsEvent, tsRecv, seq, v.bidPx(0), v.bidSz(0), v.askPx(0), v.askSz(0));
                    if (v.action() == 'T') {
                        trade(where, id, tsEvent, tsRecv, seq, v.price(), v.size(), v.side());
                    }
                    return true;
                }
                r = v.toRecord();
                if (!(r instanceof UnknownRecord)) {
                    break;
                }
                unknownSkipped++;
            }
            if (r == null) {
                if (unknownSkipped > 0) {
                    addNote(file.getFileName() + ": " + unknownSkipped + " records of unknown type skipped by the decoder");
                }
                return false;
            }
            if (r instanceof WithTsOut w) {
                r = w.record();
            }
            Supplier<String> where = this.where;
            switch (r) {
                case TradeMsg t -> trade(where, t.hd().instrumentId(), t.hd().tsEvent(), t.tsRecv(), t.sequence(), t.price(), t.size(), t.side());
                case Mbp1Msg m -> {
                    long id = m.hd().instrumentId();
                    BidAskPair l = m.levels().get(0);
                    quote(where, id, m.hd().tsEvent(), m.tsRecv(), m.sequence(), l.bidPx(), l.bidSz(), l.askPx(), l.askSz());
                    if (m.action() == 'T') {
                        trade(where, id, m.hd().tsEvent(), m.tsRecv(), m.sequence(), m.price(), m.size(), m.side());
                    }
                }
                case Mbp10Msg m -> {
                    long id = m.hd().instrumentId();
                    String sym = symbol(id, m.hd().tsEvent());
                    List<DepthSnapshot.Level> bids = new ArrayList<>();
                    List<DepthSnapshot.Level> asks = new ArrayList<>();
                    for (BidAskPair l : m.levels()) {
                        if (!Dbn.isUndefPrice(l.bidPx()) && l.bidSz() > 0) {
                            bids.add(new DepthSnapshot.Level(l.bidPx(), Fixed.ofUnits(l.bidSz()), (int) l.bidCt()));
                        }
                        if (!Dbn.isUndefPrice(l.askPx()) && l.askSz() > 0) {
                            asks.add(new DepthSnapshot.Level(l.askPx(), Fixed.ofUnits(l.askSz()), (int) l.askCt()));
                        }
                    }
                    BidAskPair top = m.levels().get(0);
                    quote(where, id, m.hd().tsEvent(), m.tsRecv(), m.sequence(), top.bidPx(), top.bidSz(), top.askPx(), top.askSz());
                    offer(new DepthSnapshot(sym, m.hd().tsEvent(), m.tsRecv(), m.sequence(), bids, asks), where);
                    if (m.action() == 'T') {
                        trade(where, id, m.hd().tsEvent(), m.tsRecv(), m.sequence(), m.price(), m.size(), m.side());
                    }
                }
                case MboMsg m -> mbo(where, m);
                case OhlcvMsg o -> ohlcv(where.get(), o);
                case InstrumentDefMsgV1 d -> definition(d.hd().instrumentId(), d.rawSymbol(), d.minPriceIncrement());
                case InstrumentDefMsgV2 d -> definition(d.hd().instrumentId(), d.rawSymbol(), d.minPriceIncrement());
                case InstrumentDefMsgV3 d -> definition(d.hd().instrumentId(), d.rawSymbol(), d.minPriceIncrement());
                case SymbolMappingMsgV1 s -> map(s.hd().instrumentId(), List.of(new Mapping(0, Long.MAX_VALUE, s.stypeOutSymbol())));
                case SymbolMappingMsgV2 s -> map(s.hd().instrumentId(), List.of(new Mapping(0, Long.MAX_VALUE, s.stypeOutSymbol())));
                default -> count("records not replayed: " + (r.structName() == null ? "unknown" : r.structName()));
            }
            return true;
        }

        private void definition(long id, String raw, long minTick) {
            if (raw == null || raw.isEmpty()) {
                return;
            }
            map(id, List.of(new Mapping(0, Long.MAX_VALUE, raw)));
            instrument(raw, Dbn.isUndefPrice(minTick) ? 0 : minTick);
            count("instrument definitions");
        }

        private void trade(Supplier<String> where, long id, long tsEvent, long tsRecv, long seq, long price, long size, char side)
                throws IOException {
            if (Dbn.isUndefPrice(price)) {
                count("trades without a price skipped");
                return;
            }
            Side s = AggressorClassifier.fromDbnSide(side);
            offer(new Trade(symbol(id, tsEvent), tsEvent, tsRecv, seq, price, Fixed.ofUnits(size), s,
                    s == Side.NONE ? AggressorRule.UNKNOWN : AggressorRule.VENUE), where);
        }

        private void quote(Supplier<String> where, long id, long tsEvent, long tsRecv, long seq, long bid, long bidSz, long ask,
                           long askSz) throws IOException {
            long[] last = id == topId ? top : lastTop.get(id);
            if (last != null && last[0] == bid && last[1] == bidSz && last[2] == ask && last[3] == askSz) {
                return;
            }
            if (last == null) {
                last = new long[4];
                lastTop.put(id, last);
            }
            last[0] = bid;
            last[1] = bidSz;
            last[2] = ask;
            last[3] = askSz;
            topId = id;
            top = last;
            offer(new Quote(symbol(id, tsEvent), tsEvent, tsRecv, seq,
                    bid, Dbn.isUndefPrice(bid) ? 0 : Fixed.ofUnits(bidSz), ask, Dbn.isUndefPrice(ask) ? 0 : Fixed.ofUnits(askSz)), where);
        }

        private void mbo(Supplier<String> where, MboMsg m) throws IOException {
            long id = m.hd().instrumentId();
            if (m.action() == 'T') {
                trade(where, id, m.hd().tsEvent(), m.tsRecv(), m.sequence(), m.price(), m.size(), m.side());
            }
            MboBook book = books.computeIfAbsent(id, k -> new MboBook());
            book.apply(m.action(), m.side(), m.orderId(), m.price(), m.size());
            if ((m.flags() & Dbn.FLAG_LAST) != 0) {
                quote(where, id, m.hd().tsEvent(), m.tsRecv(), m.sequence(), book.bestBid(), book.bestBidSize(), book.bestAsk(), book.bestAskSize());
            }
        }

        private void ohlcv(String where, OhlcvMsg o) throws IOException {
            Timeframe tf = switch (o.hd().rtype()) {
                case RType.OHLCV_1M -> Timeframe.M1;
                case RType.OHLCV_1H -> Timeframe.H1;
                case RType.OHLCV_1D -> Timeframe.D1;
                default -> null;
            };
            if (tf == null) {
                count("ohlcv records of an unsupported interval skipped");
                return;
            }
            long open = o.hd().tsEvent();
            long close = open + tf.nominal().toNanos();
            if (o.volume() < 0) {
                throw error(where, "ohlcv volume beyond 2^63");
            }
            offer(CsvBars.bar(file, where, symbol(o.hd().instrumentId(), open), tf, open, close,
                    o.open(), o.high(), o.low(), o.close(), Fixed.ofUnits(o.volume()), 0), where);
        }

        @Override
        public Map<String, Long> counters() {
            Map<String, Long> c = new TreeMap<>(super.counters());
            long unknown = 0;
            for (MboBook b : books.values()) {
                unknown += b.unknownOrders();
            }
            if (!books.isEmpty()) {
                c.put("mbo events naming an unknown order", unknown);
            }
            return c;
        }

        @Override
        public void close() throws IOException {
            dec.close();
        }
    }
}
