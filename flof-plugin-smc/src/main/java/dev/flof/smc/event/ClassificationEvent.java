package dev.flof.smc.event;

import dev.flof.smc.model.Swing;

/**
 * The library-style four-swing classification of a swing, known once the swing after the break confirmed.
 * A later replacement of the last swing can re-classify it (a new event; the last one counts).
 *
 * @param swing       the swing {@code S[-3]} the pattern labels
 * @param patternKind {@code BOS}, {@code CHOCH} or {@code NONE}
 * @param dir         +1 bullish pattern, -1 bearish, 0 for NONE
 */
public record ClassificationEvent(int level, Swing swing, String patternKind, int dir, long knownIndex, long knownTime)
        implements SmcEvent {
}
