package dev.flof.spi.order;

import java.util.Objects;

/**
 * An entry with its protection as one contingent group: the stop and target are children that live only
 * once the entry fills, resize with partial fills, and cancel each other (OCO). FLOF never sends an entry
 * without one ("OCO dead-man", circuit-breaker protocol 1).
 *
 * @param target may be null for a stop-only bracket
 */
public record BracketOrder(String groupId, Order entry, Order stop, Order target) {
    public BracketOrder {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(stop, "a bracket needs its protective stop");
        if (stop.side() == entry.side() || (target != null && target.side() == entry.side())) {
            throw new IllegalArgumentException("bracket children must be on the opposite side of the entry: " + groupId);
        }
        if (stop.type() != OrderType.STOP && stop.type() != OrderType.STOP_LIMIT) {
            throw new IllegalArgumentException("protective leg must be a stop order: " + groupId);
        }
    }
}
