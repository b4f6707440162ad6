package dev.flof.smc.event;

import dev.flof.smc.model.Pool;

/**
 * A liquidity pool step: CREATED, EXTENDED (an equal-highs/lows pool gained a member: {@link #pool()} is the
 * updated pool, same id), SWEPT (traded beyond, closed back inside within the configured bars) or BROKEN
 * (closed beyond: a run). {@code triggerIndex} is the bar that first traded beyond the level (for
 * SWEPT/BROKEN), else -1.
 */
public record PoolEvent(Kind kind, Pool pool, long triggerIndex, long knownIndex, long knownTime) implements SmcEvent {
    public enum Kind { CREATED, EXTENDED, SWEPT, BROKEN }
}
