package dev.flof.feeds.binance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One self-healing WebSocket: connects to the URI the supplier gives (so a reconnect resubscribes to the
 * streams wanted now), hands every complete text message to the handler, and reconnects after a close, an
 * error or silence.
 *
 * <p>Silence: {@link #checkStale()} (called periodically by the owner's timer, or by a test) compares the
 * injected clock with the last message (or the connect time); beyond {@code staleAfterNs} it reports
 * {@link Handler#onStale} and reconnects. A stream on the wrong Binance route never errors, it just says
 * nothing; this is how that is caught.
 *
 * <p>Back-off: attempt {@code i} waits {@code backoffMs[min(i, n-1)]} through the injected sleeper, on the
 * owner's executor. A generation number makes callbacks from an abandoned socket harmless.
 */
final class BinanceWsConnection {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceWsConnection.class);

    /** What the connection reports. Called from the WebSocket's or the reconnect executor's thread. */
    interface Handler {
        void onText(String message, long tsRecv);

        /** {@code reconnect} is false for the first connection. */
        void onOpen(boolean reconnect);

        void onStale(long silentNs);

        void onDown(String why);
    }

    private final String name;
    private final HttpClient http;
    private final Supplier<URI> uri;
    private final Handler handler;
    private final LongSupplier clockNs;
    private final Sleeper sleeper;
    private final List<Long> backoffMs;
    private final long staleAfterNs;
    private final ExecutorService executor;
    private final Object lock = new Object();
    private WebSocket socket;
    private long generation;
    private long lastActivityNs;
    private boolean everConnected;
    private boolean reconnecting;
    private boolean closed;
    private long connects;

    BinanceWsConnection(String name, HttpClient http, Supplier<URI> uri, Handler handler, LongSupplier clockNs,
                        Sleeper sleeper, List<Long> backoffMs, long staleAfterNs, ExecutorService executor) {
        if (backoffMs.isEmpty()) {
            throw new IllegalArgumentException("backoffMs must not be empty");
        }
        this.name = name;
        this.http = http;
        this.uri = uri;
        this.handler = handler;
        this.clockNs = clockNs;
        this.sleeper = sleeper;
        this.backoffMs = List.copyOf(backoffMs);
        this.staleAfterNs = staleAfterNs;
        this.executor = executor;
    }

    /** Starts connecting in the background (first attempt without delay). */
    void start() {
        scheduleReconnect("start", false);
    }

    /** Drops the current socket and connects again (e.g. the wanted streams changed). */
    void restart(String why) {
        synchronized (lock) {
            abandonLocked();
        }
        scheduleReconnect(why, false);
    }

    long connects() {
        synchronized (lock) {
            return connects;
        }
    }

    /** Reports and heals silence; returns true when the stream was found stale. */
    boolean checkStale() {
        long silent;
        synchronized (lock) {
            if (closed || socket == null || reconnecting) {
                return false;
            }
            silent = clockNs.getAsLong() - lastActivityNs;
            if (silent <= staleAfterNs) {
                return false;
            }
            abandonLocked();
        }
        LOG.warn("Binance stream {} silent for {} ms; reconnecting", name, silent / 1_000_000L);
        handler.onStale(silent);
        scheduleReconnect("stale", true);
        return true;
    }

    void close() {
        synchronized (lock) {
            closed = true;
            abandonLocked();
        }
    }

    private void abandonLocked() {
        generation++;
        if (socket != null) {
            WebSocket s = socket;
            socket = null;
            s.abort();
        }
    }

    private void scheduleReconnect(String why, boolean backoffFirst) {
        synchronized (lock) {
            if (closed || reconnecting) {
                return;
            }
            reconnecting = true;
        }
        try {
            executor.execute(() -> reconnectLoop(why, backoffFirst));
        } catch (RejectedExecutionException e) {
            synchronized (lock) {
                reconnecting = false;
            }
        }
    }

    private void reconnectLoop(String why, boolean backoffFirst) {
        int attempt = backoffFirst ? 0 : -1;
        while (true) {
            synchronized (lock) {
                if (closed) {
                    reconnecting = false;
                    return;
                }
            }
            if (attempt >= 0) {
                long wait = backoffMs.get(Math.min(attempt, backoffMs.size() - 1));
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    synchronized (lock) {
                        reconnecting = false;
                    }
                    return;
                }
            }
            attempt++;
            URI target = uri.get();
            long gen;
            synchronized (lock) {
                gen = ++generation;
            }
            try {
                WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                        .buildAsync(target, new Listener(gen)).get(15, TimeUnit.SECONDS);
                boolean reconnect;
                synchronized (lock) {
                    if (closed || gen != generation) {
                        ws.abort();
                        reconnecting = false;
                        return;
                    }
                    socket = ws;
                    lastActivityNs = clockNs.getAsLong();
                    reconnect = everConnected;
                    everConnected = true;
                    reconnecting = false;
                    connects++;
                }
                LOG.info("Binance stream {} connected ({}; {})", name, why, reconnect ? "reconnect" : "first");
                handler.onOpen(reconnect);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                synchronized (lock) {
                    reconnecting = false;
                }
                return;
            } catch (Exception e) {
                LOG.warn("Binance stream {}: connect attempt {} failed: {}", name, attempt, e.getClass().getSimpleName());
                handler.onDown("connect failed: " + e.getClass().getSimpleName());
            }
        }
    }

    private void lost(long gen, String why) {
        synchronized (lock) {
            if (closed || gen != generation) {
                return;
            }
            socket = null;
            generation++;
        }
        LOG.warn("Binance stream {} lost: {}", name, why);
        handler.onDown(why);
        scheduleReconnect(why, true);
    }

    private final class Listener implements WebSocket.Listener {
        private final long gen;
        private final StringBuilder partial = new StringBuilder();

        Listener(long gen) {
            this.gen = gen;
        }

        private boolean current() {
            synchronized (lock) {
                return gen == generation && !closed;
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String msg = partial.toString();
                partial.setLength(0);
                if (current()) {
                    long now = clockNs.getAsLong();
                    synchronized (lock) {
                        lastActivityNs = now;
                    }
                    try {
                        handler.onText(msg, now);
                    } catch (RuntimeException e) {
                        LOG.warn("Binance stream {}: message handler failed: {}", name, e.toString());
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            // the JDK answers with a pong; a ping is not data, so it does not reset the silence watchdog
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost(gen, "closed by server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost(gen, "error: " + error.getClass().getSimpleName());
        }
    }
}
