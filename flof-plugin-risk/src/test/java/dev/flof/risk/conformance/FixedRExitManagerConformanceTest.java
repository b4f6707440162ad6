package dev.flof.risk.conformance;

import dev.flof.conformance.ExitManagerContract;
import dev.flof.risk.exits.FixedRExitManager;
import dev.flof.spi.ext.ExitManager;

class FixedRExitManagerConformanceTest extends ExitManagerContract {
    @Override
    protected ExitManager createExitManager() {
        return new FixedRExitManager();
    }
}
