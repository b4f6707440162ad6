package dev.flof.risk;

/**
 * Rounding of fixed-point prices to an instrument's tick grid. Stops are rounded away from the market
 * (a long's stop down, a short's up) so a buffer computed in price is never eaten by the rounding.
 */
public final class Ticks {
    private Ticks() {
    }

    /** Largest grid price at or below {@code price}. */
    public static long floor(long price, long tick) {
        return Math.floorDiv(price, tick) * tick;
    }

    /** Smallest grid price at or above {@code price}. */
    public static long ceil(long price, long tick) {
        return -Math.floorDiv(-price, tick) * tick;
    }

    /** Largest multiple of {@code lot} at or below {@code quantity} (quantities are never rounded up). */
    public static long floorLots(long quantity, long lot) {
        return quantity <= 0 ? 0 : (quantity / lot) * lot;
    }
}
