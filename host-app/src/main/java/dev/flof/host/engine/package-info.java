/**
 * The Predator engine (issue 8): the strategy that turns the structure map and the tape into graded,
 * sized, protected entries. It lives in the host because it orchestrates the extensions (structure, flow,
 * graders, sizer, stop policy) and uses only the SPI, so every one of them can be swapped by configuration.
 *
 * <p>Entry points: {@link dev.flof.host.engine.PredatorEngine} (one per instrument),
 * {@link dev.flof.host.engine.PredatorSettings} (from the config's {@code predator} and {@code risk} sections),
 * {@link dev.flof.host.engine.EntryDesk} (what it needs from order management) and
 * {@link dev.flof.host.engine.DataCostMeter} (the cost valve priced in Databento bytes).
 */
package dev.flof.host.engine;
