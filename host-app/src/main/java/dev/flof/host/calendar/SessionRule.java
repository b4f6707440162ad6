package dev.flof.host.calendar;

import dev.flof.spi.calendar.SessionWindow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a named session is in force. Each occurrence is a half-open interval computed in the rule's own
 * zone, so windows follow that zone's DST (London follows Europe/London, New York follows
 * America/New_York, and their overlap changes length in the weeks where the two DST calendars differ).
 */
public sealed interface SessionRule {
    String name();

    /** The occurrence containing {@code ts}, if any. */
    Optional<Interval> occurrenceAt(long ts, ExchangeCalendar calendar);

    /** Occurrences starting in {@code [from, to)}, in time order. */
    List<Interval> occurrences(long from, long to, ExchangeCalendar calendar);

    /**
     * A daily window on the given weekdays (weekday of the window's start, in its zone). With
     * {@code requireOpen} an occurrence counts only when the market is open at its start (no Asia session
     * on a CME holiday).
     */
    record Daily(SessionWindow window, Set<DayOfWeek> days, boolean requireOpen) implements SessionRule {
        public Daily {
            days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        }

        public static Daily everyDay(SessionWindow w) {
            return new Daily(w, EnumSet.allOf(DayOfWeek.class), false);
        }

        @Override
        public String name() {
            return window.name();
        }

        Interval on(LocalDate startDate) {
            ZoneId z = window.zone();
            long s = Times.toNanos(startDate, window.start(), z);
            LocalDate endDate = window.wrapsMidnight() || window.end().equals(window.start()) ? startDate.plusDays(1) : startDate;
            long e = Times.toNanos(endDate, window.end(), z);
            return new Interval(s, e);
        }

        boolean valid(LocalDate startDate, Interval iv, ExchangeCalendar cal) {
            return days.contains(startDate.getDayOfWeek()) && (!requireOpen || cal.isOpen(iv.startNs()));
        }

        @Override
        public Optional<Interval> occurrenceAt(long ts, ExchangeCalendar cal) {
            LocalDate d = Times.toZoned(ts, window.zone()).toLocalDate();
            for (LocalDate c : new LocalDate[] {d, d.minusDays(1)}) {
                Interval iv = on(c);
                if (iv.contains(ts) && valid(c, iv, cal)) {
                    return Optional.of(iv);
                }
            }
            return Optional.empty();
        }

        @Override
        public List<Interval> occurrences(long from, long to, ExchangeCalendar cal) {
            List<Interval> out = new ArrayList<>();
            LocalDate d = Times.toZoned(from, window.zone()).toLocalDate().minusDays(1);
            LocalDate last = Times.toZoned(to, window.zone()).toLocalDate();
            for (; !d.isAfter(last); d = d.plusDays(1)) {
                Interval iv = on(d);
                if (iv.startNs() >= from && iv.startNs() < to && valid(d, iv, cal)) {
                    out.add(iv);
                }
            }
            return out;
        }
    }

    /** Where two daily windows are both in force, e.g. the London/New York overlap. */
    record Overlap(String name, Daily a, Daily b) implements SessionRule {
        @Override
        public Optional<Interval> occurrenceAt(long ts, ExchangeCalendar cal) {
            Optional<Interval> x = a.occurrenceAt(ts, cal);
            Optional<Interval> y = b.occurrenceAt(ts, cal);
            if (x.isEmpty() || y.isEmpty()) {
                return Optional.empty();
            }
            return Optional.ofNullable(x.get().intersect(y.get()));
        }

        @Override
        public List<Interval> occurrences(long from, long to, ExchangeCalendar cal) {
            long day = 86_400_000_000_000L;
            List<Interval> as = a.occurrences(from - day, to + day, cal);
            List<Interval> bs = b.occurrences(from - day, to + day, cal);
            List<Interval> out = new ArrayList<>();
            for (Interval x : as) {
                for (Interval y : bs) {
                    Interval i = x.intersect(y);
                    if (i != null && i.startNs() >= from && i.startNs() < to) {
                        out.add(i);
                    }
                }
            }
            out.sort(java.util.Comparator.comparingLong(Interval::startNs));
            return out;
        }
    }

    /**
     * A weekly window, e.g. the crypto weekend Saturday 00:00 to Monday 00:00 UTC, or the CME-closed
     * weekend Friday 17:00 to Sunday 18:00 ET.
     */
    record Weekly(String name, DayOfWeek fromDay, LocalTime from, DayOfWeek toDay, LocalTime to, ZoneId zone)
            implements SessionRule {
        Interval startingIn(LocalDate anyDayOfWeek) {
            LocalDate s = anyDayOfWeek.with(java.time.temporal.TemporalAdjusters.previousOrSame(fromDay));
            int len = Math.floorMod(toDay.getValue() - fromDay.getValue(), 7);
            LocalDate e = s.plusDays(len);
            long sn = Times.toNanos(s, from, zone);
            long en = Times.toNanos(e, to, zone);
            if (en <= sn) {
                en = Times.toNanos(e.plusDays(7), to, zone);
            }
            return new Interval(sn, en);
        }

        @Override
        public Optional<Interval> occurrenceAt(long ts, ExchangeCalendar cal) {
            ZonedDateTime z = Times.toZoned(ts, zone);
            for (int w = 0; w <= 1; w++) {
                Interval iv = startingIn(z.toLocalDate().minusWeeks(w));
                if (iv.contains(ts)) {
                    return Optional.of(iv);
                }
            }
            return Optional.empty();
        }

        @Override
        public List<Interval> occurrences(long from, long to, ExchangeCalendar cal) {
            List<Interval> out = new ArrayList<>();
            LocalDate d = Times.toZoned(from, zone).toLocalDate().minusWeeks(1);
            LocalDate last = Times.toZoned(to, zone).toLocalDate().plusWeeks(1);
            long prev = Long.MIN_VALUE;
            for (; !d.isAfter(last); d = d.plusWeeks(1)) {
                Interval iv = startingIn(d);
                if (iv.startNs() != prev && iv.startNs() >= from && iv.startNs() < to) {
                    out.add(iv);
                }
                prev = iv.startNs();
            }
            return out;
        }
    }
}
