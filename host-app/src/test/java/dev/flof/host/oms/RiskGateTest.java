package dev.flof.host.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.Event;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.risk.BreakerAction;
import dev.flof.spi.risk.TradingState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskGateTest {
    /** A breaker that vetoes everything it is asked about and counts the questions. */
    static final class VetoAll implements CircuitBreaker.Guard {
        final List<OrderCommand> asked = new ArrayList<>();

        @Override
        public String vet(OrderCommand command, long nowNanos) {
            asked.add(command);
            return "always";
        }

        @Override
        public List<BreakerAction> onEvent(Event event) {
            return List.of();
        }
    }

    static Order order(String id, Side side, OrderType type, boolean reduceOnly) {
        return new Order(id, "ESZ5", side, type, 1_000_000_000L, type == OrderType.LIMIT ? 4_500_000_000_000L : 0,
                type == OrderType.STOP ? 4_490_000_000_000L : 0, TimeInForce.GTC, reduceOnly);
    }

    static OrderCommand bracket() {
        return new OrderCommand.SubmitBracket(new BracketOrder("g1", order("e1", Side.BUY, OrderType.LIMIT, false),
                order("s1", Side.SELL, OrderType.STOP, true), null));
    }

    @Test
    void aVetoedEntryNeverReachesTheVenue() {
        List<OrderCommand> sent = new ArrayList<>();
        VetoAll breaker = new VetoAll();
        RiskGate gate = new RiskGate(List.of("veto-all"), List.of(breaker), sent::add);
        assertFalse(gate.submit(bracket(), 1));
        assertTrue(sent.isEmpty());
        assertEquals(1, gate.vetoes().size());
        assertEquals("veto-all", gate.vetoes().get(0).by());
    }

    @Test
    void cancelsModifiesAndReduceOnlyExitsPassWithoutAskingAnyBreaker() {
        List<OrderCommand> sent = new ArrayList<>();
        VetoAll breaker = new VetoAll();
        RiskGate gate = new RiskGate(List.of("veto-all"), List.of(breaker), sent::add);
        gate.setState(TradingState.HALTED, "operator halt");
        List<OrderCommand> reducing = List.of(
                new OrderCommand.Cancel("ESZ5", "e1"),
                new OrderCommand.CancelAll("*"),
                new OrderCommand.Modify("ESZ5", "s1", 0, 0, 4_495_000_000_000L),
                new OrderCommand.Submit(order("x1", Side.SELL, OrderType.MARKET, true)));
        for (OrderCommand c : reducing) {
            assertTrue(gate.submit(c, 1), c.toString());
        }
        assertEquals(reducing, sent);
        assertTrue(breaker.asked.isEmpty(), "no breaker was even asked");
        assertTrue(gate.vetoes().isEmpty());
    }

    @Test
    void reducingAndHaltedStatesStopNewExposureEvenWithoutBreakers() {
        List<OrderCommand> sent = new ArrayList<>();
        RiskGate gate = new RiskGate(List.of(), List.of(), sent::add);
        assertTrue(gate.submit(bracket(), 1));
        gate.setState(TradingState.REDUCING, "daily loss limit");
        assertFalse(gate.submit(bracket(), 2));
        assertFalse(gate.submit(new OrderCommand.Submit(order("m1", Side.BUY, OrderType.MARKET, false)), 3));
        assertEquals(1, sent.size());
        assertTrue(gate.vetoes().get(0).reason().contains("daily loss limit"));
    }
}
