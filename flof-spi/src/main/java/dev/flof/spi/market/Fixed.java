package dev.flof.spi.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point arithmetic for prices and quantities: a {@code long} holding units of 1e-9, the scale DBN
 * uses for prices. ES at 4500.25 is {@code 4_500_250_000_000L}; 0.001 BTC is {@code 1_000_000L}.
 */
public final class Fixed {
    /** Units per whole number. */
    public static final long SCALE = 1_000_000_000L;
    /** DBN's "no price" sentinel (INT64_MAX), kept as is so it can never be mistaken for a price. */
    public static final long UNDEF = Long.MAX_VALUE;

    private Fixed() {
    }

    /** Exact conversion; fails (rather than rounds) when the decimal has more than 9 places. */
    public static long of(BigDecimal value) {
        return value.movePointRight(9).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** Parses a decimal string exactly, e.g. {@code "4500.25"}. */
    public static long parse(String text) {
        return of(new BigDecimal(text.trim()));
    }

    /** Whole units, e.g. {@code Fixed.ofUnits(3)} for three contracts. */
    public static long ofUnits(long units) {
        return Math.multiplyExact(units, SCALE);
    }

    public static BigDecimal toDecimal(long fixed) {
        return BigDecimal.valueOf(fixed, 9).stripTrailingZeros();
    }

    public static double toDouble(long fixed) {
        return fixed / (double) SCALE;
    }

    /** Plain decimal text without exponent, e.g. {@code "4500.25"}. */
    public static String format(long fixed) {
        if (fixed == UNDEF) {
            return "UNDEF";
        }
        BigDecimal d = toDecimal(fixed);
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
