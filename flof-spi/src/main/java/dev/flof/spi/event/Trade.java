package dev.flof.spi.event;

import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Side;

/**
 * One print on the tape.
 *
 * @param price fixed-point price ({@link dev.flof.spi.market.Fixed})
 * @param size  fixed-point quantity (contracts for ES, base units for crypto)
 * @param aggressor the side that crossed the spread
 * @param rule  which rule decided {@code aggressor}
 */
public record Trade(String symbol, long tsEvent, long tsRecv, long sequence, long price, long size,
                   Side aggressor, AggressorRule rule) implements Event {
    /** Signed size: positive for buyer-initiated, negative for seller-initiated, zero if unknown. */
    public long signedSize() {
        return aggressor.sign() * size;
    }

    public Trade withAggressor(Side side, AggressorRule by) {
        return new Trade(symbol, tsEvent, tsRecv, sequence, price, size, side, by);
    }
}
