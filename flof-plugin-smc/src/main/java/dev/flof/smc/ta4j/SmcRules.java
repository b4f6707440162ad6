package dev.flof.smc.ta4j;

import java.util.function.IntPredicate;
import org.ta4j.core.Rule;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.rules.AbstractRule;

/**
 * ta4j {@link Rule}s over the SMC indicators, for composing strategies with {@code and}/{@code or}:
 * e.g. {@code rules.trend(1, 1).and(rules.inOrderBlock(1)).and(rules.discount(0.5))}.
 */
public final class SmcRules {
    private final SmcSeriesAnalysis analysis;
    private final SmcIndicators ind;

    public SmcRules(SmcSeriesAnalysis analysis) {
        this.analysis = analysis;
        this.ind = new SmcIndicators(analysis);
    }

    /** The level's trend state equals {@code dir} (+1 bullish, -1 bearish). */
    public Rule trend(int level, int dir) {
        return rule("trend(" + level + "," + dir + ")", i -> analysis.at(i).trend()[level] == dir);
    }

    public Rule structureBreak(int level, int dir) {
        return rule("structureBreak(" + level + "," + dir + ")", i -> ind.structureBreak(level, dir).getValue(i));
    }

    public Rule inOrderBlock(int dir) {
        return rule("inOrderBlock(" + dir + ")", i -> ind.inOrderBlock(dir).getValue(i));
    }

    public Rule inFvg(int dir) {
        return rule("inFvg(" + dir + ")", i -> ind.inFvg(dir).getValue(i));
    }

    public Rule poolSwept(int side) {
        return rule("poolSwept(" + side + ")", i -> ind.poolSwept(side).getValue(i));
    }

    /** The close sits at or below {@code maxPosition} of the dealing range (0.5 = discount half). */
    public Rule discount(double maxPosition) {
        return rule("discount(" + maxPosition + ")", i -> {
            double p = analysis.at(i).rangePosition();
            return !Double.isNaN(p) && p <= maxPosition;
        });
    }

    /** The close sits at or above {@code minPosition} of the dealing range. */
    public Rule premium(double minPosition) {
        return rule("premium(" + minPosition + ")", i -> {
            double p = analysis.at(i).rangePosition();
            return !Double.isNaN(p) && p >= minPosition;
        });
    }

    private static Rule rule(String name, IntPredicate p) {
        return new AbstractRule() {
            @Override
            public boolean isSatisfied(int index, TradingRecord tradingRecord) {
                boolean r = p.test(index);
                traceIsSatisfied(index, r);
                return r;
            }

            @Override
            protected String createDefaultName() {
                return "Smc." + name;
            }
        };
    }
}
