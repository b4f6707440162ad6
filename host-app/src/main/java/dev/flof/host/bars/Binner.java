package dev.flof.host.bars;

import dev.flof.host.calendar.ExchangeCalendar;
import dev.flof.host.calendar.Interval;
import dev.flof.spi.market.Timeframe;
import java.time.LocalDate;

/**
 * Cuts time into bar intervals by an instrument's calendar: intraday bins (1m..4H) are counted from the
 * trading-day roll (18:00 ET for ES, 00:00 UTC for crypto) and truncated at the day's end (the maintenance
 * break or an early close), so no bar spans a break; 1D is the trading day's open segment; 1W and 1M span
 * the trading days of an ISO week or calendar month (by trading-day date), from the first day's open to
 * the last day's close. Instants when the market is closed have no bin.
 */
public final class Binner {
    private final ExchangeCalendar cal;
    private LocalDate cachedDay;
    private long dayStart;
    private long dayEnd = Long.MIN_VALUE;
    /** A stretch [closedFrom, closedUntil) known to be outside every open segment (a break, a weekend, a holiday). */
    private long closedFrom = Long.MAX_VALUE;
    private long closedUntil = Long.MIN_VALUE;

    public Binner(ExchangeCalendar cal) {
        this.cal = cal;
    }

    /**
     * Whether {@code ts} lies in a trading day's open segment (no allocation on the common path). Inside the
     * current day's segment, and inside the closed stretch last found (from that instant to the next open), the
     * answer needs no calendar arithmetic: trades during a maintenance break or a weekend ask once.
     */
    public boolean inSegment(long ts) {
        if (ts >= dayStart && ts < dayEnd) {
            return true;
        }
        if (ts >= closedFrom && ts < closedUntil) {
            return false;
        }
        LocalDate td = cal.tradingDay(ts);
        long s = cal.tradingDayStart(td);
        long e = cal.tradingDayEnd(td);
        if (ts < s) {
            // before its trading day opens: closed until that open
            closedFrom = ts;
            closedUntil = s;
            return false;
        }
        if (ts >= e) {
            // after its trading day closed: closed until the next trading day opens
            closedFrom = ts;
            closedUntil = cal.tradingDayStart(cal.nextTradingDay(td));
            return false;
        }
        cachedDay = td;
        dayStart = s;
        dayEnd = e;
        return true;
    }

    /** The bin of {@code tf} containing {@code ts}, or null when the market is closed at {@code ts}. */
    public Interval bin(Timeframe tf, long ts) {
        if (!inSegment(ts)) {
            return null;
        }
        return switch (tf) {
            case D1 -> new Interval(dayStart, dayEnd);
            case W1 -> period(cachedDay.with(java.time.DayOfWeek.MONDAY), cachedDay.with(java.time.DayOfWeek.SUNDAY));
            case MN1 -> period(cachedDay.withDayOfMonth(1), cachedDay.withDayOfMonth(cachedDay.lengthOfMonth()));
            default -> {
                long dur = tf.nominal().toNanos();
                long s = dayStart + Math.floorDiv(ts - dayStart, dur) * dur;
                yield new Interval(s, Math.min(s + dur, dayEnd));
            }
        };
    }

    private Interval period(LocalDate first, LocalDate last) {
        LocalDate a = first;
        while (!cal.isTradingDay(a)) {
            a = a.plusDays(1);
        }
        LocalDate b = last;
        while (!cal.isTradingDay(b)) {
            b = b.minusDays(1);
        }
        return new Interval(cal.tradingDayStart(a), cal.tradingDayEnd(b));
    }
}
