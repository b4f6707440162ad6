package com.example.flof.weekly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.conformance.ConfluenceGraderContract;
import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.market.Side;
import dev.flof.spi.risk.GradeResult;
import dev.flof.spi.risk.Setup;
import dev.flof.spi.structure.Bias;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The FLOF grader contract (deterministic, points within the declared range, factors named with reasons, no
 * exception without order-flow facts) plus what this grader promises.
 */
class WeeklyBiasGraderTest extends ConfluenceGraderContract {
    @Override
    protected ConfluenceGrader createGrader() {
        return new WeeklyBiasGrader();
    }

    /** Let the contract's generated setups carry every weekly bias value (and none). */
    @Override
    protected Map<String, List<String>> extraFacts() {
        return Map.of(WeeklyBiasGrader.KEY, List.of("BULLISH", "BEARISH", "RANGING", "bullish", "sideways"));
    }

    static Setup setup(Side side, String weekly) {
        return new Setup("s", "ESZ5", side, 1L, Bias.BULLISH, null, 0, false, false, false, false, null, 0, 0,
                weekly == null ? Map.of() : Map.of(WeeklyBiasGrader.KEY, weekly));
    }

    @Test
    void aLongWithABullishWeekEarnsThePoint() {
        GradeResult r = new WeeklyBiasGrader().grade(setup(Side.BUY, "BULLISH"));
        assertEquals(1, r.points());
        assertEquals("BUY with the BULLISH weekly bias", r.factors().get(0).reason());
    }

    @Test
    void aShortWithABearishWeekEarnsThePoint() {
        assertEquals(1, new WeeklyBiasGrader().grade(setup(Side.SELL, "bearish")).points());
    }

    @Test
    void againstTheWeekOrWithoutOneScoresNothing() {
        assertEquals(0, new WeeklyBiasGrader().grade(setup(Side.SELL, "BULLISH")).points());
        assertEquals(0, new WeeklyBiasGrader().grade(setup(Side.BUY, "RANGING")).points());
        GradeResult none = new WeeklyBiasGrader().grade(setup(Side.BUY, null));
        assertEquals(0, none.points());
        assertEquals("no weekly bias known for the setup", none.factors().get(0).reason());
    }
}
