package dev.flof.host.oms;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run's invariants, each broken on purpose. */
class InvariantMonitorTest {
    static final long ONE = 1_000_000_000L;

    static OrderCommand.SubmitBracket bracket() {
        Order entry = new Order("g-E", "ESZ5", Side.BUY, OrderType.LIMIT, ONE, 5000 * ONE, 0, TimeInForce.GTC, false);
        Order stop = new Order("g-SL", "ESZ5", Side.SELL, OrderType.STOP, ONE, 0, 4990 * ONE, TimeInForce.GTC, true);
        return new OrderCommand.SubmitBracket(new BracketOrder("g", entry, stop, null));
    }

    @Test
    void aStopThatWidensIsAViolationAndOneThatTightensIsNot() {
        long[] position = {ONE};
        InvariantMonitor m = new InvariantMonitor(s -> position[0], () -> 7L);
        List<OrderCommand> venue = new ArrayList<>();
        RiskGate gate = new RiskGate(List.of(), List.of(), m.watch(venue::add));
        gate.submit(bracket(), 0);
        gate.submit(new OrderCommand.Modify("ESZ5", "g-SL", 0, 0, 4995 * ONE), 0);
        assertNull(m.check(gate, List.of()));
        gate.submit(new OrderCommand.Modify("ESZ5", "g-SL", 0, 0, 4994 * ONE), 0);
        String v = m.check(gate, List.of());
        assertTrue(v != null && v.contains("widened from 4995 to 4994"), v);
    }

    @Test
    void cancellingTheStopOfAnOpenPositionIsAViolationButNotOnceFlat() {
        long[] position = {ONE};
        InvariantMonitor flat = new InvariantMonitor(s -> 0L, () -> 0L);
        RiskGate g1 = new RiskGate(List.of(), List.of(), flat.watch(c -> { }));
        g1.submit(bracket(), 0);
        g1.submit(new OrderCommand.Cancel("ESZ5", "g-SL"), 0);
        assertNull(flat.check(g1, List.of()));

        InvariantMonitor open = new InvariantMonitor(s -> position[0], () -> 0L);
        RiskGate g2 = new RiskGate(List.of(), List.of(), open.watch(c -> { }));
        g2.submit(bracket(), 0);
        g2.submit(new OrderCommand.Cancel("ESZ5", "g-SL"), 0);
        String v = open.check(g2, List.of());
        assertTrue(v != null && v.contains("cancelled while the ESZ5 position 1 is open"), v);
    }

    @Test
    void aCommandThatBypassedTheGateIsAViolation() {
        InvariantMonitor m = new InvariantMonitor(s -> 0L, () -> 0L);
        var toVenue = m.watch(c -> { });
        RiskGate gate = new RiskGate(List.of(), List.of(), toVenue);
        toVenue.accept(bracket());
        String v = m.check(gate, List.of());
        assertTrue(v != null && v.contains("received 1 commands but the risk gate passed 0"), v);
    }
}
