package dev.flof.orderflow.delta;

import dev.flof.spi.calendar.TradingCalendar;
import java.time.LocalDate;

/**
 * Session resets at the trading-day roll of a {@link TradingCalendar} (ES: 18:00 New York; crypto: 00:00 UTC).
 * The next roll is the first later trading-day start found within a week, so weekends and holidays are skipped.
 */
public final class CalendarSessionResets implements SessionResets {
    private final TradingCalendar calendar;

    public CalendarSessionResets(TradingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public long sessionStart(long ts) {
        // outside trading (e.g. a weekend print) the trading day may start later: the session then starts here
        return Math.min(ts, calendar.tradingDayStart(calendar.tradingDay(ts)));
    }

    @Override
    public long nextSessionStart(long ts) {
        LocalDate day = calendar.tradingDay(ts);
        for (int i = 1; i <= 8; i++) {
            long start = calendar.tradingDayStart(day.plusDays(i));
            if (start > ts) {
                return start;
            }
        }
        throw new IllegalStateException("calendar " + calendar.id() + " has no trading day within 8 days after " + day);
    }
}
