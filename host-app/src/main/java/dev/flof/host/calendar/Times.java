package dev.flof.host.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Exact conversions between ns-since-epoch and zoned wall-clock times (no floating point, no clock reads). */
public final class Times {
    private static final long NANOS = 1_000_000_000L;

    private Times() {
    }

    public static long toNanos(ZonedDateTime t) {
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(), NANOS), t.getNano());
    }

    public static long toNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
    }

    /** The instant of a wall-clock time in a zone; a time in a DST gap moves forward by the gap. */
    public static long toNanos(LocalDate date, LocalTime time, ZoneId zone) {
        return toNanos(date.atTime(time).atZone(zone));
    }

    public static Instant toInstant(long tsNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(tsNanos, NANOS), Math.floorMod(tsNanos, NANOS));
    }

    public static ZonedDateTime toZoned(long tsNanos, ZoneId zone) {
        return toInstant(tsNanos).atZone(zone);
    }
}
