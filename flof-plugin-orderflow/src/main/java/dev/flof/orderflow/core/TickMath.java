package dev.flof.orderflow.core;

import java.math.BigDecimal;

/**
 * Exact price-to-tick conversion (spec F0 notation, T11). Prices become {@code long} tick indices by exact
 * decimal division; a price off the tick grid is an input error, never rounded ({@code floor(0.3/0.1)} is 2).
 */
public final class TickMath {
    private TickMath() {
    }

    /** Tick index of a decimal price string, e.g. {@code "5000.25"} with tick {@code 0.25} is 20001. */
    public static long toTicks(String price, BigDecimal tick) {
        BigDecimal p;
        try {
            p = new BigDecimal(price.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal price: '" + price + "'");
        }
        return toTicks(p, tick);
    }

    /** Tick index of a decimal price; throws when the price is not a whole number of ticks. */
    public static long toTicks(BigDecimal price, BigDecimal tick) {
        if (tick.signum() <= 0) {
            throw new IllegalArgumentException("tick must be positive, got " + tick.toPlainString());
        }
        BigDecimal[] qr = price.divideAndRemainder(tick);
        if (qr[1].signum() != 0) {
            throw new IllegalArgumentException("price " + price.toPlainString() + " is not on the tick grid "
                    + tick.toPlainString());
        }
        return qr[0].longValueExact();
    }

    /** Tick index of a fixed-point price (1e-9) given a fixed-point tick; throws when off the grid. */
    public static long toTicks(long fixedPrice, long fixedTick) {
        if (fixedTick <= 0) {
            throw new IllegalArgumentException("tick must be positive");
        }
        if (fixedPrice % fixedTick != 0) {
            throw new IllegalArgumentException("price " + fixedPrice + "e-9 is not on the tick grid " + fixedTick + "e-9");
        }
        return fixedPrice / fixedTick;
    }

    /** Decimal price of a tick index. */
    public static BigDecimal toPrice(long ticks, BigDecimal tick) {
        return tick.multiply(BigDecimal.valueOf(ticks));
    }

    /** Plain decimal text of a tick index, trailing zeros stripped but at least as many decimals as needed. */
    public static String format(long ticks, BigDecimal tick) {
        BigDecimal d = toPrice(ticks, tick).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
