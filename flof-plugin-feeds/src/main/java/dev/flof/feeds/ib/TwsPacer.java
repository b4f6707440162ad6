package dev.flof.feeds.ib;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Keeps outbound messages under TWS's limit of 50 per second (above it TWS answers error 100 and may
 * disconnect). A sliding window: at most {@code maxPerWindow} sends in any {@code windowNanos}; a send
 * that would exceed it waits until the oldest send leaves the window. Time and waiting are injected, so
 * the policy is tested without real time.
 */
public final class TwsPacer {
    /** Waits the given number of nanoseconds. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** ib_async's margin under TWS's 50 messages per second. */
    public static final int DEFAULT_MAX_PER_SECOND = 45;

    private final int maxPerWindow;
    private final long windowNanos;
    private final LongSupplier nanos;
    private final Sleeper sleeper;
    private final ArrayDeque<Long> sent = new ArrayDeque<>();
    private long waits;

    public TwsPacer(int maxPerWindow, long windowNanos, LongSupplier monotonicNanos, Sleeper sleeper) {
        if (maxPerWindow <= 0 || windowNanos <= 0) {
            throw new IllegalArgumentException("pacing needs a positive count and window");
        }
        this.maxPerWindow = maxPerWindow;
        this.windowNanos = windowNanos;
        this.nanos = monotonicNanos;
        this.sleeper = sleeper;
    }

    /** A pacer that never waits (tests of layers above pacing). */
    public static TwsPacer unlimited() {
        return new TwsPacer(Integer.MAX_VALUE, 1, () -> 0L, n -> { });
    }

    /** Blocks until one more message may be sent, and records it as sent. */
    public synchronized void acquire() throws InterruptedException {
        long now = nanos.getAsLong();
        purge(now);
        if (sent.size() >= maxPerWindow) {
            long wait = sent.peekFirst() + windowNanos - now;
            if (wait > 0) {
                waits++;
                sleeper.sleepNanos(wait);
            }
            now = nanos.getAsLong();
            purge(now);
            while (sent.size() >= maxPerWindow) {
                sent.pollFirst();
            }
        }
        if (maxPerWindow != Integer.MAX_VALUE) {
            sent.addLast(now);
        }
    }

    /** How many sends had to wait. */
    public synchronized long waits() {
        return waits;
    }

    private void purge(long now) {
        while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
            sent.pollFirst();
        }
    }
}
