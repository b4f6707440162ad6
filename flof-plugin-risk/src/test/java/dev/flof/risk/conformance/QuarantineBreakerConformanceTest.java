package dev.flof.risk.conformance;

import dev.flof.conformance.CircuitBreakerContract;
import dev.flof.risk.breakers.QuarantineBreaker;
import dev.flof.spi.ext.CircuitBreaker;

class QuarantineBreakerConformanceTest extends CircuitBreakerContract {
    @Override
    protected CircuitBreaker createBreaker() {
        return new QuarantineBreaker();
    }
}
