package dev.flof.spi.market;

import java.util.Objects;

/**
 * A tradable instrument.
 *
 * @param symbol     venue symbol, e.g. {@code ESZ5} or {@code BTCUSDT}
 * @param venue      venue id, e.g. {@code CME}, {@code BINANCE}
 * @param tickSize   minimum price increment, fixed-point ({@link Fixed})
 * @param pointValue currency value of one whole price point for one unit of quantity, fixed-point like every
 *                   other amount: {@code Fixed.ofUnits(50)} for ES, {@code Fixed.ofUnits(1)} for crypto
 * @param lotSize    minimum quantity increment, fixed-point (1 contract for ES)
 * @param profile    market profile
 * @param calendarId trading calendar id, e.g. {@code CME_GLOBEX_EQUITY} or {@code CRYPTO_24_7}
 */
public record Instrument(String symbol, String venue, long tickSize, long pointValue, long lotSize,
                         MarketProfile profile, String calendarId) {
    /** The smallest point value accepted: 0.001 currency units per whole point. */
    public static final long MIN_POINT_VALUE = Fixed.SCALE / 1000;

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(calendarId, "calendarId");
        if (tickSize <= 0) {
            throw new IllegalArgumentException("tickSize must be positive for " + symbol);
        }
        // A raw 50 here would make every P&L and risk figure 1e9 times too small, and sizing would then be
        // capped only by the maximum position: refuse anything below 0.001 currency per point.
        if (pointValue < MIN_POINT_VALUE) {
            throw new IllegalArgumentException("pointValue of " + symbol + " is fixed-point (1e-9 units): got " + pointValue
                    + ", did you mean Fixed.ofUnits(" + pointValue + ")?");
        }
        if (lotSize <= 0) {
            throw new IllegalArgumentException("lotSize must be positive for " + symbol);
        }
    }

    /** Whether a fixed-point price lies on this instrument's tick grid. */
    public boolean onTickGrid(long price) {
        return price % tickSize == 0;
    }

    /** The price as an exact tick index; callers check {@link #onTickGrid} first when it matters. */
    public long toTicks(long price) {
        return Math.floorDiv(price, tickSize);
    }

    public long fromTicks(long ticks) {
        return Math.multiplyExact(ticks, tickSize);
    }
}
