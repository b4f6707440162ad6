package dev.flof.feeds.binance;

/**
 * Waiting, injected so back-off and rate-limit pauses can be tested without real sleeping and so no
 * component reads the wall clock on its own.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(long millis) throws InterruptedException;

    /** The production sleeper. */
    static Sleeper real() {
        return Thread::sleep;
    }
}
