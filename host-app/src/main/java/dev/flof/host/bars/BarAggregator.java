package dev.flof.host.bars;

import dev.flof.host.calendar.ExchangeCalendar;
import dev.flof.host.calendar.Interval;
import dev.flof.host.calendar.Times;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.NumFactory;

/**
 * The multi-timeframe matrix of one instrument: folds trades (or 1-minute bars) into every configured
 * timeframe by the instrument's calendar ({@link Binner}) and closes a bar on the first event at or after
 * its interval end, or on {@link #advanceTo} when time passes without trades. Only closed bars reach the
 * ta4j {@link BarSeries} (bounded by {@code maxBarCount}) and the {@link BarListener}; a forming bar is
 * visible only through {@link #provisionalView}. Empty intervals produce no bar (no fake flat bars).
 *
 * <p>Time is the exchange time ({@code tsEvent}). An event earlier than a bar already closed cannot be
 * folded in without rewriting history: it is dropped and counted ({@code "late events dropped"}), as
 * are events while the market is closed ({@code "events outside trading hours dropped"}).
 * Not thread-safe: the kernel thread owns it.
 */
public final class BarAggregator {
    /** Default bounded history per timeframe. */
    public static final int DEFAULT_MAX_BARS = 5_000;

    private final Instrument instrument;
    private final Binner binner;
    private final Timeframe[] tfs;
    private final Acc[] accs;
    private final EnumMap<Timeframe, BarSeries> series = new EnumMap<>(Timeframe.class);
    private final BarListener listener;
    private final TreeMap<String, Long> counters = new TreeMap<>();
    private long nextCloseAt = Long.MAX_VALUE;
    /** The latest start among the active bars (Long.MIN_VALUE when none is active): a trade before it is late. */
    private long maxActiveStart = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    private long lastTs = Long.MIN_VALUE;
    private long sequence;
    /**
     * The coarser accumulators as they were when the finest bar in progress began, while that bar is built from
     * trades: a closed bar of the same interval (a 1-minute kline after the live data tier went back to bars)
     * then replaces the trades instead of being added on top of them ({@link #onBar}).
     */
    private Acc[] beforeFinest;
    private boolean finestFromTrades;

    private static final class Acc {
        final Timeframe tf;
        boolean active;
        long start;
        long end;
        long open;
        long high;
        long low;
        long close;
        long volume;
        long buy;
        long sell;
        long trades;
        final Int128 pxVol = new Int128();

        Acc(Timeframe tf) {
            this.tf = tf;
        }

        void copyFrom(Acc o) {
            active = o.active;
            start = o.start;
            end = o.end;
            open = o.open;
            high = o.high;
            low = o.low;
            close = o.close;
            volume = o.volume;
            buy = o.buy;
            sell = o.sell;
            trades = o.trades;
            pxVol.clear();
            pxVol.add(o.pxVol);
        }

        void begin(Interval bin, long price) {
            active = true;
            start = bin.startNs();
            end = bin.endNs();
            open = price;
            high = price;
            low = price;
            volume = 0;
            buy = 0;
            sell = 0;
            trades = 0;
            pxVol.clear();
        }
    }

    public BarAggregator(Instrument instrument, ExchangeCalendar calendar, Set<Timeframe> timeframes, int maxBarCount,
                         BarListener listener) {
        if (timeframes.isEmpty()) {
            throw new IllegalArgumentException("no timeframes for " + instrument.symbol());
        }
        if (!calendar.id().equals(instrument.calendarId())) {
            throw new IllegalArgumentException("instrument " + instrument.symbol() + " uses calendar " + instrument.calendarId()
                    + " but the aggregator was given " + calendar.id());
        }
        this.instrument = instrument;
        this.binner = new Binner(calendar);
        this.tfs = EnumSet.copyOf(timeframes).toArray(new Timeframe[0]);
        this.accs = new Acc[tfs.length];
        for (int i = 0; i < tfs.length; i++) {
            accs[i] = new Acc(tfs[i]);
            BarSeries s = new BaseBarSeriesBuilder().withName(instrument.symbol() + " " + tfs[i].label()).build();
            s.setMaximumBarCount(maxBarCount);
            series.put(tfs[i], s);
        }
        this.listener = listener;
    }

    /** All nine timeframes, 1m to 1M. */
    public static Set<Timeframe> allTimeframes() {
        return EnumSet.allOf(Timeframe.class);
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Folds one trade in (after closing whatever ended at or before its time). */
    public void onTrade(Trade t) {
        long ts = t.tsEvent();
        if (!admit(ts)) {
            return;
        }
        long size = t.size();
        long price = t.price();
        // the same for every timeframe: computed once per trade
        long buy = t.aggressor() == Side.BUY ? size : 0;
        long sell = t.aggressor() == Side.SELL ? size : 0;
        long pxLo = price * size;
        long pxHi = Math.multiplyHigh(price, size);
        if (!accs[0].active) {
            rememberCoarser(); // once per finest bar
            finestFromTrades = true;
        }
        for (Acc a : accs) {
            if (!a.active) {
                Interval bin = binner.bin(a.tf, ts);
                a.begin(bin, price);
                maxActiveStart = Math.max(maxActiveStart, a.start);
                nextCloseAt = Math.min(nextCloseAt, bin.endNs());
            }
            if (price > a.high) {
                a.high = price;
            }
            if (price < a.low) {
                a.low = price;
            }
            a.close = price;
            a.volume += size;
            a.buy += buy;
            a.sell += sell;
            a.trades++;
            a.pxVol.add(pxHi, pxLo);
        }
    }

    /**
     * Folds in a finer bar (typically 1-minute bars from a file); it counts from its open time and, since
     * it became knowable at its close, time then advances to its close. Timeframes finer than the input
     * bar cannot be built from it and must not be configured. A bar of the finest timeframe whose interval is the
     * one the trades were building (live: the tape was on for part of the minute, then the tier went back to bars
     * and the minute's closed kline arrived) replaces those trades in every timeframe, so each interval is built once,
     * from the complete bar; the trades' partial bar was never visible except through {@link #provisionalView}.
     */
    public void onBar(Bar b) {
        if (b.timeframe().compareTo(tfs[0]) > 0) {
            throw new IllegalArgumentException("cannot build " + tfs[0].label() + " bars from " + b.timeframe().label() + " bars");
        }
        long ts = b.openTime();
        if (!admit(ts)) {
            advanceTo(b.tsEvent());
            return;
        }
        if (b.timeframe() == tfs[0] && finestFromTrades && accs[0].active && accs[0].start == ts) {
            // the closed bar of the interval the trades were building (knowable now, at its close): it replaces them
            forgetFinestTrades();
            count("trade-built bars replaced by the closed bar of the same interval");
        }
        for (Acc a : accs) {
            long end = a.active ? a.end : binner.bin(a.tf, ts).endNs();
            if (b.tsEvent() > end) {
                count("bars crossing a bin boundary dropped");
                advanceTo(b.tsEvent());
                return;
            }
        }
        if (!accs[0].active) {
            finestFromTrades = false;
        }
        for (Acc a : accs) {
            if (!a.active) {
                Interval bin = binner.bin(a.tf, ts);
                a.begin(bin, b.open());
                maxActiveStart = Math.max(maxActiveStart, a.start);
                nextCloseAt = Math.min(nextCloseAt, bin.endNs());
            }
            a.high = Math.max(a.high, b.high());
            a.low = Math.min(a.low, b.low());
            a.close = b.close();
            a.volume += b.volume();
            a.buy += b.buyVolume();
            a.sell += b.sellVolume();
            a.trades += b.trades();
            a.pxVol.addProduct(b.vwap(), b.volume());
        }
        advanceTo(b.tsEvent());
    }

    private void rememberCoarser() {
        if (beforeFinest == null) {
            beforeFinest = new Acc[accs.length];
            for (int i = 1; i < accs.length; i++) {
                beforeFinest[i] = new Acc(accs[i].tf);
            }
        }
        for (int i = 1; i < accs.length; i++) {
            beforeFinest[i].copyFrom(accs[i]);
        }
    }

    /** Takes the trades of the finest bar in progress out of every timeframe (back to where that bar began). */
    private void forgetFinestTrades() {
        accs[0].active = false;
        long next = Long.MAX_VALUE;
        long maxStart = Long.MIN_VALUE;
        for (int i = 1; i < accs.length; i++) {
            accs[i].copyFrom(beforeFinest[i]);
            if (accs[i].active) {
                next = Math.min(next, accs[i].end);
                maxStart = Math.max(maxStart, accs[i].start);
            }
        }
        nextCloseAt = next;
        maxActiveStart = maxStart;
        finestFromTrades = false;
    }

    private boolean admit(long ts) {
        if (ts < watermark) {
            count("late events dropped");
            return false;
        }
        if (ts < maxActiveStart) { // = some active bar starts after ts
            count("late events dropped");
            return false;
        }
        advanceTo(ts);
        if (!binner.inSegment(ts)) {
            count("events outside trading hours dropped");
            return false;
        }
        return true;
    }

    /** Time has reached {@code ts}: every bar whose interval ended at or before it closes now. */
    public void advanceTo(long ts) {
        lastTs = Math.max(lastTs, ts);
        if (ts < nextCloseAt) {
            return;
        }
        List<Acc> due = new ArrayList<>();
        long next = Long.MAX_VALUE;
        for (Acc a : accs) {
            if (a.active) {
                if (a.end <= ts) {
                    due.add(a);
                } else {
                    next = Math.min(next, a.end);
                }
            }
        }
        nextCloseAt = next;
        // Close-time order; at equal close time, higher timeframe first (see BarListener).
        due.sort((x, y) -> x.end != y.end ? Long.compare(x.end, y.end) : y.tf.compareTo(x.tf));
        long maxStart = Long.MIN_VALUE;
        for (Acc a : accs) {
            if (a.active && a.end > ts) {
                maxStart = Math.max(maxStart, a.start);
            }
        }
        maxActiveStart = maxStart;
        for (Acc a : due) {
            Bar bar = toBar(a, a.end, ts, ++sequence);
            a.active = false;
            watermark = Math.max(watermark, a.end);
            addToSeries(bar);
            if (listener != null) {
                listener.onBarClosed(bar);
            }
        }
    }

    private Bar toBar(Acc a, long tsEvent, long tsRecv, long seq) {
        long vwap = a.close;
        if (a.volume > 0) {
            vwap = new BigDecimal(a.pxVol.toBigInteger()).divide(BigDecimal.valueOf(a.volume), 0, RoundingMode.HALF_EVEN)
                    .toBigIntegerExact().longValueExact();
        }
        return new Bar(instrument.symbol(), a.tf, a.start, tsEvent, Math.max(tsRecv, tsEvent), seq,
                a.open, a.high, a.low, a.close, a.volume, a.buy, a.sell, a.trades, vwap);
    }

    private void addToSeries(Bar b) {
        BarSeries s = series.get(b.timeframe());
        NumFactory nf = s.numFactory();
        BigInteger amount = BigInteger.valueOf(b.vwap()).multiply(BigInteger.valueOf(b.volume()));
        s.barBuilder()
                .timePeriod(Duration.ofNanos(b.tsEvent() - b.openTime()))
                .endTime(Times.toInstant(b.tsEvent()))
                .openPrice(nf.numOf(Fixed.toDecimal(b.open())))
                .highPrice(nf.numOf(Fixed.toDecimal(b.high())))
                .lowPrice(nf.numOf(Fixed.toDecimal(b.low())))
                .closePrice(nf.numOf(Fixed.toDecimal(b.close())))
                .volume(nf.numOf(Fixed.toDecimal(b.volume())))
                .amount(nf.numOf(new BigDecimal(amount, 18)))
                .trades(b.trades())
                .add();
    }

    /** The closed bars of a timeframe as a ta4j series (bounded history). */
    public BarSeries series(Timeframe tf) {
        BarSeries s = series.get(tf);
        if (s == null) {
            throw new IllegalArgumentException(tf.label() + " is not configured for " + instrument.symbol());
        }
        return s;
    }

    /**
     * The forming bar of a timeframe, if any: a deliberately named opt-in, since reading it is looking at
     * an unfinished interval.
     */
    public Optional<ProvisionalBar> provisionalView(Timeframe tf) {
        for (Acc a : accs) {
            if (a.tf == tf && a.active) {
                return Optional.of(new ProvisionalBar(toBar(a, a.end, lastTs, 0), lastTs));
            }
        }
        return Optional.empty();
    }

    /** The configured timeframes, finest first. */
    public List<Timeframe> timeframes() {
        return List.of(tfs);
    }

    private void count(String what) {
        counters.merge(what, 1L, Long::sum);
    }

    /** What was dropped and why. */
    public Map<String, Long> counters() {
        return Collections.unmodifiableMap(counters);
    }
}
