package dev.flof.feeds.ib;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Parses the execution times TWS reports. Seen forms: {@code 20261125 20:15:03},
 * {@code 20261125  20:15:03} (two spaces), {@code 20261125 15:15:03 US/Eastern},
 * {@code 20261125-20:15:03} (UTC). Without a zone TWS means its own login time zone, which the caller
 * supplies.
 */
public final class IbTime {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private IbTime() {
    }

    /**
     * @return nanoseconds since the epoch
     * @throws IllegalArgumentException naming the text when it is not one of the known forms
     */
    public static long parseExecTime(String text, ZoneId defaultZone) {
        String t = text.trim();
        try {
            if (t.length() >= 17 && t.charAt(8) == '-') {
                LocalDate d = LocalDate.parse(t.substring(0, 8), DATE);
                LocalTime time = LocalTime.parse(t.substring(9, 17));
                return toNanos(d, time, ZoneId.of("UTC"));
            }
            String[] parts = t.split("\\s+");
            if (parts.length < 2) {
                throw new IllegalArgumentException("unrecognised IB time '" + text + "'");
            }
            LocalDate d = LocalDate.parse(parts[0], DATE);
            LocalTime time = LocalTime.parse(parts[1]);
            ZoneId zone = parts.length >= 3 ? ZoneId.of(parts[2]) : defaultZone;
            return toNanos(d, time, zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("unrecognised IB time '" + text + "': " + e.getMessage(), e);
        }
    }

    private static long toNanos(LocalDate d, LocalTime t, ZoneId zone) {
        return d.atTime(t).atZone(zone).toEpochSecond() * 1_000_000_000L;
    }
}
