package dev.flof.host.kernel;

/** Replay time: moved forward by the kernel only, never backwards. */
public final class SimulatedClock implements Clock {
    private long now;

    public SimulatedClock(long start) {
        this.now = start;
    }

    @Override
    public long nanos() {
        return now;
    }

    /** Advances to {@code t}; an earlier {@code t} leaves the clock where it is (time never runs back). */
    public void advanceTo(long t) {
        if (t > now) {
            now = t;
        }
    }
}
