package dev.flof.smc.model;

/**
 * An order block with its lifecycle state as of the engine's last bar (a snapshot; the engine's own state
 * moves on).
 *
 * @param touches number of times price re-entered the zone (entering bars after a bar outside it)
 */
public record TrackedOb(OrderBlock ob, State state, int touches) {
    /** Lifecycle states in the only order they can be reached. */
    public enum State { ACTIVE, TOUCHED, MITIGATED, BREAKER, BREAKER_INVALIDATED, EXPIRED }

    /** Whether the zone still acts in its original direction (not a breaker, not expired). */
    public boolean live() {
        return state == State.ACTIVE || state == State.TOUCHED || state == State.MITIGATED;
    }
}
