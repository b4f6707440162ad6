package dev.flof.smc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.smc.TestData;
import dev.flof.spi.ext.CommandExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmcCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        CommandExtension.Context ctx = new CommandExtension.Context(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), tmp, null);
        return new SmcCommand().run(args, ctx);
    }

    @Test
    void dumpWritesTheReferenceExampleAtomically() throws Exception {
        Path golden = TestData.golden();
        Path target = tmp.resolve("sub/eth.L5.json");
        int rc = run("dump", "--bars", golden.resolve("eth5m.csv").toString(), "--swing-length", "5", "--parity",
                "--out", target.toString());
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertEquals(Files.readString(golden.resolve("eth5m.L5.stream-events.json")).strip(), Files.readString(target));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(1, s.count(), "no temp file left behind");
        }
    }

    @Test
    void dumpWithLibraryLiquidityGroups() throws Exception {
        int rc = run("dump", "--bars", TestData.golden().resolve("apple.csv").toString(), "--swing-length", "5", "--parity",
                "--eq-abs", "1.9004");
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        com.fasterxml.jackson.databind.JsonNode liq = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString(StandardCharsets.UTF_8)).get("liquidity");
        // apple.L5.json events["liquidity@5"]: (14, +1, end 158, swept 202), (41, -1, 64, 72), (215, -1, 225, none)
        assertEquals(3, liq.size());
        assertEquals("{\"i\":14,\"dir\":1,\"level\":514.365,\"end_i\":158,\"swept_i\":202}", liq.get(0).toString());
        assertEquals(41, liq.get(1).get("i").asInt());
        assertEquals(72, liq.get(1).get("swept_i").asInt());
        assertTrue(liq.get(2).get("swept_i").isNull());
    }

    @Test
    void dumpToStdout() {
        int rc = run("dump", "--bars", TestData.golden().resolve("apple.csv").toString(), "--swing-length", "5", "--parity");
        assertEquals(0, rc);
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("{\"schema\":\"flof-smc-events/1\",\"n_bars\":252,\"swing_length\":5,"), s.substring(0, 80));
    }

    @Test
    void nativeDumpConfirmsSwingsAfterLRightHandBars() throws Exception {
        int rc = run("dump", "--bars", TestData.golden().resolve("eth5m.csv").toString(), "--swing-length", "4", "--extended");
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        com.fasterxml.jackson.databind.JsonNode d = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString(StandardCharsets.UTF_8));
        assertTrue(d.get("swings").size() > 20);
        for (com.fasterxml.jackson.databind.JsonNode s : d.get("swing_events")) {
            assertEquals(4, s.get("known_at_i").asInt() - s.get("i").asInt());
        }
        assertTrue(d.has("classifications") && d.get("obs").get(0).has("mitigated_i"));
    }

    @Test
    void badCsvNamesFileAndLine() throws Exception {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "timestamp,open,high,low,close,volume\n2023-01-01T00:00:00Z,1,2,0.5,1.5,10\n"
                + "2023-01-01T00:01:00Z,1,0.9,0.5,1.5,10\n");
        int rc = run("dump", "--bars", csv.toString(), "--swing-length", "5", "--parity");
        assertNotEquals(0, rc);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("bad.csv:3") && e.contains("inconsistent OHLC"), e);
    }

    @Test
    void checkAppliesTheAcceptanceRulesToEveryGoldenSwingLength() {
        int rc = run("check", "--golden", TestData.golden().resolve("eth5m.L5-10.json").toString());
        String s = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, s);
        assertTrue(s.contains("L=5 {") && s.contains("L=10 {") && s.contains("breaks.reproduced=26") && s.contains("OK"), s);
        assertTrue(s.contains("liquidity.reproduced=7") && s.contains("liquidity.reproduced=4"), s);
    }

    @Test
    void checkRefusesBarsThatAreNotTheGoldenInput() {
        int rc = run("check", "--golden", TestData.golden().resolve("eth5m.L5-10.json").toString(),
                "--bars", TestData.golden().resolve("apple.csv").toString());
        assertNotEquals(0, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("SHA-256"));
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        int rc = run("dump", "--swing-length", "5");
        assertNotEquals(0, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--bars"));
    }
}
