package dev.flof.feeds.databento.historical;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for hist.databento.com that follows §6 of the Databento notes: form-encoded POSTs
 * under {@code /v0/}, HTTP Basic with the key as user name, JSON answers, and the documented error shapes.
 * Tests can queue scripted answers (429, 5xx, HTML from a proxy) that are served before the normal ones.
 */
public final class FakeHistoricalApi implements AutoCloseable {
    /** One scripted answer. */
    public record Scripted(int status, Map<String, String> headers, String body) {
    }

    /** One request the fake received. */
    public record Received(String path, String authorization, Map<String, String> form) {
    }

    public static final String DATASET = "GLBX.MDP3";
    /** First date the fake has data for; an earlier start gets the documented 422. */
    public static final String AVAILABLE_START = "2020-12-28";

    private final HttpServer server;
    private final String expectedAuth;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String costJson = "0.0123456789";
    private volatile String billableJson = "480000";
    private volatile String recordCountJson = "10000";
    private volatile Path rangeBody;
    private volatile int dropRangeAfter = -1;

    public FakeHistoricalApi(String apiKey) throws IOException {
        this.expectedAuth = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v0/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized void enqueue(int status, Map<String, String> headers, String body) {
        script.add(new Scripted(status, headers, body));
    }

    public void cost(String json) {
        costJson = json;
    }

    public void billableSize(String json) {
        billableJson = json;
    }

    public void recordCount(String json) {
        recordCountJson = json;
    }

    /** The file served as the body of {@code timeseries.get_range}. */
    public void rangeBody(Path file) {
        rangeBody = file;
    }

    /** Cut the get_range body (connection closed) after this many bytes; -1 for the whole file. */
    public void dropRangeAfter(int bytes) {
        dropRangeAfter = bytes;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private synchronized Scripted nextScripted() {
        return script.poll();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            Map<String, String> form = parseForm(ex.getRequestBody());
            received.add(new Received(path, auth, form));
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, "{\"detail\":\"Method Not Allowed\"}");
                return;
            }
            if (!expectedAuth.equals(auth)) {
                send(ex, 401, "{\"detail\":\"Authorization failed: illegal chars in username.\"}");
                return;
            }
            Scripted s = nextScripted();
            if (s != null) {
                s.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                send(ex, s.status(), s.body());
                return;
            }
            String start = form.get("start");
            if (start != null && start.compareTo(AVAILABLE_START) < 0 && !start.matches("\\d+")) {
                send(ex, 422, "{\"detail\":{\"case\":\"data_start_before_available_start\",\"message\":\"The dataset "
                        + DATASET + " has data available from " + AVAILABLE_START + ". `start` was " + start
                        + ".\",\"status_code\":422,\"docs\":\"https://databento.com/docs/api-reference-historical\",\"payload\":{}}}");
                return;
            }
            switch (path) {
                case "/v0/metadata.get_cost" -> send(ex, 200, costJson);
                case "/v0/metadata.get_billable_size" -> send(ex, 200, billableJson);
                case "/v0/metadata.get_record_count" -> send(ex, 200, recordCountJson);
                case "/v0/symbology.resolve" -> send(ex, 200, "{\"result\":{\"ES.c.0\":[{\"d0\":\"2023-06-14\",\"d1\":\"2023-06-15\",\"s\":\"10245\"},"
                        + "{\"d0\":\"2023-06-15\",\"d1\":\"2023-06-16\",\"s\":\"10248\"}]},\"partial\":[],\"not_found\":[\"ES.d.0\"]}");
                case "/v0/timeseries.get_range" -> sendRange(ex);
                default -> send(ex, 404, "{\"detail\":\"Not Found\"}");
            }
        }
    }

    private void sendRange(HttpExchange ex) throws IOException {
        byte[] data = Files.readAllBytes(rangeBody);
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        int drop = dropRangeAfter;
        if (drop >= 0) {
            ex.sendResponseHeaders(200, data.length);
            OutputStream os = ex.getResponseBody();
            os.write(data, 0, drop);
            os.flush();
            // closing the exchange before the announced length is reached aborts the connection
            return;
        }
        ex.sendResponseHeaders(200, data.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(data);
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().add("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
        }
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        }
    }

    private static Map<String, String> parseForm(InputStream in) throws IOException {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
