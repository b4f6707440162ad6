package dev.flof.spi.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A market's trading calendar: time zone, trading-day roll, trading hours, breaks and closures.
 * Implementations are pure functions of time (no clock reads), so replay is deterministic.
 */
public interface TradingCalendar {
    /** Id used in config and on {@link dev.flof.spi.market.Instrument#calendarId()}. */
    String id();

    ZoneId zone();

    /** The trading day an instant belongs to (for ES, 18:00 ET on Sunday opens Monday's trading day). */
    LocalDate tradingDay(long tsNanos);

    /** Start of a trading day (its roll), ns since the epoch. */
    long tradingDayStart(LocalDate tradingDay);

    /** Whether the market matches orders at this instant (false in breaks, weekends and closures). */
    boolean isOpen(long tsNanos);

    /** Whether the instant lies in regular trading hours (ES 09:30-16:00 ET; crypto always). */
    boolean isRegularHours(long tsNanos);

    /** The session windows (Asia, London, New York AM/PM, initial balance, ...) this market defines. */
    List<SessionWindow> sessions();
}
