package dev.flof.risk.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.conformance.ExitManagerContract;
import dev.flof.risk.exits.HybridShieldExitManager;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.order.OrderCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Phase 1 at 0.5R, so many generated paths reach the scale-out, the stop move and the stop resize; the extra test
 * proves the contract's paths really made the manager act.
 */
class HybridShieldEarlyPhase1ConformanceTest extends ExitManagerContract {
    private final List<OrderCommand> sent = new ArrayList<>();

    @Override
    protected ExitManager createExitManager() {
        HybridShieldExitManager real = new HybridShieldExitManager();
        return new ExitManager() {
            @Override
            public String id() {
                return real.id();
            }

            @Override
            public Manager open(Instrument instrument, Params params) {
                Manager m = real.open(instrument, params);
                return (event, position, map, flow) -> {
                    List<OrderCommand> out = m.onEvent(event, position, map, flow);
                    sent.addAll(out);
                    return out;
                };
            }
        };
    }

    @Override
    protected Params params() {
        return new Params("engine.exitManager", Map.of("phase1At", "2r", "phase1R", "0.5"));
    }

    @Test
    void theGeneratedPathsMakeTheManagerScaleOutAndMoveTheStop() {
        keepsTheStopRulesOnGeneratedPricePaths();
        long exits = sent.stream().filter(c -> c instanceof OrderCommand.Submit).count();
        long stopMoves = sent.stream().filter(c -> c instanceof OrderCommand.Modify m && m.newStopPrice() != 0).count();
        assertTrue(exits >= 10, "only " + exits + " scale-outs on the generated paths");
        assertTrue(stopMoves >= 10, "only " + stopMoves + " stop moves on the generated paths");
    }
}
