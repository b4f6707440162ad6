package dev.flof.host.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The status as JSON over loopback HTTP and as the compact terminal line. */
class StatusServerTest {
    static LiveStatus sample() {
        return new LiveStatus("live", 1_795_636_805_000_000_000L, "ACTIVE", "start", 2, "",
                List.of(new LiveStatus.InstrumentStatus("ESZ6", "STALKING", "TAPE", "1", "1", "stop 5990 x1", true, "6001.25",
                        3.5, 4096, "")),
                List.of(new LiveStatus.VenueState("ibkr", true, true, "2026-11-25T18:00:00Z start-up")),
                List.of(new LiveStatus.FeedState("databento", "CONNECTED", Map.of("trades", Map.of("records", 10L, "bytes", 480L)))),
                480, 0, 1234);
    }

    @Test
    void servesTheLatestSnapshotAsJsonOnLoopback() throws Exception {
        AtomicReference<String> json = new AtomicReference<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (StatusServer server = new StatusServer("127.0.0.1", 0, json::get)) {
            assertTrue(server.address().startsWith("127.0.0.1:"), server.address());
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/status");
            HttpRequest get = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> before = http.send(get, HttpResponse.BodyHandlers.ofString());
            assertEquals(503, before.statusCode(), "no snapshot yet");
            json.set(sample().toJson());
            HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
            JsonNode n = JsonMapper.builder().build().readTree(r.body());
            assertEquals("live", n.get("mode").asText());
            assertEquals("ACTIVE", n.get("breaker").asText());
            JsonNode es = n.get("instruments").get(0);
            assertEquals("ESZ6", es.get("symbol").asText());
            assertEquals("stop 5990 x1", es.get("protection").asText());
            assertTrue(es.get("adopted").asBoolean());
            assertEquals(3.5, es.get("feedLatencyMs").asDouble());
            assertEquals(480, n.get("feeds").get(0).get("usage").get("trades").get("bytes").asLong());
            assertTrue(n.get("venues").get(0).get("reconciled").asBoolean());
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/x"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, other.statusCode());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("x"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void compactLineSaysStatePositionProtectionAndLatency() {
        assertEquals("20:00:05 LIVE | ACTIVE | ESZ6 STALKING/TAPE pos 1 stop 5990 x1 adopted lat 3.5ms | ibkr ok | data 480 B",
                sample().line());
    }

    @Test
    void sameSnapshotGivesTheSameJson() {
        assertEquals(sample().toJson(), sample().toJson());
        assertTrue(sample().toJson().startsWith("{\"mode\":\"live\",\"tsNanos\":1795636805000000000,"), sample().toJson());
    }
}
