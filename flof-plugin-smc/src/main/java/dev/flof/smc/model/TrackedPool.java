package dev.flof.smc.model;

/**
 * A liquidity pool with its state as of the engine's last bar.
 *
 * @param eventIndex bar on which it was swept or broken, else -1
 * @param eventTime  close time of that bar, else 0
 */
public record TrackedPool(Pool pool, State state, long eventIndex, long eventTime) {
    public enum State { ACTIVE, PENDING, SWEPT, BROKEN }
}
