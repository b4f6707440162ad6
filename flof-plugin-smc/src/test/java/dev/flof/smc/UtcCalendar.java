package dev.flof.smc;

import dev.flof.spi.calendar.SessionWindow;
import dev.flof.spi.calendar.TradingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Test calendar: UTC, 24/7, trading day = UTC date, with the given session windows. */
public final class UtcCalendar implements TradingCalendar {
    private final List<SessionWindow> sessions;

    public UtcCalendar(List<SessionWindow> sessions) {
        this.sessions = List.copyOf(sessions);
    }

    public UtcCalendar() {
        this(List.of(new SessionWindow("Asia", LocalTime.of(0, 0), LocalTime.of(6, 0), ZoneOffset.UTC, false),
                new SessionWindow("London", LocalTime.of(7, 0), LocalTime.of(10, 0), ZoneOffset.UTC, true),
                new SessionWindow("New York", LocalTime.of(13, 30), LocalTime.of(16, 0), ZoneOffset.UTC, true)));
    }

    @Override
    public String id() {
        return "TEST_UTC_24_7";
    }

    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }

    @Override
    public LocalDate tradingDay(long tsNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(tsNanos, 1_000_000_000L)).atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Override
    public long tradingDayStart(LocalDate tradingDay) {
        return tradingDay.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }

    @Override
    public boolean isOpen(long tsNanos) {
        return true;
    }

    @Override
    public boolean isRegularHours(long tsNanos) {
        return true;
    }

    @Override
    public List<SessionWindow> sessions() {
        return sessions;
    }
}
