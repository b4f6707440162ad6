package dev.flof.smc.model;

/**
 * An order block as created by a structure break. Immutable creation facts only; its lifecycle is told by
 * {@link dev.flof.smc.event.ObEvent}s.
 *
 * @param id          engine-unique id (creation order)
 * @param level       structure level whose break created it
 * @param dir         +1 bullish (demand, created by an upward break), -1 bearish
 * @param index       OB candle position
 * @param time        OB candle open time
 * @param top         zone top (wick or body, per config)
 * @param bottom      zone bottom
 * @param swing       the swing whose break created it
 * @param breakIndex  break bar (= the bar at whose close the OB became known)
 * @param breakTime   close time of the break bar
 * @param obVolume    library formula {@code v[t]+v[t-1]+v[t-2]} (as a double of whole units)
 * @param percentage  library "strength" {@code min(v[t-2], v[t]+v[t-1]) / max(...) * 100}, NaN if both are 0
 * @param candleVolume the OB candle's own volume, fixed-point
 */
public record OrderBlock(long id, int level, int dir, long index, long time, long top, long bottom, Swing swing,
                         long breakIndex, long breakTime, double obVolume, double percentage, long candleVolume) {
}
