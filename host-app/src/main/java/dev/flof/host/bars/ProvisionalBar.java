package dev.flof.host.bars;

import dev.flof.spi.event.Bar;

/**
 * A forming (not yet closed) bar, as an explicit opt-in view: values change until {@code bar.tsEvent()},
 * the interval end. Strategies that read this are "live" by choice and must flag anything derived from it
 * as provisional; the bar series and listeners never contain one.
 *
 * @param bar  the bar so far; {@code tsEvent} is the end of its interval, not a close that has happened
 * @param asOf time of the last event folded into it
 */
public record ProvisionalBar(Bar bar, long asOf) {
}
