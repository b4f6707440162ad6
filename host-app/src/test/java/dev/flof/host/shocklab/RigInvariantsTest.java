package dev.flof.host.shocklab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The rig's invariant checks can fail: each broken rule, injected on purpose, turns the verdict to exposed. */
class RigInvariantsTest {
    static ScenarioResult run(Map<String, Consumer<Rig>> steps, ShockTape t) {
        Scenario sc = new Scenario("injected", 0, "fault injected by the test", "", "", seed -> null);
        Script s = new Script(Scenarios.ES, t.build(), steps, Scenarios.esPlan(), Scenarios.esSettings());
        return new Rig(s, "layered", p -> Lab.breaker().create(new Params("t", p))).run(sc);
    }

    static ShockTape tape() {
        ShockTape t = Scenarios.esBase(1, Scenarios.RTH);
        t.flat(Scenarios.RTH + 305 * Scenarios.SEC, Scenarios.RTH + 330 * Scenarios.SEC, Scenarios.SEC, Fixed.parse("5000"));
        t.timer("step:fault", Scenarios.RTH + 310 * Scenarios.SEC + 500 * Scenarios.MS);
        return t;
    }

    @Test
    void cancellingTheProtectiveStopOfAnOpenPositionIsCaught() {
        Map<String, Consumer<Rig>> steps = new TreeMap<>(Scenarios.entry());
        steps.put("step:fault", r -> r.sendThroughGate(new OrderCommand.Cancel("ESZ6", "ESZ6-A-1-S")));
        ScenarioResult r = run(steps, tape());
        assertEquals(Verdict.EXPOSED, r.verdict());
        assertTrue(r.violations().get(0).contains("protective stop ESZ6-A-1-S cancelled while the ESZ6 position 1 is open"),
                r.violations().toString());
        assertTrue(r.violations().stream().anyMatch(v -> v.contains("unprotected")), r.violations().toString());
    }

    @Test
    void exposureAboveTheConfiguredMaximumIsCaught() {
        Map<String, Consumer<Rig>> steps = new TreeMap<>();
        steps.put("step:entry", r -> r.rawSend(new OrderCommand.Submit(new Order("RAW", "ESZ6", Side.BUY, OrderType.MARKET,
                Fixed.ofUnits(3), 0, 0, TimeInForce.GTC, false)), "order past the gate"));
        ScenarioResult r = run(steps, tape());
        assertEquals(Verdict.EXPOSED, r.verdict());
        assertTrue(r.violations().stream().anyMatch(v -> v.startsWith("exposure 3 above the configured maximum 2")), r.violations().toString());
        assertEquals(Fixed.ofUnits(3), r.maxExposure());
    }
}
