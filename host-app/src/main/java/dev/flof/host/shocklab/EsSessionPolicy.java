package dev.flof.host.shocklab;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * ES session policy (issue 11): no new entries in the last {@code noEntryMinutes} before the daily maintenance
 * break (16:00 CT, Monday to Thursday) and the weekend close (Friday 16:00 CT), none while Globex is closed, and
 * optionally flat before the weekend from {@code flattenMinutesBeforeWeekend} before the Friday close. Why: a
 * position carried into the break or the weekend meets the reopen gap, which a stop cannot bound.
 *
 * <p>Hours are CME Globex equity hours in {@code America/Chicago} (Sunday 17:00 to Friday 16:00, daily break
 * 16:00-17:00); holiday early closes are not in this rule (the exchange calendar has them).
 *
 * <p>Hook: the engine's entry path asks {@link #entryBlocked} before a bracket is sent; the trading loop asks
 * {@link #mustBeFlat} on every heartbeat and flattens through the order manager when it says so.
 */
public record EsSessionPolicy(int noEntryMinutes, boolean flatBeforeWeekend, int flattenMinutesBeforeWeekend) {
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final LocalTime OPEN = LocalTime.of(17, 0);

    public EsSessionPolicy {
        if (noEntryMinutes < 0 || flattenMinutesBeforeWeekend < 0) {
            throw new IllegalArgumentException("minutes must not be negative");
        }
    }

    /** The default: no entries 15 minutes before the break or the weekend close; not forced flat. */
    public static EsSessionPolicy defaults() {
        return new EsSessionPolicy(15, false, 10);
    }

    /** Null when an entry may go at {@code tsNanos}, else why not. */
    public String entryBlocked(long tsNanos) {
        ZonedDateTime t = Instant.ofEpochSecond(0, tsNanos).atZone(CHICAGO);
        DayOfWeek d = t.getDayOfWeek();
        LocalTime lt = t.toLocalTime();
        if (closed(d, lt)) {
            return "Globex closed (" + d + " " + lt + " CT)";
        }
        if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && lt.isBefore(CLOSE)
                && !lt.isBefore(CLOSE.minusMinutes(noEntryMinutes))) {
            return "within " + noEntryMinutes + " min of the " + (d == DayOfWeek.FRIDAY ? "weekend close" : "maintenance break")
                    + " (16:00 CT)";
        }
        return null;
    }

    /** Whether the policy wants the account flat at {@code tsNanos} (only before the weekend, when configured). */
    public boolean mustBeFlat(long tsNanos) {
        if (!flatBeforeWeekend) {
            return false;
        }
        ZonedDateTime t = Instant.ofEpochSecond(0, tsNanos).atZone(CHICAGO);
        LocalTime lt = t.toLocalTime();
        return t.getDayOfWeek() == DayOfWeek.FRIDAY && lt.isBefore(CLOSE)
                && !lt.isBefore(CLOSE.minusMinutes(flattenMinutesBeforeWeekend));
    }

    private static boolean closed(DayOfWeek d, LocalTime lt) {
        return switch (d) {
            case SATURDAY -> true;
            case SUNDAY -> lt.isBefore(OPEN);
            case FRIDAY -> !lt.isBefore(CLOSE);
            default -> !lt.isBefore(CLOSE) && lt.isBefore(OPEN);
        };
    }
}
