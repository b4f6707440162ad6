package dev.flof.smc.ta4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.smc.engine.SmcConfig;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.num.Num;

/** The module README's ta4j example, run as written through a ta4j backtest. */
class ReadmeExampleTest {
    @Test
    void readmeStrategyRunsInABacktest() {
        BarSeries series = SmcTa4jTest.eth();
        SmcConfig cfg = SmcConfig.fromParams(new Params("t", Map.of("internal.length", "3", "swing.length", "10")),
                Fixed.parse("0.01"), true);
        // --- README snippet (with a config short enough for 580 bars) ---
        SmcSeriesAnalysis smc = new SmcSeriesAnalysis(series, cfg, null);
        SmcIndicators ind = new SmcIndicators(smc);
        SmcRules rules = new SmcRules(smc);

        Indicator<Num> swingHigh = ind.swingHigh(1);
        Indicator<Num> trend = ind.trend(1);
        Indicator<Num> pd = ind.premiumDiscount();

        Rule entry = rules.trend(1, +1)
                .and(rules.discount(0.5))
                .and(rules.inOrderBlock(+1).or(rules.inFvg(+1)));
        Rule exit = rules.poolSwept(+1).or(rules.structureBreak(0, -1));
        Strategy strategy = new BaseStrategy(entry, exit, smc.unstableBars());
        // ---
        TradingRecord record = new BarSeriesManager(series).run(strategy);
        assertTrue(record.getPositionCount() >= 1, "the example trades on the ETH sample: " + record.getPositionCount());
        assertEquals(20, smc.unstableBars());
        assertTrue(swingHigh.getValue(series.getEndIndex()).isPositive());
        assertTrue(!trend.getValue(series.getEndIndex()).isNaN() && !pd.getValue(series.getEndIndex()).isNaN());
    }
}
