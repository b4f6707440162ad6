package dev.flof.feeds.databento.live;

import dev.flof.feeds.databento.historical.Sleeper;
import dev.flof.spi.ext.FeedProvider.DataUsage;
import dev.flof.spi.market.DataTier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The cost valve on top of {@link LiveClient}: the engine asks for a {@link DataTier} per symbol, this class
 * keeps exactly the needed Databento schemas flowing (BARS = {@code ohlcv-1m}; TAPE = {@code trades} +
 * {@code tbbo}; DEPTH = TAPE + {@code mbp-10}). The live API cannot unsubscribe, so an upgrade adds
 * subscriptions to the running session while a downgrade replaces the session with a new one carrying the
 * smaller set. Moving a symbol up to TAPE replays the last {@value #TAPE_REPLAY_SECONDS} s of the tape
 * (intraday replay {@code start}) so order-flow buffers are full at once. A {@link CostMeter} counts what
 * every session delivered.
 */
public final class TieredLiveFeed implements AutoCloseable {
    public static final long TAPE_REPLAY_SECONDS = 60;
    private static final long NANOS = 1_000_000_000L;

    private final LiveConfig config;
    private final Sleeper sleeper;
    private final LongSupplier clockNanos;
    private final LiveListener downstream;
    private final CostMeter meter = new CostMeter();
    private final TreeMap<String, DataTier> tiers = new TreeMap<>();
    /** (schema → symbols) subscribed in the current session. */
    private final TreeMap<String, SortedSet<String>> session = new TreeMap<>();
    private final Set<String> sessionSchemas = ConcurrentHashMap.newKeySet();
    private LiveClient client;
    private int sessions;

    /**
     * @param clockNanos ns since the epoch, for the replay start
     * @param downstream receives every session's metadata and records
     */
    public TieredLiveFeed(LiveConfig config, Sleeper sleeper, LongSupplier clockNanos, LiveListener downstream) {
        this.config = Objects.requireNonNull(config, "config");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clockNanos = Objects.requireNonNull(clockNanos, "clockNanos");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /** The schemas a tier streams, sorted. */
    public static SortedSet<String> schemas(DataTier tier) {
        return switch (tier) {
            case OFF -> new TreeSet<>();
            case BARS -> new TreeSet<>(List.of("ohlcv-1m"));
            case TAPE -> new TreeSet<>(List.of("tbbo", "trades"));
            case DEPTH -> new TreeSet<>(List.of("mbp-10", "tbbo", "trades"));
        };
    }

    /** Sets the tier of {@code symbol} (a raw symbol, e.g. {@code ESZ5}). */
    public synchronized void request(String symbol, DataTier tier) {
        DataTier old = tiers.getOrDefault(symbol, DataTier.OFF);
        if (old == tier) {
            return;
        }
        if (tier == DataTier.OFF) {
            tiers.remove(symbol);
        } else {
            tiers.put(symbol, tier);
        }
        try {
            if (tier.compareTo(old) > 0) {
                upgrade(symbol, old, tier);
            } else {
                newSession();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not subscribe " + symbol + " at " + tier + ": " + e.getMessage(), e);
        }
    }

    private void upgrade(String symbol, DataTier old, DataTier tier) throws IOException {
        boolean fresh = client == null;
        if (fresh) {
            client = newClient();
        }
        boolean replay = old.compareTo(DataTier.TAPE) < 0 && tier.compareTo(DataTier.TAPE) >= 0;
        for (String schema : schemas(tier)) {
            SortedSet<String> syms = session.computeIfAbsent(schema, k -> new TreeSet<>());
            if (syms.add(symbol)) {
                sessionSchemas.add(schema);
                Subscription s = Subscription.of(schema, List.of(symbol));
                if (replay && schemas(DataTier.TAPE).contains(schema)) {
                    s = s.withStart(clockNanos.getAsLong() - TAPE_REPLAY_SECONDS * NANOS);
                }
                client.subscribe(s);
            }
        }
        if (fresh) {
            client.start();
        }
    }

    private void newSession() throws IOException {
        if (client != null) {
            client.close();
            client = null;
        }
        session.clear();
        sessionSchemas.clear();
        TreeMap<String, SortedSet<String>> wanted = new TreeMap<>();
        tiers.forEach((sym, t) -> schemas(t).forEach(s -> wanted.computeIfAbsent(s, k -> new TreeSet<>()).add(sym)));
        if (wanted.isEmpty()) {
            return;
        }
        client = newClient();
        for (Map.Entry<String, SortedSet<String>> e : wanted.entrySet()) {
            session.put(e.getKey(), new TreeSet<>(e.getValue()));
            sessionSchemas.add(e.getKey());
            client.subscribe(Subscription.of(e.getKey(), new ArrayList<>(e.getValue())));
        }
        client.start();
    }

    private LiveClient newClient() {
        sessions++;
        return new LiveClient(config, new LiveListener() {
            @Override
            public void onSessionStarted(String sessionId, boolean reconnect) {
                downstream.onSessionStarted(sessionId, reconnect);
            }

            @Override
            public void onMetadata(byte[] metadata, int dbnVersion) {
                downstream.onMetadata(metadata, dbnVersion);
            }

            @Override
            public void onRecord(byte[] record) {
                meter.count(record, sessionSchemas);
                downstream.onRecord(record);
            }

            @Override
            public void onDisconnected(IOException cause, int consecutiveFailures) {
                downstream.onDisconnected(cause, consecutiveFailures);
            }

            @Override
            public void onStopped(Exception cause) {
                downstream.onStopped(cause);
            }
        }, sleeper);
    }

    /** The current tier of each symbol (OFF symbols omitted). */
    public synchronized SortedMap<String, DataTier> tiers() {
        return new TreeMap<>(tiers);
    }

    /** How many sessions (LiveClients) this feed has opened; a downgrade opens a new one. */
    public synchronized int sessionsOpened() {
        return sessions;
    }

    /** Records and bytes received per schema, over all sessions. */
    public SortedMap<String, DataUsage> usage() {
        return meter.usage();
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
