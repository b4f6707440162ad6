package dev.flof.risk.breakers;

import static dev.flof.risk.breakers.Cmds.at;
import static dev.flof.risk.breakers.Cmds.bracket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.CircuitBreaker.Guard;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.BreakerAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayeredBreakerTest {
    static final Map<String, String> BASE = Map.of("equity", "100000", "maxPositionSize.ESZ5", "5",
            "pointValue.ESZ5", "50", "tickSize.ESZ5", "0.25", "quarantine.cooldownMinutes", "1");

    static Guard guard(Map<String, String> p) {
        return new LayeredBreaker().create(new Params("breakers.layered", p));
    }

    @Test
    void allThreeLayersActThroughOneId() {
        Guard g = guard(BASE);
        // base layer: naked entry
        assertTrue(g.vet(Cmds.naked("n", Fixed.ofUnits(1)), at(0)).startsWith("OCO dead-man"));
        // logic layer: spread blowout pauses (cooldown 1 min via the prefixed key)
        g.onEvent(Cmds.quote("ESZ5", at(1), "4500.00", "4500.25"));
        List<BreakerAction> p = g.onEvent(Cmds.quote("ESZ5", at(2), "4500.00", "4501.50"));
        assertEquals(List.of(BreakerAction.Kind.PAUSE), p.stream().map(BreakerAction::kind).toList());
        assertEquals("quarantine", p.get(0).breaker());
        assertTrue(g.vet(bracket("q", Fixed.ofUnits(1)), at(3)).startsWith("quarantine: entries paused"));
        assertEquals(BreakerAction.Kind.RESUME, g.onEvent(Cmds.quote("ESZ5", at(63), "4500.00", "4500.25")).get(0).kind());
        // failsafe layer: a 10x size
        String r = g.vet(bracket("big", Fixed.ofUnits(50)), at(64));
        assertTrue(r.contains("fat finger"), r);
        List<BreakerAction> f = g.onEvent(Cmds.timer(at(64.1)));
        assertEquals(BreakerAction.Kind.FLATTEN, f.get(0).kind());
        assertEquals("overlord", f.get(0).breaker());
    }

    @Test
    void vetoReasonsOfSeveralLayersAreJoined() {
        Guard g = guard(BASE);
        String r = g.vet(Cmds.naked("n", Fixed.ofUnits(50)), at(0));
        assertTrue(r.startsWith("OCO dead-man: ") && r.contains("; overlord: fat finger"), r);
    }

    @Test
    void feedDeathHaltsThroughTheBaseLayer() {
        Guard g = guard(BASE);
        List<BreakerAction> a = g.onEvent(Cmds.feed(at(0), FeedStatus.Kind.DISCONNECTED));
        assertEquals(BreakerAction.Kind.HALT, a.get(0).kind());
        assertEquals("oco", a.get(0).breaker());
    }

    @Test
    void hundredOrdersInTwoSeconds() {
        Guard g = guard(BASE);
        List<String> vetoes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String r = g.vet(bracket("e" + i, Fixed.ofUnits(1)), at(i * 0.02));
            if (r != null) {
                vetoes.add(r);
            }
        }
        assertEquals(97, vetoes.size());
        List<BreakerAction> a = g.onEvent(Cmds.timer(at(2)));
        assertEquals(List.of(BreakerAction.Kind.FLATTEN), a.stream().map(BreakerAction::kind).toList());
    }

    @Test
    void cancelsAndReduceOnlyAlwaysPass() {
        Guard g = guard(BASE);
        g.onEvent(Cmds.feed(at(0), FeedStatus.Kind.DISCONNECTED));
        g.vet(bracket("big", Fixed.ofUnits(50)), at(0));
        for (OrderCommand c : Cmds.nonExposure()) {
            assertNull(g.vet(c, at(1)), c.toString());
        }
    }

    /** The same events and commands give the same actions and reasons, byte for byte. */
    @Test
    void deterministic() {
        assertEquals(script(), script());
        assertTrue(script().size() >= 4, script().toString());
    }

    private static List<String> script() {
        Guard g = guard(BASE);
        List<String> log = new ArrayList<>();
        List<dev.flof.spi.event.Event> events = List.of(
                Cmds.quote("ESZ5", at(0), "4500.00", "4500.25"), Cmds.quote("ESZ5", at(1), "4500.00", "4502.00"),
                Cmds.fill(at(2), "a", dev.flof.spi.market.Side.BUY, "4500", Fixed.ofUnits(2)),
                Cmds.trade(at(3), "4460"), Cmds.feed(at(4), FeedStatus.Kind.DISCONNECTED));
        for (int i = 0; i < events.size(); i++) {
            log.add(String.valueOf(g.vet(bracket("c" + i, Fixed.ofUnits(1)), events.get(i).tsRecv())));
            g.onEvent(events.get(i)).forEach(a -> log.add(a.toString()));
        }
        return log;
    }

    @Test
    void unknownKeysAndPrefixedKeysAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> guard(Map.of("equity", "1", "maxPositionSize", "1", "bogus", "1")));
        assertTrue(e.getMessage().startsWith("breakers.layered.bogus: unknown key"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> guard(Map.of("equity", "1", "oco.cooldownMinutes", "1")));
        assertTrue(e.getMessage().startsWith("breakers.layered.oco.cooldownMinutes: unknown key"), e.getMessage());
    }

    @Test
    void everyBreakerHasADistinctIdAndIsAnExtension() {
        List<CircuitBreaker> all = List.of(new OcoBreaker(), new QuarantineBreaker(), new OverlordBreaker(), new LayeredBreaker());
        assertEquals(List.of("oco", "quarantine", "overlord", "layered"), all.stream().map(CircuitBreaker::id).toList());
        for (CircuitBreaker b : all) {
            assertTrue(b.getClass().isAnnotationPresent(org.pf4j.Extension.class), b.id());
        }
    }
}
