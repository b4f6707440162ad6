package dev.flof.risk.conformance;

import dev.flof.conformance.ExitManagerContract;
import dev.flof.risk.exits.HybridShieldExitManager;
import dev.flof.spi.ext.ExitManager;

class HybridShieldExitManagerConformanceTest extends ExitManagerContract {
    @Override
    protected ExitManager createExitManager() {
        return new HybridShieldExitManager();
    }
}
