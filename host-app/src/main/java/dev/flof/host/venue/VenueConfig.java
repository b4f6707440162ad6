package dev.flof.host.venue;

import dev.flof.spi.ext.Params;
import java.util.Locale;
import java.util.Objects;

/**
 * Venue-wide settings of the simulated venue. One instance per simulated venue, so CME and Binance can
 * have different latencies in the same run.
 *
 * @param venueId         the venue name put on every order event and position (e.g. {@code CME})
 * @param sendLatencyNanos time from {@code send} until the command reaches the matching engine
 * @param ackLatencyNanos time from an event at the matching engine until FLOF receives it ({@code tsRecv - tsEvent})
 * @param slippageTicks   ticks added against us to market-type fills priced from top of book or a print
 *                        (not when walking a depth snapshot, which prices itself)
 * @param queueModel      when a resting limit may fill
 * @param startingBalance account balance at the start, fixed-point account currency
 * @param currency        account currency, e.g. {@code USD}, {@code USDT}
 */
public record VenueConfig(String venueId, long sendLatencyNanos, long ackLatencyNanos, int slippageTicks,
                          QueueModel queueModel, long startingBalance, String currency) {
    public VenueConfig {
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(queueModel, "queueModel");
        Objects.requireNonNull(currency, "currency");
        if (sendLatencyNanos < 0 || ackLatencyNanos < 0) {
            throw new IllegalArgumentException("latencies must not be negative for venue " + venueId);
        }
        if (slippageTicks < 0) {
            throw new IllegalArgumentException("slippageTicks must not be negative for venue " + venueId);
        }
    }

    /**
     * Reads {@code send-latency-us} (default 0), {@code ack-latency-us} (default 0), {@code slippage-ticks}
     * (default 0), {@code queue-model} ({@code trade-through} default, or {@code queue-position}),
     * {@code starting-balance} (required) and {@code currency} (default USD).
     */
    public static VenueConfig fromParams(String venueId, Params params) {
        String balance = params.string("starting-balance", null);
        if (balance == null) {
            throw new IllegalArgumentException(params.path() + ".starting-balance: required");
        }
        String qm = params.string("queue-model", "trade-through").trim().toLowerCase(Locale.ROOT);
        QueueModel queue = switch (qm) {
            case "trade-through" -> QueueModel.TRADE_THROUGH;
            case "queue-position" -> QueueModel.QUEUE_POSITION;
            default -> throw new IllegalArgumentException(params.path()
                    + ".queue-model: expected trade-through or queue-position, got '" + qm + "'");
        };
        long send = Math.multiplyExact(params.integer("send-latency-us", 0), 1_000L);
        long ack = Math.multiplyExact(params.integer("ack-latency-us", 0), 1_000L);
        long slip = params.integer("slippage-ticks", 0);
        if (slip < 0 || slip > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(params.path() + ".slippage-ticks: must be between 0 and " + Integer.MAX_VALUE);
        }
        return new VenueConfig(venueId, send, ack, (int) slip, queue,
                InstrumentTerms.fixed(params, "starting-balance", balance), params.string("currency", "USD"));
    }
}
