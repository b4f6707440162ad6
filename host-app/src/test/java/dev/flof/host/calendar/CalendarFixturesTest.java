package dev.flof.host.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hand-made fixtures: every expected UTC instant below was worked out by hand from the rules (US DST
 * 2024-03-10 and 2024-11-03, EU DST 2024-03-31 and 2024-10-27; ET = UTC-5 in winter, UTC-4 in summer).
 */
class CalendarFixturesTest {
    private final ExchangeCalendar es = new CmeGlobexEquityCalendar();
    private final ExchangeCalendar crypto = new Crypto247Calendar();

    private static long t(String iso) {
        return Times.toNanos(Instant.parse(iso));
    }

    private static Interval iv(String from, String to) {
        return new Interval(t(from), t(to));
    }

    @Test
    void sundayOpenOnTheUsDstChangeDayAndTheWeekBefore() {
        // 2024-03-10: DST began at 02:00 local, so 18:00 EDT = 22:00 UTC.
        assertFalse(es.isOpen(t("2024-03-10T21:59:59.999999999Z")));
        assertTrue(es.isOpen(t("2024-03-10T22:00:00Z")));
        assertEquals(LocalDate.of(2024, 3, 11), es.tradingDay(t("2024-03-10T22:00:00Z")));
        assertEquals(t("2024-03-10T22:00:00Z"), es.tradingDayStart(LocalDate.of(2024, 3, 11)));
        // One week earlier, still EST: 18:00 EST = 23:00 UTC.
        assertFalse(es.isOpen(t("2024-03-03T22:30:00Z")));
        assertTrue(es.isOpen(t("2024-03-03T23:00:00Z")));
        assertEquals(t("2024-03-03T23:00:00Z"), es.tradingDayStart(LocalDate.of(2024, 3, 4)));
        // Fall back: Sunday 2024-11-03 opens 18:00 EST = 23:00 UTC; the Friday before closed 17:00 EDT = 21:00 UTC.
        assertFalse(es.isOpen(t("2024-11-03T22:00:00Z")));
        assertTrue(es.isOpen(t("2024-11-03T23:00:00Z")));
        assertTrue(es.isOpen(t("2024-11-01T20:59:59Z")));
        assertFalse(es.isOpen(t("2024-11-01T21:00:00Z")));
    }

    @Test
    void dailyMaintenanceBreakRollsTheTradingDay() {
        // Tuesday 2024-03-12 (EDT): 17:00-18:00 ET = 21:00-22:00 UTC.
        assertTrue(es.isOpen(t("2024-03-12T20:59:59.999999999Z")));
        assertEquals(LocalDate.of(2024, 3, 12), es.tradingDay(t("2024-03-12T20:59:59.999999999Z")));
        assertFalse(es.isOpen(t("2024-03-12T21:00:00Z")));
        assertFalse(es.isOpen(t("2024-03-12T21:59:59Z")));
        assertTrue(es.isOpen(t("2024-03-12T22:00:00Z")));
        assertEquals(LocalDate.of(2024, 3, 13), es.tradingDay(t("2024-03-12T22:00:00Z")));
        assertEquals(t("2024-03-12T21:00:00Z"), es.tradingDayEnd(LocalDate.of(2024, 3, 12)));
        // Winter Tuesday 2024-01-09: break is 22:00-23:00 UTC.
        assertTrue(es.isOpen(t("2024-01-09T21:59:00Z")));
        assertFalse(es.isOpen(t("2024-01-09T22:00:00Z")));
        assertTrue(es.isOpen(t("2024-01-09T23:00:00Z")));
    }

    @Test
    void the2013EraEndsAt1715WithA1615Pause() {
        // Tuesday 2013-10-08 (EDT): pause 16:15-16:30 ET = 20:15-20:30 UTC, close 17:15 ET = 21:15 UTC
        // (the LEAN ES minutes of that day have bars up to 21:14 UTC and none from 20:15 to 20:29).
        assertTrue(es.isOpen(t("2013-10-08T20:14:59Z")));
        assertFalse(es.isOpen(t("2013-10-08T20:15:00Z")));
        assertTrue(es.isOpen(t("2013-10-08T20:30:00Z")));
        assertTrue(es.isOpen(t("2013-10-08T21:14:59Z")));
        assertFalse(es.isOpen(t("2013-10-08T21:15:00Z")));
        assertEquals(t("2013-10-08T21:15:00Z"), es.tradingDayEnd(LocalDate.of(2013, 10, 8)));
        // From trade date 2015-09-21 the day ends 17:00 ET.
        assertEquals(t("2015-09-18T21:15:00Z"), es.tradingDayEnd(LocalDate.of(2015, 9, 18)));
        assertEquals(t("2015-09-21T21:00:00Z"), es.tradingDayEnd(LocalDate.of(2015, 9, 21)));
    }

    @Test
    void weekendBelongsToMonday() {
        assertFalse(es.isOpen(t("2024-03-16T12:00:00Z")));
        assertEquals(LocalDate.of(2024, 3, 18), es.tradingDay(t("2024-03-16T12:00:00Z")));
        assertFalse(es.isTradingDay(LocalDate.of(2024, 3, 16)));
    }

    @Test
    void cmeHolidayClosuresAndEarlyCloses() {
        // Good Friday 2024-03-29: Thursday closes 17:00 EDT, nothing until Sunday 18:00 EDT.
        assertFalse(es.isTradingDay(LocalDate.of(2024, 3, 29)));
        assertFalse(es.isOpen(t("2024-03-28T22:00:00Z")));
        assertFalse(es.isOpen(t("2024-03-29T14:00:00Z")));
        assertEquals(LocalDate.of(2024, 4, 1), es.tradingDay(t("2024-03-29T14:00:00Z")));
        assertTrue(es.isOpen(t("2024-03-31T22:00:00Z")));
        // Christmas 2023 (Monday): closed all day, reopens 18:00 EST = 23:00 UTC for Tuesday.
        assertFalse(es.isOpen(t("2023-12-25T12:00:00Z")));
        assertFalse(es.isOpen(t("2023-12-24T23:30:00Z")));
        assertTrue(es.isOpen(t("2023-12-25T23:00:00Z")));
        assertEquals(LocalDate.of(2023, 12, 26), es.tradingDay(t("2023-12-25T23:00:00Z")));
        // Day after Thanksgiving 2024-11-29: early close 13:15 EST = 18:15 UTC; RTH ends there too.
        assertTrue(es.isOpen(t("2024-11-29T18:14:59Z")));
        assertFalse(es.isOpen(t("2024-11-29T18:15:00Z")));
        assertTrue(es.isRegularHours(t("2024-11-29T18:00:00Z")));
        assertFalse(es.isRegularHours(t("2024-11-29T18:15:00Z")));
        assertEquals(t("2024-11-29T18:15:00Z"), es.tradingDayEnd(LocalDate.of(2024, 11, 29)));
        // Thanksgiving 2024-11-28 halts 13:00 EST = 18:00 UTC and reopens 18:00 EST = 23:00 UTC for Friday.
        assertFalse(es.isOpen(t("2024-11-28T18:00:00Z")));
        assertTrue(es.isOpen(t("2024-11-28T23:00:00Z")));
        assertEquals(LocalDate.of(2024, 11, 29), es.tradingDay(t("2024-11-28T23:00:00Z")));
    }

    @Test
    void regularTradingHoursFollowNewYorkDst() {
        assertFalse(es.isRegularHours(t("2024-03-12T13:29:59Z")));
        assertTrue(es.isRegularHours(t("2024-03-12T13:30:00Z")));
        assertTrue(es.isRegularHours(t("2024-03-12T19:59:59Z")));
        assertFalse(es.isRegularHours(t("2024-03-12T20:00:00Z")));
        assertFalse(es.isRegularHours(t("2024-01-09T14:29:59Z")));
        assertTrue(es.isRegularHours(t("2024-01-09T14:30:00Z")));
    }

    @Test
    void londonSessionFollowsEuropeanDstNotAmerican() {
        // 2024-03-12: US on EDT, UK still on GMT -> London 07:00-10:00 is 07:00-10:00 UTC (03:00-06:00 ET).
        assertEquals(Optional.empty(), es.sessionAt("london", t("2024-03-12T06:30:00Z")));
        assertEquals(Optional.of(iv("2024-03-12T07:00:00Z", "2024-03-12T10:00:00Z")), es.sessionAt("london", t("2024-03-12T07:00:00Z")));
        // 2024-04-02: both on summer time -> 06:00-09:00 UTC.
        assertEquals(Optional.of(iv("2024-04-02T06:00:00Z", "2024-04-02T09:00:00Z")), es.sessionAt("london", t("2024-04-02T08:59:59Z")));
        // 2024-10-29: UK back on GMT (10-27), US still EDT (until 11-03) -> 07:00-10:00 UTC.
        assertEquals(Optional.of(iv("2024-10-29T07:00:00Z", "2024-10-29T10:00:00Z")), es.sessionAt("london", t("2024-10-29T09:00:00Z")));
    }

    @Test
    void newYorkKillZonesInitialBalanceAndAsia() {
        assertEquals(Optional.of(iv("2024-03-12T13:30:00Z", "2024-03-12T15:30:00Z")), es.sessionAt("ny-am", t("2024-03-12T15:29:59Z")));
        assertEquals(Optional.empty(), es.sessionAt("ny-am", t("2024-03-12T15:30:00Z")));
        assertEquals(Optional.of(iv("2024-03-12T17:30:00Z", "2024-03-12T19:30:00Z")), es.sessionAt("ny-pm", t("2024-03-12T18:00:00Z")));
        assertEquals(Optional.of(iv("2024-03-12T13:30:00Z", "2024-03-12T14:30:00Z")), es.sessionAt("initial-balance", t("2024-03-12T14:00:00Z")));
        assertEquals(Optional.of(iv("2024-01-09T14:30:00Z", "2024-01-09T15:30:00Z")), es.sessionAt("initial-balance", t("2024-01-09T14:30:00Z")));
        // Asia: Sunday 2024-03-10 20:00 EDT -> Monday 00:00-04:00 UTC; none starts on Friday evening.
        assertEquals(Optional.of(iv("2024-03-11T00:00:00Z", "2024-03-11T04:00:00Z")), es.sessionAt("asia", t("2024-03-11T03:00:00Z")));
        assertEquals(Optional.empty(), es.sessionAt("asia", t("2024-03-16T01:00:00Z")));
        // No kill zone on Good Friday; the week has four New York AM sessions.
        assertEquals(Optional.empty(), es.sessionAt("ny-am", t("2024-03-29T14:00:00Z")));
        List<Interval> week = es.sessionOccurrences("ny-am", t("2024-03-25T00:00:00Z"), t("2024-03-30T00:00:00Z"));
        assertEquals(4, week.size());
        assertEquals(t("2024-03-25T13:30:00Z"), week.get(0).startNs());
        assertEquals(t("2024-03-28T13:30:00Z"), week.get(3).startNs());
        assertTrue(es.sessions().stream().anyMatch(w -> w.name().equals("ny-pm") && w.killZone()));
    }

    @Test
    void cryptoLondonNewYorkOverlapAcrossBothDstCalendars() {
        assertEquals(Optional.of(iv("2024-03-05T13:00:00Z", "2024-03-05T16:00:00Z")), crypto.sessionAt("london-ny-overlap", t("2024-03-05T14:00:00Z")));
        assertEquals(Optional.of(iv("2024-03-12T12:00:00Z", "2024-03-12T16:00:00Z")), crypto.sessionAt("london-ny-overlap", t("2024-03-12T12:00:00Z")));
        assertEquals(Optional.of(iv("2024-04-02T12:00:00Z", "2024-04-02T15:00:00Z")), crypto.sessionAt("london-ny-overlap", t("2024-04-02T14:59:59Z")));
        assertEquals(Optional.empty(), crypto.sessionAt("london-ny-overlap", t("2024-04-02T15:00:00Z")));
        assertEquals(Optional.of(iv("2024-10-29T12:00:00Z", "2024-10-29T16:00:00Z")), crypto.sessionAt("london-ny-overlap", t("2024-10-29T15:30:00Z")));
        assertEquals(Optional.of(iv("2024-11-05T13:00:00Z", "2024-11-05T16:00:00Z")), crypto.sessionAt("london-ny-overlap", t("2024-11-05T13:00:00Z")));
        List<Interval> occ = crypto.sessionOccurrences("london-ny-overlap", t("2024-03-11T00:00:00Z"), t("2024-03-13T00:00:00Z"));
        assertEquals(List.of(iv("2024-03-11T12:00:00Z", "2024-03-11T16:00:00Z"), iv("2024-03-12T12:00:00Z", "2024-03-12T16:00:00Z")), occ);
    }

    @Test
    void cryptoWeekendAndUtcDays() {
        assertEquals(Optional.of(iv("2024-03-16T00:00:00Z", "2024-03-18T00:00:00Z")), crypto.sessionAt("weekend", t("2024-03-17T12:00:00Z")));
        assertEquals(Optional.empty(), crypto.sessionAt("weekend", t("2024-03-18T00:00:00Z")));
        assertEquals(Optional.of(iv("2024-03-15T21:00:00Z", "2024-03-17T22:00:00Z")), crypto.sessionAt("cme-weekend", t("2024-03-16T00:00:00Z")));
        assertEquals(LocalDate.of(2024, 3, 10), crypto.tradingDay(t("2024-03-10T23:59:59.999999999Z")));
        assertEquals(t("2024-03-11T00:00:00Z"), crypto.tradingDayStart(LocalDate.of(2024, 3, 11)));
        assertTrue(crypto.isOpen(t("2024-03-16T12:00:00Z")));
    }

    @Test
    void registryAndExtensibleHolidayTable() throws Exception {
        assertEquals(CmeGlobexEquityCalendar.ID, Calendars.byId("CME_GLOBEX_EQUITY").id());
        assertEquals(Crypto247Calendar.ID, Calendars.byId("CRYPTO_24_7").id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Calendars.byId("NYSE"));
        assertTrue(e.getMessage().contains("CRYPTO_24_7"), e.getMessage());
        // Config adds a (hypothetical) short Good-Friday session in 2026 ending 10:15 ET.
        HolidayTable extra = HolidayTable.parse("config", new StringReader("# extra\n2026-04-03,early,10:15,Good Friday payrolls\n"));
        ExchangeCalendar cal = Calendars.cmeEquityWith(extra);
        assertFalse(es.isTradingDay(LocalDate.of(2026, 4, 3)));
        assertTrue(cal.isTradingDay(LocalDate.of(2026, 4, 3)));
        assertEquals(Times.toNanos(LocalDate.of(2026, 4, 3), LocalTime.of(10, 15), CmeGlobexEquityCalendar.NEW_YORK), cal.tradingDayEnd(LocalDate.of(2026, 4, 3)));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> HolidayTable.parse("holidays.csv", new StringReader("2026-01-01,closed,,x\n2026-13-01,closed,,y\n")));
        assertTrue(bad.getMessage().startsWith("holidays.csv:2:"), bad.getMessage());
        // The bundled table covers 2013-2027.
        assertFalse(es.isTradingDay(LocalDate.of(2013, 12, 25)));
        assertFalse(es.isTradingDay(LocalDate.of(2027, 3, 26)));
    }
}
