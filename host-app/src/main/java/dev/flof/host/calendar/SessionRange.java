package dev.flof.host.calendar;

/**
 * The final high and low of one occurrence of a named session (e.g. Asia on a given night). It is final,
 * and knowable, only at the session's end: {@code knownAt == endNs}.
 */
public record SessionRange(String symbol, String session, long startNs, long endNs, long high, long low) {
    /** The time this range became knowable: the session's end. */
    public long knownAt() {
        return endNs;
    }
}
