package dev.flof.host.calendar;

import java.util.Map;
import java.util.TreeMap;

/**
 * The calendars the host knows, by id ({@code Instrument.calendarId()}). Built-ins are
 * {@code CME_GLOBEX_EQUITY} and {@code CRYPTO_24_7}; configuration can register a calendar with an extended
 * holiday table under the same or a new id. Lookups of an unknown id fail with the list of known ids.
 */
public final class Calendars {
    private static final Map<String, ExchangeCalendar> REGISTRY = new TreeMap<>();

    static {
        register(new CmeGlobexEquityCalendar());
        register(new Crypto247Calendar());
    }

    private Calendars() {
    }

    public static synchronized ExchangeCalendar byId(String id) {
        ExchangeCalendar c = REGISTRY.get(id);
        if (c == null) {
            throw new IllegalArgumentException("unknown trading calendar '" + id + "' (known: " + REGISTRY.keySet() + ")");
        }
        return c;
    }

    /** Adds or replaces a calendar (e.g. CME with config-supplied holidays). */
    public static synchronized void register(ExchangeCalendar calendar) {
        REGISTRY.put(calendar.id(), calendar);
    }

    /** The CME Globex equity calendar with the bundled table extended by {@code extra}. */
    public static ExchangeCalendar cmeEquityWith(HolidayTable extra) {
        return new CmeGlobexEquityCalendar(HolidayTable.cmeEquity().with(extra));
    }

    /** Registered ids, sorted. */
    public static synchronized java.util.List<String> ids() {
        return java.util.List.copyOf(REGISTRY.keySet());
    }
}
