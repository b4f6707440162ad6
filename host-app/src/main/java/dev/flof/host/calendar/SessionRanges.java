package dev.flof.host.calendar;

import dev.flof.spi.event.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tracks the high and low of named sessions of one instrument (Asia, London, NY AM, initial balance,
 * weekend, ...) and emits each occurrence's {@link SessionRange} once the session has ended, on the first
 * event (or {@link #advanceTo}) at or after its end. While a session runs its range is only available as
 * the explicitly provisional {@link #running}. Occurrences without any print emit nothing.
 */
public final class SessionRanges {
    private final String symbol;
    private final ExchangeCalendar calendar;
    private final List<Slot> slots = new ArrayList<>();
    private final Consumer<SessionRange> out;

    private static final class Slot {
        final SessionRule rule;
        Interval current;
        long high;
        long low;
        boolean hasData;
        long quietUntil = Long.MIN_VALUE;

        Slot(SessionRule rule) {
            this.rule = rule;
        }
    }

    public SessionRanges(String symbol, ExchangeCalendar calendar, List<String> sessions, Consumer<SessionRange> out) {
        this.symbol = symbol;
        this.calendar = calendar;
        for (String s : sessions) {
            slots.add(new Slot(calendar.sessionRule(s).orElseThrow(() -> new IllegalArgumentException(
                    "calendar " + calendar.id() + " has no session '" + s + "'"))));
        }
        this.out = out;
    }

    /** A print at {@code ts}. */
    public void onTrade(long ts, long price) {
        advanceTo(ts);
        for (Slot s : slots) {
            if (locate(s, ts)) {
                fold(s, price, price);
            }
        }
    }

    /** A bar counts for a session occurrence that contains its whole interval; time then advances to its close. */
    public void onBar(Bar b) {
        advanceTo(b.openTime());
        for (Slot s : slots) {
            if (locate(s, b.openTime()) && b.tsEvent() <= s.current.endNs()) {
                fold(s, b.high(), b.low());
            }
        }
        advanceTo(b.tsEvent());
    }

    private static void fold(Slot s, long high, long low) {
        if (!s.hasData) {
            s.high = high;
            s.low = low;
            s.hasData = true;
        } else {
            s.high = Math.max(s.high, high);
            s.low = Math.min(s.low, low);
        }
    }

    /** Whether {@code ts} lies in an occurrence of the slot's session; opens it when it starts. */
    private boolean locate(Slot s, long ts) {
        if (s.current != null && s.current.contains(ts)) {
            return true;
        }
        if (ts < s.quietUntil) {
            return false;
        }
        Optional<Interval> occ = s.rule.occurrenceAt(ts, calendar);
        if (occ.isPresent()) {
            s.current = occ.get();
            s.hasData = false;
            return true;
        }
        List<Interval> next = s.rule.occurrences(ts, ts + 8L * 86_400_000_000_000L, calendar);
        s.quietUntil = next.isEmpty() ? ts + 86_400_000_000_000L : next.get(0).startNs();
        return false;
    }

    /** Time has reached {@code ts}: sessions that ended at or before it are final and emitted. */
    public void advanceTo(long ts) {
        for (Slot s : slots) {
            if (s.current != null && ts >= s.current.endNs()) {
                if (s.hasData) {
                    out.accept(new SessionRange(symbol, s.rule.name(), s.current.startNs(), s.current.endNs(), s.high, s.low));
                }
                s.current = null;
                s.hasData = false;
            }
        }
    }

    /** The running (provisional) range of a session in progress, if it has had a print. */
    public Optional<SessionRange> running(String session) {
        for (Slot s : slots) {
            if (s.rule.name().equals(session) && s.current != null && s.hasData) {
                return Optional.of(new SessionRange(symbol, session, s.current.startNs(), s.current.endNs(), s.high, s.low));
            }
        }
        return Optional.empty();
    }
}
