package dev.flof.smc.event;

import dev.flof.smc.model.OrderBlock;

/**
 * A lifecycle step of an order block. Steps only go forward: CREATED, TOUCHED (first re-entry), MITIGATED
 * (penetration to the configured fraction), INVALIDATED (price through the far edge: the block becomes a
 * breaker of opposite polarity), BREAKER_INVALIDATED (price back through the near edge), or EXPIRED (age or
 * cap; the block stops being tracked).
 */
public record ObEvent(Kind kind, OrderBlock ob, long knownIndex, long knownTime) implements SmcEvent {
    public enum Kind { CREATED, TOUCHED, MITIGATED, INVALIDATED, BREAKER_INVALIDATED, EXPIRED }
}
