package dev.flof.host.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flof.host.FlofException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The status as JSON over HTTP ({@code GET /status}), bound to loopback by default: it tells anyone who can
 * reach it what the account holds, so it is not exposed unless the operator binds it elsewhere. It only
 * reads the latest immutable snapshot; it never calls into the engine.
 */
public final class StatusServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    /** Starts serving; {@code port} 0 picks a free one (see {@link #port()}). */
    public StatusServer(String bind, int port, Supplier<String> json) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 8);
        } catch (IOException e) {
            throw new FlofException("status endpoint: cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); set status.port in the runner file (0 = any free port, -1 = off)", e);
        }
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flof-status-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", ex -> handle(ex, json));
        server.start();
    }

    private static void handle(HttpExchange ex, Supplier<String> json) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, "{\"error\":\"GET only\"}");
            } else if (path.equals("/status") || path.equals("/")) {
                String body = json.get();
                send(ex, body == null ? 503 : 200, body == null ? "{\"error\":\"starting\"}" : body);
            } else {
                send(ex, 404, "{\"error\":\"try /status\"}");
            }
        }
    }

    private static void send(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String address() {
        return server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
