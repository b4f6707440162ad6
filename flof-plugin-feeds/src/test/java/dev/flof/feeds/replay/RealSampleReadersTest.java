package dev.flof.feeds.replay;

import static dev.flof.feeds.replay.ReplayTestSupport.MARKET;
import static dev.flof.feeds.replay.ReplayTestSupport.drain;
import static dev.flof.feeds.replay.ReplayTestSupport.sec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.feeds.replay.ReplayTestSupport.Replay;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.ReplaySourceProvider.ReplayException;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins first/last events, counts and spans of every real sample. Expected values come from the data
 * folders' READMEs and from reading the raw files with independent tools (python csv/json/zipfile).
 */
class RealSampleReadersTest {
    private static List<Trade> trades(Replay r) {
        return r.events().stream().filter(Trade.class::isInstance).map(Trade.class::cast).toList();
    }

    private static List<Bar> bars(Replay r) {
        return r.events().stream().filter(Bar.class::isInstance).map(Bar.class::cast).toList();
    }

    @Test
    void bitstampTradesViaTickRule() throws Exception {
        Path f = MARKET.resolve("ta4j/bitstamp_trades_from_20131125_usd.csv");
        BitstampTradesProvider p = new BitstampTradesProvider();
        assertTrue(p.accepts(f));
        Replay r = drain(p, f, Map.of());
        List<Trade> t = trades(r);
        assertEquals(99_982, t.size());
        assertEquals(18L, r.counters().get("trades rejected: non-positive size"));
        assertEquals(new Trade("BTCUSD", 1385337600L * 1_000_000_000L, 1385337600L * 1_000_000_000L, 2,
                Fixed.parse("800.01"), Fixed.parse("0.1"), Side.NONE, AggressorRule.UNKNOWN), t.get(0));
        Trade last = t.get(t.size() - 1);
        assertEquals(1385913725L * 1_000_000_000L, last.tsEvent());
        assertEquals(Fixed.parse("999"), last.price());
        assertEquals(Fixed.parse("1.2926331"), last.size());
        assertEquals(Side.BUY, last.aggressor()); // 994.22 -> 999.00 is an up-tick
        assertEquals(576_125L * 1_000_000_000L, last.tsEvent() - t.get(0).tsEvent());
        assertEquals(99_981L, r.counters().get("aggressor side by TICK"));
        assertEquals(1L, r.counters().get("aggressor side by UNKNOWN"));
        assertEquals(49_804L, t.stream().filter(x -> x.aggressor() == Side.BUY).count());
        assertEquals(Fixed.parse("175778.65435677"), t.stream().mapToLong(Trade::size).sum());
        assertEquals(1L, r.counters().get("gaps")); // one silence longer than 15 min (21 min)
        assertTrue(r.notes().contains(BitstampTradesProvider.TICK_RULE_NOTE));
    }

    @Test
    void freqtradeXrpEthTradesWithTakerSide() throws Exception {
        Path f = MARKET.resolve("freqtrade/XRP_ETH-trades.json.gz");
        FreqtradeTradesProvider p = new FreqtradeTradesProvider();
        assertTrue(p.accepts(f));
        Replay r = drain(p, f, Map.of());
        List<Trade> t = trades(r);
        assertEquals(12_477, t.size());
        assertEquals(new Trade("XRPETH", 1570752011620L * 1_000_000L, 1570752011620L * 1_000_000L, 13519807L,
                Fixed.parse("0.00141342"), Fixed.parse("23"), Side.SELL, AggressorRule.VENUE), t.get(0));
        assertEquals(new Trade("XRPETH", 1570965568844L * 1_000_000L, 1570965568844L * 1_000_000L, 13532283L,
                Fixed.parse("0.00152787"), Fixed.parse("130"), Side.SELL, AggressorRule.VENUE), t.get(t.size() - 1));
        assertEquals(6_524L, t.stream().filter(x -> x.aggressor() == Side.BUY).count());
        assertEquals(12_477L, r.counters().get("aggressor side by VENUE"));
        assertFalse(r.counters().containsKey("duplicate trades dropped"));
    }

    @Test
    void hftbacktestBinanceSpotCapture() throws Exception {
        Path f = MARKET.resolve("hftbacktest/spot/btcusdt_20240808.gz");
        HftBacktestBinanceProvider p = new HftBacktestBinanceProvider();
        assertTrue(p.accepts(f));
        Replay r = drain(p, f, Map.of());
        List<Trade> t = trades(r);
        assertEquals(9_757, t.size());
        assertEquals(4_103L, t.stream().filter(x -> x.aggressor() == Side.BUY).count());
        assertEquals(28_040L, r.counters().get("quotes"));
        assertEquals(3_451L, r.counters().get("depth updates not replayed"));
        assertEquals(1L, r.counters().get("depth snapshots not replayed"));
        Event first = r.events().get(0);
        assertEquals(new Quote("BTCUSDT", 1723161254087891268L, 1723161254087891268L, 50093239212L,
                Fixed.parse("61837.63"), Fixed.parse("3.78826"), Fixed.parse("61837.64"), Fixed.parse("1.54698")), first);
        assertEquals(new Trade("BTCUSDT", 1723161255342L * 1_000_000L, 1723161254087896568L, 3735683259L,
                Fixed.parse("61837.63"), Fixed.parse("0.02"), Side.SELL, AggressorRule.VENUE), t.get(0));
        Trade lt = t.get(t.size() - 1);
        assertEquals(3735693015L, lt.sequence());
        assertEquals(Fixed.parse("61685.99"), lt.price());
        Event last = r.events().get(r.events().size() - 1);
        assertInstanceOf(Quote.class, last);
        assertEquals(50093421612L, last.sequence());
        assertEquals(1723161599999231384L, last.tsRecv());
        for (int i = 1; i < r.events().size(); i++) {
            assertTrue(r.events().get(i).tsRecv() >= r.events().get(i - 1).tsRecv(), "replay order by tsRecv");
        }
    }

    @Test
    void leanEsMinuteBarsPickTheFrontContract() throws Exception {
        Path f = MARKET.resolve("lean/future/cme/minute/es/20131008_trade.zip");
        LeanBarsProvider p = new LeanBarsProvider();
        assertTrue(p.accepts(f));
        assertFalse(p.accepts(MARKET.resolve("lean/future/cme/minute/es/20131008_quote.zip")));
        Replay r = drain(p, f, Map.of());
        List<Bar> b = bars(r);
        assertEquals(1_372, b.size());
        assertEquals(new Bar("ESZ13", Timeframe.M1, sec("2013-10-08T00:00:00Z"), sec("2013-10-08T00:01:00Z"), sec("2013-10-08T00:01:00Z"), 1,
                Fixed.parse("1667.5"), Fixed.parse("1667.75"), Fixed.parse("1667.25"), Fixed.parse("1667.5"), Fixed.ofUnits(48), 0, 0, 0,
                Fixed.parse("1667.5")), b.get(0));
        Bar last = b.get(b.size() - 1);
        assertEquals(sec("2013-10-08T23:59:00Z"), last.openTime());
        assertEquals(Fixed.parse("1654.5"), last.close());
        assertEquals(Fixed.ofUnits(50), last.volume());
        assertEquals(Fixed.ofUnits(1_182_485), b.stream().mapToLong(Bar::volume).sum());
        assertEquals(2L, r.counters().get("gaps"));
        assertTrue(r.notes().get(0).contains("ESZ13"), r.notes().toString());
        ReplayException e = assertThrows(ReplayException.class, () -> drain(p, f, Map.of("contract", "209912")));
        assertTrue(e.getMessage().contains("20131008_es_minute_trade_201403.csv"), e.getMessage());
        assertEquals("ESH14", trades0(drain(p, f, Map.of("contract", "201403"))));
    }

    private static String trades0(Replay r) {
        return bars(r).get(0).symbol();
    }

    @Test
    void leanEsDailyBars() throws Exception {
        Path f = MARKET.resolve("lean/future/cme/daily/es_trade.zip");
        Replay r = drain(new LeanBarsProvider(), f, Map.of("contract", "201312"));
        List<Bar> b = bars(r);
        assertEquals(61, b.size());
        assertEquals(Timeframe.D1, b.get(0).timeframe());
        assertEquals(sec("2013-10-06T00:00:00Z"), b.get(0).openTime());
        assertEquals(Fixed.ofUnits(21_573), b.get(0).volume());
        assertEquals(sec("2013-12-20T00:00:00Z"), b.get(60).openTime());
        assertEquals(Fixed.parse("1810.25"), b.get(60).close());
    }

    @Test
    void nautilusBtcPerpMinuteBarsStampedAtClose() throws Exception {
        Path f = MARKET.resolve("nautilus_trader/btc-perp-20211231-20220201_1m.csv");
        NautilusBarsProvider p = new NautilusBarsProvider();
        assertTrue(p.accepts(f));
        assertFalse(new BitstampTradesProvider().accepts(f));
        assertFalse(new PlainCsvBarsProvider().accepts(f));
        Replay r = drain(p, f, Map.of("symbol", "BTC-PERP"));
        List<Bar> b = bars(r);
        assertEquals(45_031, b.size());
        Bar first = b.get(0);
        assertEquals(sec("2021-12-31T23:00:00Z"), first.openTime());
        assertEquals(sec("2021-12-31T23:01:00Z"), first.tsEvent());
        assertEquals(Fixed.parse("46319"), first.open());
        assertEquals(Fixed.parse("46377"), first.close());
        assertEquals(Fixed.parse("2300413.7295"), first.volume());
        Bar last = b.get(b.size() - 1);
        assertEquals(sec("2022-02-01T05:31:00Z"), last.tsEvent());
        assertEquals(Fixed.parse("38544"), last.close());
        assertEquals(45_031L * 60_000_000_000L, last.tsEvent() - first.openTime(), "contiguous");
        assertFalse(r.counters().containsKey("gaps"));
        assertEquals(6L, r.counters().get("volumes rounded to 9 decimal places"));
    }

    @Test
    void nautilusCme6eGzippedMinuteBars() throws Exception {
        Path f = MARKET.resolve("nautilus_trader/xcme/6EH4.XCME_1min_bars_20240101_20240131.csv.gz");
        NautilusBarsProvider p = new NautilusBarsProvider();
        assertTrue(p.accepts(f));
        Replay r = drain(p, f, Map.of("profile", "ES", "tick-size", "0.00005"));
        List<Bar> b = bars(r);
        assertEquals(29_996, b.size());
        assertEquals("6EH4.XCME", b.get(0).symbol());
        assertEquals(sec("2024-01-01T23:00:00Z"), b.get(0).openTime()); // Globex open 18:00 ET, first bar stamped 23:01
        assertEquals(Fixed.parse("1.1076"), b.get(0).open());
        assertEquals(Fixed.ofUnits(205), b.get(0).volume());
        assertEquals(sec("2024-01-31T23:59:00Z"), b.get(b.size() - 1).tsEvent());
        assertEquals(Fixed.parse("1.0823"), b.get(b.size() - 1).close());
        assertFalse(r.counters().containsKey("prices off the tick grid"));
        assertTrue(r.counters().get("gaps") >= 20, "nightly breaks and weekends are reported as gaps: " + r.counters());
    }

    @Test
    void leanSpyDailyBarsInNewYorkTimeWithScaledPrices() throws Exception {
        Path f = MARKET.resolve("lean/equity/usa/daily/spy.zip");
        LeanBarsProvider p = new LeanBarsProvider();
        assertTrue(p.accepts(f));
        List<Bar> b = bars(drain(p, f, Map.of()));
        assertEquals(5_849, b.size());
        assertEquals("SPY", b.get(0).symbol());
        assertEquals(sec("1998-01-02T05:00:00Z"), b.get(0).openTime()); // midnight EST
        assertEquals(Fixed.parse("97.31"), b.get(0).open());
        assertEquals(Fixed.parse("97.36"), b.get(0).close());
        assertEquals(sec("2021-03-31T04:00:00Z"), b.get(b.size() - 1).openTime()); // midnight EDT
        assertEquals(sec("2021-04-01T04:00:00Z"), b.get(b.size() - 1).tsEvent());
        assertEquals(Fixed.parse("396.33"), b.get(b.size() - 1).close());
    }
}
