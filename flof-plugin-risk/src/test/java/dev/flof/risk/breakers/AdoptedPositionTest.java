package dev.flof.risk.breakers;

import static dev.flof.risk.breakers.Cmds.at;
import static dev.flof.risk.breakers.Cmds.bracket;
import static dev.flof.risk.breakers.Cmds.fill;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.ext.CircuitBreaker.Guard;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.risk.BreakerAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After a restart the host shows the breakers the position it adopted from the venue as a FILLED order event
 * marked as such (client order id {@code FLOF-ADOPTED-<symbol>}, reason "venue-reported position adopted at
 * start-up ...", the venue's average price, no fee; see the host's OrderManager.adopt). The overlord books it like
 * any fill, through the layered breaker too: the adopted long 2 ES @ 6000 is then closed by its stop at 5990 for a
 * realized 2 x (5990 - 6000) x 50 = -1000.00 USD, beyond an 800 limit, and it counts against maxPositionSize.
 */
class AdoptedPositionTest {
    static OrderEvent adopted(long t) {
        return new OrderEvent("ibkr", "ESZ5", t, t, 0, "FLOF-ADOPTED-ESZ5", null, OrderEvent.Kind.FILLED, Side.BUY,
                Fixed.parse("6000"), Fixed.ofUnits(2), 0, 0, "venue-reported position adopted at start-up (no order was sent)");
    }

    static Guard layered() {
        return new LayeredBreaker().create(new Params("risk.breakerParams", Map.of("overlord.maxPositionSize.ESZ5", "5",
                "overlord.pointValue.ESZ5", "50", "overlord.dailyLossLimit", "800", "overlord.maxAckLatencyMs", "100000000")));
    }

    @Test
    void theAdoptedStopsFillIsARealizedLossThatTripsTheDailyLimit() {
        Guard g = layered();
        assertEquals(List.of(), g.onEvent(adopted(at(0))), "adopting at the venue's average is no loss");
        List<BreakerAction> a = g.onEvent(fill(at(30), "s-adopted", Side.SELL, "5990", Fixed.ofUnits(2)));
        assertEquals(1, a.size(), a.toString());
        assertEquals(BreakerAction.Kind.FLATTEN, a.get(0).kind());
        assertEquals("overlord", a.get(0).breaker());
        assertEquals("daily loss -1000.00 (realized -1000.00, unrealized 0.00) beyond the limit 800.00", a.get(0).reason());
    }

    @Test
    void withoutTheAdoptionTheSameFillWouldOpenAShortAndTripNothing() {
        // what the overlord saw before the host showed it the adoption: the money-safety bug this guards against
        Guard g = layered();
        assertEquals(List.of(), g.onEvent(fill(at(30), "s-adopted", Side.SELL, "5990", Fixed.ofUnits(2))));
    }

    @Test
    void theAdoptedPositionCountsAgainstTheMaximumPosition() {
        Guard g = layered();
        g.onEvent(adopted(at(0)));
        assertEquals("overlord: e1 would take the ESZ5 position to 6, above maxPositionSize 5.0",
                g.vet(bracket("e1", Fixed.ofUnits(4)), at(1)));
        assertEquals(null, g.vet(bracket("e2", Fixed.ofUnits(3)), at(2)), "2 adopted + 3 = 5 is within the cap");
    }
}
