package dev.flof.feeds.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flof.feeds.databento.historical.FakeHistoricalApi;
import dev.flof.feeds.databento.live.FakeLiveGateway;
import dev.flof.spi.ext.CommandExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DataCommandTest {
    static final String KEY = "db-unittestapikey1234567890FFFFF";
    static final Path SHARED = Path.of(System.getProperty("flof.shared.dir", "../../shared"));
    static final Path TRADES = SHARED.resolve("data/dbn/dbn/test_data.trades.v3.dbn.zst");

    @TempDir
    Path dir;
    FakeHistoricalApi api;
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final List<java.time.Duration> sleeps = new ArrayList<>();
    String key = KEY;

    @BeforeEach
    void start() throws IOException {
        api = new FakeHistoricalApi(KEY);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    int run(String... args) {
        CommandExtension.Context ctx = new CommandExtension.Context(
                new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8),
                dir, name -> name.equals("DATABENTO_API_KEY") ? Optional.ofNullable(key) : Optional.empty());
        return new DataCommand(sleeps::add).run(args, ctx);
    }

    String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    List<String> rangeArgs(String... more) {
        List<String> a = new ArrayList<>(List.of("--dataset", "GLBX.MDP3", "--schema", "trades", "--symbols", "ESH1",
                "--start", "2020-12-29T00:00:00Z", "--end", "2020-12-30T00:00:00Z", "--base-url", api.baseUrl().toString()));
        a.addAll(List.of(more));
        return a;
    }

    int runRange(String sub, String... more) {
        List<String> a = new ArrayList<>();
        a.add(sub);
        a.addAll(rangeArgs(more));
        return run(a.toArray(String[]::new));
    }

    void assertOneLineError() {
        String e = err();
        assertFalse(e.contains("\tat "), "no stack trace: " + e);
        assertFalse(e.isBlank());
        assertFalse(e.contains(KEY));
        assertFalse(out().contains(KEY));
    }

    @Test
    void idIsData() {
        assertEquals("data", new DataCommand().id());
        assertEquals("data", new DataCommand().name());
    }

    @Test
    void costPrintsUsdBytesAndImpliedRecords() {
        api.cost("0.0123456789");
        api.billableSize("480000");
        assertEquals(0, runRange("cost"), err());
        // 480000 bytes / 48 bytes per trade (§9) = 10000 records
        assertEquals("cost: 0.0123456789 USD\nbillable: 480000 bytes\nrecords: 10000 (480000 bytes / 48 bytes per trades record)\n",
                out());
        assertEquals("GLBX.MDP3", api.received().get(0).form().get("dataset"));
        assertEquals("ESH1", api.received().get(0).form().get("symbols"));
    }

    @Test
    void costOfMbp10UsesItsRecordSize() {
        api.billableSize("3680");
        List<String> a = new ArrayList<>(List.of("cost"));
        a.addAll(rangeArgs());
        a.set(a.indexOf("trades"), "mbp-10");
        assertEquals(0, run(a.toArray(String[]::new)));
        assertTrue(out().contains("records: 10 (3680 bytes / 368 bytes per mbp-10 record)"), out());
    }

    @Test
    void missingKeyIsAClearError() {
        key = null;
        assertEquals(1, runRange("cost"));
        assertEquals("error: DATABENTO_API_KEY is not set: export your Databento API key\n", err());
        assertTrue(api.received().isEmpty());
    }

    @Test
    void wrongKeyReportsServerMessageOnOneLine() {
        key = "db-wrongkeywrongkeywrongkey00000";
        assertEquals(1, runRange("cost"));
        assertEquals("error: Databento HTTP 401: Authorization failed: illegal chars in username.\n", err());
        assertFalse(err().contains(key));
    }

    @Test
    void validationErrorIsOneLineWithCase() {
        List<String> a = new ArrayList<>(List.of("cost"));
        a.addAll(rangeArgs());
        a.set(a.indexOf("2020-12-29T00:00:00Z"), "2015-01-01");
        assertEquals(1, run(a.toArray(String[]::new)));
        assertTrue(err().startsWith("error: Databento HTTP 422 (data_start_before_available_start): The dataset GLBX.MDP3 has data available from 2020-12-28."), err());
        assertEquals(1, err().lines().count());
        assertOneLineError();
    }

    @Test
    void missingOptionIsUsageError() {
        assertEquals(2, run("cost", "--dataset", "GLBX.MDP3"));
        assertTrue(err().contains("Missing required option"), err());
    }

    @Test
    void unknownSubcommandIsUsageError() {
        assertEquals(2, run("teleport"));
        assertEquals(2, run());
    }

    @Test
    void fetchOverBudgetRefusesWithFiguresAndWritesNothing() {
        api.cost("12.50");
        api.billableSize("96000");
        api.rangeBody(TRADES);
        assertEquals(3, runRange("fetch", "--out", "es.dbn.zst", "--budget", "10"));
        assertEquals("refused: cost 12.5 USD exceeds the budget of 10 USD (96000 billable bytes, "
                + "2000 (96000 bytes / 48 bytes per trades record) records)\n", err());
        assertTrue(out().contains("cost: 12.5 USD"));
        assertFalse(Files.exists(dir.resolve("es.dbn.zst")));
        assertFalse(Files.exists(dir.resolve("es.dbn.zst.part")));
        assertTrue(api.received().stream().noneMatch(r -> r.path().endsWith("get_range")), "no data was requested");
    }

    @Test
    void fetchWithinBudgetStreamsToFileAtomically() throws IOException {
        api.cost("0.000004");
        api.billableSize("96");
        api.rangeBody(TRADES);
        assertEquals(0, runRange("fetch", "--out", "es.dbn.zst", "--budget", "0.01"), err());
        assertArrayEquals(Files.readAllBytes(TRADES), Files.readAllBytes(dir.resolve("es.dbn.zst")));
        assertFalse(Files.exists(dir.resolve("es.dbn.zst.part")));
        // the shared file holds 2 trades (expected/dbn/test_data.trades.v3.dbn.zst.jsonl)
        assertTrue(out().contains("2 records, " + Files.size(TRADES) + " bytes"), out());
        Map<String, String> form = api.received().get(2).form();
        assertEquals("zstd", form.get("compression"));
    }

    @Test
    void fetchAtExactlyTheBudgetProceeds() {
        api.cost("10.00");
        api.rangeBody(TRADES);
        assertEquals(0, runRange("fetch", "--out", "es.dbn.zst", "--budget", "10"), err());
    }

    @Test
    void fetchCutShortLeavesNoFileUnderEitherName() {
        api.cost("0.01");
        api.rangeBody(SHARED.resolve("data/dbn/dbn/test_data.mbp-10.v3.dbn.zst"));
        api.dropRangeAfter(100);
        assertEquals(1, runRange("fetch", "--out", "book.dbn.zst", "--budget", "1"));
        assertFalse(Files.exists(dir.resolve("book.dbn.zst")));
        assertFalse(Files.exists(dir.resolve("book.dbn.zst.part")));
        assertOneLineError();
    }

    @Test
    void fetchOfACompleteButTruncatedStreamFailsVerification() throws IOException {
        // the HTTP exchange completes, but the zstd DBN inside stops mid-stream: only decoding notices
        byte[] whole = Files.readAllBytes(SHARED.resolve("data/dbn/dbn/test_data.mbp-10.v3.dbn.zst"));
        Path cut = Files.write(dir.resolve("cut.bin"), java.util.Arrays.copyOf(whole, whole.length / 2));
        api.cost("0.01");
        api.rangeBody(cut);
        assertEquals(1, runRange("fetch", "--out", "book.dbn.zst", "--budget", "1"));
        assertFalse(Files.exists(dir.resolve("book.dbn.zst")));
        assertFalse(Files.exists(dir.resolve("book.dbn.zst.part")));
        assertTrue(err().startsWith("error: ") && err().contains("zstd"), err());
        assertOneLineError();
    }

    @Test
    void fetchRejectsABodyThatIsNotZstdDbn() {
        api.cost("0.01");
        api.rangeBody(SHARED.resolve("data/dbn/dbn/test_data.trades.dbn"));
        assertEquals(1, runRange("fetch", "--out", "x.dbn.zst", "--budget", "1"));
        assertTrue(err().contains("not zstd-compressed DBN"), err());
        assertFalse(Files.exists(dir.resolve("x.dbn.zst")));
        assertFalse(Files.exists(dir.resolve("x.dbn.zst.part")));
    }

    @Test
    void fetchDoesNotOverwriteWithoutForce() throws IOException {
        Files.writeString(dir.resolve("old.dbn.zst"), "precious");
        api.rangeBody(TRADES);
        assertEquals(1, runRange("fetch", "--out", "old.dbn.zst", "--budget", "1"));
        assertEquals("precious", Files.readString(dir.resolve("old.dbn.zst")));
        assertEquals(0, runRange("fetch", "--out", "old.dbn.zst", "--budget", "1", "--force"), err());
        assertArrayEquals(Files.readAllBytes(TRADES), Files.readAllBytes(dir.resolve("old.dbn.zst")));
    }

    @Test
    void inspectDelegatesToTheCodecAndMatchesExpectedLines() throws IOException {
        assertEquals(0, run("inspect", TRADES.toString()), err());
        List<String> expected = Files.readAllLines(SHARED.resolve("data/dbn/expected/dbn/test_data.trades.v3.dbn.zst.jsonl"));
        assertEquals(expected, out().lines().toList());
    }

    @Test
    void inspectLimit() {
        assertEquals(0, run("inspect", TRADES.toString(), "--limit", "1"));
        assertEquals(2, out().lines().count());
    }

    @Test
    void livePrintsRecordsLikeInspect() throws Exception {
        byte[] capture = FakeLiveGateway.liveCapture();
        try (FakeLiveGateway gw = new FakeLiveGateway(KEY, capture)) {
            int n = gw.records().size();
            assertEquals(0, run("live", "--dataset", "GLBX.MDP3", "--schema", "trades", "--symbols", "ESZ4",
                    "--gateway", "127.0.0.1:" + gw.port(), "--limit", Integer.toString(n + 1)), err());
            List<String> lines = out().lines().toList();
            List<String> expected = Files.readAllLines(SHARED.resolve(
                    "data/dbn/expected/databento-python/LIVE/test_data.live.dbn.zst.jsonl"));
            assertEquals(n + 2, lines.size());
            ObjectMapper json = new ObjectMapper();
            // metadata: identical but for decompressed_size, which a stream does not know
            ObjectNode expMeta = (ObjectNode) json.readTree(expected.get(0));
            expMeta.remove("decompressed_size");
            assertEquals(expMeta, json.readTree(lines.get(0)));
            // the gateway acknowledges the subscription first (SystemMsg, code 1 = subscription_ack)
            ObjectNode ack = (ObjectNode) json.readTree(lines.get(1));
            assertEquals("system", ack.get("rtype_name").asText());
            assertEquals(1, ack.get("code").asInt());
            assertEquals(128, ack.get("offset").asInt(), "the first record follows the 8 + 120 bytes of metadata");
            for (int i = 0; i < n; i++) {
                ObjectNode exp = (ObjectNode) json.readTree(expected.get(i + 1));
                ObjectNode got = (ObjectNode) json.readTree(lines.get(i + 2));
                assertEquals(exp.get("index").asLong() + 1, got.get("index").asLong());
                assertEquals(exp.get("offset").asLong() + 320, got.get("offset").asLong(), "shifted by the 320-byte ack");
                exp.remove(List.of("index", "offset"));
                got.remove(List.of("index", "offset"));
                assertEquals(exp, got, "record " + i);
            }
            FakeLiveGateway.Connection c = gw.connections().get(0);
            assertEquals("zstd", c.authFields.get("compression"));
            assertEquals("schema=trades|stype_in=raw_symbol|symbols=ESZ4|snapshot=0|is_last=1|id=1", c.lines.get(0));
        }
    }

    @Test
    void liveReconnectsAfterADropAndSaysSo() throws Exception {
        try (FakeLiveGateway gw = new FakeLiveGateway(KEY, FakeLiveGateway.liveCapture())) {
            gw.script(new FakeLiveGateway.Script(3, FakeLiveGateway.After.DROP));
            // first session: ack + 3 records; second session: metadata again, then ack + records
            assertEquals(0, run("live", "--dataset", "GLBX.MDP3", "--schema", "trades", "--symbols", "ESZ4",
                    "--gateway", "127.0.0.1:" + gw.port(), "--limit", "8", "--no-zstd"), err());
            List<String> lines = out().lines().toList();
            assertEquals(10, lines.size(), out());
            assertTrue(lines.get(0).startsWith("{\"_kind\":\"metadata\""));
            assertTrue(lines.get(5).startsWith("{\"_kind\":\"metadata\""), lines.get(5));
            assertEquals("reconnecting: gateway closed the connection (attempt 1)\n", err());
            assertEquals(List.of(java.time.Duration.ofSeconds(1)), sleeps);
            assertEquals("none", gw.connections().get(0).authFields.get("compression"));
            // the second session's first record starts right after its metadata again
            assertTrue(lines.get(6).contains("\"offset\":128"), lines.get(6));
        }
    }

    @Test
    void liveBadKeyIsOneLineError() throws Exception {
        key = "db-wrongkeywrongkeywrongkey00000";
        try (FakeLiveGateway gw = new FakeLiveGateway(KEY, FakeLiveGateway.liveCapture())) {
            assertEquals(1, run("live", "--dataset", "GLBX.MDP3", "--schema", "trades", "--symbols", "ESZ4",
                    "--gateway", "127.0.0.1:" + gw.port(), "--limit", "5"));
            assertEquals("error: Databento live gateway refused authentication: Authentication failed.\n", err());
            assertTrue(sleeps.isEmpty());
        }
    }

    @Test
    void liveBadGatewayIsUsageError() {
        assertEquals(2, run("live", "--dataset", "GLBX.MDP3", "--schema", "trades", "--symbols", "ESZ4", "--gateway", "nohost"));
        assertTrue(err().startsWith("error: --gateway must be HOST:PORT"), err());
    }
}
