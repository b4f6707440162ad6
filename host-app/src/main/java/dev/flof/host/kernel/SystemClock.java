package dev.flof.host.kernel;

import java.time.Instant;

/** Live time. The one place FLOF reads the wall clock; everything else is handed a {@link Clock}. */
public final class SystemClock implements Clock {
    private final java.time.Clock utc = java.time.Clock.systemUTC();

    @Override
    public long nanos() {
        Instant i = utc.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
