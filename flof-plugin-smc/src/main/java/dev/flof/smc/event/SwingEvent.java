package dev.flof.smc.event;

import dev.flof.smc.model.Swing;

/**
 * A pivot decision of one structure level.
 *
 * @param kind     CONFIRMED (a pivot of the other type than the last swing, appended), REPLACED (a strictly more
 *                 extreme pivot of the same type replaced the last swing), DISCARDED (a same-type pivot that
 *                 was not more extreme; informative)
 * @param replaced the swing that was replaced (REPLACED only), else null
 */
public record SwingEvent(Kind kind, Swing swing, Swing replaced, long knownIndex, long knownTime) implements SmcEvent {
    public enum Kind { CONFIRMED, REPLACED, DISCARDED }
}
