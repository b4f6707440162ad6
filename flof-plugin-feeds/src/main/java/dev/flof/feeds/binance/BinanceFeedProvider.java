package dev.flof.feeds.binance;

import dev.flof.spi.ext.FeedProvider;
import dev.flof.spi.ext.Params;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pf4j.Extension;

/**
 * Binance public market data (free): USD-M futures or spot WebSocket streams, no credentials.
 *
 * <p>Config keys: {@code market} (usdm | spot, default usdm), {@code wsUrl} (default the market's
 * production host, e.g. {@code wss://fstream.binance.com}), {@code restUrl} (default
 * {@code https://fapi.binance.com} / {@code https://api.binance.com}; used for the time endpoint and kline
 * gap-fill), {@code tradeStream} (aggTrade | trade; default aggTrade for usdm, trade for spot),
 * {@code depthLevels} (5 | 10 | 20, default 10), {@code staleAfterMs} (10000: silence before a route is
 * reported STALE and reopened), {@code staleCheckMs} (1000), {@code backoffMs}
 * (250,500,1000,2000,5000,10000,30000: waits before reconnect attempts, the last repeating).
 */
@Extension
public final class BinanceFeedProvider implements FeedProvider {
    public static final String ID = "binance";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Binance public WebSocket streams (USD-M /public + /market routes, or spot): trades, bookTicker, depth, 1m klines";
    }

    @Override
    public MarketDataFeed open(Context context) {
        Params p = context.params();
        BinanceMarket market = BinanceMarket.parse(p.string("market", "usdm"), p.path() + ".market");
        BinanceFeed.Config cfg = new BinanceFeed.Config(market,
                stripSlash(p.string("wsUrl", market.defaultWs())),
                p.string("tradeStream", market == BinanceMarket.USDM ? "aggTrade" : "trade"),
                (int) p.integer("depthLevels", 10),
                Duration.ofMillis(p.integer("staleAfterMs", 10_000)).toNanos(),
                BinanceParams.millisList(p, "backoffMs", "250,500,1000,2000,5000,10000,30000"));
        long checkMs = p.integer("staleCheckMs", 1000);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        java.util.function.LongSupplier clock = context.clock();
        BinanceRestClient rest = new BinanceRestClient(new BinanceRestClient.Config(
                URI.create(stripSlash(p.string("restUrl", market.defaultRest()))), market.timePath(), 5000, 0, 3,
                Duration.ofSeconds(10)), http, null, null, () -> clock.getAsLong() / 1_000_000L, Sleeper.real());
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "binance-feed-io");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "binance-feed-watchdog");
            t.setDaemon(true);
            return t;
        });
        BinanceFeed feed = new BinanceFeed(cfg, context.sink(), clock, http, Sleeper.real(), rest, io);
        timer.scheduleAtFixedRate(feed::checkStale, checkMs, checkMs, TimeUnit.MILLISECONDS);
        return new MarketDataFeed() {
            @Override
            public void request(dev.flof.spi.market.Instrument instrument, dev.flof.spi.market.DataTier tier) {
                feed.request(instrument, tier);
            }

            @Override
            public java.util.Map<String, DataUsage> usage() {
                return feed.usage();
            }

            @Override
            public void close() {
                timer.shutdownNow();
                feed.close();
                io.shutdownNow();
            }
        };
    }

    static String stripSlash(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
