package dev.flof.feeds.databento.historical;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Client of Databento's historical HTTP API (§6 of the Databento notes): cost control
 * ({@code metadata.get_cost}, {@code get_billable_size}, {@code get_record_count}), data
 * ({@code timeseries.get_range}, streamed, never held in memory) and {@code symbology.resolve}.
 *
 * <p>Requests are form-encoded POSTs authenticated with HTTP Basic (API key as user, empty password).
 * Error answers become {@link DatabentoHttpException} subclasses with the server's message; 429 waits for
 * {@code Retry-After} and 5xx backs off exponentially, both within the {@link RetryPolicy}. Waiting goes
 * through the injected {@link Sleeper} and {@link Clock}, so tests run in no real time. Server warnings
 * ({@code X-Warning}) go to the warning listener. Thread-safe.
 */
public final class HistoricalClient {
    /** Receives the streamed body of {@code timeseries.get_range}: zstd-compressed DBN. */
    @FunctionalInterface
    public interface BodyConsumer {
        void accept(InputStream body) throws IOException;
    }

    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final String USER_AGENT = "FLOF-databento-java/0.1";

    private final HistoricalConfig config;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Production wiring: a JDK HTTP client, real sleeping, the system clock, warnings dropped. */
    public HistoricalClient(HistoricalConfig config) {
        this(config, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build(), Sleeper.SYSTEM, Clock.systemUTC(), w -> { });
    }

    public HistoricalClient(HistoricalConfig config, HttpClient http, Sleeper sleeper, Clock clock,
                            Consumer<String> warningListener) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warnings = Objects.requireNonNull(warningListener, "warningListener");
    }

    public HistoricalConfig config() {
        return config;
    }

    /** {@code metadata.get_cost}: the price of the request in USD, exact as the server wrote it. */
    public BigDecimal getCost(RangeRequest request) throws IOException {
        JsonNode n = postJson("metadata.get_cost", request.costForm());
        if (!n.isNumber()) {
            throw new UnexpectedResponseException("metadata.get_cost: expected a number, got " + abbreviate(n.toString()));
        }
        BigDecimal cost = n.decimalValue();
        if (cost.signum() < 0) {
            throw new UnexpectedResponseException("metadata.get_cost: negative cost " + cost.toPlainString());
        }
        return cost;
    }

    /** {@code metadata.get_billable_size}: uncompressed DBN bytes the request would be billed for. */
    public long getBillableSize(RangeRequest request) throws IOException {
        return unsigned("metadata.get_billable_size", postJson("metadata.get_billable_size", request.costForm()));
    }

    /** {@code metadata.get_record_count}: number of records the request would return. */
    public long getRecordCount(RangeRequest request) throws IOException {
        return unsigned("metadata.get_record_count", postJson("metadata.get_record_count", request.costForm()));
    }

    /** {@code symbology.resolve}. */
    public SymbologyResolution resolve(SymbologyRequest request) throws IOException {
        JsonNode n = postJson("symbology.resolve", request.form());
        JsonNode result = n.get("result");
        if (result == null || !result.isObject()) {
            throw new UnexpectedResponseException("symbology.resolve: no 'result' object in " + abbreviate(n.toString()));
        }
        TreeMap<String, List<SymbologyResolution.Interval>> map = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : result.properties()) {
            List<SymbologyResolution.Interval> intervals = new ArrayList<>();
            if (!e.getValue().isArray()) {
                throw new UnexpectedResponseException("symbology.resolve: result." + e.getKey() + " is not an array");
            }
            for (JsonNode iv : e.getValue()) {
                intervals.add(new SymbologyResolution.Interval(date(iv, "d0", e.getKey()), date(iv, "d1", e.getKey()),
                        text(iv, "s", e.getKey())));
            }
            map.put(e.getKey(), intervals);
        }
        return new SymbologyResolution(map, strings(n.get("partial")), strings(n.get("not_found")));
    }

    /**
     * {@code timeseries.get_range}: hands the body (zstd-compressed DBN, as sent) to {@code consumer} while it
     * streams. Retries happen only before the body starts; an error during the body propagates.
     *
     * @return the number of body bytes the consumer read
     */
    public long getRange(RangeRequest request, BodyConsumer consumer) throws IOException {
        HttpResponse<InputStream> resp = send("timeseries.get_range", request.rangeForm(), "*/*");
        try (CountingInputStream in = new CountingInputStream(resp.body())) {
            consumer.accept(in);
            return in.count;
        }
    }

    /** Checks a downloaded file before it takes its final name; throws to reject it. */
    @FunctionalInterface
    public interface FileCheck {
        void check(Path downloaded) throws IOException;
    }

    /**
     * {@code timeseries.get_range} saved to {@code target} atomically: the body streams to
     * {@code target.part}, is forced to disk, must start with the zstd magic, passes {@code check}, and only
     * then is renamed to {@code target} in one atomic step. On any failure the part file is deleted, so no
     * half file ever carries the final name.
     *
     * @param replace whether an existing {@code target} may be replaced (else it is an error)
     * @return the number of bytes written
     */
    public long download(RangeRequest request, Path target, boolean replace, FileCheck check) throws IOException {
        if (!replace && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists; not replaced");
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        boolean done = false;
        try {
            long bytes;
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
                 OutputStream os = Channels.newOutputStream(ch)) {
                bytes = getRange(request, os);
                ch.force(true);
            }
            try (InputStream in = Files.newInputStream(part)) {
                byte[] magic = in.readNBytes(4);
                if (magic.length < 4 || (magic[0] & 0xFF) != 0x28 || (magic[1] & 0xFF) != 0xB5
                        || (magic[2] & 0xFF) != 0x2F || (magic[3] & 0xFF) != 0xFD) {
                    throw new UnexpectedResponseException("timeseries.get_range: the body is not zstd-compressed DBN "
                            + "(it does not start with 28 b5 2f fd)");
                }
            }
            check.check(part);
            try {
                if (replace) {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + part + " to " + target + " atomically", e);
            }
            done = true;
            return bytes;
        } finally {
            if (!done) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** {@code timeseries.get_range} copied to {@code out}; returns the number of bytes written. */
    public long getRange(RangeRequest request, OutputStream out) throws IOException {
        return getRange(request, in -> in.transferTo(out));
    }

    // ---------------------------------------------------------------------------------------------------

    private JsonNode postJson(String method, Map<String, String> form) throws IOException {
        HttpResponse<InputStream> resp = send(method, form, "application/json");
        byte[] body;
        try (InputStream in = resp.body()) {
            body = in.readAllBytes();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UnexpectedResponseException(method + ": response is not JSON: " + summarize(body));
        }
    }

    private HttpResponse<InputStream> send(String method, Map<String, String> form, String accept) throws IOException {
        URI uri = URI.create(stripSlash(config.baseUrl().toString()) + "/v0/" + method);
        String credentials = Base64.getEncoder().encodeToString(
                (config.apiKey().reveal() + ":").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Authorization", "Basic " + credentials)
                .header("Accept", accept)
                .header("User-Agent", USER_AGENT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        RetryPolicy policy = config.retry();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> resp;
            try {
                resp = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(method + " interrupted");
            }
            reportWarnings(resp.headers());
            int status = resp.statusCode();
            if (status < 400) {
                return resp;
            }
            byte[] body;
            try (InputStream in = resp.body()) {
                body = in.readNBytes(MAX_ERROR_BODY);
            }
            DatabentoHttpException error = parseError(status, body, resp.headers());
            Duration wait = null;
            if (attempt < policy.maxAttempts()) {
                if (status == 429) {
                    wait = retryAfter(resp.headers()).orElse(policy.backoff(attempt));
                    if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                        wait = null;
                    }
                } else if (status >= 500) {
                    wait = policy.backoff(attempt);
                }
            }
            if (wait == null) {
                throw error;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(method + " interrupted while waiting to retry");
            }
        }
    }

    private java.util.Optional<Duration> retryAfter(HttpHeaders headers) {
        java.util.Optional<String> v = headers.firstValue("Retry-After").map(String::trim);
        if (v.isEmpty()) {
            return java.util.Optional.empty();
        }
        String s = v.get();
        try {
            long secs = Long.parseLong(s);
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, secs)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return java.util.Optional.empty();
            }
        }
    }

    private void reportWarnings(HttpHeaders headers) {
        for (String raw : headers.allValues("X-Warning")) {
            try {
                JsonNode n = json.readTree(raw);
                if (n.isArray()) {
                    for (JsonNode w : n) {
                        warnings.accept(w.isTextual() ? w.asText() : w.toString());
                    }
                    continue;
                }
            } catch (IOException notJson) {
                // fall through: report the header as it came
            }
            warnings.accept(raw);
        }
    }

    private DatabentoHttpException parseError(int status, byte[] body, HttpHeaders headers) {
        String requestId = headers.firstValue("request-id").orElse(null);
        String message = null;
        String errorCase = null;
        String docs = null;
        try {
            JsonNode root = json.readTree(body);
            JsonNode detail = root == null ? null : root.get("detail");
            if (detail != null && detail.isTextual()) {
                message = detail.asText();
            } else if (detail != null && detail.isObject()) {
                message = detail.hasNonNull("message") ? detail.get("message").asText() : null;
                errorCase = detail.hasNonNull("case") ? detail.get("case").asText() : null;
                docs = detail.hasNonNull("docs") ? detail.get("docs").asText() : null;
            }
        } catch (IOException notJson) {
            // a proxy's HTML page or plain text: summarized below
        }
        if (message == null || message.isBlank()) {
            message = summarize(body);
        }
        return DatabentoHttpException.of(status, message, errorCase, docs, requestId);
    }

    private static String summarize(byte[] body) {
        if (body.length == 0) {
            return "(empty body)";
        }
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "(" + body.length + " bytes of markup)" : abbreviate(text);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private static long unsigned(String method, JsonNode n) throws UnexpectedResponseException {
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            throw new UnexpectedResponseException(method + ": expected an unsigned integer, got " + abbreviate(n.toString()));
        }
        return n.longValue();
    }

    private static LocalDate date(JsonNode iv, String field, String symbol) throws UnexpectedResponseException {
        String s = text(iv, field, symbol);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new UnexpectedResponseException("symbology.resolve: result." + symbol + "." + field + " is not a date: " + s);
        }
    }

    private static String text(JsonNode iv, String field, String symbol) throws UnexpectedResponseException {
        JsonNode v = iv.get(field);
        if (v == null || !v.isTextual()) {
            throw new UnexpectedResponseException("symbology.resolve: result." + symbol + " lacks text field '" + field + "'");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode n) throws UnexpectedResponseException {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new UnexpectedResponseException("symbology.resolve: expected an array, got " + abbreviate(n.toString()));
        }
        for (JsonNode s : n) {
            out.add(s.asText());
        }
        return out;
    }

    private static String encode(Map<String, String> form) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
