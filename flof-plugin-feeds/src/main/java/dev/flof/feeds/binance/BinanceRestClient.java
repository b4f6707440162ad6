package dev.flof.feeds.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance REST over the JDK's HTTP client: public and SIGNED requests, server-time offset, rate-limit
 * headers and back-off.
 *
 * <p>Signing: every parameter goes into the query string in insertion order, then {@code timestamp}
 * (local clock + measured server offset) and {@code recvWindow}; the signature is computed over exactly that
 * encoded string and appended as {@code signature}. The API key travels in {@code X-MBX-APIKEY}. Neither
 * is ever logged or put in an exception message.
 *
 * <p>Errors: {@code -1021} resyncs the server time and retries once; HTTP 429 sleeps for {@code Retry-After}
 * (or an exponential default) and retries up to {@code maxRetries} times (a 429 means the request was not
 * executed, so a retry cannot duplicate an order); HTTP 418 fails fast with {@link BinanceErrorKind#IP_BANNED}
 * and every call before the ban ends fails the same way without touching the network; HTTP 5xx and timeouts
 * are {@link BinanceErrorKind#UNKNOWN_OUTCOME} and are never retried here. When the
 * {@code X-MBX-USED-WEIGHT-1M} header reaches the configured weight limit the next call waits for the next
 * server minute.
 *
 * <p>Thread-safe: calls are serialised.
 */
public final class BinanceRestClient {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceRestClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param baseUrl        e.g. {@code https://fapi.binance.com} or a loopback fake
     * @param timePath       {@code /fapi/v1/time} (USD-M) or {@code /api/v3/time} (spot)
     * @param recvWindowMs   Binance's recvWindow, at most 60000
     * @param weightLimit1m  request weight per minute per IP (USD-M 2400); at this used weight calls pause
     * @param maxRetries     retries after a 429
     * @param timeout        per-request timeout
     */
    public record Config(URI baseUrl, String timePath, long recvWindowMs, long weightLimit1m, int maxRetries,
                         Duration timeout) {
        public Config {
            if (recvWindowMs <= 0 || recvWindowMs > 60_000) {
                throw new IllegalArgumentException("recvWindowMs must be in 1..60000, got " + recvWindowMs);
            }
        }
    }

    private final Config cfg;
    private final HttpClient http;
    private final String apiKey;
    private final BinanceSigner signer;
    private final LongSupplier clockMs;
    private final Sleeper sleeper;
    private long offsetMs;
    private long bannedUntilServerMs;
    private long usedWeight1m;
    private long timeSyncs;

    /**
     * @param apiKey  null or empty for a public-only client
     * @param signer  null for a public-only client
     * @param clockMs local wall clock in ms since the epoch (injected)
     */
    public BinanceRestClient(Config cfg, HttpClient http, String apiKey, BinanceSigner signer, LongSupplier clockMs,
                             Sleeper sleeper) {
        this.cfg = cfg;
        this.http = http;
        this.apiKey = apiKey == null ? "" : apiKey;
        this.signer = signer;
        this.clockMs = clockMs;
        this.sleeper = sleeper;
    }

    /** One answer: HTTP status, parsed body and the headers FLOF reads. */
    public record Answer(int status, JsonNode body, Map<String, String> headers) {
    }

    /** Measures the server-time offset from the time endpoint (midpoint of the round trip). */
    public synchronized long syncTime() {
        long t0 = clockMs.getAsLong();
        Answer a = exchange("GET", cfg.timePath(), "", false);
        long t1 = clockMs.getAsLong();
        JsonNode st = a.body().get("serverTime");
        if (st == null || !st.canConvertToLong()) {
            throw new BinanceProtocolException(cfg.timePath() + ": no serverTime in answer");
        }
        offsetMs = st.asLong() - (t0 + (t1 - t0) / 2);
        timeSyncs++;
        return offsetMs;
    }

    public synchronized long offsetMs() {
        return offsetMs;
    }

    /** How many times the server time was measured (start-up plus every -1021 resync). */
    public synchronized long timeSyncs() {
        return timeSyncs;
    }

    /** The local clock corrected to server time, ms. */
    public synchronized long serverTimeMs() {
        return clockMs.getAsLong() + offsetMs;
    }

    public synchronized long usedWeight1m() {
        return usedWeight1m;
    }

    /** A public (unsigned) request; parameters in insertion order. */
    public synchronized JsonNode publicCall(String method, String path, Map<String, String> params) {
        return call(method, path, params, false);
    }

    /** A SIGNED request (TRADE / USER_DATA). */
    public synchronized JsonNode signedCall(String method, String path, Map<String, String> params) {
        if (signer == null || apiKey.isEmpty()) {
            throw new IllegalStateException("signed Binance call " + path + " without credentials");
        }
        return call(method, path, params, true);
    }

    /** A request with only the API key header (listen key management, USER_STREAM). */
    public synchronized JsonNode keyedCall(String method, String path, Map<String, String> params) {
        Answer a = exchangeWithRetries(method, path, () -> encode(params), true);
        return a.body();
    }

    private JsonNode call(String method, String path, Map<String, String> params, boolean signed) {
        boolean resynced = false;
        while (true) {
            try {
                Answer a = exchangeWithRetries(method, path, () -> signed ? signedQuery(params) : encode(params), signed);
                return a.body();
            } catch (BinanceApiException e) {
                if (e.kind() == BinanceErrorKind.TIMESTAMP && signed && !resynced) {
                    resynced = true;
                    LOG.warn("Binance {} {}: -1021 timestamp outside recvWindow; resyncing server time and retrying once",
                            method, path);
                    syncTime();
                    continue;
                }
                throw e;
            }
        }
    }

    private Answer exchangeWithRetries(String method, String path, java.util.function.Supplier<String> query,
                                       boolean withKey) {
        int attempt = 0;
        while (true) {
            long now = clockMs.getAsLong() + offsetMs;
            if (now < bannedUntilServerMs) {
                throw new BinanceApiException(BinanceErrorKind.IP_BANNED, 418, 0,
                        "Binance " + method + " " + path + ": IP banned for another " + (bannedUntilServerMs - now)
                                + " ms; not calling", bannedUntilServerMs - now);
            }
            pauseForWeight();
            try {
                return exchange(method, path, query.get(), withKey);
            } catch (BinanceApiException e) {
                if (e.kind() == BinanceErrorKind.RATE_LIMITED && e.httpStatus() == 429 && attempt < cfg.maxRetries()) {
                    long wait = e.retryAfterMs() > 0 ? e.retryAfterMs() : 1000L << Math.min(attempt, 6);
                    attempt++;
                    LOG.warn("Binance {} {}: 429, backing off {} ms (retry {}/{})", method, path, wait, attempt,
                            cfg.maxRetries());
                    sleep(wait);
                    continue;
                }
                if (e.kind() == BinanceErrorKind.IP_BANNED) {
                    long wait = e.retryAfterMs() > 0 ? e.retryAfterMs() : 120_000L;
                    bannedUntilServerMs = clockMs.getAsLong() + offsetMs + wait;
                }
                throw e;
            }
        }
    }

    private void pauseForWeight() {
        if (cfg.weightLimit1m() > 0 && usedWeight1m >= cfg.weightLimit1m()) {
            long server = clockMs.getAsLong() + offsetMs;
            long wait = 60_000L - Math.floorMod(server, 60_000L);
            LOG.warn("Binance request weight {} reached the limit {}; waiting {} ms for the next minute",
                    usedWeight1m, cfg.weightLimit1m(), wait);
            sleep(wait);
            usedWeight1m = 0;
        }
    }

    private void sleep(long ms) {
        try {
            sleeper.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BinanceApiException(BinanceErrorKind.UNKNOWN_OUTCOME, 0, 0, "interrupted while backing off", 0);
        }
    }

    private String signedQuery(Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("timestamp", Long.toString(clockMs.getAsLong() + offsetMs));
        all.put("recvWindow", Long.toString(cfg.recvWindowMs()));
        String q = encode(all);
        return q + "&signature=" + URLEncoder.encode(signer.sign(q), StandardCharsets.UTF_8);
    }

    static String encode(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private Answer exchange(String method, String path, String query, boolean withKey) {
        URI uri = URI.create(cfg.baseUrl().toString() + path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(cfg.timeout())
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (withKey) {
            b.header("X-MBX-APIKEY", apiKey);
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BinanceApiException(BinanceErrorKind.UNKNOWN_OUTCOME, 0, 0,
                    "Binance " + method + " " + path + ": no answer (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + "); outcome unknown", 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BinanceApiException(BinanceErrorKind.UNKNOWN_OUTCOME, 0, 0,
                    "Binance " + method + " " + path + ": interrupted; outcome unknown", 0);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
        Optional.ofNullable(headers.get("x-mbx-used-weight-1m")).ifPresent(v -> {
            try {
                usedWeight1m = Long.parseLong(v.trim());
            } catch (NumberFormatException ignored) {
                LOG.warn("Binance {}: unreadable X-MBX-USED-WEIGHT-1M header '{}'", path, v);
            }
        });
        long retryAfterMs = 0;
        String ra = headers.get("retry-after");
        if (ra != null) {
            try {
                retryAfterMs = Long.parseLong(ra.trim()) * 1000L;
            } catch (NumberFormatException ignored) {
                LOG.warn("Binance {}: unreadable Retry-After header '{}'", path, ra);
            }
        }
        JsonNode body;
        try {
            body = r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            if (r.statusCode() >= 200 && r.statusCode() < 300) {
                throw new BinanceProtocolException("Binance " + method + " " + path + ": answer is not JSON", e);
            }
            body = JSON.createObjectNode();
        }
        int status = r.statusCode();
        if (status >= 200 && status < 300 && !(body.isObject() && body.has("code") && body.get("code").asInt() < 0)) {
            return new Answer(status, body, headers);
        }
        int code = body.path("code").asInt(0);
        String msg = body.path("msg").asText("");
        BinanceErrorKind kind = BinanceErrorKind.of(status, code);
        throw new BinanceApiException(kind, status, code,
                "Binance " + method + " " + path + ": HTTP " + status + (code != 0 ? " code " + code : "")
                        + (msg.isEmpty() ? "" : " " + msg) + " (" + kind + ")", retryAfterMs);
    }
}
