package dev.flof.host.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flof.host.journal.Journal;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.PositionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An adopted position keeps the open time its recovered entry fill gave it: the venue's execution time, on the
 * exchange clock that prints are stamped with. A restart found this: the adoption used to overwrite it with the
 * local adoption instant, so a print stamped a fraction of a millisecond earlier than that instant (but received
 * after it) was ignored by the exit manager, and the 2R scale-out of the adopted trade never came.
 */
class AdoptionOpenTimeTest {
    static final long FILLED_AT = 1_795_650_000_000_000_000L;

    @Test
    void theRecoveredFillsExecutionTimeStaysTheOpenTimeOfTheAdoptedPosition() {
        List<PositionView> seen = new ArrayList<>();
        ExitManager.Manager watcher = (e, p, m, f) -> {
            if (e instanceof Trade) {
                seen.add(p);
            }
            return List.of();
        };
        List<OrderCommand> sent = new ArrayList<>();
        OrderManager oms = new OrderManager(new RiskGate(List.of(), List.of(), sent::add), new Journal(),
                Map.of("ESZ5", ReconciliationTest.ES), Map.of("ESZ5", watcher));
        // the entry filled at the venue while FLOF was down; reconciliation hands the execution over after restart
        long restart = FILLED_AT + 30_000_000_000L;
        oms.onOrderEvent(new OrderEvent("ibkr", "ESZ5", FILLED_AT, restart, 0, "e-k2", "1000", OrderEvent.Kind.FILLED,
                Side.BUY, Fixed.ofUnits(6000), Fixed.ofUnits(2), 0, 0, OrderManager.RECOVERED + " (execution 1)"));
        assertEquals(Fixed.ofUnits(2), oms.position("ESZ5"));

        long adoptedAt = restart + 5_000_000L;
        assertNull(oms.adopt("ibkr", "ESZ5", Fixed.ofUnits(2), Fixed.ofUnits(6000), "s-k2", Fixed.ofUnits(5990), true,
                "t-k2", Fixed.ofUnits(6040), adoptedAt, adoptedAt));
        assertEquals(FILLED_AT, oms.positionView("ESZ5").openedAt(), "the execution time, not the adoption instant");

        // a print stamped (exchange clock) just before the adoption instant reaches the exit manager with that view
        long stamped = adoptedAt - 100_000L;
        Trade print = new Trade("ESZ5", stamped, adoptedAt + 1_000_000L, 1, Fixed.ofUnits(6020), Fixed.ofUnits(1), Side.BUY,
                AggressorRule.VENUE);
        oms.manage("ESZ5", print, null, null);
        assertEquals(1, seen.size());
        PositionView v = seen.get(0);
        assertEquals(FILLED_AT, v.openedAt());
        assertEquals(Fixed.ofUnits(5990), v.initialStop(), "1R = 10 points from the adopted stop");
        assertEquals(true, print.tsEvent() >= v.openedAt(), "the print counts for an exit manager's 'after the open' check");
    }
}
