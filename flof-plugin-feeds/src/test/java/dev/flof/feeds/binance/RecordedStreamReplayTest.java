package dev.flof.feeds.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.FeedProvider;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.DataTier;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The recorded-stream fake against the real feed extension: the USD-M capture replayed over the loopback
 * WebSocket reaches the feed as klines while it asks for BARS and as trades and quotes once it asks for TAPE, with
 * exchange times shifted onto the replay clock. Expected values come from the capture itself (the 23:55 minute of
 * usdm/btcusdt_20240808.gz: open 61807.7, high 61839.9, low 61760.3, close 61760.3, 136.450 BTC in 2005 trades,
 * summed from the raw lines outside FLOF).
 */
class RecordedStreamReplayTest {
    static final Path CAPTURE = Path.of(System.getProperty("flof.shared.dir", "../../shared"))
            .resolve("data/market/hftbacktest/usdm/btcusdt_20240808.gz");
    static final Instrument BTC = new Instrument("BTCUSDT", "BINANCE", Fixed.parse("0.1"), Fixed.ofUnits(1),
            Fixed.parse("0.001"), MarketProfile.CRYPTO, "CRYPTO_24_7");
    /** First trade of the capture: 2024-08-08T23:54:16.322Z. */
    static final long FIRST_TRADE_MS = 1_723_161_256_322L;
    static final long MINUTE_NS = 60_000_000_000L;

    /** A clock running 100 times faster than the wall clock, starting at {@code startNs}. */
    static LongSupplier fastClock(long startNs, int speed) {
        long t0 = System.nanoTime();
        return () -> startNs + (System.nanoTime() - t0) * speed;
    }

    @Test
    void barsThenTapeFromTheCaptureOnTheReplayClock() throws Exception {
        // the replay clock starts 10 recorded seconds before the first trade, shifted by whole days so recorded
        // minutes stay minutes: the capture's 23:55 bar is the replay's 23:55 bar 800 days later
        long shift = 800L * 24 * 60 * MINUTE_NS;
        long firstNs = FIRST_TRADE_MS * 1_000_000L;
        LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
        try (RecordedStreamReplay fake = new RecordedStreamReplay(CAPTURE, "BTCUSDT")) {
            assertEquals(FIRST_TRADE_MS, fake.firstTradeMs());
            LongSupplier clock = fastClock(firstNs + shift - 10_000_000_000L, 100);
            FeedProvider.MarketDataFeed feed = new BinanceFeedProvider().open(new FeedProvider.Context(new Params("feeds[0].params",
                    Map.of("wsUrl", fake.wsUrl(), "restUrl", "http://127.0.0.1:9", "tradeStream", "trade",
                            "staleAfterMs", "600000")), events::add, n -> Optional.empty(), clock));
            try {
                feed.request(BTC, DataTier.BARS);
                assertTrue(fake.awaitSubscriber("btcusdt@kline_1m", 30_000), "the feed subscribed to the klines");
                fake.start(clock, firstNs + shift, 1);
                long minute2355 = (1_723_161_300_000L) * 1_000_000L + shift;
                Bar b;
                try {
                    b = await(events, Bar.class, x -> x.openTime() == minute2355);
                } catch (AssertionError e) {
                    throw new AssertionError("replay sent " + fake.sent() + ", klines " + fake.klinesClosed() + ", done " + fake.done()
                            + ", failure " + fake.failure() + ", subscriptions " + fake.subscriptions() + "; " + e.getMessage().substring(0, 300), e);
                }
                assertEquals(Fixed.parse("61807.7"), b.open());
                assertEquals(Fixed.parse("61839.9"), b.high());
                assertEquals(Fixed.parse("61760.3"), b.low());
                assertEquals(Fixed.parse("61760.3"), b.close());
                assertEquals(Fixed.parse("136.450"), b.volume());
                assertEquals(2005, b.trades());
                assertEquals(minute2355 + MINUTE_NS, b.tsEvent(), "a 1-minute bar ends a minute after it opens");
                assertTrue(b.tsRecv() >= b.tsEvent(), "the closed kline is received after its minute ended");
                assertTrue(fake.subscriptions().contains("/market btcusdt@kline_1m"), fake.subscriptions().toString());

                feed.request(BTC, DataTier.TAPE);
                Trade t = await(events, Trade.class, x -> true);
                assertTrue(t.tsEvent() > minute2355 + MINUTE_NS, "trades after the bar, on the shifted clock");
                assertTrue(t.tsRecv() >= t.tsEvent() - 1_000_000L, "received at (or after) its exchange time");
                assertTrue(t.aggressor() == Side.BUY || t.aggressor() == Side.SELL);
                Quote q = await(events, Quote.class, x -> true);
                assertTrue(q.askPrice() > q.bidPrice(), q.toString());
                assertTrue(fake.subscriptions().contains("/public btcusdt@bookTicker"), fake.subscriptions().toString());
            } finally {
                feed.close();
            }
        }
    }

    static <T extends Event> T await(LinkedBlockingQueue<Event> q, Class<T> type, Predicate<T> p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        java.util.List<Event> seen = new java.util.ArrayList<>();
        while (true) {
            Event e = q.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no matching " + type.getSimpleName() + " within 60 s; seen (last 20) "
                        + seen.subList(Math.max(0, seen.size() - 20), seen.size()));
            }
            seen.add(e);
            if (type.isInstance(e) && p.test(type.cast(e))) {
                return type.cast(e);
            }
        }
    }
}
