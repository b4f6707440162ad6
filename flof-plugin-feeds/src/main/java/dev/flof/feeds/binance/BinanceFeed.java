package dev.flof.feeds.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.EventSink;
import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.ext.FeedProvider;
import dev.flof.spi.market.DataTier;
import dev.flof.spi.market.Instrument;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Binance market-data feed for one market (USD-M or spot). The engine's tiers become streams:
 * {@link DataTier#BARS} = {@code kline_1m}; {@link DataTier#TAPE} = trades ({@code aggTrade} or {@code trade})
 * + {@code bookTicker}; {@link DataTier#DEPTH} = TAPE + partial depth {@code depth<N>@100ms}. One WebSocket
 * per route carries all symbols' streams; when the wanted set changes the route's socket is reopened with
 * the new list, so a reconnect always resubscribes exactly what is wanted.
 *
 * <p>After a reconnect: {@code RECONNECTED}; for tape streams a {@code GAP} (trades missed while down are not
 * recoverable from the stream); for bar streams the missing closed 1-minute bars are fetched from REST
 * klines and published in order, each stamped with the time it was fetched (when it became known here).
 * Bars are deduplicated by open time across the stream and REST.
 */
final class BinanceFeed implements FeedProvider.MarketDataFeed {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceFeed.class);
    static final String FEED_ID = "binance";
    private static final long MINUTE_MS = 60_000L;

    /**
     * @param wsBase       e.g. {@code wss://fstream.binance.com}
     * @param tradeStream  {@code aggTrade} or {@code trade}
     * @param depthLevels  5, 10 or 20
     */
    record Config(BinanceMarket market, String wsBase, String tradeStream, int depthLevels, long staleAfterNs,
                  List<Long> backoffMs) {
        Config {
            if (!tradeStream.equals("aggTrade") && !tradeStream.equals("trade")) {
                throw new IllegalArgumentException("tradeStream must be aggTrade or trade, got '" + tradeStream + "'");
            }
            if (depthLevels != 5 && depthLevels != 10 && depthLevels != 20) {
                throw new IllegalArgumentException("depthLevels must be 5, 10 or 20, got " + depthLevels);
            }
            backoffMs = List.copyOf(backoffMs);
        }
    }

    private final Config cfg;
    private final EventSink sink;
    private final LongSupplier clockNs;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final BinanceRestClient rest;
    private final ExecutorService executor;
    private final Object lock = new Object();
    private final Map<String, DataTier> tiers = new TreeMap<>();
    private final Map<String, Long> barsSinceMs = new TreeMap<>();
    private final Map<String, Long> lastBarOpenMs = new TreeMap<>();
    private final Map<String, BinanceWsConnection> connections = new TreeMap<>();
    private final Map<String, Set<String>> routeStreams = new TreeMap<>();
    private final Map<String, long[]> usage = new TreeMap<>();
    /** Symbols whose stream bars are held back until the REST gap-fill after a reconnect has run. */
    private final Map<String, List<Bar>> heldBars = new TreeMap<>();
    private final AtomicLong statusSeq = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    BinanceFeed(Config cfg, EventSink sink, LongSupplier clockNs, HttpClient http, Sleeper sleeper,
                BinanceRestClient rest, ExecutorService executor) {
        this.cfg = cfg;
        this.sink = sink;
        this.clockNs = clockNs;
        this.http = http;
        this.sleeper = sleeper;
        this.rest = rest;
        this.executor = executor;
    }

    /** The stream names a tier needs for one symbol. */
    static List<String> streams(String symbol, DataTier tier, String tradeStream, int depthLevels) {
        String s = symbol.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        switch (tier) {
            case OFF -> {
            }
            case BARS -> out.add(s + "@kline_1m");
            case TAPE -> {
                out.add(s + "@" + tradeStream);
                out.add(s + "@bookTicker");
            }
            case DEPTH -> {
                out.add(s + "@" + tradeStream);
                out.add(s + "@bookTicker");
                out.add(s + "@depth" + depthLevels + "@100ms");
            }
        }
        return out;
    }

    /** The combined-stream URI of a route with the given streams. */
    URI routeUri(String route, Set<String> streams) {
        return URI.create(cfg.wsBase() + route + "/stream?streams=" + String.join("/", streams));
    }

    @Override
    public void request(Instrument instrument, DataTier tier) {
        String symbol = instrument.symbol().toUpperCase(Locale.ROOT);
        List<Runnable> actions = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("Binance feed is closed");
            }
            DataTier old = tiers.getOrDefault(symbol, DataTier.OFF);
            if (old == tier) {
                return;
            }
            if (tier == DataTier.OFF) {
                tiers.remove(symbol);
            } else {
                tiers.put(symbol, tier);
            }
            if (tier == DataTier.BARS && old != DataTier.BARS) {
                barsSinceMs.put(symbol, clockNs.getAsLong() / 1_000_000L);
            }
            Map<String, Set<String>> wanted = new TreeMap<>();
            for (Map.Entry<String, DataTier> e : tiers.entrySet()) {
                for (String st : streams(e.getKey(), e.getValue(), cfg.tradeStream(), cfg.depthLevels())) {
                    wanted.computeIfAbsent(cfg.market().route(st), k -> new TreeSet<>()).add(st);
                }
            }
            Set<String> routes = new TreeSet<>(routeStreams.keySet());
            routes.addAll(wanted.keySet());
            for (String route : routes) {
                Set<String> now = wanted.getOrDefault(route, Set.of());
                Set<String> before = routeStreams.getOrDefault(route, Set.of());
                if (now.equals(before)) {
                    continue;
                }
                if (now.isEmpty()) {
                    routeStreams.remove(route);
                    BinanceWsConnection c = connections.remove(route);
                    if (c != null) {
                        actions.add(c::close);
                    }
                    continue;
                }
                routeStreams.put(route, now);
                BinanceWsConnection c = connections.get(route);
                if (c == null) {
                    c = new BinanceWsConnection(cfg.market() + route, http, () -> currentUri(route),
                            new RouteHandler(route), clockNs, sleeper, cfg.backoffMs(), cfg.staleAfterNs(), executor);
                    connections.put(route, c);
                    actions.add(c::start);
                } else {
                    BinanceWsConnection conn = c;
                    actions.add(() -> conn.restart("streams changed"));
                }
            }
        }
        status(symbol, FeedStatus.Kind.TIER_CHANGED, tier.name());
        actions.forEach(Runnable::run);
    }

    private URI currentUri(String route) {
        synchronized (lock) {
            return routeUri(route, routeStreams.getOrDefault(route, Set.of()));
        }
    }

    /** Checks every route for silence (called by the provider's timer); returns how many were stale. */
    int checkStale() {
        List<BinanceWsConnection> cs;
        synchronized (lock) {
            cs = new ArrayList<>(connections.values());
        }
        int n = 0;
        for (BinanceWsConnection c : cs) {
            if (c.checkStale()) {
                n++;
            }
        }
        return n;
    }

    /** Connections opened so far on a route ({@code /public}, {@code /market} or {@code ""}). */
    long connects(String route) {
        synchronized (lock) {
            BinanceWsConnection c = connections.get(route);
            return c == null ? 0 : c.connects();
        }
    }

    /** Messages that could not be mapped (malformed or unsupported). */
    long skipped() {
        return skipped.get();
    }

    @Override
    public Map<String, FeedProvider.DataUsage> usage() {
        Map<String, FeedProvider.DataUsage> out = new TreeMap<>();
        synchronized (usage) {
            usage.forEach((k, v) -> out.put(k, new FeedProvider.DataUsage(v[0], v[1])));
        }
        return out;
    }

    @Override
    public void close() {
        List<BinanceWsConnection> cs;
        synchronized (lock) {
            closed = true;
            cs = new ArrayList<>(connections.values());
            connections.clear();
            routeStreams.clear();
        }
        cs.forEach(BinanceWsConnection::close);
        if (dropped.get() > 0) {
            LOG.warn("Binance feed closed; {} events were refused by the sink", dropped.get());
        }
    }

    private void publish(Event e) {
        if (!sink.publish(e)) {
            dropped.incrementAndGet();
        }
    }

    private void status(String symbol, FeedStatus.Kind kind, String detail) {
        long now = clockNs.getAsLong();
        publish(new FeedStatus(FEED_ID, symbol, now, now, statusSeq.incrementAndGet(), kind, detail));
    }

    private Set<String> symbolsOn(String route) {
        Set<String> out = new TreeSet<>();
        synchronized (lock) {
            for (String st : routeStreams.getOrDefault(route, Set.of())) {
                out.add(st.substring(0, st.indexOf('@')).toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Fetches and publishes the closed 1-minute bars missed since the last one seen; returns how many. */
    int gapFillBars(String symbol) {
        long from;
        synchronized (lock) {
            Long last = lastBarOpenMs.get(symbol);
            Long since = barsSinceMs.get(symbol);
            if (last == null && since == null) {
                return 0;
            }
            from = last != null ? last + MINUTE_MS : Math.floorDiv(since, MINUTE_MS) * MINUTE_MS;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        params.put("interval", "1m");
        params.put("startTime", Long.toString(from));
        params.put("limit", "1000");
        JsonNode rows = rest.publicCall("GET", cfg.market().klinesPath(), params);
        long nowMs = clockNs.getAsLong() / 1_000_000L;
        long tsRecv = clockNs.getAsLong();
        int n = 0;
        for (JsonNode r : rows) {
            long open = r.get(0).asLong();
            long closeTime = r.get(6).asLong();
            if (open < from || closeTime >= nowMs) {
                continue; // already seen, or still open: not knowable yet
            }
            Bar bar = BinanceStreamMapper.bar(symbol, open, r.get(1).asText(), r.get(2).asText(), r.get(3).asText(),
                    r.get(4).asText(), r.get(5).asText(), r.get(9).asText(), r.get(7).asText(), r.get(8).asLong(), 0,
                    tsRecv);
            synchronized (lock) {
                Long last = lastBarOpenMs.get(symbol);
                if (last != null && open <= last) {
                    continue;
                }
                lastBarOpenMs.put(symbol, open);
            }
            count(BinanceStreamMapper.BARS, r.toString().length());
            publish(bar);
            n++;
        }
        return n;
    }

    /** From the moment a route is down, its stream bars wait for the gap-fill so bars stay in time order. */
    private void holdBars(String route) {
        synchronized (lock) {
            for (String st : routeStreams.getOrDefault(route, Set.of())) {
                if (st.endsWith("@kline_1m")) {
                    heldBars.putIfAbsent(st.substring(0, st.indexOf('@')).toUpperCase(Locale.ROOT), new ArrayList<>());
                }
            }
        }
    }

    private void releaseHeldBars(String symbol) {
        List<Bar> out = new ArrayList<>();
        synchronized (lock) {
            List<Bar> held = heldBars.remove(symbol);
            if (held == null) {
                return;
            }
            held.sort(java.util.Comparator.comparingLong(Bar::openTime));
            for (Bar b : held) {
                long openMs = b.openTime() / 1_000_000L;
                Long last = lastBarOpenMs.get(symbol);
                if (last != null && openMs <= last) {
                    continue;
                }
                lastBarOpenMs.put(symbol, openMs);
                out.add(b);
            }
        }
        out.forEach(this::publish);
    }

    private void count(String schema, long bytes) {
        synchronized (usage) {
            long[] u = usage.computeIfAbsent(schema, k -> new long[2]);
            u[0]++;
            u[1] += bytes;
        }
    }

    private final class RouteHandler implements BinanceWsConnection.Handler {
        private final String route;

        RouteHandler(String route) {
            this.route = route;
        }

        @Override
        public void onText(String message, long tsRecv) {
            BinanceStreamMapper.Mapped m;
            try {
                m = BinanceStreamMapper.map(message, tsRecv);
            } catch (BinanceProtocolException e) {
                if (skipped.incrementAndGet() <= 10) {
                    LOG.warn("Binance {}: skipped message: {}", route.isEmpty() ? "spot" : route, e.getMessage());
                }
                return;
            }
            if (m == null) {
                return;
            }
            count(m.schema(), message.getBytes(StandardCharsets.UTF_8).length);
            if (m.event() == null) {
                return;
            }
            if (m.event() instanceof Bar b) {
                long openMs = b.openTime() / 1_000_000L;
                synchronized (lock) {
                    List<Bar> held = heldBars.get(b.symbol());
                    if (held != null) {
                        held.add(b);
                        return;
                    }
                    Long last = lastBarOpenMs.get(b.symbol());
                    if (last != null && openMs <= last) {
                        return;
                    }
                    lastBarOpenMs.put(b.symbol(), openMs);
                }
            }
            publish(m.event());
        }

        @Override
        public void onOpen(boolean reconnect) {
            Set<String> symbols = symbolsOn(route);
            for (String s : symbols) {
                status(s, reconnect ? FeedStatus.Kind.RECONNECTED : FeedStatus.Kind.CONNECTED,
                        cfg.market() + route);
            }
            Set<String> streams;
            synchronized (lock) {
                streams = new TreeSet<>(routeStreams.getOrDefault(route, Set.of()));
            }
            if (!reconnect) {
                // a failed first attempt may have started holding bars; nothing was missed, release them
                streams.stream().filter(st -> st.endsWith("@kline_1m"))
                        .forEach(st -> releaseHeldBars(st.substring(0, st.indexOf('@')).toUpperCase(Locale.ROOT)));
                return;
            }
            for (String st : streams) {
                String symbol = st.substring(0, st.indexOf('@')).toUpperCase(Locale.ROOT);
                if (st.endsWith("@kline_1m")) {
                    try {
                        int n = gapFillBars(symbol);
                        LOG.info("Binance {}: gap-filled {} closed 1m bars from REST", symbol, n);
                    } catch (RuntimeException e) {
                        status(symbol, FeedStatus.Kind.GAP, "bars missed while disconnected; REST gap-fill failed: "
                                + e.getMessage());
                    } finally {
                        releaseHeldBars(symbol);
                    }
                } else if (st.endsWith("@trade") || st.endsWith("@aggTrade")) {
                    status(symbol, FeedStatus.Kind.GAP, "trades missed while disconnected");
                }
            }
        }

        @Override
        public void onStale(long silentNs) {
            holdBars(route);
            for (String s : symbolsOn(route)) {
                status(s, FeedStatus.Kind.STALE, "no message for " + silentNs / 1_000_000L + " ms on "
                        + cfg.market() + (route.isEmpty() ? "" : " " + route));
            }
        }

        @Override
        public void onDown(String why) {
            holdBars(route);
            for (String s : symbolsOn(route)) {
                status(s, FeedStatus.Kind.DISCONNECTED, why);
            }
        }
    }
}
