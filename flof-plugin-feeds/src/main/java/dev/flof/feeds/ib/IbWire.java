package dev.flof.feeds.ib;

import dev.flof.spi.market.Fixed;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Conversions between FLOF fixed-point values and TWS wire text. Outbound numbers are exact decimal
 * text without exponent or trailing zeros ({@code 5990}, {@code 6000.25}); inbound numbers are parsed
 * as decimals, never through {@code double}, and IB's "unset" sentinels become {@link Fixed#UNDEF}.
 */
public final class IbWire {
    /** IB's unset int, {@code Integer.MAX_VALUE}. */
    public static final int UNSET_INT = Integer.MAX_VALUE;
    private static final BigDecimal UNSET_THRESHOLD = new BigDecimal("1e300");

    private IbWire() {
    }

    /** Exact text of a fixed-point value. */
    public static String price(long fixed) {
        if (fixed == Fixed.UNDEF) {
            throw new IllegalArgumentException("cannot send an undefined price");
        }
        return Fixed.format(fixed);
    }

    /** Text of an optional price; null is sent as an empty (unset) field. */
    public static String price(Long fixed) {
        return fixed == null ? "" : price(fixed.longValue());
    }

    public static String bool(boolean b) {
        return b ? "1" : "0";
    }

    /**
     * Parses an inbound decimal (price, quantity, average) to fixed-point. Empty and IB's unset sentinel
     * ({@code Double.MAX_VALUE} printed as {@code 1.7976931348623157E308}) give {@link Fixed#UNDEF}; more
     * than 9 decimals (averages) are rounded half-even.
     */
    public static long decimal(String text) {
        if (text.isEmpty()) {
            return Fixed.UNDEF;
        }
        BigDecimal d = new BigDecimal(text.trim());
        if (d.abs().compareTo(UNSET_THRESHOLD) >= 0) {
            return Fixed.UNDEF;
        }
        return d.setScale(9, RoundingMode.HALF_EVEN).movePointRight(9).longValueExact();
    }

    /** Like {@link #decimal} but unset becomes 0 (quantities, fills). */
    public static long decimalOrZero(String text) {
        long v = decimal(text);
        return v == Fixed.UNDEF ? 0 : v;
    }
}
