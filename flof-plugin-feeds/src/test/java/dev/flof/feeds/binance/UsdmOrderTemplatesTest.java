package dev.flof.feeds.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsdmOrderTemplatesTest {
    private static final UsdmOrderTemplates.Settings CLOSE = new UsdmOrderTemplates.Settings(
            UsdmOrderTemplates.CloseMode.CLOSE_POSITION, false, true, "MARK_PRICE");

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void limitEntryGoesToThePlainEndpoint() {
        Order entry = new Order("e1", "BTCUSDT", Side.BUY, OrderType.LIMIT, Fixed.parse("0.010"),
                Fixed.parse("61800.10"), 0, TimeInForce.GTC, false);
        UsdmOrderTemplates.Request r = UsdmOrderTemplates.order(entry);
        assertEquals("/fapi/v1/order", r.path());
        assertEquals(map("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "quantity", "0.01", "price", "61800.1",
                "timeInForce", "GTC", "newClientOrderId", "e1", "newOrderRespType", "RESULT"), r.params());
        assertEquals(new java.util.ArrayList<>(r.params().keySet()), java.util.List.of("symbol", "side", "type",
                "quantity", "price", "timeInForce", "newClientOrderId", "newOrderRespType"));
    }

    @Test
    void catastrophicStopIsAnAlgoStopMarketClosingThePositionWithoutPriceProtect() {
        Order stop = new Order("s1", "BTCUSDT", Side.SELL, OrderType.STOP, Fixed.parse("0.010"), 0,
                Fixed.parse("60000"), TimeInForce.GTC, true);
        UsdmOrderTemplates.Request r = UsdmOrderTemplates.protectiveStop(stop, "s1", CLOSE);
        assertEquals("/fapi/v1/algoOrder", r.path());
        assertEquals(map("algoType", "CONDITIONAL", "symbol", "BTCUSDT", "side", "SELL", "type", "STOP_MARKET",
                "triggerPrice", "60000", "closePosition", "true", "workingType", "MARK_PRICE", "priceProtect", "false",
                "clientAlgoId", "s1"), r.params());
    }

    @Test
    void reduceOnlyModeSendsQuantityInsteadOfClosePosition() {
        UsdmOrderTemplates.Settings reduce = new UsdmOrderTemplates.Settings(
                UsdmOrderTemplates.CloseMode.REDUCE_ONLY, false, true, "CONTRACT_PRICE");
        Order stop = new Order("s2", "ETHUSDT", Side.BUY, OrderType.STOP, Fixed.parse("1.5"), 0,
                Fixed.parse("2701.25"), TimeInForce.GTC, true);
        assertEquals(map("algoType", "CONDITIONAL", "symbol", "ETHUSDT", "side", "BUY", "type", "STOP_MARKET",
                "triggerPrice", "2701.25", "quantity", "1.5", "reduceOnly", "true", "workingType", "CONTRACT_PRICE",
                "priceProtect", "false", "clientAlgoId", "s2-r1"),
                UsdmOrderTemplates.protectiveStop(stop, "s2-r1", reduce).params());
    }

    @Test
    void targetBecomesTakeProfitMarketAtItsLimitPrice() {
        Order target = new Order("t1", "BTCUSDT", Side.SELL, OrderType.LIMIT, Fixed.parse("0.010"),
                Fixed.parse("64000.5"), 0, TimeInForce.GTC, true);
        assertEquals(map("algoType", "CONDITIONAL", "symbol", "BTCUSDT", "side", "SELL", "type", "TAKE_PROFIT_MARKET",
                "triggerPrice", "64000.5", "closePosition", "true", "workingType", "MARK_PRICE", "priceProtect", "true",
                "clientAlgoId", "t1"), UsdmOrderTemplates.takeProfit(target, "t1", CLOSE).params());
    }

    @Test
    void stopLimitKeepsItsLimitAndQuantity() {
        Order stop = new Order("s3", "BTCUSDT", Side.SELL, OrderType.STOP_LIMIT, Fixed.parse("0.002"),
                Fixed.parse("59900"), Fixed.parse("60000"), TimeInForce.GTC, true);
        Map<String, String> p = UsdmOrderTemplates.protectiveStop(stop, "s3", CLOSE).params();
        assertEquals("STOP", p.get("type"));
        assertEquals("59900", p.get("price"));
        assertEquals("0.002", p.get("quantity"));
        assertEquals("true", p.get("reduceOnly"));
        assertEquals(null, p.get("closePosition"));
    }

    @Test
    void aStopWithoutTriggerIsRefused() {
        Order stop = new Order("s4", "BTCUSDT", Side.SELL, OrderType.STOP, Fixed.parse("0.002"), 0, 0,
                TimeInForce.GTC, true);
        assertThrows(IllegalArgumentException.class, () -> UsdmOrderTemplates.protectiveStop(stop, "s4", CLOSE));
    }

    @Test
    void revisionIdsStayWithinBinancesThirtySixCharacters() {
        assertEquals("abc-r2", BinanceUsdmSession.revisionId("abc", 2));
        String longId = "g".repeat(36);
        assertEquals("g".repeat(33) + "-r1", BinanceUsdmSession.revisionId(longId, 1));
    }
}
