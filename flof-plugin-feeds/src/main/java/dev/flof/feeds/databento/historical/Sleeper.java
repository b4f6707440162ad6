package dev.flof.feeds.databento.historical;

import java.time.Duration;

/**
 * Waits between retries. Injected so that tests can record the waits instead of spending real time,
 * and so that product code never sleeps behind the caller's back.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread. */
    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
