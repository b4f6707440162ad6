package dev.flof.spi.calendar;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A named daily window in its own time zone (so it follows that zone's DST), e.g. London 02:00-05:00
 * America/New_York. An end before the start wraps past midnight. A session's high/low is final only at
 * its end.
 *
 * @param killZone whether entries are allowed in this window
 */
public record SessionWindow(String name, LocalTime start, LocalTime end, ZoneId zone, boolean killZone) {
    public boolean wrapsMidnight() {
        return end.isBefore(start);
    }
}
