package dev.flof.host.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @Test
    void tradesCsvHasOneQuotedRowPerTradePart(@TempDir Path dir) throws IOException {
        ReportWriter.write(ReportFixtures.data(), dir);
        List<String> lines = Files.readAllLines(dir.resolve("trades.csv"));
        assertEquals("trade_id,setup_id,symbol,side,part,time,price,quantity,fee,grade,factors,r_multiple,exit_rule", lines.get(0));
        assertEquals(1 + 3 * 2, lines.size(), "header + entry and exit of three trades");
        assertEquals("T1,S-T1,ESH4,BUY,ENTRY,2024-03-04T14:00:00Z,5000.25,2,4.46,A+,htf-bias=2;kill-zone=1,0.0,limit at FVG", lines.get(1));
        assertEquals("T3,S-T3,ESH4,BUY,EXIT,2024-03-06T14:30:00Z,5002.25,2,4.46,A+,htf-bias=2;kill-zone=1,0.5,scale-out 2R", lines.get(6));
    }

    @Test
    void reportJsonHoldsEverythingAndIsByteIdenticalAcrossWrites(@TempDir Path dir) throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        ReportWriter.write(ReportFixtures.data(), a);
        ReportWriter.write(ReportFixtures.data(), b);
        for (String f : List.of("report.json", "trades.csv", "report.html")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        JsonNode r = new ObjectMapper().readTree(a.resolve("report.json").toFile());
        assertEquals(3, r.get("trades").size());
        assertEquals(2, r.get("gradedSetups").size());
        assertEquals("grade C: no trade", r.get("gradedSetups").get(1).get("reason").asText());
        assertEquals("-100", r.get("trades").get(1).get("pnl").asText());
        assertEquals(2.5, r.get("performance").get("profitFactor").asDouble(), 1e-12);
        assertEquals("PAUSE", r.get("breakerActions").get(0).get("action").asText());
        assertEquals(3, r.get("equityCurve").size());
        assertTrue(r.get("byKillZone").has("ny-am"));
    }

    @Test
    void theHtmlIsSelfContainedAndEscapesJournalText(@TempDir Path dir) throws IOException {
        ReportWriter.write(ReportFixtures.data(), dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertFalse(html.contains("<script src="), "no external scripts");
        assertFalse(html.matches("(?s).*https?://[^\"'\\s]*\\.(js|css).*"), "no network resources");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "journal text is escaped");
        assertFalse(html.contains("<script>alert(1)</script>"));
    }

    @Test
    void chartDataSnapsZonesToCandlesAndEndsThemWhenMitigated() {
        var chart = ReportWriter.chartData(ReportFixtures.data());
        @SuppressWarnings("unchecked")
        var zones = (List<java.util.Map<String, Object>>) chart.get("zones");
        assertEquals(1, zones.size(), "the 15m order block is drawn; the 5m FVG is below the POI timeframes");
        assertEquals("ob", zones.get(0).get("kind"));
        assertEquals("2024-03-04 14:15", zones.get(0).get("from"), "known at 14:15, the candle that opens then");
        assertEquals("2024-03-04 15:30", zones.get(0).get("to"), "mitigated at 15:30");
        @SuppressWarnings("unchecked")
        var sweeps = (List<java.util.Map<String, Object>>) chart.get("sweeps");
        assertEquals(1, sweeps.size());
        assertEquals("2024-03-04 17:20", sweeps.get(0).get("at"));
    }
}
