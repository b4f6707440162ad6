package dev.flof.smc.model;

/** A fair value gap with its lifecycle state as of the engine's last bar. */
public record TrackedFvg(Fvg fvg, State state, int touches) {
    /** Lifecycle states in the only order they can be reached. */
    public enum State { ACTIVE, TOUCHED, CE, FILLED, INVERTED, MERGED, EXPIRED }

    /** Whether some of the gap is still open (not filled, inverted, merged away or expired). */
    public boolean open() {
        return state == State.ACTIVE || state == State.TOUCHED || state == State.CE;
    }
}
