package dev.flof.smc.model;

/**
 * A fair value gap (three-candle imbalance), anchored on its middle candle.
 *
 * @param id         engine-unique id
 * @param dir        +1 bullish, -1 bearish
 * @param index      middle candle position
 * @param time       middle candle open time
 * @param top        upper edge (bullish: low of the third candle; bearish: low of the first)
 * @param bottom     lower edge (bullish: high of the first candle; bearish: high of the third)
 * @param knownIndex the third candle (= index + 1): the gap exists only once that bar closed
 * @param knownTime  close time of the third candle
 * @param absorbedId id of the gap this one absorbed with {@code joinConsecutive}, or -1
 */
public record Fvg(long id, int dir, long index, long time, long top, long bottom, long knownIndex, long knownTime,
                  long absorbedId) {
    /** Whether a price lies inside the zone, edges included. */
    public boolean contains(long price) {
        return price >= bottom && price <= top;
    }
}
