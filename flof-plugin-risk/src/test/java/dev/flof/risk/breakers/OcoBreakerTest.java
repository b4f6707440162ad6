package dev.flof.risk.breakers;

import static dev.flof.risk.breakers.Cmds.at;
import static dev.flof.risk.breakers.Cmds.bracket;
import static dev.flof.risk.breakers.Cmds.feed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.CircuitBreaker.Guard;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.risk.BreakerAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OcoBreakerTest {
    static Guard guard(Map<String, String> p) {
        return new OcoBreaker().create(new Params("breakers.oco", p));
    }

    @Test
    void aNakedEntryIsVetoedABracketPasses() {
        Guard g = guard(Map.of());
        String r = g.vet(Cmds.naked("n1", Fixed.ofUnits(1)), at(0));
        assertTrue(r.startsWith("OCO dead-man: an entry must go out as a bracket with its protective stop"), r);
        assertNull(g.vet(bracket("b1", Fixed.ofUnits(1)), at(0)));
    }

    @Test
    void aBracketWhoseStopDoesNotProtectIsVetoed() {
        Guard g = guard(Map.of());
        Order entry = new Order("b2", "ESZ5", Side.BUY, OrderType.LIMIT, Fixed.ofUnits(3), Cmds.px("4500"), 0, TimeInForce.DAY, false);
        Order small = new Order("b2-sl", "ESZ5", Side.SELL, OrderType.STOP, Fixed.ofUnits(1), 0, Cmds.px("4490"), TimeInForce.GTC, true);
        String r = g.vet(new OrderCommand.SubmitBracket(new BracketOrder("b2", entry, small, null)), at(0));
        assertTrue(r.contains("stop covers 1 of 3"), r);
        Order above = new Order("b2-sl", "ESZ5", Side.SELL, OrderType.STOP, Fixed.ofUnits(3), 0, Cmds.px("4501"), TimeInForce.GTC, true);
        r = g.vet(new OrderCommand.SubmitBracket(new BracketOrder("b2", entry, above, null)), at(0));
        assertTrue(r.contains("not on the protective side of entry 4500"), r);
    }

    @Test
    void feedDeathHaltsAndLeavesTheVenueInChargeThenResumesOnReconnect() {
        Guard g = guard(Map.of());
        List<BreakerAction> a = g.onEvent(feed(at(0), FeedStatus.Kind.DISCONNECTED));
        assertEquals(1, a.size());
        assertEquals(BreakerAction.Kind.HALT, a.get(0).kind());
        assertTrue(a.get(0).reason().startsWith("feed databento DISCONNECTED"), a.get(0).reason());
        assertTrue(g.vet(bracket("b", Fixed.ofUnits(1)), at(1)).startsWith("OCO dead-man halted"));
        assertEquals(List.of(), g.onEvent(feed(at(2), FeedStatus.Kind.STALE)), "one HALT per episode");
        assertEquals(BreakerAction.Kind.RESUME, g.onEvent(feed(at(30), FeedStatus.Kind.RECONNECTED)).get(0).kind());
        assertNull(g.vet(bracket("b", Fixed.ofUnits(1)), at(31)));
    }

    @Test
    void missedHeartbeatHalts() {
        Guard g = guard(Map.of());
        for (int s = 0; s <= 10; s++) {
            assertEquals(List.of(), g.onEvent(feed(at(s), FeedStatus.Kind.HEARTBEAT)));
        }
        assertEquals(List.of(), g.onEvent(Cmds.timer(at(15))));
        List<BreakerAction> a = g.onEvent(Cmds.timer(at(15.001)));
        assertEquals(BreakerAction.Kind.HALT, a.get(0).kind());
        assertTrue(a.get(0).reason().startsWith("feed databento missed its heartbeat: silent 5001 ms (limit 5000 ms)"), a.get(0).reason());
    }

    @Test
    void brokerDisconnectHaltsAndStaysHaltedWithoutAutoResume() {
        Guard g = guard(Map.of("resumeOnReconnect", "false"));
        assertEquals(BreakerAction.Kind.HALT, g.onEvent(Cmds.venue(at(0), VenueStatus.Kind.DISCONNECTED)).get(0).kind());
        assertEquals(List.of(), g.onEvent(Cmds.venue(at(5), VenueStatus.Kind.RECONNECTED)));
        assertTrue(g.vet(bracket("b", Fixed.ofUnits(1)), at(6)) != null);
    }

    @Test
    void commandsThatDoNotAddExposurePassEvenWhileHalted() {
        Guard g = guard(Map.of());
        g.onEvent(feed(at(0), FeedStatus.Kind.DISCONNECTED));
        for (OrderCommand c : Cmds.nonExposure()) {
            assertNull(g.vet(c, at(1)), c.toString());
        }
        assertNull(OcoBreaker.unprotected(bracket("ok", Fixed.ofUnits(2))));
    }
}
