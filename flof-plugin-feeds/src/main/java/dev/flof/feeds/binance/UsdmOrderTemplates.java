package dev.flof.feeds.binance;

import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How FLOF orders become USD-M futures requests (pure; the order-template tests pin them).
 *
 * <ul>
 *   <li>MARKET / LIMIT go to {@code POST /fapi/v1/order} with {@code newClientOrderId}.</li>
 *   <li>STOP / STOP_LIMIT (and every take-profit) go to {@code POST /fapi/v1/algoOrder} with
 *       {@code algoType=CONDITIONAL} and {@code clientAlgoId}: since 2025-12-09 the plain endpoint answers
 *       {@code -4120} for conditional types.</li>
 *   <li>A protective stop is {@code STOP_MARKET} with {@code closePosition=true} (closes whatever is open, no
 *       quantity) or {@code quantity + reduceOnly=true}; the catastrophic stop has {@code priceProtect=false}
 *       so a mark/last divergence in a cascade cannot keep it from triggering.</li>
 *   <li>A target (a LIMIT child of a bracket) becomes {@code TAKE_PROFIT_MARKET} triggered at its limit
 *       price, with the same close semantics.</li>
 * </ul>
 */
public final class UsdmOrderTemplates {
    public static final String ORDER_PATH = "/fapi/v1/order";
    public static final String ALGO_PATH = "/fapi/v1/algoOrder";

    /** How a protective leg closes the position. */
    public enum CloseMode { CLOSE_POSITION, REDUCE_ONLY }

    /**
     * @param stopPriceProtect   priceProtect of protective stops (false: the catastrophic stop must trigger)
     * @param targetPriceProtect priceProtect of take-profits
     * @param workingType        MARK_PRICE or CONTRACT_PRICE
     */
    public record Settings(CloseMode closeMode, boolean stopPriceProtect, boolean targetPriceProtect,
                           String workingType) {
        public Settings {
            if (!workingType.equals("MARK_PRICE") && !workingType.equals("CONTRACT_PRICE")) {
                throw new IllegalArgumentException("workingType must be MARK_PRICE or CONTRACT_PRICE, got '"
                        + workingType + "'");
            }
        }
    }

    /** One request: endpoint and parameters in the order they are sent (and signed). */
    public record Request(String method, String path, Map<String, String> params) {
        public boolean algo() {
            return path.equals(ALGO_PATH);
        }
    }

    private UsdmOrderTemplates() {
    }

    /** Whether an order type must go to the algo endpoint. */
    public static boolean isConditional(OrderType t) {
        return t == OrderType.STOP || t == OrderType.STOP_LIMIT;
    }

    /** An entry or a single exit: plain endpoint for MARKET/LIMIT, algo endpoint for stop entries. */
    public static Request order(Order o) {
        if (isConditional(o.type())) {
            return conditional(o, o.clientOrderId(), false, o.reduceOnly(), false, "CONTRACT_PRICE", false);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", o.symbol());
        p.put("side", o.side().name());
        p.put("type", o.type().name());
        p.put("quantity", BinanceDecimals.text(o.quantity()));
        if (o.type() == OrderType.LIMIT) {
            p.put("price", BinanceDecimals.text(o.limitPrice()));
            p.put("timeInForce", tif(o));
        }
        if (o.reduceOnly()) {
            p.put("reduceOnly", "true");
        }
        p.put("newClientOrderId", o.clientOrderId());
        p.put("newOrderRespType", "RESULT");
        return new Request("POST", ORDER_PATH, p);
    }

    /** The protective stop of a bracket (or a replacement stop), under {@code venueClientId}. */
    public static Request protectiveStop(Order stop, String venueClientId, Settings s) {
        boolean close = s.closeMode() == CloseMode.CLOSE_POSITION && stop.type() == OrderType.STOP;
        return conditional(stop, venueClientId, close, !close, s.stopPriceProtect(), s.workingType(), false);
    }

    /** The take-profit of a bracket: TAKE_PROFIT_MARKET triggered at the target's limit (or stop) price. */
    public static Request takeProfit(Order target, String venueClientId, Settings s) {
        boolean close = s.closeMode() == CloseMode.CLOSE_POSITION;
        return conditional(target, venueClientId, close, !close, s.targetPriceProtect(), s.workingType(), true);
    }

    private static Request conditional(Order o, String clientAlgoId, boolean closePosition, boolean reduceOnly,
                                       boolean priceProtect, String workingType, boolean takeProfit) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("algoType", "CONDITIONAL");
        p.put("symbol", o.symbol());
        p.put("side", o.side().name());
        String type;
        long trigger;
        if (takeProfit) {
            type = "TAKE_PROFIT_MARKET";
            trigger = o.stopPrice() != 0 ? o.stopPrice() : o.limitPrice();
        } else {
            type = o.type() == OrderType.STOP_LIMIT ? "STOP" : "STOP_MARKET";
            trigger = o.stopPrice();
        }
        if (trigger <= 0) {
            throw new IllegalArgumentException("conditional order " + o.clientOrderId() + " has no trigger price");
        }
        p.put("type", type);
        p.put("triggerPrice", BinanceDecimals.text(trigger));
        if (type.equals("STOP")) {
            p.put("price", BinanceDecimals.text(o.limitPrice()));
            p.put("timeInForce", tif(o));
        }
        if (closePosition) {
            p.put("closePosition", "true");
        } else {
            p.put("quantity", BinanceDecimals.text(o.quantity()));
            if (reduceOnly) {
                p.put("reduceOnly", "true");
            }
        }
        p.put("workingType", workingType);
        p.put("priceProtect", Boolean.toString(priceProtect));
        p.put("clientAlgoId", clientAlgoId);
        return new Request("POST", ALGO_PATH, p);
    }

    private static String tif(Order o) {
        // Binance futures has no DAY order; a crypto market never closes, so DAY rests like GTC.
        return o.tif() == dev.flof.spi.order.TimeInForce.IOC ? "IOC" : "GTC";
    }
}
