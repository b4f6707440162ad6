package dev.flof.feeds.binance;

import static dev.flof.feeds.binance.BinanceTestSupport.KEY;
import static dev.flof.feeds.binance.BinanceTestSupport.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.ext.FeedProvider;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.DataTier;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two extensions through their public SPI entry points, configured by params, against the fakes. */
class BinanceExtensionsTest {
    private final BinanceTestSupport t = new BinanceTestSupport();

    @Test
    void feedProviderStreamsSpotTradesAndQuotesFromItsConfiguredUrl() throws Exception {
        try (FakeWsServer ws = new FakeWsServer(conn -> {
            if (conn.path.equals("/stream") && conn.params.get("streams").equals("ethusdt@bookTicker/ethusdt@trade")) {
                conn.send("{\"stream\":\"ethusdt@bookTicker\",\"data\":{\"u\":400900217,\"s\":\"ETHUSDT\","
                        + "\"b\":\"2611.36000000\",\"B\":\"31.21000000\",\"a\":\"2611.37000000\",\"A\":\"40.66000000\"}}");
                conn.send("{\"stream\":\"ethusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161256322,\"s\":\"ETHUSDT\","
                        + "\"t\":12345,\"p\":\"2611.37000000\",\"q\":\"0.50000000\",\"T\":1723161256321,\"m\":true,\"M\":true}}");
            }
        })) {
            FeedProvider p = new BinanceFeedProvider();
            assertEquals("binance", p.id());
            FeedProvider.MarketDataFeed feed = p.open(new FeedProvider.Context(new Params("feeds.binance",
                    Map.of("market", "spot", "wsUrl", ws.baseUrl() + "/")), t.events::add, n -> Optional.empty(),
                    t.clockNs::get));
            try {
                feed.request(new Instrument("ETHUSDT", "BINANCE", Fixed.parse("0.01"), Fixed.ofUnits(1),
                        Fixed.parse("0.0001"), MarketProfile.CRYPTO, "CRYPTO_24_7"), DataTier.TAPE);
                Quote q = t.await(Quote.class, x -> true);
                assertEquals(Fixed.parse("2611.36"), q.bidPrice());
                Trade tr = t.await(Trade.class, x -> true);
                assertEquals(Side.SELL, tr.aggressor());
                assertEquals(Fixed.parse("0.5"), tr.size());
                assertEquals(1, feed.usage().get("trades").records());
            } finally {
                feed.close();
            }
        }
    }

    @Test
    void feedProviderRejectsABadMarketNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BinanceFeedProvider().open(
                new FeedProvider.Context(new Params("feeds.binance", Map.of("market", "coinm")), ev -> true,
                        n -> Optional.empty(), t.clockNs::get)));
        assertEquals("feeds.binance.market: expected usdm or spot, got 'coinm'", e.getMessage());
    }

    @Test
    void venueNeedsBothSecretsAndNamesTheMissingOneOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BinanceUsdmVenue().connect(
                new ExecutionVenue.Context(Params.empty("venues.binance"), ev -> true,
                        n -> n.equals("BINANCE_API_KEY") ? Optional.of(KEY) : Optional.empty(), t.clockNs::get)));
        assertEquals("venues.binance: secret BINANCE_API_SECRET is not set", e.getMessage());
    }

    @Test
    void venueConnectsWithSecretsAndPlacesABracket() throws Exception {
        try (FakeBinance fake = new FakeBinance(KEY, SECRET, null, t::nowMs)) {
            fake.markPrice.put("BTCUSDT", new BigDecimal("61800"));
            ExecutionVenue v = new BinanceUsdmVenue();
            assertEquals("binance-usdm", v.id());
            Map<String, String> secrets = Map.of("BINANCE_API_KEY", KEY, "BINANCE_API_SECRET", SECRET);
            ExecutionVenue.Session s = v.connect(new ExecutionVenue.Context(new Params("venues.binance", Map.of(
                    "restUrl", fake.restUrl(), "wsUrl", fake.ws.baseUrl(), "symbols", "btcusdt")), t.events::add,
                    n -> Optional.ofNullable(secrets.get(n)), t.clockNs::get));
            try {
                VenueStatus up = t.await(VenueStatus.class, x -> x.kind() == VenueStatus.Kind.CONNECTED);
                assertFalse(up.detail().contains(SECRET));
                s.send(new OrderCommand.SubmitBracket(new BracketOrder("g9",
                        new Order("e9", "BTCUSDT", Side.SELL, OrderType.MARKET, Fixed.parse("0.003"), 0, 0, TimeInForce.GTC, false),
                        new Order("s9", "BTCUSDT", Side.BUY, OrderType.STOP, Fixed.parse("0.003"), 0, Fixed.parse("63500"),
                                TimeInForce.GTC, true), null)));
                t.await(OrderEvent.class, x -> x.clientOrderId().equals("e9") && x.kind() == OrderEvent.Kind.ACCEPTED);
                t.await(OrderEvent.class, x -> x.clientOrderId().equals("s9") && x.kind() == OrderEvent.Kind.ACCEPTED);
                Map<String, String> stop = fake.requests("POST", "/fapi/v1/algoOrder").get(0).params();
                assertEquals("BUY", stop.get("side"));
                assertEquals("false", stop.get("priceProtect"));
                assertEquals("MARK_PRICE", stop.get("workingType"));
                assertTrue(s.openOrders().stream().anyMatch(w -> w.order().clientOrderId().equals("s9")));
            } finally {
                s.close();
            }
        }
    }
}
