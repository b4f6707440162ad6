package dev.flof.feeds.binance;

import dev.flof.spi.market.Fixed;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Conversions between Binance's decimal strings and FLOF's 1e-9 fixed point. */
final class BinanceDecimals {
    private BinanceDecimals() {
    }

    /** Exact: prices and quantities from the venue never carry more than 8 places. */
    static long exact(String text, String what) {
        try {
            return Fixed.parse(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BinanceProtocolException("not an exact decimal for " + what + ": '" + text + "'");
        }
    }

    /** For derived values (average prices, VWAP) that may have more places: rounded half-even to 1e-9. */
    static long rounded(BigDecimal value) {
        return value.setScale(9, RoundingMode.HALF_EVEN).movePointRight(9).longValueExact();
    }

    static long rounded(String text, String what) {
        try {
            return rounded(new BigDecimal(text.trim()));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BinanceProtocolException("not a decimal for " + what + ": '" + text + "'");
        }
    }

    /** Plain decimal text for a request parameter, e.g. {@code 61800.1}. */
    static String text(long fixed) {
        return Fixed.format(fixed);
    }
}
