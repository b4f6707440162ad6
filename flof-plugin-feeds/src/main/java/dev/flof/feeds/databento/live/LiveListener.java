package dev.flof.feeds.databento.live;

import java.io.IOException;

/**
 * What a {@link LiveClient} reports, all from its reader thread, in stream order. Records are whole DBN
 * records as received (header first, length in 4-byte words); {@link #onMetadata} precedes a session's
 * records so a decoder can be set up for its DBN version.
 */
public interface LiveListener {
    /** A session authenticated and started; {@code reconnect} is false for the first one. */
    default void onSessionStarted(String sessionId, boolean reconnect) {
    }

    /** The DBN prelude and metadata of the session's stream. */
    default void onMetadata(byte[] metadata, int dbnVersion) {
    }

    /** One DBN record (the array is the listener's to keep). */
    void onRecord(byte[] record);

    /** The session ended abnormally; the client will reconnect after backoff unless this was the last attempt. */
    default void onDisconnected(IOException cause, int consecutiveFailures) {
    }

    /**
     * The client stopped for good: {@code cause} is null after {@link LiveClient#close()}, else the fatal
     * error (refused key, reconnect attempts exhausted, listener failure).
     */
    default void onStopped(Exception cause) {
    }
}
