package dev.flof.smc.event;

import dev.flof.smc.model.Fvg;

/**
 * A lifecycle step of a fair value gap: CREATED, MERGED (this gap was absorbed into {@link #into()} by
 * {@code joinConsecutive}; it is no longer tracked), TOUCHED (near edge), CE (consequent encroachment, the
 * 50 % level), FILLED (far edge), INVERTED (a close through the far edge), EXPIRED.
 *
 * @param into the absorbing gap for MERGED, else null
 */
public record FvgEvent(Kind kind, Fvg fvg, Fvg into, long knownIndex, long knownTime) implements SmcEvent {
    public enum Kind { CREATED, MERGED, TOUCHED, CE, FILLED, INVERTED, EXPIRED }
}
