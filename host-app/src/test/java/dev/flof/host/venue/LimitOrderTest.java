package dev.flof.host.venue;

import static dev.flof.host.venue.MarketOrderTest.assertFill;
import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.event.OrderEvent.Kind;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitOrderTest {
    @Test
    void aTouchDoesNotFillATradeThroughFillsAtTheLimit() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 2, "4499.75")));
        sim.feed(trade(1, "4500.00", 5), trade(2, "4499.75", 5));
        assertEquals(List.of(Kind.ACCEPTED), sim.kinds("L"));
        sim.feed(trade(3, "4499.50", 5));
        // through 4499.75: fills 2 at the limit 4499.75 (not at the print 4499.50), as maker
        assertFill(sim.last("L"), Kind.FILLED, "4499.75", 2, 0);
    }

    @Test
    void partialFillsFollowTradedVolume() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 5, "4499.75")));
        sim.feed(trade(1, "4499.50", 2), trade(2, "4499.50", 1), trade(3, "4499.25", 10));
        var fills = sim.fills("L");
        // 2 of 5 (leaves 3), 1 (leaves 2), then the last 2 of a 10-lot print
        assertEquals(3, fills.size());
        assertFill(fills.get(0), Kind.PARTIALLY_FILLED, "4499.75", 2, 3);
        assertFill(fills.get(1), Kind.PARTIALLY_FILLED, "4499.75", 1, 2);
        assertFill(fills.get(2), Kind.FILLED, "4499.75", 2, 0);
        assertEquals(qty(5), sim.position());
    }

    @Test
    void twoRestingOrdersShareOnePrintInPriceTimePriority() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(limit("A", Side.BUY, 2, "4499.50")));
        sim.venue.send(new OrderCommand.Submit(limit("B", Side.BUY, 2, "4499.75")));
        sim.feed(trade(1, "4499.25", 3));
        // B has the better price: it takes 2 of the 3; A gets the remaining 1
        assertFill(sim.last("B"), Kind.FILLED, "4499.75", 2, 0);
        assertFill(sim.last("A"), Kind.PARTIALLY_FILLED, "4499.50", 1, 1);
    }

    @Test
    void underTheQueueModelATouchFillsAfterTheDisplayedQueueHasTraded() {
        Sim sim = new Sim(config(0, 0, 0, QueueModel.QUEUE_POSITION), List.of(esPlain()))
                .feed(quote(0, "4499.75", 3, "4500.00", 4));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 2, "4499.75")));
        // arrival: 3 lots queued ahead at 4499.75
        sim.feed(trade(1, "4499.75", 2));
        assertEquals(List.of(Kind.ACCEPTED), sim.kinds("L")); // queue 3 -> 1
        sim.feed(trade(2, "4499.75", 2));
        assertFill(sim.last("L"), Kind.PARTIALLY_FILLED, "4499.75", 1, 1); // 1 eats the queue, 1 fills us
        sim.feed(trade(3, "4499.75", 5));
        assertFill(sim.last("L"), Kind.FILLED, "4499.75", 1, 0);
    }

    @Test
    void theSameTouchesNeverFillWithoutTheQueueModel() {
        Sim sim = sim().feed(quote(0, "4499.75", 3, "4500.00", 4));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 2, "4499.75")));
        sim.feed(trade(1, "4499.75", 2), trade(2, "4499.75", 2), trade(3, "4499.75", 5));
        assertEquals(List.of(Kind.ACCEPTED), sim.kinds("L"));
    }

    @Test
    void aMarketableLimitTakesAtTheBookUpToItsLimitAndRestsTheRest() {
        Sim sim = sim().feed(depth(0, new String[][] {{"4500.00", "5"}},
                new String[][] {{"4500.25", "2"}, {"4500.50", "3"}, {"4500.75", "5"}}));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 6, "4500.50")));
        sim.feed(trade(1, "4500.75", 1));
        var fills = sim.fills("L");
        // 2 @ 4500.25 and 3 @ 4500.50 taken; 4500.75 is beyond the limit so 1 rests at 4500.50
        assertEquals(2, fills.size());
        assertFill(fills.get(0), Kind.PARTIALLY_FILLED, "4500.25", 2, 4);
        assertFill(fills.get(1), Kind.PARTIALLY_FILLED, "4500.50", 3, 1);
        sim.feed(trade(2, "4500.25", 1));
        assertFill(sim.last("L"), Kind.FILLED, "4500.50", 1, 0);
    }

    @Test
    void anIocRemainderExpires() {
        Sim sim = sim().feed(quote(0, "4500.00", 5, "4500.25", 5));
        Order ioc = new Order("I", ES, Side.BUY, OrderType.LIMIT, qty(3), px("4500.00"), 0, TimeInForce.IOC, false);
        sim.venue.send(new OrderCommand.Submit(ioc));
        sim.feed(quote(1, "4500.00", 5, "4500.25", 5));
        // 4500.00 is below the ask 4500.25: nothing marketable, the whole order expires
        assertEquals(List.of(Kind.ACCEPTED, Kind.EXPIRED), sim.kinds("I"));
        sim.feed(trade(2, "4499.75", 5));
        assertEquals(0, sim.position());
    }
}
