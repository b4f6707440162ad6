package dev.flof.spi.risk;

import dev.flof.spi.market.Side;

/**
 * An open position as the exit manager sees it: the actual filled quantity (never the intended one) and
 * the protective stop resting at the venue.
 */
public record PositionView(String symbol, Side side, long quantity, long averagePrice, long initialStop,
                           long currentStop, String stopOrderId, long openedAt) {
    /** Risk per unit at entry, fixed-point price distance (1R). */
    public long riskPerUnit() {
        return Math.abs(averagePrice - initialStop);
    }
}
