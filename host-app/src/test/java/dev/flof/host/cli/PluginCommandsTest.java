package dev.flof.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin commands through the real CLI and the bundled plugins. The order-flow plugin reads a raw DBN file
 * through the feeds plugin's reader (the host hands commands its replay readers), so the figures below,
 * pinned by the order-flow plugin on the CSV derived from the same CME MBO hour, must come out again from
 * a second, independent decoding path.
 */
class PluginCommandsTest {
    static final Path SHARED = Path.of(System.getProperty("flof.shared.dir", "../../shared"));
    static final Path ES_MBO = SHARED.resolve("data/market/nautilus_trader/databento/esh4-glbx-mdp3-20231225.mbo.dbn.zst");

    @Test
    void flowProfileOfTheRawEsMboHourMatchesTheProfileOfItsDerivedTrades(@TempDir Path work) throws IOException {
        MainTest.Run r = MainTest.run(MainTest.BUNDLED, work, "flow", "profile", "--trades", ES_MBO.toString(), "--tick", "0.25");
        assertEquals(0, r.code(), r.err());
        JsonNode p = new ObjectMapper().readTree(r.out());
        assertEquals("9892", p.get("total_volume").asText(), "the data README: 9,892 contracts");
        assertEquals("4810", p.get("poc").asText().replaceAll("\\.0+$", ""));
        assertEquals("4807.5", p.get("val").asText().replaceAll("0+$", ""));
        assertEquals("4811", p.get("vah").asText().replaceAll("\\.0+$", ""));
    }

    @Test
    void flowSignalsReadTheDbnTopOfBookToo(@TempDir Path work) {
        MainTest.Run r = MainTest.run(MainTest.BUNDLED, work, "flow", "signals", "--trades", ES_MBO.toString(), "--tick", "0.25");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("2973 trades"), "the README's 2,973 trades: " + r.err());
        assertTrue(!r.err().contains(" 0 quotes"), "the book rebuilt from MBO supplies quotes: " + r.err());
    }

    @Test
    void dataInspectPrintsTheMetadataThenRecords(@TempDir Path work) {
        MainTest.Run r = MainTest.run(MainTest.BUNDLED, work, "data", "inspect", ES_MBO.toString(), "--limit", "3");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(4, lines.length, r.out());
        assertTrue(lines[0].contains("\"dataset\":\"GLBX.MDP3\""), lines[0]);
        assertTrue(lines[1].contains("\"rtype\":160"), "MBO records: " + lines[1]);
    }

    @Test
    void smcDumpRunsThroughTheHost(@TempDir Path work) throws IOException {
        Path bars = SHARED.resolve("golden/smc/apple.csv");
        Path out = work.resolve("events.json");
        MainTest.Run r = MainTest.run(MainTest.BUNDLED, work, "smc", "dump", "--bars", bars.toString(),
                "--swing-length", "5", "--parity", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode dump = new ObjectMapper().readTree(out.toFile());
        assertEquals("flof-smc-events/1", dump.get("schema").asText());
        assertEquals(5, dump.get("swing_length").asInt());
        assertTrue(dump.get("swings").size() > 0);
    }
}
