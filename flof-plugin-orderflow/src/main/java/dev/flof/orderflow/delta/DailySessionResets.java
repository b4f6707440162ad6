package dev.flof.orderflow.delta;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A reset at the same local time every day in a time zone (following its DST), e.g. 18:00 America/New_York for
 * the CME Globex open or 00:00 UTC for crypto. Computed only when a session rolls, never per trade.
 */
public final class DailySessionResets implements SessionResets {
    private final ZoneId zone;
    private final LocalTime at;

    public DailySessionResets(ZoneId zone, LocalTime at) {
        this.zone = zone;
        this.at = at;
    }

    /** CME Globex: 17:00 Chicago, i.e. 18:00 New York. */
    public static DailySessionResets globex() {
        return new DailySessionResets(ZoneId.of("America/Chicago"), LocalTime.of(17, 0));
    }

    /** Crypto: 00:00 UTC. */
    public static DailySessionResets utcMidnight() {
        return new DailySessionResets(ZoneId.of("UTC"), LocalTime.MIDNIGHT);
    }

    @Override
    public long sessionStart(long ts) {
        ZonedDateTime t = instant(ts).atZone(zone);
        ZonedDateTime start = t.toLocalDate().atTime(at).atZone(zone);
        if (start.isAfter(t)) {
            start = t.toLocalDate().minusDays(1).atTime(at).atZone(zone);
        }
        return nanos(start.toInstant());
    }

    @Override
    public long nextSessionStart(long ts) {
        ZonedDateTime start = instant(sessionStart(ts)).atZone(zone);
        ZonedDateTime next = start.toLocalDate().plusDays(1).atTime(at).atZone(zone);
        return nanos(next.toInstant());
    }

    private static Instant instant(long ns) {
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
    }

    private static long nanos(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    }

    @Override
    public String toString() {
        return "daily reset at " + at + " " + zone;
    }
}
