package dev.flof.spi.flow;

/**
 * The tape's state at {@code asOf}.
 *
 * @param cvd             cumulative volume delta since the session reset, fixed-point
 * @param tapeSpeed       trades per second over the speed window
 * @param baselineSpeed   trades per second over the previous hour
 * @param sellShare       seller-initiated share of volume over the bailout window, 0..1
 */
public record FlowSnapshot(long asOf, long cvd, double tapeSpeed, double baselineSpeed, double sellShare) {
    /** Speed over baseline, e.g. 4.0 for the "+300 %" spike; NaN before a baseline exists. */
    public double speedRatio() {
        return baselineSpeed > 0 ? tapeSpeed / baselineSpeed : Double.NaN;
    }
}
