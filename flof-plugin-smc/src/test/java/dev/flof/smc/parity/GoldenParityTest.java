package dev.flof.smc.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flof.smc.engine.SmcConfig;
import dev.flof.smc.model.SmcBar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Spec §7.4 acceptance rules against every library output in the golden folder, for every swing length it
 * holds; plus the agreement figures measured in §7.5 for the three shipped runs.
 */
class GoldenParityTest {
    private static final ObjectMapper OM = new ObjectMapper();

    static List<Path> goldenOutputs() throws Exception {
        List<Path> l = new ArrayList<>();
        try (Stream<Path> s = Files.list(dev.flof.smc.TestData.golden())) {
            s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().contains("stream-events"))
                    .sorted().forEach(l::add);
        }
        return l;
    }

    static ParityCheck.Report run(Path json, int len) throws Exception {
        JsonNode g = OM.readTree(json.toFile());
        Path csv = json.resolveSibling(g.path("meta").path("input").asText());
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals(g.path("meta").path("input_sha256").asText(),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), "input hash of " + csv);
        List<SmcBar> bars = BarCsv.read(csv);
        assertEquals(g.path("meta").path("n_bars").asInt(), bars.size());
        long eqAbs = dev.flof.spi.market.Fixed.of(new java.math.BigDecimal(
                g.path("counts").path("liquidity@" + len).path("pip_range").asText()).setScale(9, java.math.RoundingMode.HALF_EVEN));
        EventDump d = EventDump.run(bars, SmcConfig.parity(len, false, eqAbs), len);
        EventDump j = EventDump.run(bars, SmcConfig.parity(len, true), len);
        return ParityCheck.check(g, bars, len, d, j);
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenFileAndSwingLengthPassesTheAcceptanceRules() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> outs = goldenOutputs();
        assertTrue(outs.size() >= 2, "golden outputs found: " + outs);
        for (Path p : outs) {
            JsonNode g = OM.readTree(p.toFile());
            for (JsonNode l : g.path("meta").path("params").path("swing_lengths")) {
                int len = l.asInt();
                tests.add(DynamicTest.dynamicTest(p.getFileName() + " L=" + len, () -> {
                    ParityCheck.Report r = run(p, len);
                    System.out.println(p.getFileName() + " L=" + len + " " + r.counts());
                    assertEquals(List.of(), r.unexplained(), "unexplained differences; counts " + r.counts());
                    assertTrue(r.count("swings.equal") > 0);
                    assertTrue(r.count("fvg.equal") > 0);
                    assertEquals(0, r.count("labels.pattern_disagree"), "four-swing labels: " + r.counts());
                }));
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    /** The figures of spec §7.5 (swings / FVG / breaks reproduced / exceptions / OBs reproduced). */
    @Test
    void measuredAgreementMatchesSpec() throws Exception {
        Path dir = dev.flof.smc.TestData.golden();
        ParityCheck.Report e5 = run(dir.resolve("eth5m.L5-10.json"), 5);
        assertEquals(106, e5.count("fvg.equal"));
        assertEquals(88, e5.count("fvg_joined.equal"));
        assertEquals(26, e5.count("breaks.reproduced"));
        assertEquals(11, e5.count("obs.reproduced"));
        assertEquals(3, e5.count("breaks.extra_c_superseded"));
        assertEquals(17, e5.count("obs.extra_reclaimed"));
        assertEquals(16, e5.count("labels.trend_state_agree"));
        assertEquals(7, e5.count("liquidity.reproduced"));
        assertEquals(26, e5.count("labels.pattern_agree"));

        ParityCheck.Report e10 = run(dir.resolve("eth5m.L5-10.json"), 10);
        assertEquals(106, e10.count("fvg.equal"));
        assertEquals(11, e10.count("breaks.reproduced"));
        assertEquals(1, e10.count("breaks.exception_b_lookahead"));
        assertEquals(5, e10.count("obs.reproduced"));
        assertEquals(8, e10.count("obs.extra_reclaimed"));
        assertEquals(7, e10.count("labels.trend_state_agree"));
        assertEquals(4, e10.count("liquidity.reproduced"));
        assertEquals(12, e10.count("labels.pattern_agree"));

        ParityCheck.Report a5 = run(dir.resolve("apple.L5.json"), 5);
        assertEquals(72, a5.count("fvg.equal"));
        assertEquals(44, a5.count("fvg_joined.equal"));
        assertEquals(9, a5.count("breaks.reproduced"));
        assertEquals(6, a5.count("obs.reproduced"));
        assertEquals(3, a5.count("obs.extra_reclaimed"));
        assertEquals(6, a5.count("labels.trend_state_agree"));
        assertEquals(3, a5.count("liquidity.reproduced"));
        // the first AAPL label (swing 9) is classified with the library's artificial bar-0 swing as S[-4]
        assertEquals(8, a5.count("labels.pattern_agree"));
        assertEquals(1, a5.count("labels.pattern_disagree_bookend"));
        assertEquals(0, a5.count("labels.pattern_disagree"));
    }
}
