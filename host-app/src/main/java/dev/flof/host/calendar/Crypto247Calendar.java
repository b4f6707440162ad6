package dev.flof.host.calendar;

import dev.flof.spi.calendar.SessionWindow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Crypto spot and perpetuals: UTC, always open, the trading day is the UTC date (roll 00:00 UTC). Regular
 * hours are all hours. Sessions are the traditional-market windows crypto traders watch: Asia (Tokyo),
 * London, New York, their London/New York overlap (DST-aware in both zones) and the weekend.
 */
public final class Crypto247Calendar implements ExchangeCalendar {
    public static final String ID = "CRYPTO_24_7";

    private final List<SessionRule> rules;

    public Crypto247Calendar() {
        this(defaultSessions());
    }

    public Crypto247Calendar(List<SessionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * asia 09:00-15:00 Asia/Tokyo, london 08:00-16:00 Europe/London, new-york 08:00-17:00 America/New_York,
     * london-ny-overlap (their intersection: 12:00-16:00 UTC in summer, 13:00-16:00 UTC in winter, and
     * 12:00-16:00 UTC in the weeks when only the US is on DST), weekend Saturday 00:00 to Monday 00:00 UTC,
     * and cme-weekend Friday 17:00 to Sunday 18:00 ET (the CME-gap window).
     */
    public static List<SessionRule> defaultSessions() {
        SessionRule.Daily london = SessionRule.Daily.everyDay(new SessionWindow("london", LocalTime.of(8, 0), LocalTime.of(16, 0), ZoneId.of("Europe/London"), false));
        SessionRule.Daily ny = SessionRule.Daily.everyDay(new SessionWindow("new-york", LocalTime.of(8, 0), LocalTime.of(17, 0), ZoneId.of("America/New_York"), false));
        return List.of(
                SessionRule.Daily.everyDay(new SessionWindow("asia", LocalTime.of(9, 0), LocalTime.of(15, 0), ZoneId.of("Asia/Tokyo"), false)),
                london,
                ny,
                new SessionRule.Overlap("london-ny-overlap", london, ny),
                new SessionRule.Weekly("weekend", DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, DayOfWeek.MONDAY, LocalTime.MIDNIGHT, ZoneOffset.UTC),
                new SessionRule.Weekly("cme-weekend", DayOfWeek.FRIDAY, LocalTime.of(17, 0), DayOfWeek.SUNDAY, LocalTime.of(18, 0), ZoneId.of("America/New_York")));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }

    @Override
    public LocalDate tradingDay(long tsNanos) {
        return LocalDate.ofEpochDay(Math.floorDiv(tsNanos, 86_400_000_000_000L));
    }

    @Override
    public long tradingDayStart(LocalDate tradingDay) {
        return Math.multiplyExact(tradingDay.toEpochDay(), 86_400_000_000_000L);
    }

    @Override
    public long tradingDayEnd(LocalDate tradingDay) {
        return tradingDayStart(tradingDay.plusDays(1));
    }

    @Override
    public boolean isTradingDay(LocalDate d) {
        return true;
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
        return ExchangeCalendar.dailyWindows(rules);
    }

    @Override
    public List<SessionRule> sessionRules() {
        return rules;
    }
}
