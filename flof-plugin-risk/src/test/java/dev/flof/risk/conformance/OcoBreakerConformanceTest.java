package dev.flof.risk.conformance;

import dev.flof.conformance.CircuitBreakerContract;
import dev.flof.risk.breakers.OcoBreaker;
import dev.flof.spi.ext.CircuitBreaker;

class OcoBreakerConformanceTest extends CircuitBreakerContract {
    @Override
    protected CircuitBreaker createBreaker() {
        return new OcoBreaker();
    }
}
