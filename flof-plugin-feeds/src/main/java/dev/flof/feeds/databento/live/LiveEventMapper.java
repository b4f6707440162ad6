package dev.flof.feeds.databento.live;

import dev.flof.feeds.databento.dbn.BidAskPair;
import dev.flof.feeds.databento.dbn.Dbn;
import dev.flof.feeds.databento.dbn.DbnRecord;
import dev.flof.feeds.databento.dbn.DbnScanner;
import dev.flof.feeds.databento.dbn.Mbp10Msg;
import dev.flof.feeds.databento.dbn.Mbp1Msg;
import dev.flof.feeds.databento.dbn.OhlcvMsg;
import dev.flof.feeds.databento.dbn.SymbolMappingMsgV1;
import dev.flof.feeds.databento.dbn.SymbolMappingMsgV2;
import dev.flof.feeds.databento.dbn.SystemMsgV1;
import dev.flof.feeds.databento.dbn.SystemMsgV2;
import dev.flof.feeds.databento.dbn.TradeMsg;
import dev.flof.feeds.databento.dbn.WithTsOut;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.DepthSnapshot;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.EventSink;
import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Turns the live gateway's DBN records into FLOF events, with the conventions of the DBN replay source:
 * {@code trades} → {@link Trade} (aggressor from the venue's side: {@code B} buy, {@code A} sell);
 * {@code tbbo} → {@link Quote} from the book before the trade (the trade itself comes from {@code trades},
 * which the TAPE tier always carries, so it is not emitted twice); {@code mbp-10} → {@link DepthSnapshot};
 * {@code ohlcv-1m} → a closed {@link Bar} whose {@code tsEvent} is the bar's end. {@code tsRecv} is Databento's
 * receive time where the record has one, else the injected clock at arrival. Symbols come from the session's
 * symbol-mapping records. Records that cannot be used are counted by reason, never silently dropped.
 *
 * <p>Called from the live client's reader thread only.
 */
public final class LiveEventMapper implements LiveListener {
    private final String feedId;
    private final EventSink sink;
    private final LongSupplier clockNanos;
    private final Map<Long, String> symbols = new HashMap<>();
    private final TreeMap<String, Long> counters = new TreeMap<>();
    private int version = 3;

    public LiveEventMapper(String feedId, EventSink sink, LongSupplier clockNanos) {
        this.feedId = feedId;
        this.sink = sink;
        this.clockNanos = clockNanos;
    }

    @Override
    public void onSessionStarted(String sessionId, boolean reconnect) {
        symbols.clear();
        long now = clockNanos.getAsLong();
        publish(new FeedStatus(feedId, "", now, now, 0,
                reconnect ? FeedStatus.Kind.RECONNECTED : FeedStatus.Kind.CONNECTED, "session " + sessionId));
    }

    @Override
    public void onMetadata(byte[] metadata, int dbnVersion) {
        version = dbnVersion;
    }

    @Override
    public void onDisconnected(IOException cause, int consecutiveFailures) {
        long now = clockNanos.getAsLong();
        publish(new FeedStatus(feedId, "", now, now, 0, FeedStatus.Kind.DISCONNECTED,
                String.valueOf(cause.getMessage())));
    }

    @Override
    public void onStopped(Exception cause) {
        if (cause != null) {
            long now = clockNanos.getAsLong();
            publish(new FeedStatus(feedId, "", now, now, 0, FeedStatus.Kind.DISCONNECTED,
                    "stopped: " + cause.getMessage()));
        }
    }

    @Override
    public void onRecord(byte[] bytes) {
        DbnRecord r;
        try (DbnScanner s = DbnScanner.openFragment(new ByteArrayInputStream(bytes), version, "live")) {
            if (!s.next()) {
                count("empty records");
                return;
            }
            r = s.view().toRecord();
        } catch (IOException e) {
            count("undecodable records");
            return;
        }
        if (r instanceof WithTsOut w) {
            r = w.record();
        }
        long now = clockNanos.getAsLong();
        switch (r) {
            case SymbolMappingMsgV2 m -> symbols.put(m.hd().instrumentId(), m.stypeInSymbol());
            case SymbolMappingMsgV1 m -> symbols.put(m.hd().instrumentId(), m.stypeInSymbol());
            case SystemMsgV2 m -> {
                if (m.code() == 0) {
                    publish(new FeedStatus(feedId, "", m.hd().tsEvent(), now, 0, FeedStatus.Kind.HEARTBEAT, m.msg()));
                }
            }
            case SystemMsgV1 m -> {
                if (m.msg().startsWith("Heartbeat")) {
                    publish(new FeedStatus(feedId, "", m.hd().tsEvent(), now, 0, FeedStatus.Kind.HEARTBEAT, m.msg()));
                }
            }
            case TradeMsg t -> {
                String sym = symbol(t.hd().instrumentId());
                if (sym == null || Dbn.isUndefPrice(t.price())) {
                    count(sym == null ? "records of unmapped instruments" : "trades without a price");
                    return;
                }
                Side side = t.side() == 'B' ? Side.BUY : t.side() == 'A' ? Side.SELL : Side.NONE;
                publish(new Trade(sym, t.hd().tsEvent(), t.tsRecv(), t.sequence(), t.price(), Fixed.ofUnits(t.size()), side,
                        side == Side.NONE ? AggressorRule.UNKNOWN : AggressorRule.VENUE));
            }
            case Mbp1Msg m -> {
                String sym = symbol(m.hd().instrumentId());
                if (sym == null) {
                    count("records of unmapped instruments");
                    return;
                }
                BidAskPair l = m.levels().get(0);
                publish(new Quote(sym, m.hd().tsEvent(), m.tsRecv(), m.sequence(),
                        l.bidPx(), Dbn.isUndefPrice(l.bidPx()) ? 0 : Fixed.ofUnits(l.bidSz()),
                        l.askPx(), Dbn.isUndefPrice(l.askPx()) ? 0 : Fixed.ofUnits(l.askSz())));
            }
            case Mbp10Msg m -> {
                String sym = symbol(m.hd().instrumentId());
                if (sym == null) {
                    count("records of unmapped instruments");
                    return;
                }
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
                publish(new DepthSnapshot(sym, m.hd().tsEvent(), m.tsRecv(), m.sequence(), bids, asks));
            }
            case OhlcvMsg o when o.hd().rtype() == 0x21 -> {
                String sym = symbol(o.hd().instrumentId());
                if (sym == null) {
                    count("records of unmapped instruments");
                    return;
                }
                long open = o.hd().tsEvent();
                try {
                    publish(new Bar(sym, Timeframe.M1, open, open + Timeframe.M1.nominal().toNanos(), now, 0,
                            o.open(), o.high(), o.low(), o.close(), Fixed.ofUnits(o.volume()), 0, 0, 0, o.close()));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    count("inconsistent ohlcv-1m bars");
                }
            }
            default -> count("records not mapped to events: " + (r.structName() == null ? "unknown" : r.structName()));
        }
    }

    private String symbol(long instrumentId) {
        return symbols.get(instrumentId);
    }

    private void publish(Event e) {
        if (!sink.publish(e)) {
            count("events refused by a full sink");
        }
    }

    private synchronized void count(String reason) {
        counters.merge(reason, 1L, Long::sum);
    }

    /** Records skipped or events dropped, by reason, sorted. */
    public synchronized SortedMap<String, Long> counters() {
        return new TreeMap<>(counters);
    }
}
