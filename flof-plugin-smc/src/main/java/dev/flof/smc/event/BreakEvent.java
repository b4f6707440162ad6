package dev.flof.smc.event;

import dev.flof.smc.model.Swing;

/**
 * A structure break: the first close (or wick) beyond the latest unbroken swing of a level. The event sits on
 * the break bar ({@code knownIndex}); {@link #swing()} is the level that broke.
 *
 * @param dir          +1 up through a swing high, -1 down through a swing low
 * @param kind         {@code BOS} (with the trend, or the first break) or {@code CHOCH} (against the trend)
 * @param displacement the break bar's body is at least {@code displacementAtr} x ATR in the break's direction
 *                     (a CHOCH with displacement is ICT's market structure shift, MSS)
 */
public record BreakEvent(int level, int dir, String kind, Swing swing, long knownIndex, long knownTime,
                         boolean displacement) implements SmcEvent {
    public long breakIndex() {
        return knownIndex;
    }
}
