package dev.flof.host.venue;

import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;

/**
 * Initial margin a position needs, in the account currency. The simulated venue rejects an exposure-adding
 * order whose worst case (position plus every working order on that side) would need more margin than the
 * account's equity, as the real venue would.
 */
public sealed interface MarginModel {
    /**
     * @param absQuantity absolute position quantity, fixed-point
     * @param price       reference price (mark), fixed-point
     */
    long initialMargin(Instrument instrument, long absQuantity, long price);

    /** No margin check (tests that are about something else). */
    record None() implements MarginModel {
        public long initialMargin(Instrument instrument, long absQuantity, long price) {
            return 0;
        }
    }

    /**
     * A fixed amount per unit of quantity, the way futures exchanges set margin (ES: per contract).
     *
     * @param perUnit initial margin per unit of quantity, fixed-point account currency
     */
    record PerUnit(long perUnit) implements MarginModel {
        public long initialMargin(Instrument instrument, long absQuantity, long price) {
            return Money.mul(absQuantity, perUnit);
        }
    }

    /**
     * Notional divided by leverage, the way crypto derivatives venues set initial margin.
     *
     * @param leverage fixed-point leverage, e.g. {@code Fixed.ofUnits(5)} for 5x
     */
    record Leverage(long leverage) implements MarginModel {
        public Leverage {
            if (leverage <= 0) {
                throw new IllegalArgumentException("leverage must be positive");
            }
        }

        public long initialMargin(Instrument instrument, long absQuantity, long price) {
            long notional = Money.mul3(price, absQuantity, instrument.pointValue());
            return Money.mulDiv(notional, Fixed.SCALE, leverage);
        }
    }
}
