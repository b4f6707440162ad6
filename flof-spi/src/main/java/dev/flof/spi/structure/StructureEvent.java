package dev.flof.spi.structure;

import dev.flof.spi.market.Timeframe;

/**
 * A structure fact: a swing, a break (BOS/CHOCH), an order block or FVG state change, a pool sweep.
 *
 * @param type      e.g. {@code SWING_HIGH}, {@code BOS}, {@code CHOCH}, {@code OB_MITIGATED}, {@code POOL_SWEPT}
 * @param direction +1 bullish, -1 bearish, 0 none
 * @param top       upper price of the level or zone, fixed-point
 * @param bottom    lower price (equal to {@code top} for a level)
 * @param refTime   open time of the bar the fact refers to (e.g. the pivot bar)
 * @param knownTime when it became knowable: the close time of the bar that confirmed it
 * @param subject   id of the zone or pool the event is about (lifecycle events), else empty
 */
public record StructureEvent(String symbol, Timeframe timeframe, String type, int direction, long top, long bottom,
                             long refTime, long knownTime, String subject) {
}
