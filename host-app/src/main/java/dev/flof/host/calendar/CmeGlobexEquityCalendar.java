package dev.flof.host.calendar;

import dev.flof.spi.calendar.SessionWindow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;

/**
 * CME Globex equity-index futures (ES): America/New_York; trading day {@code D} runs from 18:00 ET on the
 * previous calendar day to 17:00 ET on {@code D} (the 17:00-18:00 maintenance break separates days;
 * Sunday 18:00 opens Monday); Monday to Friday; RTH 09:30-16:00 ET; closures and early closes from a
 * {@link HolidayTable}. A full closure removes the trading day, so the next day opens at 18:00 ET on the
 * holiday (Christmas 2023: reopen Monday 25th 18:00 ET for Tuesday's trading day).
 *
 * <p>History: valid from trade date 2012-11-19, when CME moved the equity day's end to 17:15 ET with a
 * 16:15-16:30 ET pause; from trade date 2015-09-21 the day ends at 17:00 ET. The 16:15-16:30 pause is
 * modelled (closed) for trade dates 2012-11-19 to 2015-09-18, where both the CME notices and the LEAN 2013
 * ES minutes confirm it; its later removal date is not verified here, so after 2015-09-18 it is not
 * modelled. The pause does not cut bars (it is inside the trading day).
 */
public final class CmeGlobexEquityCalendar implements ExchangeCalendar {
    public static final String ID = "CME_GLOBEX_EQUITY";
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final LocalTime ROLL = LocalTime.of(18, 0);
    public static final LocalTime CLOSE = LocalTime.of(17, 0);
    public static final LocalTime RTH_OPEN = LocalTime.of(9, 30);
    public static final LocalTime RTH_CLOSE = LocalTime.of(16, 0);
    /** Last trade date with the 17:15 ET close (and the modelled 16:15-16:30 ET pause). */
    public static final LocalDate LAST_1715_CLOSE = LocalDate.of(2015, 9, 18);
    /** First trade date of the 18:00-17:15 ET day (the calendar is not valid before it). */
    public static final LocalDate FIRST_SUPPORTED = LocalDate.of(2012, 11, 19);
    private static final LocalTime CLOSE_1715 = LocalTime.of(17, 15);
    private static final LocalTime PAUSE_START = LocalTime.of(16, 15);
    private static final LocalTime PAUSE_END = LocalTime.of(16, 30);

    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final HolidayTable holidays;
    private final List<SessionRule> rules;

    /** With the bundled holiday table. */
    public CmeGlobexEquityCalendar() {
        this(HolidayTable.cmeEquity());
    }

    public CmeGlobexEquityCalendar(HolidayTable holidays) {
        this(holidays, defaultSessions());
    }

    public CmeGlobexEquityCalendar(HolidayTable holidays, List<SessionRule> sessionRules) {
        this.holidays = holidays;
        this.rules = List.copyOf(sessionRules);
    }

    /**
     * Asia 20:00-00:00 ET (Sun-Thu starts), London open 07:00-10:00 Europe/London (kill zone), New York AM
     * 09:30-11:30 ET and PM 13:30-15:30 ET (kill zones), initial balance 09:30-10:30 ET, RTH 09:30-16:00 ET.
     * Every window needs the market open at its start, so none occurs on a closure.
     */
    public static List<SessionRule> defaultSessions() {
        EnumSet<DayOfWeek> sunThu = EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        return List.of(
                new SessionRule.Daily(new SessionWindow("asia", LocalTime.of(20, 0), LocalTime.MIDNIGHT, NEW_YORK, false), sunThu, true),
                new SessionRule.Daily(new SessionWindow("london", LocalTime.of(7, 0), LocalTime.of(10, 0), LONDON, true), WEEKDAYS, true),
                new SessionRule.Daily(new SessionWindow("ny-am", LocalTime.of(9, 30), LocalTime.of(11, 30), NEW_YORK, true), WEEKDAYS, true),
                new SessionRule.Daily(new SessionWindow("ny-pm", LocalTime.of(13, 30), LocalTime.of(15, 30), NEW_YORK, true), WEEKDAYS, true),
                new SessionRule.Daily(new SessionWindow("initial-balance", RTH_OPEN, LocalTime.of(10, 30), NEW_YORK, false), WEEKDAYS, true),
                new SessionRule.Daily(new SessionWindow("rth", RTH_OPEN, RTH_CLOSE, NEW_YORK, false), WEEKDAYS, true),
                new SessionRule.Weekly("weekend", DayOfWeek.FRIDAY, CLOSE, DayOfWeek.SUNDAY, ROLL, NEW_YORK));
    }

    public HolidayTable holidays() {
        return holidays;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ZoneId zone() {
        return NEW_YORK;
    }

    @Override
    public boolean isTradingDay(LocalDate d) {
        return WEEKDAYS.contains(d.getDayOfWeek()) && !holidays.closed(d);
    }

    @Override
    public LocalDate tradingDay(long tsNanos) {
        ZonedDateTime z = Times.toZoned(tsNanos, NEW_YORK);
        LocalDate c = z.toLocalTime().isBefore(ROLL) ? z.toLocalDate() : z.toLocalDate().plusDays(1);
        return isTradingDay(c) ? c : nextTradingDay(c);
    }

    @Override
    public long tradingDayStart(LocalDate tradingDay) {
        return Times.toNanos(tradingDay.minusDays(1), ROLL, NEW_YORK);
    }

    @Override
    public long tradingDayEnd(LocalDate tradingDay) {
        return Times.toNanos(tradingDay, holidays.earlyClose(tradingDay).orElse(regularClose(tradingDay)), NEW_YORK);
    }

    /** The regular (non-holiday) end of a trading day: 17:15 ET up to 2015-09-18, 17:00 ET after. */
    public static LocalTime regularClose(LocalDate tradingDay) {
        return tradingDay.isAfter(LAST_1715_CLOSE) ? CLOSE : CLOSE_1715;
    }

    @Override
    public boolean isOpen(long tsNanos) {
        LocalDate td = tradingDay(tsNanos);
        if (tsNanos < tradingDayStart(td) || tsNanos >= tradingDayEnd(td)) {
            return false;
        }
        if (!td.isAfter(LAST_1715_CLOSE)) {
            ZonedDateTime z = Times.toZoned(tsNanos, NEW_YORK);
            LocalTime lt = z.toLocalTime();
            return !(z.toLocalDate().equals(td) && !lt.isBefore(PAUSE_START) && lt.isBefore(PAUSE_END));
        }
        return true;
    }

    @Override
    public boolean isRegularHours(long tsNanos) {
        if (!isOpen(tsNanos)) {
            return false;
        }
        LocalDate td = tradingDay(tsNanos);
        long open = Times.toNanos(td, RTH_OPEN, NEW_YORK);
        long close = Math.min(Times.toNanos(td, RTH_CLOSE, NEW_YORK), tradingDayEnd(td));
        return tsNanos >= open && tsNanos < close;
    }

    @Override
    public List<SessionWindow> sessions() {
        return ExchangeCalendar.dailyWindows(rules);
    }

    @Override
    public List<SessionRule> sessionRules() {
        return rules;
    }
}
