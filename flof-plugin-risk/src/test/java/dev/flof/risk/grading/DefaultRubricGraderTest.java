package dev.flof.risk.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.market.Side;
import dev.flof.spi.risk.Factor;
import dev.flof.spi.risk.GradeResult;
import dev.flof.spi.risk.Setup;
import dev.flof.spi.structure.Bias;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultRubricGraderTest {
    private final DefaultRubricGrader grader = new DefaultRubricGrader();

    static Setup setup(Side dir, Bias bias, String pool, int touches, boolean choch, boolean cvd, boolean stacked,
                       String killZone, Map<String, String> extra) {
        return new Setup("s1", "ESZ5", dir, 1_000L, bias, pool, touches, choch, cvd, stacked, true, killZone,
                4_500_000_000_000L, 4_495_000_000_000L, extra);
    }

    static Setup perfectLong() {
        return setup(Side.BUY, Bias.BULLISH, "PDL", 0, true, true, true, "NY_AM", Map.of());
    }

    private static Factor factor(GradeResult r, String id) {
        return r.factors().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void perfectSetupScoresTenAndGradesAPlus() {
        GradeResult r = grader.grade(perfectLong());
        assertEquals(10, r.points());
        assertEquals(10, r.maxPoints());
        assertEquals(List.of("htf-bias", "liquidity-sweep", "fresh-poi", "choch-displacement", "order-flow", "kill-zone"),
                r.factors().stream().map(Factor::id).toList());
        assertEquals(List.of(2, 2, 1, 2, 2, 1), r.factors().stream().map(Factor::points).toList());
        assertEquals(Grade.A_PLUS, Grade.of(r.points()));
    }

    @Test
    void withoutOrderFlowTheSameSetupIsB() {
        GradeResult r = grader.grade(setup(Side.BUY, Bias.BULLISH, "PDL", 0, true, false, false, "NY_AM", Map.of()));
        assertEquals(8, r.points());
        assertEquals(Grade.B, Grade.of(r.points()));
        assertEquals(0, factor(r, "order-flow").points());
        assertTrue(factor(r, "order-flow").reason().contains("no CVD divergence"), factor(r, "order-flow").reason());
    }

    @Test
    void partialOrderFlowScoresZeroAndSaysWhichHalfIsMissing() {
        GradeResult cvdOnly = grader.grade(setup(Side.BUY, Bias.BULLISH, "PDL", 0, true, true, false, "NY_AM", Map.of()));
        assertEquals(8, cvdOnly.points());
        assertTrue(factor(cvdOnly, "order-flow").reason().contains("stacked imbalances missing"));
        GradeResult stackedOnly = grader.grade(setup(Side.BUY, Bias.BULLISH, "PDL", 0, true, false, true, "NY_AM", Map.of()));
        assertEquals(8, stackedOnly.points());
        assertTrue(factor(stackedOnly, "order-flow").reason().contains("CVD divergence missing"));
    }

    @Test
    void counterBiasShortIsScoredAgainstBias() {
        GradeResult r = grader.grade(setup(Side.SELL, Bias.BULLISH, "PDH", 0, true, true, true, "NY_AM", Map.of()));
        assertEquals(0, factor(r, "htf-bias").points());
        assertTrue(factor(r, "htf-bias").reason().contains("against"));
        assertEquals(8, r.points());
        GradeResult aligned = grader.grade(setup(Side.SELL, Bias.BEARISH, "PDH", 0, true, true, true, "NY_AM", Map.of()));
        assertEquals(10, aligned.points());
    }

    @Test
    void everyZeroFactorSaysWhy() {
        GradeResult r = grader.grade(setup(Side.BUY, Bias.RANGING, null, 2, false, false, false, null, Map.of()));
        assertEquals(0, r.points());
        assertEquals(6, r.factors().size());
        assertTrue(factor(r, "htf-bias").reason().contains("ranging"));
        assertTrue(factor(r, "liquidity-sweep").reason().contains("no major liquidity pool"));
        assertTrue(factor(r, "fresh-poi").reason().contains("tested 2 times"));
        assertTrue(factor(r, "choch-displacement").reason().contains("no 1m CHOCH"));
        assertTrue(factor(r, "kill-zone").reason().contains("outside"));
        assertEquals(Grade.C, Grade.of(r.points()));
    }

    @Test
    void missingFactsNeverThrowAndScoreZero() {
        Setup s = new Setup("s2", "BTCUSDT", null, 0L, null, " ", -1, false, false, false, false, "", 0, 0, Map.of());
        GradeResult r = grader.grade(s);
        assertEquals(0, r.points());
        assertTrue(factor(r, "htf-bias").reason().contains("unknown"));
        assertTrue(factor(r, "fresh-poi").reason().contains("unknown"));
    }

    @Test
    void evidenceFromTheEngineIsAppendedToItsFactor() {
        GradeResult r = grader.grade(setup(Side.BUY, Bias.BULLISH, "PDL", 0, true, true, true, "NY_AM",
                Map.of("liquidity-sweep.evidence", "PDL 4490.00 swept at 09:41:07, tap at 09:43:12")));
        assertTrue(factor(r, "liquidity-sweep").reason().endsWith("; PDL 4490.00 swept at 09:41:07, tap at 09:43:12"));
    }

    @Test
    void deterministic() {
        assertEquals(grader.grade(perfectLong()), grader.grade(perfectLong()));
    }

    @Test
    void gradeThresholdsPerIssue8() {
        assertEquals(Grade.A_PLUS, Grade.of(10));
        assertEquals(Grade.A_PLUS, Grade.of(9));
        assertEquals(Grade.B, Grade.of(8));
        assertEquals(Grade.B, Grade.of(7));
        assertEquals(Grade.C, Grade.of(6));
        assertEquals(Grade.C, Grade.of(0));
        assertEquals(1.0, Grade.A_PLUS.riskWeight());
        assertEquals(0.5, Grade.B.riskWeight());
        assertEquals(0.0, Grade.C.riskWeight());
        assertEquals("A+", Grade.A_PLUS.label());
    }
}
