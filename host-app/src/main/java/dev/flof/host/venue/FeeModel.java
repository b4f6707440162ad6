package dev.flof.host.venue;

import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;

/**
 * What one fill costs, in the account currency (fixed-point 1e-9). Fees are charged per fill and side, so a
 * round trip pays twice. A backtest without fees flatters every scalping strategy.
 */
public sealed interface FeeModel {
    /**
     * @param price    fill price, fixed-point
     * @param quantity fill quantity, fixed-point (positive)
     * @param maker    true when the fill rested in the book (a limit that was traded through), false for takers
     */
    long fee(Instrument instrument, long price, long quantity, boolean maker);

    /** No fees (tests, or a venue whose costs are modelled elsewhere). */
    record None() implements FeeModel {
        public long fee(Instrument instrument, long price, long quantity, boolean maker) {
            return 0;
        }
    }

    /**
     * A fixed amount per contract and side: broker commission plus exchange/clearing/regulatory fees, the way
     * futures are charged. Maker or taker does not matter.
     *
     * @param commissionPerUnit  broker commission per unit of quantity, fixed-point account currency
     * @param exchangeFeePerUnit exchange + clearing + NFA fees per unit, fixed-point account currency
     */
    record PerContract(long commissionPerUnit, long exchangeFeePerUnit) implements FeeModel {
        /**
         * ES through Interactive Brokers: USD 0.85 per contract commission (IB's published US futures
         * commission, "IBKR Pro Fixed" / first tier of "Tiered", for E-mini contracts) plus USD 1.38 per
         * contract exchange fee (CME Globex fee for an E-mini S&P 500 contract, non-member rate, as quoted in
         * IB's futures fee table). Both change over time: treat them as defaults and set the real figures in
         * the config.
         */
        public static PerContract esInteractiveBrokers() {
            return new PerContract(Fixed.parse("0.85"), Fixed.parse("1.38"));
        }

        public long fee(Instrument instrument, long price, long quantity, boolean maker) {
            return Money.mul(quantity, commissionPerUnit + exchangeFeePerUnit);
        }
    }

    /**
     * A percentage of the traded notional, different for makers and takers, the way crypto venues charge.
     *
     * @param makerBps fixed-point basis points (1e-9) for resting fills; negative for a rebate
     * @param takerBps fixed-point basis points (1e-9) for aggressive fills
     */
    record MakerTaker(long makerBps, long takerBps) implements FeeModel {
        /**
         * Binance USD-M futures, regular user (VIP 0) without BNB discount: 0.0200 % maker, 0.0500 % taker,
         * i.e. 2 and 5 basis points (Binance fee schedule). Set the account's real tier in the config.
         */
        public static MakerTaker binanceUsdM() {
            return new MakerTaker(Fixed.ofUnits(2), Fixed.ofUnits(5));
        }

        public long fee(Instrument instrument, long price, long quantity, boolean maker) {
            long notional = Money.mul3(price, quantity, instrument.pointValue());
            return Money.mulDiv(notional, maker ? makerBps : takerBps, Fixed.SCALE * 10_000L);
        }
    }
}
