package dev.flof.feeds.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;

/**
 * A fake Binance USD-M market-data WebSocket (loopback, the real combined-stream protocol of
 * {@link FakeWsServer}) that replays a recorded Binance capture ({@code shared/data/market/hftbacktest/usdm/*.gz}:
 * one {@code <local_receive_ns> <combined-stream JSON>} a line) to whoever subscribes, honouring the
 * {@code streams=} list of each connection and the USD-M routes ({@code /public} for {@code bookTicker},
 * {@code /market} for trades and klines; a stream on the wrong route gets nothing, as on the real venue).
 *
 * <p>Klines: the capture holds trades, bookTicker and depth diffs but no klines, so the replay builds the
 * {@code <sym>@kline_1m} stream from the recorded trades in Binance's kline JSON shape ({@code e,E,s,k{t,T,s,i,
 * f,L,o,c,h,l,v,n,x,q,V,Q,B}}): an open-kline update (x=false) at most once per second of replay time, and the
 * closed kline (x=true) at the first trade after the minute ended (or when replay time passes it).
 *
 * <p>Time: every exchange time in the capture ({@code T}, {@code E}, kline times) is mapped by
 * {@code t' = start + (t - firstT) x dilation}; a message is sent when the given clock reaches its mapped exchange
 * time, so exchange time and receive time stay consistent (feed latency = transport delay, and a receiver's
 * exchange-time staleness checks stay meaningful). With {@code dilation} 1 the capture plays at its recorded pace
 * shifted to {@code start}; a dilation above 1 stretches it (a 6-minute capture with dilation 10 yields an hour of
 * 1-minute klines), which the callers must state when they use it.
 */
public final class RecordedStreamReplay implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MINUTE_MS = 60_000L;

    /** One recorded message: its stream and data, and its exchange time (ms). */
    private record Msg(String stream, ObjectNode data, long exchangeMs) {
    }

    private final FakeWsServer server;
    private final List<Msg> messages;
    private final String symbol;
    private final long firstMs;
    private volatile LongSupplier clockNs;
    private volatile long startMs;
    private volatile int dilation = 1;
    private final List<FakeWsServer.Conn> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong klinesClosed = new AtomicLong();
    private final AtomicLong position = new AtomicLong();
    private Thread player;
    private volatile boolean closed;
    private volatile boolean done;
    private volatile RuntimeException failure;
    // the kline being built (player thread only)
    private long klineOpen = Long.MIN_VALUE;
    private BigDecimal o;
    private BigDecimal h;
    private BigDecimal l;
    private BigDecimal c;
    private BigDecimal v = BigDecimal.ZERO;
    private BigDecimal q = BigDecimal.ZERO;
    private BigDecimal takerBuyV = BigDecimal.ZERO;
    private BigDecimal takerBuyQ = BigDecimal.ZERO;
    private long n;
    private long firstId;
    private long lastId;
    private long lastOpenUpdateMs = Long.MIN_VALUE;

    /**
     * Reads the capture and opens the loopback server; nothing plays before {@link #start}.
     *
     * @param capture the gzip capture
     * @param symbol  upper-case symbol, e.g. BTCUSDT (messages of other symbols are skipped)
     */
    public RecordedStreamReplay(Path capture, String symbol) throws IOException {
        this.symbol = symbol.toUpperCase(Locale.ROOT);
        this.messages = read(capture, this.symbol);
        if (messages.isEmpty()) {
            throw new IOException(capture + ": no " + symbol + " trade/bookTicker message");
        }
        this.firstMs = messages.get(0).exchangeMs();
        this.server = new FakeWsServer(conn -> {
            subscribers.add(conn);
        });
    }

    /** The first recorded trade's exchange time, ms since the epoch. */
    public long firstTradeMs() {
        return firstMs;
    }

    /**
     * Starts playing.
     *
     * @param clockNs  the replay clock (ns since the epoch); the receiver should use the same clock
     * @param startNs  where the first recorded trade's exchange time lands on that clock
     * @param dilation stretch factor of recorded time (1 = recorded pace)
     */
    public synchronized void start(LongSupplier clockNs, long startNs, int dilation) {
        if (dilation < 1) {
            throw new IllegalArgumentException("dilation must be >= 1, got " + dilation);
        }
        if (player != null) {
            throw new IllegalStateException("already started");
        }
        this.clockNs = clockNs;
        this.startMs = startNs / 1_000_000L;
        this.dilation = dilation;
        player = new Thread(this::play, "fake-binance-replay");
        player.setDaemon(true);
        player.start();
    }

    /** Waits (bounded) until some client subscribed to {@code stream} on its route; false on timeout. */
    public boolean awaitSubscriber(String stream, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < end) {
            for (FakeWsServer.Conn c : subscribers) {
                if (c.isOpen() && streamsOf(c).contains(stream)) {
                    return true;
                }
            }
            Thread.onSpinWait();
            LockSupport.parkNanos(1_000_000L);
        }
        return false;
    }

    private static List<Msg> read(Path capture, String symbol) throws IOException {
        List<Msg> out = new ArrayList<>();
        String prefix = symbol.toLowerCase(Locale.ROOT) + "@";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(capture)),
                StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                int sp = line.indexOf(' ');
                if (sp < 0) {
                    throw new IOException(capture + " line " + lineNo + ": no '<local_ts> <json>'");
                }
                JsonNode root = JSON.readTree(line.substring(sp + 1));
                JsonNode stream = root.get("stream");
                JsonNode data = root.get("data");
                if (stream == null || data == null || !stream.asText().startsWith(prefix)) {
                    continue; // the REST depth snapshot, other symbols
                }
                String s = stream.asText();
                if (!s.endsWith("@trade") && !s.endsWith("@bookTicker")) {
                    continue; // depth diffs: the receiver asks for partial depth, which the capture does not hold
                }
                JsonNode t = data.get("T");
                if (t == null) {
                    throw new IOException(capture + " line " + lineNo + ": " + s + " without 'T'");
                }
                out.add(new Msg(s, (ObjectNode) data, t.asLong()));
            }
        }
        // the first trade anchors the time map; quotes before it are dropped
        while (!out.isEmpty() && !out.get(0).stream().endsWith("@trade")) {
            out.remove(0);
        }
        return out;
    }

    /** The base URL to give the feed ({@code wsUrl}). */
    public String wsUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** Messages sent to subscribers so far (all connections). */
    public long sent() {
        return sent.get();
    }

    /** Closed 1-minute klines built so far. */
    public long klinesClosed() {
        return klinesClosed.get();
    }

    /** Whether the whole capture has been played (or the player failed: {@link #failure()}). */
    public boolean done() {
        return done;
    }

    /** What stopped the player, or null. */
    public RuntimeException failure() {
        return failure;
    }

    /** The streams connections subscribed to so far, with their route, e.g. {@code /market btcusdt@kline_1m}. */
    public List<String> subscriptions() {
        List<String> out = new ArrayList<>();
        for (FakeWsServer.Conn c : server.connections()) {
            String route = c.path.endsWith("/stream") ? c.path.substring(0, c.path.length() - "/stream".length()) : c.path;
            out.add(route + " " + c.params.getOrDefault("streams", ""));
        }
        return out;
    }

    /** The mapped time (ms) of a recorded exchange time (ms). */
    public long mapMs(long recordedMs) {
        return startMs + (recordedMs - firstMs) * dilation;
    }

    private void play() {
        try {
            for (Msg m : messages) {
                long at = mapMs(m.exchangeMs());
                waitUntil(at);
                if (closed) {
                    return;
                }
                ObjectNode d = m.data().deepCopy();
                d.put("T", at);
                if (d.has("E")) {
                    d.put("E", mapMs(d.get("E").asLong()));
                }
                if (m.stream().endsWith("@trade")) {
                    kline(d, at);
                }
                send(m.stream(), d);
                position.incrementAndGet();
            }
            if (klineOpen != Long.MIN_VALUE) {
                long end = klineOpen + MINUTE_MS;
                waitUntil(end);
                if (!closed) {
                    send(klineStream(), klineJson(end, true));
                    klinesClosed.incrementAndGet();
                    klineOpen = Long.MIN_VALUE;
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            done = true;
        }
    }

    private void waitUntil(long atMs) {
        while (!closed) {
            long now = clockNs.getAsLong() / 1_000_000L;
            if (now >= atMs) {
                return;
            }
            if (klineOpen != Long.MIN_VALUE && now >= klineOpen + MINUTE_MS) {
                // the minute ended without a trade since: the venue closes the kline on time
                send(klineStream(), klineJson(klineOpen + MINUTE_MS, true));
                klinesClosed.incrementAndGet();
                klineOpen = Long.MIN_VALUE;
            }
            LockSupport.parkNanos(500_000L);
        }
    }

    private String klineStream() {
        return symbol.toLowerCase(Locale.ROOT) + "@kline_1m";
    }

    /** Folds a (mapped) trade into the kline, closing the previous minute first. */
    private void kline(ObjectNode trade, long atMs) {
        long minute = Math.floorDiv(atMs, MINUTE_MS) * MINUTE_MS;
        if (klineOpen != Long.MIN_VALUE && minute > klineOpen) {
            send(klineStream(), klineJson(atMs, true));
            klinesClosed.incrementAndGet();
            klineOpen = Long.MIN_VALUE;
        }
        BigDecimal px = new BigDecimal(trade.get("p").asText());
        BigDecimal qty = new BigDecimal(trade.get("q").asText());
        long id = trade.get("t").asLong();
        if (klineOpen == Long.MIN_VALUE) {
            klineOpen = minute;
            o = px;
            h = px;
            l = px;
            v = BigDecimal.ZERO;
            q = BigDecimal.ZERO;
            takerBuyV = BigDecimal.ZERO;
            takerBuyQ = BigDecimal.ZERO;
            n = 0;
            firstId = id;
        }
        h = h.max(px);
        l = l.min(px);
        c = px;
        v = v.add(qty);
        q = q.add(px.multiply(qty));
        if (!trade.get("m").asBoolean()) {
            takerBuyV = takerBuyV.add(qty);
            takerBuyQ = takerBuyQ.add(px.multiply(qty));
        }
        n++;
        lastId = id;
        if (lastOpenUpdateMs == Long.MIN_VALUE || atMs - lastOpenUpdateMs >= 1000) {
            lastOpenUpdateMs = atMs;
            send(klineStream(), klineJson(atMs, false));
        }
    }

    private ObjectNode klineJson(long eventMs, boolean closedKline) {
        ObjectNode d = JSON.createObjectNode();
        d.put("e", "kline");
        d.put("E", eventMs);
        d.put("s", symbol);
        ObjectNode k = d.putObject("k");
        k.put("t", klineOpen);
        k.put("T", klineOpen + MINUTE_MS - 1);
        k.put("s", symbol);
        k.put("i", "1m");
        k.put("f", firstId);
        k.put("L", lastId);
        k.put("o", o.toPlainString());
        k.put("c", c.toPlainString());
        k.put("h", h.toPlainString());
        k.put("l", l.toPlainString());
        k.put("v", v.toPlainString());
        k.put("n", n);
        k.put("x", closedKline);
        k.put("q", q.toPlainString());
        k.put("V", takerBuyV.toPlainString());
        k.put("Q", takerBuyQ.toPlainString());
        k.put("B", "0");
        return d;
    }

    /** Sends a combined-stream message to every open connection subscribed to it on its route. */
    private void send(String stream, ObjectNode data) {
        String route = BinanceMarket.USDM.route(stream);
        String text = null;
        for (FakeWsServer.Conn conn : subscribers) {
            if (!conn.isOpen()) {
                subscribers.remove(conn);
                continue;
            }
            if (!conn.path.equals(route + "/stream") || !streamsOf(conn).contains(stream)) {
                continue;
            }
            if (text == null) {
                ObjectNode root = JSON.createObjectNode();
                root.put("stream", stream);
                root.set("data", data);
                text = root.toString();
            }
            try {
                conn.send(text);
                sent.incrementAndGet();
            } catch (IOException e) {
                subscribers.remove(conn);
            }
        }
    }

    private static Set<String> streamsOf(FakeWsServer.Conn conn) {
        return new TreeSet<>(List.of(conn.params.getOrDefault("streams", "").split("/")));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (player != null) {
            player.interrupt();
        }
        server.close();
    }
}
