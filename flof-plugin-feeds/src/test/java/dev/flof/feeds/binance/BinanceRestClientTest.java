package dev.flof.feeds.binance;

import static dev.flof.feeds.binance.BinanceTestSupport.KEY;
import static dev.flof.feeds.binance.BinanceTestSupport.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinanceRestClientTest {
    private final BinanceTestSupport t = new BinanceTestSupport();
    private FakeBinance fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeBinance(KEY, SECRET, null, t::nowMs);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static final String RISK = "/fapi/v3/positionRisk";

    @Test
    void theRightSecretIsAcceptedAndAWrongOneRefusedWithoutRetry() {
        BinanceRestClient good = t.rest(fake.restUrl(), SECRET, 3);
        good.syncTime();
        assertTrue(good.signedCall("GET", RISK, Map.of()).isArray());
        BinanceRestClient bad = t.rest(fake.restUrl(), SECRET.replace('N', 'M'), 3);
        bad.syncTime();
        BinanceApiException e = assertThrows(BinanceApiException.class, () -> bad.signedCall("GET", RISK, Map.of()));
        assertEquals(BinanceErrorKind.AUTH, e.kind());
        assertEquals(-1022, e.code());
        assertEquals(2, fake.requests("GET", RISK).size());
        assertFalse(e.getMessage().contains(SECRET.replace('N', 'M')));
        assertFalse(e.getMessage().contains("signature="));
    }

    @Test
    void signatureCoversExactlyTheParametersSent() {
        BinanceRestClient c = t.rest(fake.restUrl(), SECRET, 3);
        c.syncTime();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", "BTCUSDT");
        p.put("startTime", "1764000000000");
        c.signedCall("GET", "/fapi/v1/userTrades", p);
        FakeBinance.Req r = fake.requests("GET", "/fapi/v1/userTrades").get(0);
        assertEquals(List.of("symbol", "startTime", "timestamp", "recvWindow", "signature"), List.copyOf(r.params().keySet()));
        assertEquals(Long.toString(BinanceTestSupport.T0_MS), r.params().get("timestamp"));
        assertEquals("5000", r.params().get("recvWindow"));
        assertEquals(BinanceSigner.hmac(SECRET).sign("symbol=BTCUSDT&startTime=1764000000000&timestamp="
                + BinanceTestSupport.T0_MS + "&recvWindow=5000"), r.params().get("signature"));
    }

    @Test
    void timestampErrorResyncsServerTimeAndRetriesOnce() {
        BinanceRestClient c = t.rest(fake.restUrl(), SECRET, 3);
        assertEquals(0, c.syncTime());
        fake.serverSkewMs.set(10_000); // the server runs 10 s ahead: our timestamps fall outside recvWindow
        JsonNode r = c.signedCall("GET", RISK, Map.of());
        assertTrue(r.isArray());
        assertEquals(2, c.timeSyncs());
        assertEquals(10_000, c.offsetMs());
        List<FakeBinance.Req> calls = fake.requests("GET", RISK);
        assertEquals(2, calls.size());
        assertEquals(Long.toString(BinanceTestSupport.T0_MS + 10_000), calls.get(1).params().get("timestamp"));
    }

    @Test
    void aSecondTimestampErrorIsNotRetriedAgain() {
        BinanceRestClient c = t.rest(fake.restUrl(), SECRET, 3);
        c.syncTime();
        String body = "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}";
        fake.script(new FakeBinance.Scripted("GET", RISK, 400, body, Map.of(), false));
        fake.script(new FakeBinance.Scripted("GET", RISK, 400, body, Map.of(), false));
        BinanceApiException e = assertThrows(BinanceApiException.class, () -> c.signedCall("GET", RISK, Map.of()));
        assertEquals(BinanceErrorKind.TIMESTAMP, e.kind());
        assertEquals(2, fake.requests("GET", RISK).size());
    }

    @Test
    void http429WaitsForRetryAfterThenSucceeds() {
        BinanceRestClient c = t.rest(fake.restUrl(), SECRET, 3);
        c.syncTime();
        fake.script(new FakeBinance.Scripted("GET", RISK, 429,
                "{\"code\":-1003,\"msg\":\"Too many requests; current limit of IP is 2400 requests per minute.\"}",
                Map.of("Retry-After", "7"), false));
        assertTrue(c.signedCall("GET", RISK, Map.of()).isArray());
        assertEquals(List.of(7_000L), t.sleeps);
        assertEquals(2, fake.requests("GET", RISK).size());
    }

    @Test
    void repeated429WithoutRetryAfterBacksOffExponentiallyThenGivesUp() {
        BinanceRestClient c = t.rest(fake.restUrl(), SECRET, 3);
        c.syncTime();
        for (int i = 0; i < 4; i++) {
            fake.script(new FakeBinance.Scripted("GET", RISK, 429, "{\"code\":-1003,\"msg\":\"Too many requests\"}",
                    Map.of(), false));
        }
        BinanceApiException e = assertThrows(BinanceApiException.class, () -> c.signedCall("GET", RISK, Map.of()));
        assertEquals(BinanceErrorKind.RATE_LIMITED, e.kind());
        assertEquals(List.of(1_000L, 2_000L, 4_000L), t.sleeps);
        assertEquals(4, fake.requests("GET", RISK).size());
    }

    @Test
    void http418BansLocallyUntilRetryAfterPasses() {
        BinanceRestClient c = t.rest(fake.restUrl(), SECRET, 3);
        c.syncTime();
        fake.script(new FakeBinance.Scripted("GET", RISK, 418, "{\"code\":-1003,\"msg\":\"Way too many requests; IP banned\"}",
                Map.of("Retry-After", "120"), false));
        BinanceApiException e = assertThrows(BinanceApiException.class, () -> c.signedCall("GET", RISK, Map.of()));
        assertEquals(BinanceErrorKind.IP_BANNED, e.kind());
        assertEquals(120_000, e.retryAfterMs());
        BinanceApiException again = assertThrows(BinanceApiException.class, () -> c.signedCall("GET", RISK, Map.of()));
        assertEquals(BinanceErrorKind.IP_BANNED, again.kind());
        assertEquals(1, fake.requests("GET", RISK).size()); // the banned call never left
        assertTrue(t.sleeps.isEmpty());
        t.advanceMs(120_000);
        assertTrue(c.signedCall("GET", RISK, Map.of()).isArray());
        assertEquals(2, fake.requests("GET", RISK).size());
    }

    @Test
    void usedWeightAtTheLimitWaitsForTheNextServerMinute() {
        BinanceRestClient c = t.rest(fake.restUrl(), SECRET, 3);
        t.advanceMs(42_500); // 16:00:42.5
        c.syncTime();
        fake.extraHeaders.put("X-MBX-USED-WEIGHT-1M", "2400");
        c.signedCall("GET", RISK, Map.of());
        assertEquals(2400, c.usedWeight1m());
        assertTrue(t.sleeps.isEmpty());
        fake.extraHeaders.put("X-MBX-USED-WEIGHT-1M", "5");
        c.signedCall("GET", RISK, Map.of());
        assertEquals(List.of(17_500L), t.sleeps);
        assertEquals(5, c.usedWeight1m());
    }

    @Test
    void conditionalTypeOnThePlainEndpointIsATypedMinus4120() {
        BinanceRestClient c = t.rest(fake.restUrl(), SECRET, 3);
        c.syncTime();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", "BTCUSDT");
        p.put("side", "SELL");
        p.put("type", "STOP_MARKET");
        p.put("stopPrice", "60000");
        p.put("closePosition", "true");
        BinanceApiException e = assertThrows(BinanceApiException.class, () -> c.signedCall("POST", "/fapi/v1/order", p));
        assertEquals(BinanceErrorKind.USE_ALGO_ENDPOINT, e.kind());
        assertEquals(-4120, e.code());
    }

    @Test
    void serverErrorIsAnUnknownOutcomeAndNotRetried() {
        BinanceRestClient c = t.rest(fake.restUrl(), SECRET, 3);
        c.syncTime();
        fake.script(new FakeBinance.Scripted("GET", RISK, 503, "{\"code\":-1008,\"msg\":\"Server is currently overloaded\"}",
                Map.of(), false));
        BinanceApiException e = assertThrows(BinanceApiException.class, () -> c.signedCall("GET", RISK, Map.of()));
        assertEquals(BinanceErrorKind.UNKNOWN_OUTCOME, e.kind());
        assertEquals(1, fake.requests("GET", RISK).size());
    }

    @Test
    void ed25519SignedRequestsAreCheckedWithThePublicKey() throws Exception {
        java.security.KeyPair kp = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        java.security.KeyPair other = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try (FakeBinance ed = new FakeBinance(KEY, null, kp.getPublic(), t::nowMs)) {
            BinanceRestClient good = new BinanceRestClient(new BinanceRestClient.Config(java.net.URI.create(ed.restUrl()),
                    "/fapi/v1/time", 5000, 2400, 3, java.time.Duration.ofSeconds(10)), t.http, KEY,
                    BinanceSigner.ed25519(kp.getPrivate()), t::nowMs, t.sleeper());
            good.syncTime();
            assertTrue(good.signedCall("GET", RISK, Map.of()).isArray());
            BinanceRestClient bad = new BinanceRestClient(new BinanceRestClient.Config(java.net.URI.create(ed.restUrl()),
                    "/fapi/v1/time", 5000, 2400, 3, java.time.Duration.ofSeconds(10)), t.http, KEY,
                    BinanceSigner.ed25519(other.getPrivate()), t::nowMs, t.sleeper());
            assertEquals(BinanceErrorKind.AUTH, assertThrows(BinanceApiException.class,
                    () -> bad.signedCall("GET", RISK, Map.of())).kind());
        }
    }
}
