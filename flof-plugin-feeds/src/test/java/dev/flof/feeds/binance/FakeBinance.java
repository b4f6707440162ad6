package dev.flof.feeds.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A fake Binance USD-M REST API on loopback (JDK HttpServer) plus its user-data WebSocket (route
 * {@code /private/ws}). It checks what the real venue checks for SIGNED calls: the {@code X-MBX-APIKEY}
 * header (-2015), the signature over the exact query string (HMAC-SHA256 hex or Ed25519 base64; -1022) and
 * the timestamp against its own clock and recvWindow (-1021). It rejects conditional types on
 * {@code /fapi/v1/order} with -4120 and stops whose trigger is already through the mark price with -2021.
 * Answers have the shapes of the Binance docs. Scripted failures (429 with Retry-After, 418, 503) are served
 * first-in first-out to the first matching request.
 */
final class FakeBinance implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the fake saw it; params decoded, in order. */
    record Req(String method, String path, Map<String, String> params) {
    }

    /** A scripted answer for the next request matching method+path; executeAnyway = process it, then fail. */
    record Scripted(String method, String path, int status, String body, Map<String, String> headers,
                    boolean executeAnyway) {
    }

    private final HttpServer http;
    final FakeWsServer ws;
    private final String apiKey;
    private final String hmacSecret;
    private final PublicKey edKey;
    private final LongSupplier clockMs;
    final AtomicLong serverSkewMs = new AtomicLong();
    final List<Req> log = new CopyOnWriteArrayList<>();
    private final Deque<Scripted> scripts = new ArrayDeque<>();
    final Map<String, BigDecimal> markPrice = new TreeMap<>();
    final Map<String, ObjectNode> orders = new LinkedHashMap<>();
    final Map<String, ObjectNode> algoOrders = new LinkedHashMap<>();
    final Map<String, BigDecimal[]> positions = new TreeMap<>();
    final Map<String, ArrayNode> klines = new TreeMap<>();
    final ArrayNode userTrades = JSON.createArrayNode();
    final Map<String, String> extraHeaders = new LinkedHashMap<>();
    /** Per symbol: the "brackets" JSON array of GET /fapi/v1/leverageBracket. */
    final Map<String, String> leverageBrackets = new TreeMap<>();
    final Map<String, Integer> leverage = new TreeMap<>();
    private final AtomicLong ids = new AtomicLong(8_389_765_000L);
    private final AtomicLong tradeIds = new AtomicLong(698_759_000L);
    private volatile FakeWsServer.Conn userConn;
    private volatile String listenKey = "pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1";

    FakeBinance(String apiKey, String hmacSecret, PublicKey edKey, LongSupplier clockMs) throws IOException {
        this.apiKey = apiKey;
        this.hmacSecret = hmacSecret;
        this.edKey = edKey;
        this.clockMs = clockMs;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::handle);
        http.start();
        this.ws = new FakeWsServer(conn -> { });
        ws.onAccept(conn -> {
            if (conn.path.equals("/private/ws") && listenKey.equals(conn.params.get("listenKey"))) {
                userConn = conn;
            } else {
                conn.close();
            }
        });
    }

    String restUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    long serverTimeMs() {
        return clockMs.getAsLong() + serverSkewMs.get();
    }

    synchronized void script(Scripted s) {
        scripts.add(s);
    }

    void expireListenKey(String newKey) {
        listenKey = newKey;
    }

    /** Waits for the user-data stream to be connected, then pushes a raw event to it. */
    void pushUserData(String json) throws IOException {
        FakeWsServer.Conn c = userConn;
        if (c == null) {
            throw new IllegalStateException("user-data stream not connected");
        }
        c.send(json);
    }

    boolean userStreamConnected() {
        FakeWsServer.Conn c = userConn;
        return c != null && c.isOpen();
    }

    List<Req> requests(String method, String path) {
        return log.stream().filter(r -> r.method.equals(method) && r.path.equals(path)).toList();
    }

    List<Req> orderRequests() {
        return log.stream().filter(r -> !r.method.equals("GET") || r.path.contains("rder")).filter(
                r -> !r.path.equals("/fapi/v1/time") && !r.path.equals("/fapi/v1/listenKey")).toList();
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String raw = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
        Map<String, String> params = parse(raw);
        log.add(new Req(method, path, params));
        try {
            Scripted s = takeScript(method, path);
            if (s != null && !s.executeAnyway()) {
                reply(ex, s.status(), s.body(), s.headers());
                return;
            }
            Object[] r = route(ex, method, path, raw, params);
            if (s != null) {
                reply(ex, s.status(), s.body(), s.headers());
                return;
            }
            reply(ex, (Integer) r[0], (String) r[1], Map.of());
        } catch (RuntimeException e) {
            reply(ex, 500, "{\"code\":-1000,\"msg\":\"fake: " + e.toString().replace('"', '\'') + "\"}", Map.of());
        }
    }

    private synchronized Scripted takeScript(String method, String path) {
        for (Scripted s : scripts) {
            if (s.method().equals(method) && s.path().equals(path)) {
                scripts.remove(s);
                return s;
            }
        }
        return null;
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return m;
        }
        for (String kv : raw.split("&")) {
            int e = kv.indexOf('=');
            m.put(URLDecoder.decode(kv.substring(0, e), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(e + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static Object[] ok(Object body) {
        return new Object[] {200, body.toString()};
    }

    private static Object[] err(int status, int code, String msg) {
        return new Object[] {status, "{\"code\":" + code + ",\"msg\":\"" + msg + "\"}"};
    }

    private Object[] route(HttpExchange ex, String method, String path, String raw, Map<String, String> p) {
        String key = method + " " + path;
        if (key.equals("GET /fapi/v1/time")) {
            return ok("{\"serverTime\":" + serverTimeMs() + "}");
        }
        if (key.equals("GET /fapi/v1/klines")) {
            ArrayNode rows = klines.getOrDefault(p.get("symbol"), JSON.createArrayNode());
            long start = Long.parseLong(p.getOrDefault("startTime", "0"));
            ArrayNode out = JSON.createArrayNode();
            rows.forEach(r -> {
                if (r.get(0).asLong() >= start && r.get(0).asLong() <= serverTimeMs()) {
                    out.add(r);
                }
            });
            return ok(out);
        }
        if (key.equals("GET /fapi/v1/premiumIndex")) {
            BigDecimal mark = markPrice.get(p.get("symbol"));
            return mark == null ? err(400, -1121, "Invalid symbol.") : ok("{\"symbol\":\"" + p.get("symbol")
                    + "\",\"markPrice\":\"" + mark.toPlainString() + "\",\"indexPrice\":\"" + mark.toPlainString()
                    + "\",\"lastFundingRate\":\"0.00010000\",\"time\":" + serverTimeMs() + "}");
        }
        if (path.equals("/fapi/v1/listenKey")) {
            if (!apiKey.equals(ex.getRequestHeaders().getFirst("X-MBX-APIKEY"))) {
                return err(401, -2015, "Invalid API-key, IP, or permissions for action.");
            }
            return ok("{\"listenKey\":\"" + listenKey + "\"}");
        }
        Object[] auth = checkSigned(ex, raw, p);
        if (auth != null) {
            return auth;
        }
        return switch (key) {
            case "POST /fapi/v1/order" -> newOrder(p);
            case "GET /fapi/v1/leverageBracket" -> {
                String b = leverageBrackets.get(p.get("symbol"));
                yield b == null ? err(400, -1121, "Invalid symbol.") : ok("[{\"symbol\":\"" + p.get("symbol")
                        + "\",\"notionalCoef\":1.0,\"brackets\":" + b + "}]");
            }
            case "POST /fapi/v1/leverage" -> {
                leverage.put(p.get("symbol"), Integer.parseInt(p.get("leverage")));
                yield ok("{\"leverage\":" + p.get("leverage") + ",\"maxNotionalValue\":\"1000000\",\"symbol\":\""
                        + p.get("symbol") + "\"}");
            }
            case "GET /fapi/v1/order" -> {
                ObjectNode o = orders.get(p.get("origClientOrderId"));
                yield o == null ? err(400, -2013, "Order does not exist.") : ok(o);
            }
            case "DELETE /fapi/v1/order" -> {
                ObjectNode o = orders.get(p.get("origClientOrderId"));
                if (o == null || !o.get("status").asText().equals("NEW")) {
                    yield err(400, -2011, "Unknown order sent.");
                }
                o.put("status", "CANCELED");
                yield ok(o);
            }
            case "PUT /fapi/v1/order" -> {
                ObjectNode o = orders.get(p.get("origClientOrderId"));
                if (o == null) {
                    yield err(400, -2013, "Order does not exist.");
                }
                o.put("price", p.get("price"));
                o.put("origQty", p.get("quantity"));
                yield ok(o);
            }
            case "POST /fapi/v1/algoOrder" -> newAlgo(p);
            case "GET /fapi/v1/algoOrder" -> {
                ObjectNode o = algoOrders.get(p.get("clientAlgoId"));
                yield o == null ? err(400, -2013, "Order does not exist.") : ok(o);
            }
            case "DELETE /fapi/v1/algoOrder" -> {
                ObjectNode o = algoOrders.get(p.get("clientAlgoId"));
                if (o == null || !o.get("algoStatus").asText().equals("NEW")) {
                    yield err(400, -2011, "Unknown order sent.");
                }
                o.put("algoStatus", "CANCELED");
                yield ok("{\"algoId\":" + o.get("algoId") + ",\"clientAlgoId\":\"" + p.get("clientAlgoId")
                        + "\",\"code\":\"200\",\"msg\":\"success\"}");
            }
            case "DELETE /fapi/v1/allOpenOrders" -> {
                orders.values().stream().filter(o -> o.get("symbol").asText().equals(p.get("symbol"))
                        && o.get("status").asText().equals("NEW")).forEach(o -> o.put("status", "CANCELED"));
                yield ok("{\"code\":200,\"msg\":\"The operation of cancel all open order is done.\"}");
            }
            case "DELETE /fapi/v1/algoOpenOrders" -> {
                algoOrders.values().stream().filter(o -> o.get("symbol").asText().equals(p.get("symbol"))
                        && o.get("algoStatus").asText().equals("NEW")).forEach(o -> o.put("algoStatus", "CANCELED"));
                yield ok("{\"code\":200,\"msg\":\"The operation of cancel all open order is done.\"}");
            }
            case "GET /fapi/v1/openOrders" -> {
                ArrayNode a = JSON.createArrayNode();
                orders.values().stream().filter(o -> o.get("status").asText().equals("NEW")).forEach(a::add);
                yield ok(a);
            }
            case "GET /fapi/v1/openAlgoOrders" -> {
                ArrayNode a = JSON.createArrayNode();
                algoOrders.values().stream().filter(o -> o.get("algoStatus").asText().equals("NEW")).forEach(a::add);
                yield ok(a);
            }
            case "GET /fapi/v3/positionRisk" -> {
                ArrayNode a = JSON.createArrayNode();
                positions.forEach((sym, v) -> {
                    ObjectNode n = a.addObject();
                    n.put("symbol", sym);
                    n.put("positionSide", "BOTH");
                    n.put("positionAmt", v[0].toPlainString());
                    n.put("entryPrice", v[1].toPlainString());
                    n.put("marginType", "isolated");
                });
                yield ok(a);
            }
            case "GET /fapi/v1/userTrades" -> {
                ArrayNode a = JSON.createArrayNode();
                long start = Long.parseLong(p.getOrDefault("startTime", "0"));
                userTrades.forEach(t -> {
                    if (t.get("symbol").asText().equals(p.get("symbol")) && t.get("time").asLong() >= start) {
                        a.add(t);
                    }
                });
                yield ok(a);
            }
            default -> err(404, -1000, "fake: no route " + key);
        };
    }

    private Object[] checkSigned(HttpExchange ex, String raw, Map<String, String> p) {
        if (!apiKey.equals(ex.getRequestHeaders().getFirst("X-MBX-APIKEY"))) {
            return err(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        int at = raw.lastIndexOf("&signature=");
        if (at < 0) {
            return err(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        }
        String payload = raw.substring(0, at);
        String sig = URLDecoder.decode(raw.substring(at + "&signature=".length()), StandardCharsets.UTF_8);
        if (!verify(payload, sig)) {
            return err(400, -1022, "Signature for this request is not valid.");
        }
        long ts = Long.parseLong(p.get("timestamp"));
        long recv = Long.parseLong(p.getOrDefault("recvWindow", "5000"));
        long server = serverTimeMs();
        if (ts >= server + 1000 || server - ts > recv) {
            return err(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
        return null;
    }

    private boolean verify(String payload, String sig) {
        try {
            if (hmacSecret != null) {
                return BinanceSigner.hmac(hmacSecret).sign(payload).equals(sig);
            }
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(edKey);
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(sig));
        } catch (Exception e) {
            return false;
        }
    }

    private Object[] newOrder(Map<String, String> p) {
        String type = p.get("type");
        if (List.of("STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET").contains(type)) {
            return err(400, -4120, "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.");
        }
        String symbol = p.get("symbol");
        ObjectNode o = JSON.createObjectNode();
        long id = ids.incrementAndGet();
        o.put("clientOrderId", p.get("newClientOrderId"));
        o.put("cumQty", "0");
        o.put("cumQuote", "0");
        o.put("executedQty", "0");
        o.put("orderId", id);
        o.put("avgPrice", "0.00000");
        o.put("origQty", p.get("quantity"));
        o.put("price", p.getOrDefault("price", "0"));
        o.put("reduceOnly", Boolean.parseBoolean(p.getOrDefault("reduceOnly", "false")));
        o.put("side", p.get("side"));
        o.put("positionSide", "BOTH");
        o.put("status", "NEW");
        o.put("stopPrice", "0");
        o.put("closePosition", false);
        o.put("symbol", symbol);
        o.put("timeInForce", p.getOrDefault("timeInForce", "GTC"));
        o.put("type", type);
        o.put("origType", type);
        o.put("updateTime", serverTimeMs());
        o.put("workingType", "CONTRACT_PRICE");
        o.put("priceProtect", false);
        orders.put(p.get("newClientOrderId"), o);
        return ok(o);
    }

    /** Fills a resting or market order completely at {@code price}, as the matching engine would, and
     * pushes the ORDER_TRADE_UPDATE. */
    void fill(String clientOrderId, String price) throws IOException {
        ObjectNode o = orders.get(clientOrderId);
        o.put("status", "FILLED");
        o.put("executedQty", o.get("origQty").asText());
        o.put("avgPrice", price);
        String symbol = o.get("symbol").asText();
        BigDecimal qty = new BigDecimal(o.get("origQty").asText());
        BigDecimal signed = o.get("side").asText().equals("BUY") ? qty : qty.negate();
        BigDecimal[] pos = positions.computeIfAbsent(symbol, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        pos[0] = pos[0].add(signed);
        pos[1] = new BigDecimal(price);
        long tradeId = tradeIds.incrementAndGet();
        long t = serverTimeMs();
        BigDecimal fee = qty.multiply(new BigDecimal(price)).multiply(new BigDecimal("0.0005"));
        ObjectNode ut = userTrades.addObject();
        ut.put("symbol", symbol);
        ut.put("id", tradeId);
        ut.put("orderId", o.get("orderId").asLong());
        ut.put("side", o.get("side").asText());
        ut.put("price", price);
        ut.put("qty", qty.toPlainString());
        ut.put("commission", fee.toPlainString());
        ut.put("commissionAsset", "USDT");
        ut.put("time", t);
        ut.put("buyer", o.get("side").asText().equals("BUY"));
        ut.put("maker", false);
        pushUserData("{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":" + t + ",\"T\":" + t + ",\"o\":{\"s\":\"" + symbol
                + "\",\"c\":\"" + clientOrderId + "\",\"S\":\"" + o.get("side").asText() + "\",\"o\":\""
                + o.get("type").asText() + "\",\"f\":\"GTC\",\"q\":\"" + qty.toPlainString() + "\",\"p\":\""
                + o.get("price").asText() + "\",\"ap\":\"" + price + "\",\"sp\":\"0\",\"x\":\"TRADE\",\"X\":\"FILLED\","
                + "\"i\":" + o.get("orderId").asLong() + ",\"l\":\"" + qty.toPlainString() + "\",\"z\":\""
                + qty.toPlainString() + "\",\"L\":\"" + price + "\",\"N\":\"USDT\",\"n\":\"" + fee.toPlainString()
                + "\",\"T\":" + t + ",\"t\":" + tradeId + ",\"b\":\"0\",\"a\":\"0\",\"m\":false,\"R\":false,"
                + "\"wt\":\"CONTRACT_PRICE\",\"ot\":\"" + o.get("type").asText() + "\",\"ps\":\"BOTH\",\"cp\":false,"
                + "\"rp\":\"0\",\"pP\":false,\"si\":0,\"ss\":0,\"V\":\"NONE\",\"pm\":\"NONE\",\"gtd\":0}}");
    }

    private Object[] newAlgo(Map<String, String> p) {
        if (!"CONDITIONAL".equals(p.get("algoType"))) {
            return err(400, -1102, "Mandatory parameter 'algoType' was not sent, was empty/null, or malformed.");
        }
        if (p.containsKey("closePosition") && (p.containsKey("quantity") || p.containsKey("reduceOnly"))) {
            return err(400, -4136, "Target strategy invalid for orderType STOP_MARKET, closePosition true");
        }
        String symbol = p.get("symbol");
        String type = p.get("type");
        BigDecimal trigger = new BigDecimal(p.get("triggerPrice"));
        BigDecimal mark = markPrice.get(symbol);
        if (mark != null) {
            boolean sell = p.get("side").equals("SELL");
            boolean stop = type.startsWith("STOP");
            // a sell stop must sit below the market, a sell take-profit above it (and mirrored for buys)
            boolean immediate = stop ? (sell ? trigger.compareTo(mark) >= 0 : trigger.compareTo(mark) <= 0)
                    : (sell ? trigger.compareTo(mark) <= 0 : trigger.compareTo(mark) >= 0);
            if (immediate) {
                return err(400, -2021, "Order would immediately trigger.");
            }
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("algoId", ids.incrementAndGet());
        o.put("clientAlgoId", p.get("clientAlgoId"));
        o.put("algoType", "CONDITIONAL");
        o.put("orderType", type);
        o.put("symbol", symbol);
        o.put("side", p.get("side"));
        o.put("positionSide", "BOTH");
        o.put("timeInForce", p.getOrDefault("timeInForce", "GTC"));
        o.put("quantity", p.getOrDefault("quantity", "0"));
        o.put("algoStatus", "NEW");
        o.put("triggerPrice", p.get("triggerPrice"));
        o.put("price", p.getOrDefault("price", "0"));
        o.put("icebergQuantity", (String) null);
        o.put("selfTradePreventionMode", "EXPIRE_MAKER");
        o.put("workingType", p.getOrDefault("workingType", "CONTRACT_PRICE"));
        o.put("priceMatch", "NONE");
        o.put("closePosition", Boolean.parseBoolean(p.getOrDefault("closePosition", "false")));
        o.put("priceProtect", Boolean.parseBoolean(p.getOrDefault("priceProtect", "false")));
        o.put("reduceOnly", Boolean.parseBoolean(p.getOrDefault("reduceOnly", "false")));
        o.put("createTime", serverTimeMs());
        o.put("updateTime", serverTimeMs());
        o.put("triggerTime", 0);
        o.put("goodTillDate", 0);
        algoOrders.put(p.get("clientAlgoId"), o);
        return ok(o);
    }

    private void reply(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        extraHeaders.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    List<String> paths() {
        List<String> out = new ArrayList<>();
        log.forEach(r -> out.add(r.method + " " + r.path));
        return out;
    }

    @Override
    public void close() {
        http.stop(0);
        ws.close();
    }
}
