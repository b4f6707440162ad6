package dev.flof.host.protect;

import dev.flof.host.calendar.ExchangeCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
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
 * <p>Two forms: the plain rule uses the regular CME Globex equity hours in {@code America/Chicago} (Sunday 17:00 to
 * Friday 16:00, daily break 16:00-17:00); the calendar form ({@link #entryBlocked(long, ExchangeCalendar)}) takes
 * the close of the current trading day from the exchange calendar, so holiday early closes and closures count too
 * (a close followed by more than a day without trading is a weekend close, by more than two hours a holiday close).
 *
 * <p>Wired in: {@link ProtectedDesk} (the engine's entry door) asks the calendar form of {@link #entryBlocked} before
 * a bracket is sent; {@link dev.flof.host.backtest.TradingLoop} asks {@link #mustBeFlat} on every heartbeat and
 * flattens through {@link dev.flof.host.oms.OrderManager#protectiveExit}, which does not halt trading.
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

    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = 60 * MINUTE;

    /** Calendar form of {@link #entryBlocked(long)}: null when an entry may go, else why not. */
    public String entryBlocked(long tsNanos, ExchangeCalendar calendar) {
        if (!calendar.isOpen(tsNanos)) {
            return "Globex closed (" + calendar.id() + ")";
        }
        LocalDate day = calendar.tradingDay(tsNanos);
        long end = calendar.tradingDayEnd(day);
        if (tsNanos >= end - noEntryMinutes * MINUTE) {
            return "within " + noEntryMinutes + " min of the " + closeKind(calendar, day, end) + " ("
                    + Instant.ofEpochSecond(0, end) + ")";
        }
        return null;
    }

    /** Calendar form of {@link #mustBeFlat(long)}: flat before any close followed by more than two hours shut. */
    public boolean mustBeFlat(long tsNanos, ExchangeCalendar calendar) {
        if (!flatBeforeWeekend || !calendar.isOpen(tsNanos)) {
            return false;
        }
        LocalDate day = calendar.tradingDay(tsNanos);
        long end = calendar.tradingDayEnd(day);
        return !closeKind(calendar, day, end).equals("maintenance break") && tsNanos >= end - flattenMinutesBeforeWeekend * MINUTE;
    }

    private static String closeKind(ExchangeCalendar calendar, LocalDate day, long end) {
        long shut = calendar.tradingDayStart(calendar.nextTradingDay(day)) - end;
        return shut > 24 * HOUR ? "weekend close" : shut > 2 * HOUR ? "holiday close" : "maintenance break";
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
