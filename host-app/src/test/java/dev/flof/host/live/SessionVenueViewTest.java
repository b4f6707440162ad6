package dev.flof.host.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.Position;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed open-orders query reaches order management as "unknown" (null), never as "no open orders". */
class SessionVenueViewTest {
    boolean failing;
    long now = 1_000_000_000_000L;
    int asked;
    final List<WorkingOrder> resting = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    final ExecutionVenue.Session session = new ExecutionVenue.Session() {
        @Override
        public void send(OrderCommand command) {
        }

        @Override
        public List<WorkingOrder> openOrders() {
            asked++;
            if (failing) {
                throw new IllegalStateException("socket closed");
            }
            return List.copyOf(resting);
        }

        @Override
        public List<Position> positions() {
            return List.of();
        }

        @Override
        public List<Execution> executionsSince(long tsNanos) {
            return List.of();
        }

        @Override
        public void close() {
        }
    };

    final SessionVenueView view = new SessionVenueView(sym -> sym.equals("ESZ5") || sym.equals("MESZ5") ? session : null,
            sym -> "ibkr", sym -> sym.equals("ESZ5") ? Fixed.ofUnits(-3) : 0, log::add, () -> this.now);


    static WorkingOrder w(String id, String sym) {
        return new WorkingOrder(new Order(id, sym, Side.SELL, OrderType.STOP, Fixed.ofUnits(1), 0, Fixed.parse("4990"),
                TimeInForce.GTC, true), "v" + id, null, 0);
    }

    @Test
    void aFailedQueryIsUnknownAndLogged() {
        resting.add(w("s1", "ESZ5"));
        resting.add(w("s2", "MESZ5"));
        assertEquals(List.of("s1"), view.openOrders("ESZ5").stream().map(x -> x.order().clientOrderId()).toList(),
                "only the symbol's orders");
        assertEquals(List.of(), log);

        failing = true;
        assertNull(view.openOrders("ESZ5"), "unknown, not empty");
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("ibkr") && log.get(0).contains("socket closed"), log.get(0));

        assertEquals(List.of(), view.openOrders("BTCUSDT"), "no venue trades it: nothing can rest there");
        assertEquals(Fixed.ofUnits(-3), view.position("ESZ5"));
    }

    @Test
    void aFailingVenueIsAskedAgainWithBackOffAndOneAlertPerStreak() {
        resting.add(w("s1", "ESZ5"));
        failing = true;
        assertNull(view.openOrders("ESZ5"));
        assertEquals(1, asked);
        now += 999_999_999L;
        assertNull(view.openOrders("ESZ5"), "inside the 1 s back-off: unknown without asking");
        assertEquals(1, asked);
        now += 1;
        assertNull(view.openOrders("ESZ5"), "1 s after the failure: asked again, still failing");
        assertEquals(2, asked);
        now += 1_999_999_999L;
        assertNull(view.openOrders("ESZ5"), "the back-off doubled to 2 s");
        assertEquals(2, asked);
        now += 1;
        failing = false;
        assertEquals(List.of("s1"), view.openOrders("ESZ5").stream().map(x -> x.order().clientOrderId()).toList());
        assertEquals(3, asked);
        assertEquals(2, log.size(), "one ALERT for the streak and one line when the venue answers again: " + log);
        assertTrue(log.get(0).startsWith("ALERT"), log.get(0));
        assertEquals("open orders of ibkr available again", log.get(1));
    }
}
