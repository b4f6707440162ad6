package dev.flof.feeds.databento.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flof.feeds.databento.historical.ApiKey;
import dev.flof.feeds.databento.historical.RetryPolicy;
import dev.flof.spi.ext.FeedProvider.DataUsage;
import dev.flof.spi.market.DataTier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TieredLiveFeedTest {
    static final String KEY = "db-unittestapikey1234567890FFFFF";
    static final long NOW = 1_700_000_100_000_000_000L;
    /** NOW − 60 s: the intraday replay start of a move up to TAPE. */
    static final String REPLAY_START = "1700000040000000000";

    FakeLiveGateway gw;
    TieredLiveFeed feed;
    final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws IOException {
        gw = new FakeLiveGateway(KEY, FakeLiveGateway.liveCapture());
        gw.heartbeatEvery(Duration.ofHours(1));
        LiveConfig cfg = LiveConfig.of("GLBX.MDP3", ApiKey.of(KEY)).withGateway("127.0.0.1", gw.port())
                .withReconnect(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMinutes(1)));
        feed = new TieredLiveFeed(cfg, d -> { }, () -> NOW, listener);
    }

    @AfterEach
    void stop() throws IOException {
        feed.close();
        gw.close();
    }

    @Test
    void tierSchemas() {
        assertEquals(List.of(), List.copyOf(TieredLiveFeed.schemas(DataTier.OFF)));
        assertEquals(List.of("ohlcv-1m"), List.copyOf(TieredLiveFeed.schemas(DataTier.BARS)));
        assertEquals(List.of("tbbo", "trades"), List.copyOf(TieredLiveFeed.schemas(DataTier.TAPE)));
        assertEquals(List.of("mbp-10", "tbbo", "trades"), List.copyOf(TieredLiveFeed.schemas(DataTier.DEPTH)));
    }

    @Test
    void upgradesAddToTheSessionDowngradeOpensANewOne() throws Exception {
        feed.request("ESZ4", DataTier.BARS);
        FakeLiveGateway.Connection first = gw.nextConnection();
        assertEquals("schema=ohlcv-1m|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|id=1", first.nextLine());
        assertEquals("start_session", first.nextLine());

        feed.request("ESZ4", DataTier.TAPE);
        assertEquals("schema=tbbo|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|start=" + REPLAY_START + "|id=2", first.nextLine());
        assertEquals("schema=trades|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|start=" + REPLAY_START + "|id=3", first.nextLine());

        feed.request("ESZ4", DataTier.DEPTH);
        assertEquals("schema=mbp-10|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|id=4", first.nextLine());
        assertEquals(1, feed.sessionsOpened());

        feed.request("NQZ4", DataTier.BARS);
        assertEquals("schema=ohlcv-1m|stype_in=raw_symbol|symbols=NQZ4|snapshot=0|is_last=1|id=5", first.nextLine());

        feed.request("ESZ4", DataTier.TAPE);
        assertTrue(first.awaitClosed(), "the larger session is closed");
        FakeLiveGateway.Connection second = gw.nextConnection();
        assertEquals(List.of(
                "schema=ohlcv-1m|stype_in=raw_symbol|symbols=NQZ4|snapshot=0|is_last=1|id=1",
                "schema=tbbo|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|id=2",
                "schema=trades|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|id=3",
                "start_session"), List.of(second.nextLine(), second.nextLine(), second.nextLine(), second.nextLine()));
        assertEquals(2, feed.sessionsOpened());
        assertEquals(Map.of("ESZ4", DataTier.TAPE, "NQZ4", DataTier.BARS), feed.tiers());

        feed.request("NQZ4", DataTier.OFF);
        feed.request("ESZ4", DataTier.OFF);
        assertTrue(second.awaitClosed());
        assertEquals(3, feed.sessionsOpened(), "dropping NQ re-opened a TAPE-only session, dropping ES opened none");
    }

    @Test
    void repeatedRequestChangesNothing() throws Exception {
        feed.request("ESZ4", DataTier.TAPE);
        FakeLiveGateway.Connection c = gw.nextConnection();
        c.nextLine();
        c.nextLine();
        assertEquals("start_session", c.nextLine());
        feed.request("ESZ4", DataTier.TAPE);
        assertEquals(1, feed.sessionsOpened());
        assertEquals(3, c.lines.size());
    }

    @Test
    void meterCountsRecordsAndBytesPerSchema() throws Exception {
        feed.request("ESZ4", DataTier.TAPE);
        int expectedRecords = gw.records().size() + 2; // the capture plus one ack per subscribed schema
        for (int i = 0; i < expectedRecords; i++) {
            listener.await(RecordingListener.Rec.class);
        }
        // expected from the independent decoding of the capture: hd.length × 4 bytes per record, by record type
        Map<String, String> schemaOf = Map.of("mbp-0", "trades", "mbp-1", "tbbo", "mbp-10", "mbp-10", "mbo", "mbo",
                "ohlcv-1s", "ohlcv-1s", "ohlcv-1m", "ohlcv-1m", "statistics", "statistics",
                "instrument-def", "definition", "symbol-mapping", CostMeter.CONTROL);
        TreeMap<String, long[]> exp = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        Path expected = Path.of(System.getProperty("flof.shared.dir", "../../shared"))
                .resolve("data/dbn/expected/databento-python/LIVE/test_data.live.dbn.zst.jsonl");
        for (String line : Files.readAllLines(expected).subList(1, gw.records().size() + 1)) {
            JsonNode n = json.readTree(line);
            long[] c = exp.computeIfAbsent(schemaOf.get(n.get("rtype_name").asText()), k -> new long[2]);
            c[0]++;
            c[1] += n.get("hd").get("length").asLong() * 4;
        }
        exp.get(CostMeter.CONTROL)[0] += 2;
        exp.get(CostMeter.CONTROL)[1] += 2 * 320;
        TreeMap<String, DataUsage> want = new TreeMap<>();
        exp.forEach((k, v) -> want.put(k, new DataUsage(v[0], v[1])));
        assertEquals(want, feed.usage());
        // spot values by hand (§9): 2 trades × 48 B, 2 tbbo × 80 B, 2 mbp-10 × 368 B
        assertEquals(new DataUsage(2, 96), feed.usage().get("trades"));
        assertEquals(new DataUsage(2, 160), feed.usage().get("tbbo"));
        assertEquals(new DataUsage(2, 736), feed.usage().get("mbp-10"));
    }

    @Test
    void rtype1IsAttributedBySubscription() {
        assertEquals("tbbo", CostMeter.schemaOf(1, java.util.Set.of("tbbo", "trades")));
        assertEquals("mbp-1", CostMeter.schemaOf(1, java.util.Set.of("mbp-1")));
        assertEquals("mbp-1|tbbo", CostMeter.schemaOf(1, java.util.Set.of("mbp-1", "tbbo")));
        assertEquals("ohlcv-1m", CostMeter.schemaOf(0x21, java.util.Set.of()));
        assertEquals("rtype-0x99", CostMeter.schemaOf(0x99, java.util.Set.of()));
    }
}
