package dev.flof.feeds.binance;

import static dev.flof.feeds.binance.BinanceTestSupport.KEY;
import static dev.flof.feeds.binance.BinanceTestSupport.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.FeedProvider;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.DataTier;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BinanceFeedTest {
    private static final Instrument BTC = new Instrument("BTCUSDT", "BINANCE", Fixed.parse("0.1"), Fixed.ofUnits(1),
            Fixed.parse("0.001"), MarketProfile.CRYPTO, "CRYPTO_24_7");
    private static final long STALE_MS = 5_000;

    private final BinanceTestSupport t = new BinanceTestSupport();
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        io.shutdownNow();
    }

    private BinanceFeed feed(String wsBase, String restBase, String tradeStream) {
        BinanceRestClient rest = new BinanceRestClient(new BinanceRestClient.Config(java.net.URI.create(restBase),
                "/fapi/v1/time", 5000, 0, 3, java.time.Duration.ofSeconds(10)), t.http, null, null, t::nowMs, t.sleeper());
        BinanceFeed f = new BinanceFeed(new BinanceFeed.Config(BinanceMarket.USDM, wsBase, tradeStream, 10,
                STALE_MS * 1_000_000L, List.of(250L, 1000L)), t.events::add, t.clockNs::get, t.http, t.sleeper(), rest, io);
        closing.add(0, f);
        return f;
    }

    /** The fake's own route table (USD-M since 2026-04-23): book streams on /public, the rest on /market. */
    private static String fakeRoute(String stream) {
        String kind = stream.substring(stream.indexOf('@') + 1);
        return kind.startsWith("bookTicker") || kind.startsWith("depth") ? "/public" : "/market";
    }

    private static List<String[]> capture() throws IOException {
        Path file = Path.of(System.getProperty("flof.shared.dir", "../../shared"))
                .resolve("data/market/hftbacktest/usdm/btcusdt_20240808.gz");
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int sp = line.indexOf(' ');
                String json = line.substring(sp + 1);
                int s = json.indexOf("\"stream\":\"");
                if (s < 0) {
                    continue; // the REST depth snapshot line
                }
                int e = json.indexOf('"', s + 10);
                out.add(new String[] {json.substring(s + 10, e), json});
            }
        }
        return out;
    }

    @Test
    void recordedUsdmCaptureReplaysThroughTheRoutesAsVenueAggressorTrades() throws Exception {
        List<String[]> lines = capture();
        FakeWsServer ws = new FakeWsServer(conn -> {
            String route = conn.path.replace("/stream", "");
            Set<String> wanted = Set.of(conn.params.get("streams").split("/"));
            for (String[] l : lines) {
                if (wanted.contains(l[0]) && fakeRoute(l[0]).equals(route)) { // a wrong route stays silent
                    conn.send(l[1]);
                }
            }
        });
        closing.add(ws);
        BinanceFeed f = feed(ws.baseUrl(), "http://127.0.0.1:9", "trade");
        f.request(BTC, DataTier.TAPE);
        List<Trade> trades = new ArrayList<>();
        int quotes = 0;
        boolean lastTrade = false;
        boolean lastQuote = false;
        while (!(lastTrade && lastQuote)) {
            Event e = t.events.poll(60, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("replay stalled after " + trades.size() + " trades and " + quotes + " quotes");
            }
            if (e instanceof Trade tr) {
                trades.add(tr);
                lastTrade = tr.sequence() == 5266605247L;
            } else if (e instanceof Quote q) {
                quotes++;
                lastQuote = q.sequence() == 5123135221461L;
            }
        }
        // counts from the capture's README: 21,313 trades of which 9,616 buyer-initiated; 66,089 bookTicker
        assertEquals(21_313, trades.size());
        assertEquals(9_616, trades.stream().filter(x -> x.aggressor() == Side.BUY).count());
        assertEquals(21_313 - 9_616, trades.stream().filter(x -> x.aggressor() == Side.SELL).count());
        assertEquals(66_089, quotes);
        assertTrue(trades.stream().allMatch(x -> x.rule() == AggressorRule.VENUE));
        Trade first = trades.get(0);
        // {"e":"trade","E":1723161256322,"T":1723161256322,"s":"BTCUSDT","t":5266583935,"p":"61800.30","q":"0.006","m":false}
        assertEquals(new Trade("BTCUSDT", 1_723_161_256_322_000_000L, first.tsRecv(), 5266583935L,
                61_800_300_000_000L, 6_000_000L, Side.BUY, AggressorRule.VENUE), first);
        Trade last = trades.get(trades.size() - 1);
        // {"e":"trade","T":1723161599643,"t":5266605247,"p":"61659.80","q":"0.076","m":false}
        assertEquals(new Trade("BTCUSDT", 1_723_161_599_643_000_000L, last.tsRecv(), 5266605247L,
                61_659_800_000_000L, 76_000_000L, Side.BUY, AggressorRule.VENUE), last);
        assertEquals(21_313, f.usage().get(BinanceStreamMapper.TRADES).records());
        assertEquals(66_089, f.usage().get(BinanceStreamMapper.BBO).records());
        assertEquals(0, f.skipped());
        assertEquals(1, f.connects("/public"));
        assertEquals(1, f.connects("/market"));
    }

    @Test
    void aSilentStreamIsReportedStaleAndReopenedWithTheSameStreams() throws Exception {
        FakeWsServer ws = new FakeWsServer(conn -> { }); // accepts, then says nothing (like a wrong route)
        closing.add(ws);
        BinanceFeed f = feed(ws.baseUrl(), "http://127.0.0.1:9", "aggTrade");
        f.request(BTC, DataTier.DEPTH);
        FakeWsServer.Conn a = ws.nextConnection();
        FakeWsServer.Conn b = ws.nextConnection();
        Set<String> paths = Set.of(a.path, b.path);
        assertEquals(Set.of("/public/stream", "/market/stream"), paths);
        FakeWsServer.Conn pub = a.path.equals("/public/stream") ? a : b;
        FakeWsServer.Conn mkt = pub == a ? b : a;
        assertEquals("btcusdt@bookTicker/btcusdt@depth10@100ms", pub.params.get("streams"));
        assertEquals("btcusdt@aggTrade", mkt.params.get("streams"));
        t.await(FeedStatus.class, s -> s.kind() == FeedStatus.Kind.CONNECTED);
        t.await(FeedStatus.class, s -> s.kind() == FeedStatus.Kind.CONNECTED);
        assertEquals(0, f.checkStale()); // just connected: not silent yet
        t.advanceMs(STALE_MS + 1);
        assertEquals(2, f.checkStale());
        FeedStatus stale = t.await(FeedStatus.class, s -> s.kind() == FeedStatus.Kind.STALE);
        assertEquals("BTCUSDT", stale.symbol());
        assertTrue(stale.detail().startsWith("no message for 5001 ms"), stale.detail());
        FakeWsServer.Conn c = ws.nextConnection();
        FakeWsServer.Conn d = ws.nextConnection();
        assertEquals(Set.of("/public/stream", "/market/stream"), Set.of(c.path, d.path));
        assertEquals("btcusdt@bookTicker/btcusdt@depth10@100ms",
                (c.path.equals("/public/stream") ? c : d).params.get("streams"));
        Set<String> reconnected = new java.util.TreeSet<>();
        reconnected.add(t.await(FeedStatus.class, s -> s.kind() == FeedStatus.Kind.RECONNECTED).detail());
        reconnected.add(t.await(FeedStatus.class, s -> s.kind() == FeedStatus.Kind.RECONNECTED).detail());
        assertEquals(Set.of("USDM/market", "USDM/public"), reconnected);
        assertEquals(List.of(250L, 250L), List.copyOf(t.sleeps)); // first back-off step, once per route
        assertEquals(2, f.connects("/public"));
        assertEquals(2, f.connects("/market"));
    }

    @Test
    void barsMissedWhileSilentAreGapFilledFromRestInOrder() throws Exception {
        long m0 = 1_764_000_000_000L; // 2025-11-24T16:00:00Z = T0
        AtomicInteger connection = new AtomicInteger();
        String kline = "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":%d,\"s\":\"BTCUSDT\",\"k\":{"
                + "\"t\":%d,\"T\":%d,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":1,\"L\":2,\"o\":\"%s\",\"c\":\"%s\",\"h\":\"%s\","
                + "\"l\":\"%s\",\"v\":\"2\",\"n\":7,\"x\":true,\"q\":\"%s\",\"V\":\"1.5\",\"Q\":\"0\",\"B\":\"0\"}}}";
        FakeWsServer ws = new FakeWsServer(conn -> {
            if (connection.incrementAndGet() == 1) {
                conn.send(kline.formatted(m0, m0 - 60_000, m0 - 1, "100.0", "101.0", "102.0", "99.0", "201.0"));
            } else {
                // after the reconnect the stream repeats a bar the REST fill also has, then the next live one
                conn.send(kline.formatted(m0 + 180_000, m0 + 120_000, m0 + 179_999, "104.0", "105.0", "106.0", "103.0", "210.0"));
                conn.send(kline.formatted(m0 + 300_000, m0 + 240_000, m0 + 299_999, "105.0", "106.0", "107.0", "104.0", "212.0"));
            }
        });
        closing.add(ws);
        FakeBinance rest = new FakeBinance(KEY, SECRET, null, t::nowMs);
        closing.add(rest);
        ArrayNode rows = FakeBinance.JSON.createArrayNode();
        for (int i = 0; i < 5; i++) {
            long open = m0 + i * 60_000L;
            String o = Integer.toString(101 + i);
            rows.add(FakeBinance.JSON.readTree("[" + open + ",\"" + o + ".0\",\"" + (102 + i) + ".5\",\"" + (100 + i)
                    + ".5\",\"" + (102 + i) + ".0\",\"4.000\"," + (open + 59_999) + ",\"" + (4 * (101 + i)) + ".4\",12,"
                    + "\"3.000\",\"0\",\"0\"]"));
        }
        rest.klines.put("BTCUSDT", rows);
        t.advanceMs(30_000); // 16:00:30
        BinanceFeed f = feed(ws.baseUrl(), rest.restUrl(), "aggTrade");
        f.request(BTC, DataTier.BARS);
        t.await(FeedStatus.class, s -> s.kind() == FeedStatus.Kind.CONNECTED); // the socket is up: silence counts
        Bar before = t.await(Bar.class, b -> true);
        assertEquals((m0 - 60_000) * 1_000_000L, before.openTime());
        t.advanceMs(4 * 60_000 - 20_000); // 16:04:10: bars 16:00..16:03 closed while the stream said nothing
        assertEquals(1, f.checkStale());
        List<Bar> filled = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filled.add(t.await(Bar.class, b -> true));
        }
        assertEquals(List.of(m0, m0 + 60_000, m0 + 120_000, m0 + 180_000),
                filled.subList(0, 4).stream().map(b -> b.openTime() / 1_000_000L).toList());
        Bar b1 = filled.get(1); // [open, 102.0, 103.5, 101.5, 103.0, vol 4, taker buy 3, quote 408.4]
        assertEquals(Fixed.parse("102"), b1.open());
        assertEquals(Fixed.parse("103.5"), b1.high());
        assertEquals(Fixed.parse("101.5"), b1.low());
        assertEquals(Fixed.parse("103"), b1.close());
        assertEquals(Fixed.parse("4"), b1.volume());
        assertEquals(Fixed.parse("3"), b1.buyVolume());
        assertEquals(Fixed.parse("1"), b1.sellVolume());
        assertEquals(Fixed.parse("102.1"), b1.vwap()); // 408.4 / 4
        assertEquals(12, b1.trades());
        assertEquals(t.clockNs.get(), b1.tsRecv()); // knowable when fetched, not at its close
        // REST's 16:04 row was still open at 16:04:10 and not published; the stream's repeat of 16:02 was dropped;
        // the stream's own 16:04 close comes after the filled bars
        Bar live = filled.get(4);
        assertEquals(m0 + 240_000, live.openTime() / 1_000_000L);
        assertEquals(Fixed.parse("105"), live.open());
        assertEquals(Fixed.parse("106"), live.close());
        assertEquals(Fixed.parse("106"), live.vwap()); // 212 / 2
        assertEquals(1, rest.requests("GET", "/fapi/v1/klines").size());
        assertEquals(Long.toString(m0), rest.requests("GET", "/fapi/v1/klines").get(0).params().get("startTime"));
        assertEquals("1m", rest.requests("GET", "/fapi/v1/klines").get(0).params().get("interval"));
    }

    @Test
    void usageIsPerSchemaAndSorted() {
        BinanceFeed f = feed("ws://127.0.0.1:9", "http://127.0.0.1:9", "aggTrade");
        assertEquals(java.util.Map.<String, FeedProvider.DataUsage>of(), f.usage());
        assertEquals(List.of("btcusdt@aggTrade", "btcusdt@bookTicker", "btcusdt@depth20@100ms"),
                BinanceFeed.streams("BTCUSDT", DataTier.DEPTH, "aggTrade", 20));
        assertEquals(List.of("ethusdt@kline_1m"), BinanceFeed.streams("ETHUSDT", DataTier.BARS, "trade", 5));
        assertEquals(List.of(), BinanceFeed.streams("ETHUSDT", DataTier.OFF, "trade", 5));
    }
}
