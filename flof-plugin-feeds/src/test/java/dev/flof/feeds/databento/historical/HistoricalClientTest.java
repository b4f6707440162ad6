package dev.flof.feeds.databento.historical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoricalClientTest {
    static final String KEY = "db-unittestapikey1234567890FFFFF";
    static final Path SHARED = Path.of(System.getProperty("flof.shared.dir", "../../shared"));

    FakeHistoricalApi api;
    final List<Duration> sleeps = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void start() throws IOException {
        api = new FakeHistoricalApi(KEY);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    HistoricalClient client(String key, RetryPolicy policy) {
        HistoricalConfig cfg = new HistoricalConfig(api.baseUrl(), ApiKey.of(key), Duration.ofSeconds(10), policy);
        return new HistoricalClient(cfg, HttpClient.newHttpClient(), sleeps::add, clock, warnings::add);
    }

    HistoricalClient client() {
        return client(KEY, RetryPolicy.DEFAULT);
    }

    static RangeRequest esTrades() {
        return RangeRequest.of("GLBX.MDP3", "trades", List.of("ESH1"), "2020-12-29T00:00:00Z", "2020-12-30T00:00:00Z");
    }

    @Test
    void costIsExactDecimalAndRequestIsFormEncodedWithBasicAuth() throws IOException {
        api.cost("12.345678901234567890");
        BigDecimal cost = client().getCost(esTrades());
        // 20 significant digits: a double would have rounded them
        assertEquals(0, new BigDecimal("12.34567890123456789").compareTo(cost), cost.toPlainString());
        FakeHistoricalApi.Received r = api.received().get(0);
        assertEquals("/v0/metadata.get_cost", r.path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.US_ASCII)),
                r.authorization());
        assertEquals(Map.of("dataset", "GLBX.MDP3", "schema", "trades", "symbols", "ESH1",
                "start", "2020-12-29T00:00:00Z", "end", "2020-12-30T00:00:00Z",
                "stype_in", "raw_symbol", "stype_out", "instrument_id"), r.form());
    }

    @Test
    void integerCostIsAccepted() throws IOException {
        api.cost("3");
        assertEquals(0, new BigDecimal("3").compareTo(client().getCost(esTrades())));
    }

    @Test
    void billableSizeAndRecordCount() throws IOException {
        api.billableSize("18446744073709551");
        api.recordCount("42");
        assertEquals(18446744073709551L, client().getBillableSize(esTrades()));
        assertEquals(42L, client().getRecordCount(esTrades().withLimit(100L)));
        assertEquals("/v0/metadata.get_billable_size", api.received().get(0).path());
        assertEquals("100", api.received().get(1).form().get("limit"));
    }

    @Test
    void nonNumericCostIsAnUnexpectedResponse() {
        api.cost("\"free\"");
        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, () -> client().getCost(esTrades()));
        assertTrue(e.getMessage().contains("metadata.get_cost"), e.getMessage());
    }

    @Test
    void badKeyIsAuthenticationExceptionWithServerMessageAndNoKeyInIt() {
        String wrong = "db-wrongkeywrongkeywrongkey00000";
        var e = assertThrows(DatabentoHttpException.AuthenticationException.class, () -> client(wrong, RetryPolicy.DEFAULT).getCost(esTrades()));
        assertEquals(401, e.status());
        assertEquals("Authorization failed: illegal chars in username.", e.serverMessage());
        assertFalse(e.getMessage().contains(wrong));
        assertTrue(sleeps.isEmpty(), "auth failures are not retried");
    }

    @Test
    void validationErrorCarriesCaseAndMessage() {
        RangeRequest early = RangeRequest.of("GLBX.MDP3", "trades", List.of("ESH1"), "2010-01-01", null);
        var e = assertThrows(DatabentoHttpException.ValidationException.class, () -> client().getBillableSize(early));
        assertEquals(422, e.status());
        assertEquals("data_start_before_available_start", e.errorCase());
        assertEquals("The dataset GLBX.MDP3 has data available from 2020-12-28. `start` was 2010-01-01.", e.serverMessage());
        assertEquals("https://databento.com/docs/api-reference-historical", e.docs());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void tooManyRequestsHonoursRetryAfterSeconds() throws IOException {
        api.enqueue(429, Map.of("Retry-After", "7"), "{\"detail\":\"Too many requests\"}");
        api.cost("1.5");
        assertEquals(new BigDecimal("1.5"), client().getCost(esTrades()));
        assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
        assertEquals(2, api.received().size());
    }

    @Test
    void retryAfterAsHttpDateUsesInjectedClock() throws IOException {
        api.enqueue(429, Map.of("Retry-After", "Wed, 25 Nov 2026 12:00:42 GMT"), "{\"detail\":\"slow down\"}");
        client().getCost(esTrades());
        assertEquals(List.of(Duration.ofSeconds(42)), sleeps);
    }

    @Test
    void retryAfterBeyondPolicyLimitFailsAtOnce() {
        api.enqueue(429, Map.of("Retry-After", "3600"), "{\"detail\":\"Too many requests\"}");
        var e = assertThrows(DatabentoHttpException.RateLimitException.class, () -> client().getCost(esTrades()));
        assertEquals("Too many requests", e.serverMessage());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void serverErrorsBackOffExponentiallyThenSucceed() throws IOException {
        api.enqueue(500, Map.of(), "{\"detail\":\"Internal error\"}");
        api.enqueue(503, Map.of(), "");
        api.enqueue(502, Map.of(), "<html><body><h1>502 Bad Gateway</h1></body></html>");
        api.billableSize("96");
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMinutes(1));
        assertEquals(96L, client(KEY, p).getBillableSize(esTrades()));
        // 0.5 s, 1 s, then capped at 1 s
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void serverErrorsBeyondAttemptsSurfaceTheLastOne() {
        for (int i = 0; i < 3; i++) {
            api.enqueue(502, Map.of("request-id", "req-" + i), "<html><body><h1>502 Bad Gateway</h1></body></html>");
        }
        RetryPolicy p = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(1));
        var e = assertThrows(DatabentoHttpException.ServerException.class, () -> client(KEY, p).getCost(esTrades()));
        assertEquals(502, e.status());
        assertEquals("502 Bad Gateway", e.serverMessage());
        assertEquals("req-2", e.requestId());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
    }

    @Test
    void notFoundIsPlainHttpException() {
        api.enqueue(404, Map.of(), "{\"detail\":\"Not Found\"}");
        var e = assertThrows(DatabentoHttpException.class, () -> client().getCost(esTrades()));
        assertEquals(DatabentoHttpException.class, e.getClass());
        assertNull(e.errorCase());
    }

    @Test
    void warningsHeaderIsReported() throws IOException {
        api.enqueue(200, Map.of("X-Warning", "[\"DeprecationWarning: mode is deprecated\",\"BentoWarning: degraded\"]"), "0.5");
        client().getCost(esTrades());
        assertEquals(List.of("DeprecationWarning: mode is deprecated", "BentoWarning: degraded"), warnings);
    }

    @Test
    void getRangeStreamsTheBodyUnchanged() throws IOException {
        Path file = SHARED.resolve("data/dbn/dbn/test_data.trades.v3.dbn.zst");
        api.rangeBody(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = client().getRange(esTrades(), out);
        byte[] expected = Files.readAllBytes(file);
        assertEquals(expected.length, n);
        assertArrayEquals(expected, out.toByteArray());
        Map<String, String> form = api.received().get(0).form();
        assertEquals("dbn", form.get("encoding"));
        assertEquals("zstd", form.get("compression"));
        assertEquals("/v0/timeseries.get_range", api.received().get(0).path());
    }

    @Test
    void downloadIsAtomicAndChecked(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = SHARED.resolve("data/dbn/dbn/test_data.trades.v3.dbn.zst");
        api.rangeBody(file);
        Path target = dir.resolve("t.dbn.zst");
        List<Path> checked = new ArrayList<>();
        long n = client().download(esTrades(), target, false, p -> {
            checked.add(p);
            assertFalse(Files.exists(target), "the final name appears only after the check");
        });
        assertEquals(Files.size(file), n);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(target));
        assertEquals(List.of(dir.resolve("t.dbn.zst.part")), checked);
        assertFalse(Files.exists(dir.resolve("t.dbn.zst.part")));
        // a second download without replace is refused and leaves the file alone
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> client().download(esTrades(), target, false, p -> { }));
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(target));
    }

    @Test
    void downloadRejectedByCheckLeavesNothing(@org.junit.jupiter.api.io.TempDir Path dir) {
        api.rangeBody(SHARED.resolve("data/dbn/dbn/test_data.trades.v3.dbn.zst"));
        Path target = dir.resolve("t.dbn.zst");
        var e = assertThrows(IOException.class, () -> client().download(esTrades(), target, false, p -> {
            throw new IOException("corrupt at offset 42");
        }));
        assertEquals("corrupt at offset 42", e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("t.dbn.zst.part")));
    }

    @Test
    void downloadOfNonZstdBodyIsRejected(@org.junit.jupiter.api.io.TempDir Path dir) {
        api.rangeBody(SHARED.resolve("data/dbn/dbn/test_data.trades.dbn"));
        Path target = dir.resolve("t.dbn.zst");
        var e = assertThrows(UnexpectedResponseException.class, () -> client().download(esTrades(), target, false, p -> { }));
        assertTrue(e.getMessage().contains("not zstd-compressed DBN"), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("t.dbn.zst.part")));
    }

    @Test
    void getRangeCutShortFailsWithIoException() {
        api.rangeBody(SHARED.resolve("data/dbn/dbn/test_data.mbp-10.v3.dbn.zst"));
        api.dropRangeAfter(100);
        assertThrows(IOException.class, () -> client().getRange(esTrades(), new ByteArrayOutputStream()));
    }

    @Test
    void getRangeErrorBeforeBodyIsTyped() {
        api.enqueue(422, Map.of(), "{\"detail\":{\"case\":\"symbology_invalid_symbol\",\"message\":\"Invalid symbol ES!\",\"status_code\":422}}");
        var e = assertThrows(DatabentoHttpException.ValidationException.class,
                () -> client().getRange(esTrades(), new ByteArrayOutputStream()));
        assertEquals("symbology_invalid_symbol", e.errorCase());
        assertTrue(e.getMessage().contains("Invalid symbol ES!"));
    }

    @Test
    void symbologyResolve() throws IOException {
        SymbologyResolution r = client().resolve(new SymbologyRequest("GLBX.MDP3", List.of("ES.c.0", "ES.d.0"),
                "continuous", "instrument_id", LocalDate.of(2023, 6, 14), LocalDate.of(2023, 6, 16)));
        assertEquals(List.of(new SymbologyResolution.Interval(LocalDate.of(2023, 6, 14), LocalDate.of(2023, 6, 15), "10245"),
                new SymbologyResolution.Interval(LocalDate.of(2023, 6, 15), LocalDate.of(2023, 6, 16), "10248")),
                r.result().get("ES.c.0"));
        assertEquals(List.of("ES.d.0"), r.notFound());
        assertTrue(r.partial().isEmpty());
        assertEquals(Map.of("dataset", "GLBX.MDP3", "symbols", "ES.c.0,ES.d.0", "stype_in", "continuous",
                "stype_out", "instrument_id", "start_date", "2023-06-14", "end_date", "2023-06-16"), api.received().get(0).form());
    }

    @Test
    void configToStringRedactsKey() {
        HistoricalConfig cfg = HistoricalConfig.of(ApiKey.of(KEY));
        assertFalse(cfg.toString().contains(KEY), cfg.toString());
        assertFalse(cfg.toString().contains("FFFFF"), cfg.toString());
        assertTrue(cfg.toString().contains("redacted"));
    }

    @Test
    void backoffDoublesAndCaps() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));
        assertEquals(Duration.ofSeconds(1), p.backoff(1));
        assertEquals(Duration.ofSeconds(16), p.backoff(5));
        assertEquals(Duration.ofSeconds(30), p.backoff(6));
        assertEquals(Duration.ofSeconds(30), p.backoff(60));
    }

    @Test
    void badKeysAreRejectedWithoutEchoingThem() {
        var e = assertThrows(IllegalArgumentException.class, () -> ApiKey.of("db-has space-in-it-0000000000000"));
        assertFalse(e.getMessage().contains("space"));
        assertInstanceOf(IllegalArgumentException.class, assertThrows(IllegalArgumentException.class, () -> ApiKey.of("abc")));
    }
}
