package dev.flof.orderflow.signal;

/**
 * Large prints (spec F8, T3): consecutive fills with the same exchange timestamp and aggressor side are one
 * aggressor event (CME reports all fills of one aggressing order together). The event is complete - and
 * knowable - when a fill with another timestamp or side arrives or time moves past it; it is a large print when
 * its summed size is at least Q. Fills without an aggressor side never join an event.
 */
public final class LargePrintAggregator {
    private final long minSize;
    private boolean active;
    private long ts;
    private int side;
    private long size;
    private int fills;
    private long lowTick;
    private long highTick;
    // last completed event
    private long doneTs;
    private int doneSide;
    private long doneSize;
    private int doneFills;
    private long doneLow;
    private long doneHigh;

    public LargePrintAggregator(long minSize) {
        if (minSize <= 0) {
            throw new IllegalArgumentException("large-print size must be positive");
        }
        this.minSize = minSize;
    }

    /**
     * Adds a fill. Returns true when this fill completed a large-print event (read it with the {@code done*}
     * accessors).
     */
    public boolean onTrade(long t, long tick, long qty, int s) {
        boolean emitted = false;
        if (active && (t != ts || s != side)) {
            emitted = complete();
        }
        if (s == 0) {
            return emitted;
        }
        if (!active) {
            active = true;
            ts = t;
            side = s;
            size = 0;
            fills = 0;
            lowTick = tick;
            highTick = tick;
        }
        size += qty;
        fills++;
        lowTick = Math.min(lowTick, tick);
        highTick = Math.max(highTick, tick);
        return emitted;
    }

    /** Time moved to {@code t} (a quote or timer): an event older than t is complete. */
    public boolean advanceTo(long t) {
        if (active && t > ts) {
            return complete();
        }
        return false;
    }

    private boolean complete() {
        active = false;
        if (size >= minSize) {
            doneTs = ts;
            doneSide = side;
            doneSize = size;
            doneFills = fills;
            doneLow = lowTick;
            doneHigh = highTick;
            return true;
        }
        return false;
    }

    public long doneTs() {
        return doneTs;
    }

    public int doneSide() {
        return doneSide;
    }

    public long doneSize() {
        return doneSize;
    }

    public int doneFills() {
        return doneFills;
    }

    public long doneLowTick() {
        return doneLow;
    }

    public long doneHighTick() {
        return doneHigh;
    }
}
