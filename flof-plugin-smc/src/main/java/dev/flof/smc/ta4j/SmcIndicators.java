package dev.flof.smc.ta4j;

import java.util.function.Function;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.AbstractIndicator;
import org.ta4j.core.num.Num;

/**
 * Factory of the SMC indicators over one {@link SmcSeriesAnalysis}. Every value at index {@code i} is what
 * the engine knew at the close of bar {@code i}: swings appear only after their right-hand bars, so a
 * swing-high indicator steps up with the confirmation delay, never on the pivot bar itself.
 */
public final class SmcIndicators {
    private final SmcSeriesAnalysis analysis;

    public SmcIndicators(SmcSeriesAnalysis analysis) {
        this.analysis = analysis;
    }

    public SmcSeriesAnalysis analysis() {
        return analysis;
    }

    /** Price of the latest confirmed swing high of a structure level (0 = internal in the defaults), NaN before the first. */
    public Indicator<Num> swingHigh(int level) {
        return num("swingHigh(" + level + ")", s -> analysis.num(s.swingHigh()[level]));
    }

    public Indicator<Num> swingLow(int level) {
        return num("swingLow(" + level + ")", s -> analysis.num(s.swingLow()[level]));
    }

    /** Trend state of a level: 1 after an upward break, -1 after a downward one, 0 before any break. */
    public Indicator<Num> trend(int level) {
        return num("trend(" + level + ")", s -> analysis.series().numFactory().numOf(s.trend()[level]));
    }

    /** Position of the close in the dealing range: 0 at the swing low, 1 at the swing high; NaN without a range. */
    public Indicator<Num> premiumDiscount() {
        return num("premiumDiscount", s -> Double.isNaN(s.rangePosition()) ? org.ta4j.core.num.NaN.NaN
                : analysis.series().numFactory().numOf(s.rangePosition()));
    }

    /** Whether the bar traded into a live order block (dir +1 demand, -1 supply) known before the bar. */
    public Indicator<Boolean> inOrderBlock(int dir) {
        return bool("inOrderBlock(" + dir + ")", s -> dir > 0 ? s.inBullOb() : s.inBearOb());
    }

    /** Whether the bar traded into an open fair value gap of that direction known before the bar. */
    public Indicator<Boolean> inFvg(int dir) {
        return bool("inFvg(" + dir + ")", s -> dir > 0 ? s.inBullFvg() : s.inBearFvg());
    }

    /** Whether the bar swept a pool (wick beyond, close back inside): side +1 buy-side (highs), -1 sell-side. */
    public Indicator<Boolean> poolSwept(int side) {
        return bool("poolSwept(" + side + ")", s -> side > 0 ? s.buySideSwept() : s.sellSideSwept());
    }

    /** Whether the bar broke structure on a level in that direction (BOS or CHOCH). */
    public Indicator<Boolean> structureBreak(int level, int dir) {
        return bool("structureBreak(" + level + "," + dir + ")", s -> s.breakDir()[level] == dir);
    }

    private Indicator<Num> num(String name, Function<SmcSeriesAnalysis.Snapshot, Num> f) {
        return new View<>(analysis, name, f);
    }

    private Indicator<Boolean> bool(String name, Function<SmcSeriesAnalysis.Snapshot, Boolean> f) {
        return new View<>(analysis, name, f);
    }

    private static final class View<T> extends AbstractIndicator<T> {
        private final SmcSeriesAnalysis analysis;
        private final String name;
        private final Function<SmcSeriesAnalysis.Snapshot, T> f;

        View(SmcSeriesAnalysis analysis, String name, Function<SmcSeriesAnalysis.Snapshot, T> f) {
            super(analysis.series());
            this.analysis = analysis;
            this.name = name;
            this.f = f;
        }

        @Override
        public T getValue(int index) {
            return f.apply(analysis.at(index));
        }

        @Override
        public int getCountOfUnstableBars() {
            return analysis.unstableBars();
        }

        @Override
        public BarSeries getBarSeries() {
            return analysis.series();
        }

        @Override
        public String toString() {
            return "Smc." + name;
        }
    }
}
