package dev.flof.spi.order;

import dev.flof.spi.market.Side;
import java.util.Objects;

/**
 * One order as FLOF wants it to exist at a venue.
 *
 * @param clientOrderId unique id chosen by FLOF (idempotency key at the venue)
 * @param quantity      fixed-point, positive
 * @param limitPrice    fixed-point, for LIMIT and STOP_LIMIT, else 0
 * @param stopPrice     fixed-point trigger, for STOP and STOP_LIMIT, else 0
 * @param reduceOnly    may only reduce an existing position (exits, protective stops)
 */
public record Order(String clientOrderId, String symbol, Side side, OrderType type, long quantity,
                    long limitPrice, long stopPrice, TimeInForce tif, boolean reduceOnly) {
    public Order {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(type, "type");
        if (side != Side.BUY && side != Side.SELL) {
            throw new IllegalArgumentException("order side must be BUY or SELL: " + clientOrderId);
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("order quantity must be positive: " + clientOrderId);
        }
    }

    public Order withQuantity(long newQuantity) {
        return new Order(clientOrderId, symbol, side, type, newQuantity, limitPrice, stopPrice, tif, reduceOnly);
    }
}
