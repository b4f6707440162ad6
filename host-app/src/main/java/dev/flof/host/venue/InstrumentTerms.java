package dev.flof.host.venue;

import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import java.util.Objects;

/**
 * How the simulated venue charges and margins one instrument. Kept apart from {@link Instrument} because
 * fees and margin belong to the account at a venue, not to the contract.
 */
public record InstrumentTerms(Instrument instrument, FeeModel fees, MarginModel margin) {
    public InstrumentTerms {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(margin, "margin");
    }

    /** ES through IB with the default commission and exchange fee (see {@link FeeModel.PerContract#esInteractiveBrokers()}). */
    public static InstrumentTerms es(Instrument instrument, long initialMarginPerContract) {
        return new InstrumentTerms(instrument, FeeModel.PerContract.esInteractiveBrokers(),
                new MarginModel.PerUnit(initialMarginPerContract));
    }

    /** A Binance USD-M perpetual with the VIP 0 fees (see {@link FeeModel.MakerTaker#binanceUsdM()}). */
    public static InstrumentTerms binanceUsdM(Instrument instrument, long leverage) {
        return new InstrumentTerms(instrument, FeeModel.MakerTaker.binanceUsdM(), new MarginModel.Leverage(leverage));
    }

    /**
     * Reads the terms from a config section. Keys (all optional except where said):
     * <ul>
     *   <li>ES profile: {@code commission-per-contract} (default 0.85), {@code exchange-fee-per-contract}
     *       (default 1.38), {@code initial-margin-per-contract} (required: exchange margins change and a
     *       guessed default would be wrong)</li>
     *   <li>CRYPTO profile: {@code maker-bps} (default 2), {@code taker-bps} (default 5), {@code leverage}
     *       (default 1, i.e. fully funded)</li>
     * </ul>
     */
    public static InstrumentTerms fromParams(Instrument instrument, Params params) {
        if (instrument.profile() == MarketProfile.ES) {
            String margin = params.string("initial-margin-per-contract", null);
            if (margin == null) {
                throw new IllegalArgumentException(params.path() + ".initial-margin-per-contract: required for "
                        + instrument.symbol() + " (the exchange's current initial margin per contract)");
            }
            return new InstrumentTerms(instrument,
                    new FeeModel.PerContract(fixed(params, "commission-per-contract", "0.85"),
                            fixed(params, "exchange-fee-per-contract", "1.38")),
                    new MarginModel.PerUnit(fixed(params, "initial-margin-per-contract", margin)));
        }
        return new InstrumentTerms(instrument,
                new FeeModel.MakerTaker(fixed(params, "maker-bps", "2"), fixed(params, "taker-bps", "5")),
                new MarginModel.Leverage(fixed(params, "leverage", "1")));
    }

    static long fixed(Params params, String key, String dflt) {
        String v = params.string(key, dflt);
        try {
            return Fixed.parse(v);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(params.path() + "." + key + ": expected a decimal number, got '" + v + "'");
        }
    }
}
