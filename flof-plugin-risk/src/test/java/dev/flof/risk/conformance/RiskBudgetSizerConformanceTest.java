package dev.flof.risk.conformance;

import dev.flof.conformance.PositionSizerContract;
import dev.flof.risk.sizing.RiskBudgetSizer;
import dev.flof.spi.ext.PositionSizer;

class RiskBudgetSizerConformanceTest extends PositionSizerContract {
    @Override
    protected PositionSizer createSizer() {
        return new RiskBudgetSizer();
    }
}
