package dev.flof.host.bars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.calendar.CmeGlobexEquityCalendar;
import dev.flof.host.calendar.Crypto247Calendar;
import dev.flof.host.calendar.ExchangeCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Binner#inSegment} remembers the open segment and the closed stretch it last found; these tests check
 * that the remembered answers never differ from asking the calendar afresh, across maintenance breaks,
 * weekends, a holiday, a DST change and out-of-order timestamps.
 */
class BinnerTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final long SEC = 1_000_000_000L;

    private static long ny(int y, int m, int d, int h, int min) {
        ZonedDateTime z = ZonedDateTime.of(y, m, d, h, min, 0, 0, NY);
        return z.toEpochSecond() * SEC;
    }

    /** What the calendar says without any remembered state. */
    private static boolean fresh(ExchangeCalendar cal, long ts) {
        LocalDate td = cal.tradingDay(ts);
        return ts >= cal.tradingDayStart(td) && ts < cal.tradingDayEnd(td);
    }

    /** Walks the calendar and returns {open, closed} answers. */
    private static int[] walk(ExchangeCalendar cal, long from, long to, long seed) {
        Binner b = new Binner(cal);
        SplittableRandom r = new SplittableRandom(seed);
        long ts = from;
        int open = 0;
        int closed = 0;
        while (ts < to) {
            boolean got = b.inSegment(ts);
            assertEquals(fresh(cal, ts), got, "inSegment at " + ts);
            if (got) {
                open++;
            } else {
                closed++;
            }
            // mostly forward steps of up to 20 minutes, sometimes a step back (a late print)
            long step = r.nextInt(10) == 0 ? -r.nextLong(1, 600) * SEC : r.nextLong(1, 1200) * SEC;
            ts += step;
        }
        return new int[] {open, closed};
    }

    @Test
    void cmeMatchesTheCalendarThroughBreaksWeekendsHolidayAndDst() {
        // March 2024: DST starts Sunday 10 March; Good Friday 29 March is a CME equity holiday
        for (long seed : new long[] {42, 7}) {
            int[] n = walk(new CmeGlobexEquityCalendar(), ny(2024, 3, 1, 0, 0), ny(2024, 4, 10, 0, 0), seed);
            assertTrue(n[0] > 100 && n[1] > 100, "the walk crossed open and closed time: " + n[0] + " / " + n[1]);
        }
    }

    @Test
    void cryptoMatchesTheCalendar() {
        int[] n = walk(new Crypto247Calendar(), ny(2024, 3, 1, 0, 0), ny(2024, 3, 20, 0, 0), 3);
        assertEquals(0, n[1], "crypto trades around the clock");
        assertTrue(n[0] > 100);
    }

    @Test
    void closedStretchEndsAtTheNextOpen() {
        Binner b = new Binner(new CmeGlobexEquityCalendar());
        assertTrue(b.inSegment(ny(2024, 3, 11, 16, 59)));
        // the maintenance break 17:00-18:00 ET is closed from its first instant to its last
        assertFalse(b.inSegment(ny(2024, 3, 11, 17, 0)));
        assertFalse(b.inSegment(ny(2024, 3, 11, 17, 30)));
        assertFalse(b.inSegment(ny(2024, 3, 11, 18, 0) - 1));
        // and open again at 18:00 ET
        assertTrue(b.inSegment(ny(2024, 3, 11, 18, 0)));
        // Friday's close to Sunday's open
        assertFalse(b.inSegment(ny(2024, 3, 15, 17, 0)));
        assertFalse(b.inSegment(ny(2024, 3, 16, 12, 0)));
        assertFalse(b.inSegment(ny(2024, 3, 17, 18, 0) - 1));
        assertTrue(b.inSegment(ny(2024, 3, 17, 18, 0)));
    }
}
