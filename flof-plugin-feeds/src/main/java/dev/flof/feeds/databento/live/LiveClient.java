package dev.flof.feeds.databento.live;

import dev.flof.feeds.databento.historical.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A self-healing live gateway client. A reader thread connects, authenticates, sends the subscriptions,
 * starts the session and passes the DBN stream to a {@link LiveListener}. When the session dies (silence
 * past the heartbeat limit, a dropped connection, a broken stream) it reconnects with backoff, authenticates
 * anew and re-sends every subscription <em>without</em> its intraday-replay {@code start} (replay happens
 * once, as the official clients do). A refused key stops the client: retrying would not help.
 *
 * <p>Subscriptions may be added at any time ({@link #subscribe}); the live API cannot remove them.
 * Subscriptions without an id get the next one of a counter starting at 1.
 */
public final class LiveClient implements AutoCloseable {
    private final LiveConfig config;
    private final LiveListener listener;
    private final Sleeper sleeper;
    private final Object lock = new Object();
    private final List<Entry> subscriptions = new ArrayList<>();
    private int nextId = 1;
    private volatile LiveConnection current;
    private Thread thread;
    private volatile boolean closed;

    private static final class Entry {
        final Subscription original;
        boolean sentOnce;

        Entry(Subscription original) {
            this.original = original;
        }

        Subscription forConnection() {
            Subscription s = sentOnce ? original.withoutStart() : original;
            sentOnce = true;
            return s;
        }
    }

    public LiveClient(LiveConfig config, LiveListener listener, Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public LiveConfig config() {
        return config;
    }

    /**
     * Adds a subscription: sent at once when a session is up, else with the next connection. Its {@code start}
     * (replay) is used only the first time it is sent.
     */
    public void subscribe(Subscription subscription) throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("live client is closed");
            }
            Subscription s = subscription.id() == null ? subscription.withId(nextId++) : subscription;
            Entry e = new Entry(s);
            subscriptions.add(e);
            if (current != null) {
                current.subscribe(e.forConnection());
            }
        }
    }

    /** The subscriptions made so far, as first requested. */
    public List<Subscription> subscriptions() {
        synchronized (lock) {
            return subscriptions.stream().map(e -> e.original).toList();
        }
    }

    /** Starts the reader thread. */
    public void start() {
        synchronized (lock) {
            if (thread != null) {
                throw new IllegalStateException("already started");
            }
            thread = new Thread(this::run, "databento-live-" + config.dataset());
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        int failures = 0;
        boolean reconnect = false;
        Exception fatal = null;
        while (!closed) {
            LiveConnection conn = null;
            try {
                conn = LiveConnection.open(config);
                InputStream dbn;
                synchronized (lock) {
                    if (closed) {
                        break;
                    }
                    for (Entry e : subscriptions) {
                        conn.subscribe(e.forConnection());
                    }
                    current = conn;
                    dbn = conn.startSession();
                }
                listener.onSessionStarted(conn.sessionId(), reconnect);
                DbnFrameReader frames = new DbnFrameReader(dbn);
                listener.onMetadata(frames.readMetadata(), frames.version());
                byte[] rec;
                while ((rec = frames.next()) != null) {
                    // a session that delivers records is healthy: later failures start a new count
                    failures = 0;
                    listener.onRecord(rec);
                }
                throw new LiveGatewayException("gateway closed the connection");
            } catch (LiveGatewayException.AuthenticationFailed e) {
                fatal = e;
                break;
            } catch (IOException e) {
                if (closed) {
                    break;
                }
                failures++;
                listener.onDisconnected(e, failures);
                if (failures >= config.reconnect().maxAttempts()) {
                    fatal = new LiveGatewayException("giving up after " + failures + " consecutive failed sessions: "
                            + e.getMessage(), e);
                    break;
                }
                try {
                    sleeper.sleep(config.reconnect().backoff(failures));
                } catch (InterruptedException ie) {
                    break;
                }
                reconnect = true;
            } catch (RuntimeException e) {
                fatal = e;
                break;
            } finally {
                synchronized (lock) {
                    if (current == conn) {
                        current = null;
                    }
                }
                closeQuietly(conn);
            }
        }
        listener.onStopped(closed ? null : fatal);
    }

    /** Stops the client and closes the connection; idempotent. Waits for the reader thread to end. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // closed outside the lock: a subscribe() blocked in a socket write holds it, and fails once the socket closes
        closeQuietly(current);
        Thread t;
        synchronized (lock) {
            closeQuietly(current);
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(LiveConnection c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a socket that is already broken: nothing more to do
            }
        }
    }
}
