/**
 * The FLOF contract between the host and its plugins.
 *
 * <p>Values and events are immutable records ({@link dev.flof.spi.market}, {@link dev.flof.spi.event},
 * {@link dev.flof.spi.order}); extension points are tiny interfaces in {@link dev.flof.spi.ext}, loaded by
 * PF4J. Prices and quantities on the hot path are {@code long} fixed-point with 9 decimals
 * ({@link dev.flof.spi.market.Fixed}), the same scale as Databento's DBN, so conversions are exact.
 * Times are nanoseconds since the Unix epoch, UTC.
 */
package dev.flof.spi;
