package dev.flof.host.lookahead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.bars.BarAggregator;
import dev.flof.host.calendar.CmeGlobexEquityCalendar;
import dev.flof.host.calendar.Crypto247Calendar;
import dev.flof.host.calendar.SessionRange;
import dev.flof.host.calendar.SessionRanges;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every timeframe of the multi-timeframe matrix through the look-ahead harness, on real data: the LEAN ES
 * minute bars (six contiguous Globex sessions, 2013-10-06 to 10-11, ESZ13) and the ta4j Bitstamp trades.
 * The files are parsed here directly (the readers live in the feeds plugin).
 */
class BarAggregationLookAheadTest {
    static final Path MARKET = Path.of(System.getProperty("flof.shared.dir", "../../shared")).resolve("data/market");
    static final Instrument ESZ13 = new Instrument("ESZ13", "CME", Fixed.parse("0.25"), Fixed.ofUnits(50), Fixed.ofUnits(1), MarketProfile.ES, "CME_GLOBEX_EQUITY");
    static final Instrument BTCUSD = new Instrument("BTCUSD", "BITSTAMP", Fixed.parse("0.01"), Fixed.ofUnits(1), Fixed.parse("0.00000001"), MarketProfile.CRYPTO, "CRYPTO_24_7");

    static List<Bar> leanEsMinutes() throws Exception {
        List<Bar> out = new ArrayList<>();
        for (int day = 6; day <= 11; day++) {
            LocalDate d = LocalDate.of(2013, 10, day);
            String stamp = d.toString().replace("-", "");
            try (ZipFile z = new ZipFile(MARKET.resolve("lean/future/cme/minute/es/" + stamp + "_trade.zip").toFile());
                 BufferedReader r = new BufferedReader(new InputStreamReader(
                         z.getInputStream(z.getEntry(stamp + "_es_minute_trade_201312.csv")), StandardCharsets.US_ASCII))) {
                long midnight = d.atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
                String l;
                while ((l = r.readLine()) != null) {
                    String[] f = l.split(",");
                    long open = midnight + Long.parseLong(f[0]) * 1_000_000L;
                    long close = Fixed.parse(f[4]);
                    out.add(new Bar("ESZ13", Timeframe.M1, open, open + 60_000_000_000L, open + 60_000_000_000L, out.size() + 1,
                            Fixed.parse(f[1]), Fixed.parse(f[2]), Fixed.parse(f[3]), close, Fixed.parse(f[5]), 0, 0, 0, close));
                }
            }
        }
        return out;
    }

    static List<Trade> bitstampTrades() throws Exception {
        List<Trade> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(MARKET.resolve("ta4j/bitstamp_trades_from_20131125_usd.csv"));
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            long ts = Long.parseLong(f[0]) * 1_000_000_000L;
            long size = Fixed.parse(f[2]);
            if (size > 0) {
                out.add(new Trade("BTCUSD", ts, ts, i + 1, Fixed.parse(f[1]), size, Side.NONE, AggressorRule.UNKNOWN));
            }
        }
        return out;
    }

    @Test
    void leanEsMinutesIntoAllTimeframes() throws Exception {
        List<Bar> minutes = leanEsMinutes();
        assertTrue(minutes.size() > 6_000, "six sessions of minutes: " + minutes.size());
        LookAheadHarness.Report r = new LookAheadHarness<Bar, Bar>("ES minutes -> 1m..1M", minutes, Bar::tsEvent, Bar::tsEvent,
                out -> {
                    BarAggregator agg = new BarAggregator(ESZ13, new CmeGlobexEquityCalendar(), BarAggregator.allTimeframes(), 20_000, out::accept);
                    return agg::onBar;
                }).randomCuts(50, 20131006L).run();
        assertTrue(r.prefixesChecked() >= 45 && r.valuesCompared() > 0, r.toString());
        // Sanity of the full run: Monday Oct 7 to Friday Oct 11 close as daily bars (the data runs up to the
        // Friday 17:15 ET close, 21:15 UTC, so Friday's day and the week close with its last minute), October does
        // not; and the 2013 calendar (17:15 ET close) leaves no minute outside trading hours.
        Map<Timeframe, Integer> counts = new EnumMap<>(Timeframe.class);
        BarAggregator agg = new BarAggregator(ESZ13, new CmeGlobexEquityCalendar(), BarAggregator.allTimeframes(), 20_000,
                b -> counts.merge(b.timeframe(), 1, Integer::sum));
        minutes.forEach(agg::onBar);
        assertEquals(5, counts.get(Timeframe.D1));
        assertEquals(1, counts.get(Timeframe.W1));
        assertEquals(null, counts.get(Timeframe.MN1));
        assertEquals(Map.of(), agg.counters());
    }

    @Test
    void bitstampTradesIntoAllTimeframes() throws Exception {
        List<Trade> trades = bitstampTrades();
        LookAheadHarness.Report r = new LookAheadHarness<Trade, Bar>("Bitstamp trades -> 1m..1M", trades, Trade::tsEvent, Bar::tsEvent,
                out -> {
                    BarAggregator agg = new BarAggregator(BTCUSD, new Crypto247Calendar(), BarAggregator.allTimeframes(), 20_000, out::accept);
                    return agg::onTrade;
                }).randomCuts(50, 20131125L).run();
        assertEquals(99_982, r.events());
        assertTrue(r.prefixesChecked() >= 45, r.toString());
        // 2013-11-25 00:00 to 2013-12-01 16:02 UTC: six complete UTC days close (25th..30th); the ISO week of
        // Nov 25 ends Mon Dec 2 00:00, after the data, so no weekly bar; November closes at Dec 1 00:00.
        List<Bar> all = new ArrayList<>();
        BarAggregator agg = new BarAggregator(BTCUSD, new Crypto247Calendar(), BarAggregator.allTimeframes(), 20_000, all::add);
        trades.forEach(agg::onTrade);
        assertEquals(6, all.stream().filter(b -> b.timeframe() == Timeframe.D1).count());
        assertEquals(0, all.stream().filter(b -> b.timeframe() == Timeframe.W1).count());
        assertEquals(1, all.stream().filter(b -> b.timeframe() == Timeframe.MN1).count());
        Bar nov = all.stream().filter(b -> b.timeframe() == Timeframe.MN1).findFirst().orElseThrow();
        assertEquals(Fixed.parse("800.01"), nov.open());
    }

    @Test
    void sessionRangesOnBitstampTrades() throws Exception {
        List<Trade> trades = bitstampTrades();
        List<String> sessions = List.of("asia", "london", "new-york", "london-ny-overlap", "weekend");
        LookAheadHarness.Report r = new LookAheadHarness<Trade, SessionRange>("Bitstamp session ranges", trades, Trade::tsEvent,
                SessionRange::knownAt, out -> {
                    SessionRanges s = new SessionRanges("BTCUSD", new Crypto247Calendar(), sessions, out::accept);
                    return t -> s.onTrade(t.tsEvent(), t.price());
                }).randomCuts(30, 7L).run();
        // 2013-11-25 00:00 to 12-01 16:02 UTC (GMT/EST): Asia 00-06 UTC x7, London 08-16 UTC x7 (Dec 1 ends 16:00),
        // New York 13-22 UTC x6 (Dec 1 ends after the data), overlap 13-16 UTC x7, weekend not finished.
        List<SessionRange> all = new ArrayList<>();
        SessionRanges s = new SessionRanges("BTCUSD", new Crypto247Calendar(), sessions, all::add);
        trades.forEach(t -> s.onTrade(t.tsEvent(), t.price()));
        Map<String, Long> n = new java.util.TreeMap<>();
        all.forEach(x -> n.merge(x.session(), 1L, Long::sum));
        assertEquals(Map.of("asia", 7L, "london", 7L, "new-york", 6L, "london-ny-overlap", 7L), n);
        assertEquals(27, r.values());
    }

    /** An indicator value stamped with the close of the bar it was computed on. */
    record Sample(long knownAt, String value) {
    }

    @Test
    void ta4jIndicatorOnAggregatedBarsIsFreeOfLookAhead() throws Exception {
        // How later issues run their indicators through the harness: SMA(20) of 15-minute closes, sampled
        // when each 15-minute bar closes, with the one-hour SMA(5) read at the same moment (only closed hours).
        List<Bar> minutes = leanEsMinutes();
        LookAheadHarness.Report r = new LookAheadHarness<Bar, Sample>("SMA on 15m and 1H", minutes, Bar::tsEvent, Sample::knownAt,
                out -> {
                    BarAggregator[] agg = new BarAggregator[1];
                    agg[0] = new BarAggregator(ESZ13, new CmeGlobexEquityCalendar(), java.util.EnumSet.of(Timeframe.M1, Timeframe.M15, Timeframe.H1),
                            500, b -> {
                                if (b.timeframe() == Timeframe.M15) {
                                    var m15 = agg[0].series(Timeframe.M15);
                                    var h1 = agg[0].series(Timeframe.H1);
                                    var sma = new org.ta4j.core.indicators.averages.SMAIndicator(
                                            new org.ta4j.core.indicators.helpers.ClosePriceIndicator(m15), 20);
                                    String hour = h1.isEmpty() ? "-" : new org.ta4j.core.indicators.averages.SMAIndicator(
                                            new org.ta4j.core.indicators.helpers.ClosePriceIndicator(h1), 5).getValue(h1.getEndIndex()).toString();
                                    out.accept(new Sample(b.tsEvent(), sma.getValue(m15.getEndIndex()) + " / " + hour));
                                }
                            });
                    return agg[0]::onBar;
                }).randomCuts(40, 99L).run();
        assertTrue(r.values() > 300, r.toString());
    }
}
