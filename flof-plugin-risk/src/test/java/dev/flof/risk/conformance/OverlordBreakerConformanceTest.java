package dev.flof.risk.conformance;

import dev.flof.conformance.CircuitBreakerContract;
import dev.flof.risk.breakers.OverlordBreaker;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.Params;
import java.util.Map;

/** With the limits of the default configuration (the overlord refuses to run without a daily loss limit). */
class OverlordBreakerConformanceTest extends CircuitBreakerContract {
    @Override
    protected CircuitBreaker createBreaker() {
        return new OverlordBreaker();
    }

    @Override
    protected Params params() {
        return new Params("engine.breaker", Map.of("equity", "100000", "dailyLossPct", "3.0",
                "maxPositionSize.ESZ5", "4", "maxPositionSize.BTCUSDT", "1", "pointValue.ESZ5", "50"));
    }
}
