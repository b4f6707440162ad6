package dev.flof.host.engine;

import dev.flof.host.calendar.ExchangeCalendar;
import dev.flof.host.calendar.Interval;
import java.util.Optional;

/**
 * An entry window: a named session of the instrument's calendar, or only its first {@code firstMinutes}
 * (e.g. {@code london:120}, the London open). Configured per market profile.
 *
 * @param firstMinutes 0 = the whole session
 */
public record KillZone(String session, int firstMinutes) {
    /** Parses {@code name} or {@code name:minutes}. */
    public static KillZone parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return new KillZone(spec, 0);
        }
        return new KillZone(spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1)));
    }

    public String label() {
        return firstMinutes == 0 ? session : session + ":" + firstMinutes;
    }

    /** The occurrence of this zone that contains {@code ts}, if any. */
    public Optional<Interval> at(ExchangeCalendar calendar, long ts) {
        Optional<Interval> occ = calendar.sessionAt(session, ts);
        if (occ.isEmpty() || firstMinutes == 0) {
            return occ;
        }
        Interval i = occ.get();
        Interval head = new Interval(i.startNs(), Math.min(i.endNs(), i.startNs() + firstMinutes * 60_000_000_000L));
        return head.contains(ts) ? Optional.of(head) : Optional.empty();
    }
}
