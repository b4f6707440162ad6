package dev.flof.feeds.replay;

import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;

/**
 * The instrument a replay file describes, from the source's defaults overridden by config keys
 * {@code symbol}, {@code venue}, {@code tick-size}, {@code point-value}, {@code lot-size}, {@code profile}
 * and {@code calendar}. Files rarely say their tick size, and off-tick checks need it.
 */
public final class InstrumentParams {
    private InstrumentParams() {
    }

    public static Instrument resolve(Params p, String symbol, String venue, String tickSize, long pointValue,
                                     String lotSize, MarketProfile profile, String calendarId) {
        try {
            return new Instrument(p.string("symbol", symbol), p.string("venue", venue),
                    // point-value is a decimal currency amount per whole point (50 for ES); the SPI keeps it fixed-point
                    Fixed.parse(p.string("tick-size", tickSize)), Fixed.parse(p.string("point-value", Long.toString(pointValue))),
                    Fixed.parse(p.string("lot-size", lotSize)),
                    MarketProfile.valueOf(p.string("profile", profile.name()).toUpperCase(java.util.Locale.ROOT)),
                    p.string("calendar", calendarId));
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new IllegalArgumentException(p.path() + ": bad instrument parameter: " + e.getMessage(), e);
        }
    }

    /** Crypto defaults (UTC calendar, fractional lots). */
    public static Instrument crypto(Params p, String symbol, String venue, String tickSize) {
        return resolve(p, symbol, venue, tickSize, 1, "0.00000001", MarketProfile.CRYPTO, "CRYPTO_24_7");
    }

    /** ES defaults (tick 0.25, 50 USD a point, CME Globex calendar). */
    public static Instrument es(Params p, String symbol) {
        return resolve(p, symbol, "CME", "0.25", 50, "1", MarketProfile.ES, "CME_GLOBEX_EQUITY");
    }

    /**
     * The instrument of a plain CSV: the symbol defaults to the file name up to its first dot, the profile
     * ({@code profile}: ES or CRYPTO, default CRYPTO) picks the defaults, every instrument key can override.
     */
    public static Instrument forFile(Params p, java.nio.file.Path file) {
        String stem = file.getFileName().toString();
        stem = stem.contains(".") ? stem.substring(0, stem.indexOf('.')) : stem;
        MarketProfile profile = MarketProfile.valueOf(p.string("profile", "CRYPTO").toUpperCase(java.util.Locale.ROOT));
        return profile == MarketProfile.ES ? es(p, stem) : crypto(p, stem, "UNKNOWN", "0.000000001");
    }
}
