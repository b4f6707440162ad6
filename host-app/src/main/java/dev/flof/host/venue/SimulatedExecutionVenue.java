package dev.flof.host.venue;

import dev.flof.spi.ext.ExecutionVenue;
import java.util.List;

/**
 * The simulated venue behind the {@link ExecutionVenue} extension point, so backtests and paper trading
 * wire it through the same path as Interactive Brokers or Binance. The instruments (with fees and margin)
 * come from the host's instrument registry; the venue settings from the context's params (see
 * {@link VenueConfig#fromParams}, plus {@code venue-id}, default {@code SIM}). The context's clock is not
 * used: the simulated venue's clock is the market data it is fed.
 */
public final class SimulatedExecutionVenue implements ExecutionVenue {
    private final List<InstrumentTerms> instruments;

    public SimulatedExecutionVenue(List<InstrumentTerms> instruments) {
        this.instruments = List.copyOf(instruments);
    }

    @Override
    public String id() {
        return "simulated";
    }

    @Override
    public String description() {
        return "deterministic simulated venue for backtests and paper trading";
    }

    @Override
    public SimulatedVenue connect(Context context) {
        VenueConfig config = VenueConfig.fromParams(context.params().string("venue-id", "SIM"), context.params());
        return new SimulatedVenue(config, instruments, context.sink());
    }
}
