package dev.flof.host.calendar;

import dev.flof.spi.calendar.SessionWindow;
import dev.flof.spi.calendar.TradingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host's richer view of a {@link TradingCalendar}: which dates are trading days, when each trading day
 * ends (early closes included) and the session rules (windows, overlaps, weekends) beyond the plain
 * {@link SessionWindow} list of the SPI. The bar aggregator cuts bars with it, so it must be exact.
 *
 * <p>Model: every trading day {@code D} is one contiguous open segment
 * {@code [tradingDayStart(D), tradingDayEnd(D))}; the market is closed between segments (breaks,
 * weekends, closures).
 */
public interface ExchangeCalendar extends TradingCalendar {
    /** Whether {@code d} is a trading day (has an open segment). */
    boolean isTradingDay(LocalDate d);

    /** End of a trading day's open segment (exclusive), early closes honoured, ns since the epoch. */
    long tradingDayEnd(LocalDate tradingDay);

    /** The open segment of a trading day. */
    default Interval segment(LocalDate tradingDay) {
        return new Interval(tradingDayStart(tradingDay), tradingDayEnd(tradingDay));
    }

    /** The first trading day strictly after {@code d}. */
    default LocalDate nextTradingDay(LocalDate d) {
        LocalDate n = d.plusDays(1);
        for (int i = 0; i < 400 && !isTradingDay(n); i++) {
            n = n.plusDays(1);
        }
        return n;
    }

    /** The last trading day strictly before {@code d}. */
    default LocalDate previousTradingDay(LocalDate d) {
        LocalDate n = d.minusDays(1);
        for (int i = 0; i < 400 && !isTradingDay(n); i++) {
            n = n.minusDays(1);
        }
        return n;
    }

    /** All session rules: the daily windows of {@link #sessions()} plus overlaps and weekly windows. */
    List<SessionRule> sessionRules();

    /** The rule of that name. */
    default Optional<SessionRule> sessionRule(String name) {
        return sessionRules().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The occurrence of the named session that contains {@code tsNs}, if the session is in force then. */
    default Optional<Interval> sessionAt(String name, long tsNs) {
        SessionRule r = sessionRule(name).orElseThrow(() -> new IllegalArgumentException(
                "calendar " + id() + " has no session '" + name + "' (has " + sessionRules().stream().map(SessionRule::name).toList() + ")"));
        return r.occurrenceAt(tsNs, this);
    }

    /** Occurrences of the named session that start in {@code [fromNs, toNs)}, in time order. */
    default List<Interval> sessionOccurrences(String name, long fromNs, long toNs) {
        SessionRule r = sessionRule(name).orElseThrow(() -> new IllegalArgumentException("calendar " + id() + " has no session '" + name + "'"));
        return r.occurrences(fromNs, toNs, this);
    }

    /** The daily windows of {@link #sessionRules()} (what the SPI exposes). */
    static List<SessionWindow> dailyWindows(List<SessionRule> rules) {
        List<SessionWindow> out = new ArrayList<>();
        for (SessionRule r : rules) {
            if (r instanceof SessionRule.Daily d) {
                out.add(d.window());
            }
        }
        return List.copyOf(out);
    }
}
