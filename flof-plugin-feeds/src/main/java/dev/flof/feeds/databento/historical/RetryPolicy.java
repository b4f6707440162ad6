package dev.flof.feeds.databento.historical;

import java.time.Duration;
import java.util.Objects;

/**
 * How the historical client retries: HTTP 5xx with exponential backoff ({@code initialBackoff × 2^n},
 * capped at {@code maxBackoff}), HTTP 429 after the server's {@code Retry-After} (refused outright when it
 * asks for longer than {@code maxRetryAfter}). At most {@code maxAttempts} requests are made in total.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    /** 5 attempts, 1 s doubling up to 30 s, Retry-After honoured up to 5 minutes. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry durations must not be negative");
        }
    }

    /** The wait before retry number {@code retry} (1 = first retry) after a server error. */
    public Duration backoff(int retry) {
        Duration d = initialBackoff;
        for (int i = 1; i < retry; i++) {
            d = d.multipliedBy(2);
            if (d.compareTo(maxBackoff) >= 0) {
                return maxBackoff;
            }
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
