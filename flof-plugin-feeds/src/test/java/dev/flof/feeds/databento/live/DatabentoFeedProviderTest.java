package dev.flof.feeds.databento.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.DepthSnapshot;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.FeedProvider;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.DataTier;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DatabentoFeedProviderTest {
    static final String KEY = "db-unittestapikey1234567890FFFFF";
    static final long NOW = 1_700_600_000_000_000_000L;
    static final long E9 = 1_000_000_000L;

    static Instrument esz4() {
        return new Instrument("ESZ4", "CME", 250_000_000L, 50 * E9, E9, MarketProfile.ES, "CME_GLOBEX_EQUITY");
    }

    @Test
    void idIsDatabento() {
        assertEquals("databento", new DatabentoFeedProvider().id());
    }

    @Test
    void missingKeyFailsFastNamingTheVariable() {
        var ctx = new FeedProvider.Context(Params.empty("feeds.databento"), e -> true, n -> Optional.empty(), () -> NOW);
        var e = assertThrows(IllegalStateException.class, () -> new DatabentoFeedProvider().open(ctx));
        assertEquals("feeds.databento: DATABENTO_API_KEY is not set", e.getMessage());
    }

    @Test
    void badParametersNameTheirKey() {
        java.util.function.Function<Map<String, String>, FeedProvider.Context> ctx = m -> new FeedProvider.Context(
                new Params("feeds.databento", m), e -> true, n -> Optional.of(KEY), () -> NOW);
        assertEquals("feeds.databento.gateway: expected HOST:PORT, got 'nohost'", assertThrows(IllegalArgumentException.class,
                () -> new DatabentoFeedProvider().open(ctx.apply(Map.of("gateway", "nohost")))).getMessage());
        assertEquals("feeds.databento.max_reconnects: expected 1..2147483647, got 0", assertThrows(IllegalArgumentException.class,
                () -> new DatabentoFeedProvider().open(ctx.apply(Map.of("max_reconnects", "0")))).getMessage());
        assertEquals("feeds.databento.heartbeat_s: expected an integer, got 'soon'", assertThrows(IllegalArgumentException.class,
                () -> new DatabentoFeedProvider().open(ctx.apply(Map.of("heartbeat_s", "soon")))).getMessage());
    }

    @Test
    void tapeStreamsEventsMappedFromTheCapture() throws Exception {
        try (FakeLiveGateway gw = new FakeLiveGateway(KEY, FakeLiveGateway.liveCapture())) {
            gw.heartbeatEvery(Duration.ofHours(1));
            BlockingQueue<Event> events = new LinkedBlockingQueue<>();
            var ctx = new FeedProvider.Context(new Params("feeds.databento", Map.of("gateway", "127.0.0.1:" + gw.port())),
                    events::add, n -> n.equals("DATABENTO_API_KEY") ? Optional.of(KEY) : Optional.empty(), () -> NOW);
            try (FeedProvider.MarketDataFeed feed = new DatabentoFeedProvider().open(ctx)) {
                feed.request(esz4(), DataTier.TAPE);
                List<Event> market = new ArrayList<>();
                List<FeedStatus> status = new ArrayList<>();
                while (market.size() < 8) {
                    Event e = events.poll(20, TimeUnit.SECONDS);
                    if (e == null) {
                        throw new AssertionError("only " + market + " within 20 s");
                    }
                    if (e instanceof FeedStatus s) {
                        status.add(s);
                    } else {
                        market.add(e);
                    }
                }
                assertEquals(FeedStatus.Kind.TIER_CHANGED, status.get(0).kind());
                assertEquals("OFF -> TAPE", status.get(0).detail());
                assertEquals(FeedStatus.Kind.CONNECTED, status.get(1).kind());
                // values from expected/databento-python/LIVE/test_data.live.dbn.zst.jsonl, records 11, 12, 27-30
                assertEquals(List.of(
                        new Bar("ESZ4", Timeframe.M1, 1700510400000000000L, 1700510460000000000L, NOW, 0,
                                4756 * E9, 4756 * E9, 4756 * E9, 4756 * E9, 2 * E9, 0, 0, 0, 4756 * E9),
                        new Bar("ESZ4", Timeframe.M1, 1700510460000000000L, 1700510520000000000L, NOW, 0,
                                4756 * E9, 4756 * E9, 4756 * E9, 4756 * E9, E9, 0, 0, 0, 4756 * E9),
                        new Quote("ESZ4", 1700510417922683019L, 1700510417922883941L, 5109302, 4746 * E9, 2 * E9, 4756 * E9, 2 * E9),
                        new Trade("ESZ4", 1700510417922683019L, 1700510417922883941L, 5109302, 4756 * E9, 2 * E9, Side.BUY, AggressorRule.VENUE),
                        new Quote("ESZ4", 1700510495835989503L, 1700510495836184225L, 5116924, 4746 * E9, 2 * E9, 4756 * E9, E9),
                        new Trade("ESZ4", 1700510495835989503L, 1700510495836184225L, 5116924, 4756 * E9, E9, Side.BUY, AggressorRule.VENUE)),
                        market.subList(0, 6));
                DepthSnapshot d = assertInstanceOf(DepthSnapshot.class, market.get(6));
                assertEquals(1700499631263799023L, d.tsEvent());
                assertEquals(new DepthSnapshot.Level(4727_500_000_000L, 2 * E9, 1), d.bids().get(0));
                assertEquals(new DepthSnapshot.Level(4744_750_000_000L, 2 * E9, 1), d.asks().get(0));
                assertEquals(new FeedProvider.DataUsage(2, 96), feed.usage().get("trades"));
            }
        }
    }
}
