package dev.flof.spi.risk;

/** What a circuit breaker asks the host to do, and why. */
public record BreakerAction(Kind kind, String breaker, String reason, long tsEvent) {
    public enum Kind {
        /** Pause new entries for a cooldown (quarantine); open positions keep their protection. */
        PAUSE,
        /** Resume after a pause, conditions back to baseline. */
        RESUME,
        /** Only risk-reducing orders from now on. */
        REDUCE_ONLY,
        /** Cancel entries, flatten, then cancel the remaining protective orders once flat is confirmed. */
        FLATTEN,
        /** Stop the execution loop and leave the venue's brackets in charge (OCO dead-man). */
        HALT
    }
}
