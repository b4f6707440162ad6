/**
 * The simulated execution venue used by backtests (and by paper trading against recorded data): a
 * deterministic matching model that behaves like the real venue's contingent orders, a latency model, fees
 * per venue and instrument, and a margin account. Everything is driven by market events in replay order;
 * nothing here reads a wall clock or starts a thread.
 *
 * <p>Entry points: {@link dev.flof.host.venue.SimulatedVenue} (the venue, an
 * {@link dev.flof.spi.ext.ExecutionVenue.Session}), {@link dev.flof.host.venue.VenueConfig} and
 * {@link dev.flof.host.venue.InstrumentTerms} (configuration), and
 * {@link dev.flof.host.venue.ProtectionInvariant} (the "every position has a resting stop" check).
 */
package dev.flof.host.venue;
