package dev.flof.host.kernel;

/**
 * The only source of time for engine components: simulated in backtests (the kernel advances it to each
 * event's receive time), the system clock live. Nanoseconds since the epoch, UTC.
 */
@FunctionalInterface
public interface Clock {
    long nanos();
}
