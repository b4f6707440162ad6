package com.example.flof.weekly;

import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.market.Side;
import dev.flof.spi.risk.Factor;
import dev.flof.spi.risk.GradeResult;
import dev.flof.spi.risk.Setup;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * One extra confluence point when the setup trades with the weekly bias. The weekly bias arrives in
 * {@link Setup#extra()} under {@value #KEY} ({@code BULLISH}, {@code BEARISH} or {@code RANGING}); without it the
 * factor scores 0 and says so, because a grader must never throw on a setup that lacks a fact.
 * <p>FLOF sums the factors of every configured grader, so selecting {@code [default-rubric, weekly-bias]} turns
 * the 10-point rubric into an 11-point one.
 */
@Extension
public class WeeklyBiasGrader implements ConfluenceGrader {
    public static final String ID = "weekly-bias";
    public static final String KEY = "weeklyBias";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "+1 when the setup trades with the weekly bias (Setup.extra weeklyBias)";
    }

    @Override
    public GradeResult grade(Setup setup) {
        return new GradeResult(List.of(factor(setup)), 1);
    }

    private static Factor factor(Setup s) {
        String raw = s.extra().get(KEY);
        if (raw == null || raw.isBlank()) {
            return new Factor(ID, 0, "no weekly bias known for the setup");
        }
        String weekly = raw.strip().toUpperCase(Locale.ROOT);
        Side dir = s.direction();
        if (dir != Side.BUY && dir != Side.SELL) {
            return new Factor(ID, 0, "trade direction unknown (" + dir + ")");
        }
        boolean aligned = (dir == Side.BUY && weekly.equals("BULLISH")) || (dir == Side.SELL && weekly.equals("BEARISH"));
        if (aligned) {
            return new Factor(ID, 1, dir + " with the " + weekly + " weekly bias");
        }
        return new Factor(ID, 0, weekly.equals("BULLISH") || weekly.equals("BEARISH")
                ? dir + " against the " + weekly + " weekly bias"
                : "weekly bias " + weekly + " gives no direction");
    }
}
