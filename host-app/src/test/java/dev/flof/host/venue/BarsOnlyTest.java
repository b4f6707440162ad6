package dev.flof.host.venue;

import static dev.flof.host.venue.MarketOrderTest.assertFill;
import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.event.OrderEvent.Kind;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarsOnlyTest {
    static Order buyStop(String id, String stop) {
        return new Order(id, ES, Side.BUY, OrderType.STOP, qty(1), 0, px(stop), TimeInForce.GTC, false);
    }

    static List<String> fillOrder(Sim sim) {
        return sim.venue.executionsSince(0).stream().map(Execution::clientOrderId).toList();
    }

    @Test
    void pathGoesToTheNearerExtremeFirst() {
        Sim sim = sim();
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 1, "4499.50")));
        sim.venue.send(new OrderCommand.Submit(buyStop("B", "4502.00")));
        // O 4500 H 4504 L 4499 C 4503: the low (1 away) is nearer than the high (4 away): 4500, 4499, 4504, 4503
        sim.feed(bar(60_000, "4500.00", "4504.00", "4499.00", "4503.00", 0));
        assertEquals(List.of("L", "B"), fillOrder(sim));
        assertFill(sim.last("L"), Kind.FILLED, "4499.50", 1, 0); // traded through on the way down
        assertFill(sim.last("B"), Kind.FILLED, "4502.00", 1, 0); // continuous move up: fills at its stop
        assertEquals(ms(60_000), sim.last("B").tsEvent()); // stamped with the bar's close
        // average (4499.50 + 4502.00) / 2 = 4500.75
        assertEquals(px("4500.75"), sim.venue.position(ES).averagePrice());
    }

    @Test
    void theMirrorBarVisitsTheHighFirst() {
        Sim sim = sim();
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 1, "4499.50")));
        sim.venue.send(new OrderCommand.Submit(buyStop("B", "4502.00")));
        // O 4500 H 4502.50 (2.5 away) L 4496 (4 away): 4500, 4502.50, 4496, 4497
        sim.feed(bar(60_000, "4500.00", "4502.50", "4496.00", "4497.00", 0));
        assertEquals(List.of("B", "L"), fillOrder(sim));
    }

    @Test
    void aGapBetweenBarsFillsTheStopAtTheOpen() {
        Sim sim = sim();
        sim.venue.send(new OrderCommand.Submit(market("E", Side.BUY, 1)));
        sim.feed(bar(60_000, "4500.00", "4501.00", "4499.50", "4500.00", 0));
        assertFill(sim.last("E"), Kind.FILLED, "4500.00", 1, 0); // the next print: bar 1's open
        sim.venue.send(new OrderCommand.Submit(stop("S", Side.SELL, 1, "4498.00")));
        sim.feed(bar(120_000, "4496.00", "4497.00", "4495.00", "4496.50", 0));
        assertFill(sim.last("S"), Kind.FILLED, "4496.00", 1, 0);
        // (4496.00 - 4500.00) x 50 = -200
        assertEquals(px("-200"), sim.venue.account().realizedPnl());
    }

    @Test
    void entryAndStopInsideOneBar() {
        Sim sim = sim().feed(bar(60_000, "4500.00", "4500.25", "4500.00", "4500.00", 0));
        sim.venue.send(new OrderCommand.SubmitBracket(bracket("G", limit("E", Side.BUY, 1, "4499.75"),
                stop("S", Side.SELL, 1, "4499.00"), limit("T", Side.SELL, 1, "4503.00"))));
        // O 4500 H 4500.50 (0.5 away) L 4498.50 (1.5 away) C 4499.50: 4500, 4500.50, 4498.50, 4499.50.
        // Going down: through 4499.75 at 4499.50 -> entry fills at 4499.75; stop 4499.00 then fills at 4499.00.
        sim.feed(bar(120_000, "4500.00", "4500.50", "4498.50", "4499.50", 0));
        assertFill(sim.last("E"), Kind.FILLED, "4499.75", 1, 0);
        assertFill(sim.last("S"), Kind.FILLED, "4499.00", 1, 0);
        assertEquals(Kind.CANCELLED, sim.last("T").kind());
        // (4499.00 - 4499.75) x 50 = -37.50
        assertEquals(px("-37.5"), sim.venue.account().realizedPnl());
    }

    @Test
    void barVolumeLimitsLimitFills() {
        Sim sim = sim().feed(bar(60_000, "4500.00", "4500.00", "4500.00", "4500.00", 0));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 5, "4499.50")));
        // volume 8 -> 2 per path point. O 4500 H 4500.25 L 4499.00 C 4499.25 (high nearer):
        // leg to the low goes through 4499.50 at 4499.25: 2; the close leg ends at 4499.25, through again: 2
        sim.feed(bar(120_000, "4500.00", "4500.25", "4499.00", "4499.25", 8));
        var fills = sim.fills("L");
        assertEquals(2, fills.size());
        assertFill(fills.get(0), Kind.PARTIALLY_FILLED, "4499.50", 2, 3);
        assertFill(fills.get(1), Kind.PARTIALLY_FILLED, "4499.50", 2, 1);
    }

    @Test
    void aMarketOrderFillsAtTheNextBarsOpenPlusSlippage() {
        Sim sim = new Sim(config(0, 0, 1, QueueModel.TRADE_THROUGH), List.of(esPlain()))
                .feed(bar(60_000, "4500.00", "4500.00", "4500.00", "4500.00", 0));
        sim.venue.send(new OrderCommand.Submit(market("B", Side.BUY, 1)));
        sim.feed(bar(120_000, "4501.00", "4502.00", "4500.50", "4501.50", 0));
        // open 4501.00 + 1 tick
        assertFill(sim.last("B"), Kind.FILLED, "4501.25", 1, 0);
        assertEquals(ms(120_000), sim.last("B").tsEvent());
    }

    @Test
    void barsAreIgnoredOnceTheSymbolHasTicks() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 1, "4499.50")));
        sim.feed(bar(60_000, "4500.00", "4500.25", "4490.00", "4500.00", 0));
        assertEquals(List.of(Kind.ACCEPTED), sim.kinds("L"));
        assertEquals(1, sim.venue.ignoredBars());
    }
}
