package dev.flof.risk.conformance;

import dev.flof.conformance.ExitManagerContract;
import dev.flof.risk.exits.AtrTrailExitManager;
import dev.flof.spi.ext.ExitManager;

class AtrTrailExitManagerConformanceTest extends ExitManagerContract {
    @Override
    protected ExitManager createExitManager() {
        return new AtrTrailExitManager();
    }
}
