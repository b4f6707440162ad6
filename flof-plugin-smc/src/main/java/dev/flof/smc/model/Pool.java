package dev.flof.smc.model;

/**
 * Resting liquidity at a level.
 *
 * @param id         engine-unique id
 * @param kind       e.g. {@code SWING_HIGH}, {@code INTERNAL_LOW}, {@code EQH}, {@code PDH}, {@code PWL},
 *                   {@code LONDON_HIGH}
 * @param side       +1 buy-side (a high; stops above), -1 sell-side (a low)
 * @param price      the level
 * @param refIndex   bar the level comes from (the pivot bar; for period/session pools the bar that set the extreme)
 * @param refTime    open time of that bar
 * @param knownIndex bar at whose close the pool became known
 * @param knownTime  close time of that bar
 * @param members    number of touches forming it (2+ for equal highs/lows, 1 otherwise)
 * @param mean       mean of the members' levels (equal highs/lows; rounded down to the fixed-point unit), else
 *                   the price
 */
public record Pool(long id, String kind, int side, long price, long refIndex, long refTime, long knownIndex,
                   long knownTime, int members, long mean) {
}
