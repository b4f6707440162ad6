package dev.flof.host.bars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.calendar.CmeGlobexEquityCalendar;
import dev.flof.host.calendar.Crypto247Calendar;
import dev.flof.host.calendar.Interval;
import dev.flof.host.calendar.Times;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed bars (ET = UTC-4 in March 2024 after the 10th, UTC-5 in late November). */
class BarAggregatorTest {
    static final Instrument ES = new Instrument("ESM4", "CME", Fixed.parse("0.25"), Fixed.ofUnits(50), Fixed.ofUnits(1), MarketProfile.ES, "CME_GLOBEX_EQUITY");
    static final Instrument BTC = new Instrument("BTCUSDT", "BINANCE", Fixed.parse("0.01"), Fixed.ofUnits(1), Fixed.parse("0.00001"), MarketProfile.CRYPTO, "CRYPTO_24_7");

    static long t(String iso) {
        return Times.toNanos(Instant.parse(iso));
    }

    static Trade tr(String sym, String iso, String px, long qty, Side side) {
        return new Trade(sym, t(iso), t(iso), 0, Fixed.parse(px), Fixed.ofUnits(qty), side, side == Side.NONE ? AggressorRule.UNKNOWN : AggressorRule.VENUE);
    }

    private final List<Bar> closed = new ArrayList<>();

    private BarAggregator es() {
        return new BarAggregator(ES, new CmeGlobexEquityCalendar(), BarAggregator.allTimeframes(), 100, closed::add);
    }

    @Test
    void esTradesIntoEveryTimeframeWithExactVwapAndDelta() {
        BarAggregator agg = es();
        agg.onTrade(tr("ESM4", "2024-03-12T13:30:10Z", "5000.00", 2, Side.BUY));
        agg.onTrade(tr("ESM4", "2024-03-12T13:30:40Z", "5000.50", 1, Side.SELL));
        assertTrue(closed.isEmpty(), "nothing closes before the interval end");
        agg.onTrade(tr("ESM4", "2024-03-12T13:31:05Z", "4999.75", 3, Side.BUY));
        assertEquals(1, closed.size());
        assertEquals(new Bar("ESM4", Timeframe.M1, t("2024-03-12T13:30:00Z"), t("2024-03-12T13:31:00Z"), t("2024-03-12T13:31:05Z"), 1,
                Fixed.parse("5000.00"), Fixed.parse("5000.50"), Fixed.parse("5000.00"), Fixed.parse("5000.50"),
                Fixed.ofUnits(3), Fixed.ofUnits(2), Fixed.ofUnits(1), 2, Fixed.parse("5000.166666667")), closed.get(0));
        agg.onTrade(tr("ESM4", "2024-03-12T21:30:00Z", "4999.00", 1, Side.SELL)); // 17:30 EDT: maintenance break
        assertEquals(1L, agg.counters().get("events outside trading hours dropped"));
        agg.advanceTo(t("2024-03-12T21:00:00Z"));
        List<String> order = closed.stream().map(b -> b.timeframe().label()).toList();
        assertEquals(List.of("1m", "1m", "3m", "5m", "15m", "4H", "1H", "1D"), order);
        Bar h4 = closed.get(5);
        assertEquals(t("2024-03-12T10:00:00Z"), h4.openTime()); // 06:00 ET, counted from the 18:00 roll
        assertEquals(t("2024-03-12T14:00:00Z"), h4.tsEvent());
        Bar d = closed.get(7);
        assertEquals(t("2024-03-11T22:00:00Z"), d.openTime());
        assertEquals(t("2024-03-12T21:00:00Z"), d.tsEvent());
        assertEquals(Fixed.parse("5000.00"), d.open());
        assertEquals(Fixed.parse("4999.75"), d.low());
        assertEquals(Fixed.parse("4999.75"), d.close());
        assertEquals(Fixed.ofUnits(6), d.volume());
        assertEquals(Fixed.ofUnits(4), d.delta());
        assertEquals(3, d.trades());
        assertEquals(Fixed.parse("4999.958333333"), d.vwap());
        // Weekly and monthly are still forming: only the provisional view shows them.
        assertEquals(0, agg.series(Timeframe.W1).getBarCount());
        ProvisionalBar w = agg.provisionalView(Timeframe.W1).orElseThrow();
        assertEquals(t("2024-03-10T22:00:00Z"), w.bar().openTime());
        assertEquals(t("2024-03-15T21:00:00Z"), w.bar().tsEvent());
        ProvisionalBar m = agg.provisionalView(Timeframe.MN1).orElseThrow();
        assertEquals(t("2024-02-29T23:00:00Z"), m.bar().openTime()); // first trading day Fri 1st opens Thu 18:00 EST
        assertEquals(t("2024-03-28T21:00:00Z"), m.bar().tsEvent()); // Good Friday closed: month ends Thursday 17:00 EDT
        // ta4j series hold the closed bars.
        assertEquals(2, agg.series(Timeframe.M1).getBarCount());
        assertEquals(0, agg.series(Timeframe.M1).getBar(0).getClosePrice().compareTo(agg.series(Timeframe.M1).numFactory().numOf(5000.5)));
        assertEquals(Instant.parse("2024-03-12T13:31:00Z"), agg.series(Timeframe.M1).getBar(0).getEndTime());
    }

    @Test
    void noBarAcrossTheMaintenanceBreakOrAnEarlyClose() {
        BarAggregator agg = es();
        agg.onTrade(tr("ESM4", "2024-03-12T20:59:59Z", "5000.00", 1, Side.BUY));
        agg.onTrade(tr("ESM4", "2024-03-12T22:00:00Z", "5001.00", 1, Side.BUY));
        Bar h4 = closed.stream().filter(b -> b.timeframe() == Timeframe.H4).findFirst().orElseThrow();
        assertEquals(new Interval(t("2024-03-12T18:00:00Z"), t("2024-03-12T21:00:00Z")), new Interval(h4.openTime(), h4.tsEvent()));
        assertEquals(new Interval(t("2024-03-12T22:00:00Z"), t("2024-03-13T02:00:00Z")), span(agg, Timeframe.H4));
        assertEquals(new Interval(t("2024-03-12T22:00:00Z"), t("2024-03-13T21:00:00Z")), span(agg, Timeframe.D1));
        // Day after Thanksgiving: closes 13:15 EST = 18:15 UTC.
        BarAggregator agg2 = es();
        agg2.onTrade(tr("ESM4", "2024-11-29T18:10:00Z", "6000.00", 1, Side.BUY));
        assertEquals(new Interval(t("2024-11-29T18:00:00Z"), t("2024-11-29T18:15:00Z")), span(agg2, Timeframe.H1));
        assertEquals(new Interval(t("2024-11-29T15:00:00Z"), t("2024-11-29T18:15:00Z")), span(agg2, Timeframe.H4));
        assertEquals(new Interval(t("2024-11-28T23:00:00Z"), t("2024-11-29T18:15:00Z")), span(agg2, Timeframe.D1));
    }

    private static Interval span(BarAggregator a, Timeframe tf) {
        Bar b = a.provisionalView(tf).orElseThrow().bar();
        return new Interval(b.openTime(), b.tsEvent());
    }

    @Test
    void emptyIntervalsGiveNoBarsAndLateTradesAreCounted() {
        BarAggregator agg = new BarAggregator(BTC, new Crypto247Calendar(), EnumSet.of(Timeframe.M1, Timeframe.M5), 100, closed::add);
        agg.onTrade(tr("BTCUSDT", "2024-03-16T10:00:30Z", "65000.00", 1, Side.BUY));
        agg.onTrade(tr("BTCUSDT", "2024-03-16T10:05:30Z", "65010.00", 1, Side.SELL));
        agg.onTrade(tr("BTCUSDT", "2024-03-16T10:04:59Z", "65020.00", 1, Side.SELL));
        agg.advanceTo(t("2024-03-16T10:10:00Z"));
        assertEquals(List.of(t("2024-03-16T10:00:00Z"), t("2024-03-16T10:00:00Z"), t("2024-03-16T10:05:00Z"), t("2024-03-16T10:05:00Z")),
                closed.stream().map(Bar::openTime).toList());
        assertEquals(List.of(Timeframe.M1, Timeframe.M5, Timeframe.M1, Timeframe.M5), closed.stream().map(Bar::timeframe).toList());
        assertEquals(1L, agg.counters().get("late events dropped"));
        assertEquals(2, agg.series(Timeframe.M1).getBarCount());
    }

    @Test
    void aTradeBeforeTheOpenBarsStartIsLateEvenBeforeAnyBarClosed() {
        BarAggregator agg = new BarAggregator(BTC, new Crypto247Calendar(), EnumSet.of(Timeframe.M1, Timeframe.M5), 100, closed::add);
        agg.onTrade(tr("BTCUSDT", "2024-03-16T10:05:30Z", "65000.00", 1, Side.BUY));
        // no bar has closed yet, but the open 1m and 5m bars start at 10:05: 10:04:50 cannot be folded in
        agg.onTrade(tr("BTCUSDT", "2024-03-16T10:04:50Z", "64000.00", 2, Side.SELL));
        assertEquals(1L, agg.counters().get("late events dropped"));
        agg.onTrade(tr("BTCUSDT", "2024-03-16T10:05:40Z", "65010.00", 1, Side.BUY));
        agg.advanceTo(t("2024-03-16T10:20:00Z"));
        // every bar closed: a later trade opens new bars
        agg.onTrade(tr("BTCUSDT", "2024-03-16T10:21:00Z", "65020.00", 1, Side.BUY));
        agg.advanceTo(t("2024-03-16T10:30:00Z"));
        assertEquals(1L, agg.counters().get("late events dropped"));
        assertEquals(4, closed.size());
        Bar m1 = closed.get(0);
        assertEquals(Timeframe.M1, m1.timeframe());
        // the late trade is in no bar: low 65000, volume 2, no sell volume
        assertEquals(Fixed.parse("65000.00"), m1.low());
        assertEquals(Fixed.ofUnits(2), m1.volume());
        assertEquals(0, m1.sellVolume());
        assertEquals(2, m1.trades());
    }

    @Test
    void cryptoAnchorsOnUtcMidnightAndIsoWeeks() {
        BarAggregator agg = new BarAggregator(BTC, new Crypto247Calendar(), BarAggregator.allTimeframes(), 100, closed::add);
        agg.onTrade(tr("BTCUSDT", "2024-03-16T05:30:00Z", "65000.00", 1, Side.BUY));
        assertEquals(new Interval(t("2024-03-16T04:00:00Z"), t("2024-03-16T08:00:00Z")), span(agg, Timeframe.H4));
        assertEquals(new Interval(t("2024-03-16T00:00:00Z"), t("2024-03-17T00:00:00Z")), span(agg, Timeframe.D1));
        assertEquals(new Interval(t("2024-03-11T00:00:00Z"), t("2024-03-18T00:00:00Z")), span(agg, Timeframe.W1));
        assertEquals(new Interval(t("2024-03-01T00:00:00Z"), t("2024-04-01T00:00:00Z")), span(agg, Timeframe.MN1));
    }

    @Test
    void higherTimeframeVisibleOnlyAfterItClosed() {
        List<String> seen = new ArrayList<>();
        BarAggregator[] ref = new BarAggregator[1];
        ref[0] = new BarAggregator(BTC, new Crypto247Calendar(), EnumSet.of(Timeframe.M1, Timeframe.H1), 100, b -> {
            if (b.timeframe() == Timeframe.M1) {
                var h = ref[0].series(Timeframe.H1);
                long lastHourEnd = h.isEmpty() ? 0 : Times.toNanos(h.getLastBar().getEndTime());
                assertTrue(lastHourEnd <= b.tsEvent(), "an hour bar that closed after this minute is visible");
                seen.add(Instant.ofEpochSecond(0, b.tsEvent()) + " sees " + h.getBarCount());
            }
        });
        BarAggregator agg = ref[0];
        agg.onTrade(tr("BTCUSDT", "2024-03-16T10:58:10Z", "100.00", 1, Side.BUY));
        agg.onTrade(tr("BTCUSDT", "2024-03-16T10:59:10Z", "101.00", 1, Side.BUY));
        assertEquals(Fixed.parse("101.00"), agg.provisionalView(Timeframe.H1).orElseThrow().bar().high());
        agg.onTrade(tr("BTCUSDT", "2024-03-16T11:00:00Z", "102.00", 1, Side.BUY));
        agg.onTrade(tr("BTCUSDT", "2024-03-16T11:01:00Z", "103.00", 1, Side.BUY));
        // 10:59 minute closes at 11:00 together with the 10:00 hour: the hour comes first (same knowable time).
        assertEquals(List.of("2024-03-16T10:59:00Z sees 0", "2024-03-16T11:00:00Z sees 1", "2024-03-16T11:01:00Z sees 1"), seen);
    }

    @Test
    void oneMinuteBarsCloseTheHourOnTheirLastMinuteAndHistoryIsBounded() {
        BarAggregator agg = new BarAggregator(ES, new CmeGlobexEquityCalendar(), EnumSet.of(Timeframe.M1, Timeframe.M15, Timeframe.H1), 3, closed::add);
        long open = t("2024-03-12T13:00:00Z");
        for (int i = 0; i < 60; i++) {
            long o = open + i * 60_000_000_000L;
            long px = Fixed.parse("5000") + i * Fixed.parse("0.25");
            agg.onBar(new Bar("ESM4", Timeframe.M1, o, o + 60_000_000_000L, o + 60_000_000_000L, i, px, px + Fixed.parse("0.5"), px, px,
                    Fixed.ofUnits(10), Fixed.ofUnits(6), Fixed.ofUnits(4), 5, px));
        }
        // At 14:00 the hour, the quarter and the minute close together, highest first.
        assertEquals(List.of(Timeframe.H1, Timeframe.M15, Timeframe.M1),
                closed.subList(closed.size() - 3, closed.size()).stream().map(Bar::timeframe).toList());
        Bar h = closed.get(closed.size() - 3);
        assertEquals(t("2024-03-12T14:00:00Z"), h.tsEvent());
        assertEquals(Fixed.parse("5000"), h.open());
        assertEquals(Fixed.parse("5015.25"), h.high()); // 5000 + 59 * 0.25 + 0.5
        assertEquals(Fixed.parse("5014.75"), h.close());
        assertEquals(Fixed.ofUnits(600), h.volume());
        assertEquals(Fixed.ofUnits(120), h.delta());
        assertEquals(300, h.trades());
        assertEquals(Fixed.parse("5007.375"), h.vwap()); // mean of 5000 .. 5014.75
        assertEquals(3, agg.series(Timeframe.M1).getBarCount());
        assertEquals(3, agg.series(Timeframe.M15).getBarCount()); // 4 closed, bounded to 3
        assertEquals(1, agg.series(Timeframe.H1).getBarCount());
    }
}
