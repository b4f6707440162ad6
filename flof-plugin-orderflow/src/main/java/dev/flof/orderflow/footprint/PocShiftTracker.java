package dev.flof.orderflow.footprint;

/**
 * POC migration across closed bars (spec F6). The POC is "shifting with the move" when
 * {@code d * (POC_b - POC_{b-1}) >= 1 tick} for {@code m} consecutive bars (reported once when the run reaches m);
 * a bar that makes a new high above the previous bar's high without a higher low breach (an up bar) while its
 * POC does not rise is a lag warning (mirror for down).
 */
public final class PocShiftTracker {
    /** What a closed bar showed. */
    public enum Outcome { NONE, SHIFT_UP, SHIFT_DOWN, LAG_UP, LAG_DOWN }

    private final int minBars;
    private boolean hasPrevious;
    private long prevPoc;
    private long prevHigh;
    private long prevLow;
    private int upRun;
    private int downRun;

    public PocShiftTracker(int minBars) {
        if (minBars < 1) {
            throw new IllegalArgumentException("POC shift needs at least one bar");
        }
        this.minBars = minBars;
    }

    public Outcome onBar(long pocTick, long highTick, long lowTick) {
        Outcome out = Outcome.NONE;
        if (hasPrevious) {
            long d = pocTick - prevPoc;
            if (d >= 1) {
                upRun++;
                downRun = 0;
            } else if (d <= -1) {
                downRun++;
                upRun = 0;
            } else {
                upRun = 0;
                downRun = 0;
            }
            if (upRun == minBars) {
                out = Outcome.SHIFT_UP;
            } else if (downRun == minBars) {
                out = Outcome.SHIFT_DOWN;
            } else if (highTick > prevHigh && lowTick >= prevLow && d <= 0) {
                out = Outcome.LAG_UP;
            } else if (lowTick < prevLow && highTick <= prevHigh && d >= 0) {
                out = Outcome.LAG_DOWN;
            }
        }
        hasPrevious = true;
        prevPoc = pocTick;
        prevHigh = highTick;
        prevLow = lowTick;
        return out;
    }

    public int upRun() {
        return upRun;
    }

    public int downRun() {
        return downRun;
    }
}
