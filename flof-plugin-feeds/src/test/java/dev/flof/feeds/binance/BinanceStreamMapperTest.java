package dev.flof.feeds.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.DepthSnapshot;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import org.junit.jupiter.api.Test;

/** Message shapes from the Binance USD-M and spot WebSocket stream documentation. */
class BinanceStreamMapperTest {
    private static final long RECV = 1_723_161_300_000_000_000L;

    @Test
    void aggTradeWithBuyerMakerIsASellAggressor() {
        Trade t = (Trade) BinanceStreamMapper.map("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\","
                + "\"E\":1723161256330,\"s\":\"BTCUSDT\",\"a\":2263904813,\"p\":\"61800.20\",\"q\":\"0.125\",\"f\":5266583936,"
                + "\"l\":5266583938,\"T\":1723161256322,\"m\":true}}", RECV).event();
        assertEquals("BTCUSDT", t.symbol());
        assertEquals(Side.SELL, t.aggressor());
        assertEquals(AggressorRule.VENUE, t.rule());
        assertEquals(61_800_200_000_000L, t.price());
        assertEquals(125_000_000L, t.size());
        assertEquals(1_723_161_256_322_000_000L, t.tsEvent());
        assertEquals(RECV, t.tsRecv());
        assertEquals(2263904813L, t.sequence());
    }

    @Test
    void tradeWithoutBuyerMakerIsABuyAggressor() {
        Trade t = (Trade) BinanceStreamMapper.map("{\"stream\":\"ethusdt@trade\",\"data\":{\"e\":\"trade\","
                + "\"E\":1723161256322,\"T\":1723161256321,\"s\":\"ETHUSDT\",\"t\":4000000001,\"p\":\"2611.37\","
                + "\"q\":\"0.004\",\"X\":\"MARKET\",\"m\":false}}", RECV).event();
        assertEquals(Side.BUY, t.aggressor());
        assertEquals(2_611_370_000_000L, t.price());
        assertEquals(4000000001L, t.sequence());
    }

    @Test
    void bookTickerBecomesAQuote() {
        Quote q = (Quote) BinanceStreamMapper.map("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\","
                + "\"u\":5123107839020,\"s\":\"BTCUSDT\",\"b\":\"61800.20\",\"B\":\"2.507\",\"a\":\"61800.30\","
                + "\"A\":\"2.510\",\"T\":1723161256313,\"E\":1723161256313}}", RECV).event();
        assertEquals(61_800_200_000_000L, q.bidPrice());
        assertEquals(2_507_000_000L, q.bidSize());
        assertEquals(61_800_300_000_000L, q.askPrice());
        assertEquals(2_510_000_000L, q.askSize());
        assertEquals(100_000_000L, q.spread());
        assertEquals(5123107839020L, q.sequence());
        assertEquals(1_723_161_256_313_000_000L, q.tsEvent());
    }

    @Test
    void spotBookTickerHasNoTimeSoTheReceiveTimeIsUsed() {
        Quote q = (Quote) BinanceStreamMapper.map("{\"stream\":\"bnbusdt@bookTicker\",\"data\":{\"u\":400900217,"
                + "\"s\":\"BNBUSDT\",\"b\":\"25.35190000\",\"B\":\"31.21000000\",\"a\":\"25.36520000\",\"A\":\"40.66000000\"}}",
                RECV).event();
        assertEquals(RECV, q.tsEvent());
        assertEquals(25_351_900_000L, q.bidPrice());
    }

    @Test
    void futuresPartialDepthDropsZeroLevels() {
        DepthSnapshot d = (DepthSnapshot) BinanceStreamMapper.map("{\"stream\":\"btcusdt@depth5@100ms\",\"data\":{"
                + "\"e\":\"depthUpdate\",\"E\":1723161256299,\"T\":1723161256298,\"s\":\"BTCUSDT\",\"U\":1,\"u\":5123107837557,"
                + "\"pu\":5123107831937,\"b\":[[\"61800.20\",\"2.507\"],[\"61800.10\",\"0.000\"],[\"61800.00\",\"0.010\"]],"
                + "\"a\":[[\"61800.30\",\"2.510\"]]}}", RECV).event();
        assertEquals(2, d.bids().size());
        assertEquals(new DepthSnapshot.Level(61_800_000_000_000L, 10_000_000L, 0), d.bids().get(1));
        assertEquals(1, d.asks().size());
        assertEquals(5123107837557L, d.sequence());
    }

    @Test
    void spotPartialDepthUsesBidsAndAsks() {
        DepthSnapshot d = (DepthSnapshot) BinanceStreamMapper.map("{\"stream\":\"bnbbtc@depth10@100ms\",\"data\":{"
                + "\"lastUpdateId\":160,\"bids\":[[\"0.0024\",\"10\"]],\"asks\":[[\"0.0026\",\"100\"]]}}", RECV).event();
        assertEquals("BNBBTC", d.symbol());
        assertEquals(2_400_000L, d.bids().get(0).price());
        assertEquals(100_000_000_000L, d.asks().get(0).size());
        assertEquals(160, d.sequence());
    }

    @Test
    void closedKlineBecomesABarAndAnOpenOneIsIgnored() {
        String k = "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1723161300001,\"s\":\"BTCUSDT\","
                + "\"k\":{\"t\":1723161240000,\"T\":1723161299999,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,"
                + "\"o\":\"61800.10\",\"c\":\"61750.00\",\"h\":\"61850.00\",\"l\":\"61700.00\",\"v\":\"12.500\",\"n\":101,"
                + "\"x\":%s,\"q\":\"772500.00\",\"V\":\"5.000\",\"Q\":\"309000.00\",\"B\":\"0\"}}}";
        Bar b = (Bar) BinanceStreamMapper.map(k.formatted("true"), RECV).event();
        assertEquals(Timeframe.M1, b.timeframe());
        assertEquals(1_723_161_240_000_000_000L, b.openTime());
        assertEquals(1_723_161_300_000_000_000L, b.tsEvent());
        assertEquals(61_800_100_000_000L, b.open());
        assertEquals(61_850_000_000_000L, b.high());
        assertEquals(61_700_000_000_000L, b.low());
        assertEquals(61_750_000_000_000L, b.close());
        assertEquals(12_500_000_000L, b.volume());
        assertEquals(5_000_000_000L, b.buyVolume());
        assertEquals(7_500_000_000L, b.sellVolume());
        assertEquals(101, b.trades());
        assertEquals(61_800_000_000_000L, b.vwap()); // 772500 / 12.5
        BinanceStreamMapper.Mapped open = BinanceStreamMapper.map(k.formatted("false"), RECV);
        assertEquals(BinanceStreamMapper.BARS, open.schema());
        assertNull(open.event());
    }

    @Test
    void subscriptionAnswersMapToNothingAndGarbageIsATypedError() {
        assertNull(BinanceStreamMapper.map("{\"result\":null,\"id\":1}", RECV));
        assertThrows(BinanceProtocolException.class, () -> BinanceStreamMapper.map("{\"stream\":", RECV));
        BinanceProtocolException e = assertThrows(BinanceProtocolException.class, () -> BinanceStreamMapper.map(
                "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"T\":1,\"t\":2,\"p\":\"1e-12\",\"q\":\"1\",\"m\":false}}",
                RECV));
        assertEquals(true, e.getMessage().contains("BTCUSDT@trade.p"));
    }
}
