package dev.flof.host.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.host.bars.BarAggregator;
import dev.flof.host.calendar.Crypto247Calendar;
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

/**
 * The live data tier goes TAPE -> BARS in the middle of a minute: the trades of that minute were already folded
 * into the bars, and the minute's closed kline then arrives. The kline is the complete minute and replaces what
 * the trades built, in the 1-minute bar and in the 5-minute bar that contains it: each minute is counted once.
 * (Before: the kline was added on top, so the minute's volume, trades and buy/sell volume were double counted.)
 * Expected values are the klines' own figures, summed by hand.
 */
class TierSwitchBarsTest {
    static final Instrument ETH = new Instrument("ETHUSDT", "BINANCE", Fixed.parse("0.01"), Fixed.ofUnits(1), Fixed.parse("0.001"),
            MarketProfile.CRYPTO, "CRYPTO_24_7");
    static final long MIN = 60_000_000_000L;

    static long t(String iso) {
        return Instant.parse(iso).toEpochMilli() * 1_000_000L;
    }

    /** A closed kline of the minute starting at {@code open}, received 200 ms after its close. */
    static Bar kline(long open, String o, String h, String l, String c, String v, String buy, String sell, long n, String vwap) {
        return new Bar("ETHUSDT", Timeframe.M1, open, open + MIN, open + MIN + 200_000_000L, 0, Fixed.parse(o), Fixed.parse(h),
                Fixed.parse(l), Fixed.parse(c), Fixed.parse(v), Fixed.parse(buy), Fixed.parse(sell), n, Fixed.parse(vwap));
    }

    static Trade trade(long ts, String px, String size, Side aggressor) {
        return new Trade("ETHUSDT", ts, ts + 50_000_000L, 0, Fixed.parse(px), Fixed.parse(size), aggressor, AggressorRule.VENUE);
    }

    @Test
    void theClosedKlineReplacesTheTradesOfItsMinuteInEveryTimeframe() {
        List<Bar> closed = new ArrayList<>();
        BarAggregator agg = new BarAggregator(ETH, new Crypto247Calendar(), EnumSet.of(Timeframe.M1, Timeframe.M5), 100, closed::add);
        long m0 = t("2026-11-24T09:00:00Z");
        // scouting on klines
        agg.onBar(kline(m0, "3000", "3005", "2998", "3002", "10", "6", "4", 20, "3001"));
        // the tape is on from 09:01:10: two prints of 09:01 are folded in; at 09:01:40 the tier goes back to bars
        agg.onTrade(trade(m0 + MIN + 15_000_000_000L, "3003", "1", Side.BUY));
        agg.onTrade(trade(m0 + MIN + 30_000_000_000L, "3010", "2", Side.SELL));
        // the closed kline of 09:01 (it holds those two prints and the rest of the minute), then three more
        agg.onBar(kline(m0 + MIN, "3002.5", "3012", "3001", "3008", "7", "3", "4", 12, "3006"));
        agg.onBar(kline(m0 + 2 * MIN, "3008", "3009", "3004", "3005", "5", "2", "3", 8, "3006.5"));
        agg.onBar(kline(m0 + 3 * MIN, "3005", "3007", "2999", "3000", "4", "1", "3", 6, "3002"));
        agg.onBar(kline(m0 + 4 * MIN, "3000", "3001", "2995", "2996", "6", "2", "4", 9, "2997"));

        Bar m1 = closed.stream().filter(b -> b.timeframe() == Timeframe.M1 && b.openTime() == m0 + MIN).findFirst().orElseThrow();
        assertEquals(List.of(Fixed.parse("3002.5"), Fixed.parse("3012"), Fixed.parse("3001"), Fixed.parse("3008")),
                List.of(m1.open(), m1.high(), m1.low(), m1.close()), "09:01 is the kline's minute: " + m1);
        assertEquals(List.of(Fixed.parse("7"), Fixed.parse("3"), Fixed.parse("4"), 12L, Fixed.parse("3006")),
                List.of(m1.volume(), m1.buyVolume(), m1.sellVolume(), m1.trades(), m1.vwap()), "not 7 + the 3 traded: " + m1);

        Bar m5 = closed.stream().filter(b -> b.timeframe() == Timeframe.M5).findFirst().orElseThrow();
        assertEquals(m0, m5.openTime());
        // open of 09:00, max/min of the five highs/lows, close of 09:04
        assertEquals(List.of(Fixed.parse("3000"), Fixed.parse("3012"), Fixed.parse("2995"), Fixed.parse("2996")),
                List.of(m5.open(), m5.high(), m5.low(), m5.close()), m5.toString());
        // 10+7+5+4+6 = 32; buy 6+3+2+1+2 = 14; sell 4+4+3+3+4 = 18; trades 20+12+8+6+9 = 55
        // vwap (3001*10 + 3006*7 + 3006.5*5 + 3002*4 + 2997*6) / 32 = 96074.5 / 32 = 3002.328125
        assertEquals(List.of(Fixed.parse("32"), Fixed.parse("14"), Fixed.parse("18"), 55L, Fixed.parse("3002.328125")),
                List.of(m5.volume(), m5.buyVolume(), m5.sellVolume(), m5.trades(), m5.vwap()), m5.toString());
        assertEquals(1L, agg.counters().get("trade-built bars replaced by the closed bar of the same interval"));
        assertEquals(5, closed.stream().filter(b -> b.timeframe() == Timeframe.M1).count(), "one bar per minute");
    }

    @Test
    void aMinuteTheTradesBuiltAndClosedBeforeItsKlineKeepsTheTradesAndTheKlineIsDropped() {
        // at TAPE a minute closes on the first print after it; its kline arriving later is late, not added on top
        List<Bar> closed = new ArrayList<>();
        BarAggregator agg = new BarAggregator(ETH, new Crypto247Calendar(), EnumSet.of(Timeframe.M1, Timeframe.M5), 100, closed::add);
        long m0 = t("2026-11-24T09:00:00Z");
        agg.onTrade(trade(m0 + 5_000_000_000L, "3000", "1", Side.BUY));
        agg.onTrade(trade(m0 + MIN + 1_000_000_000L, "3001", "1", Side.BUY));
        agg.onBar(kline(m0, "3000", "3000", "3000", "3000", "1", "1", "0", 1, "3000"));
        List<Bar> m1 = closed.stream().filter(b -> b.timeframe() == Timeframe.M1).toList();
        assertEquals(1, m1.size());
        assertEquals(Fixed.parse("1"), m1.get(0).volume());
        assertEquals(1L, agg.counters().get("late events dropped"));
    }
}
