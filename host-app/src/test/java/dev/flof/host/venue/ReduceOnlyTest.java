package dev.flof.host.venue;

import static dev.flof.host.venue.MarketOrderTest.assertFill;
import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.event.OrderEvent.Kind;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.OrderCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReduceOnlyTest {
    static Sim longTwo() {
        Sim sim = sim().feed(quote(0, "4500.00", 10, "4500.25", 10));
        sim.venue.send(new OrderCommand.Submit(market("E", Side.BUY, 2)));
        sim.feed(quote(1, "4500.00", 10, "4500.25", 10));
        assertEquals(qty(2), sim.position());
        return sim;
    }

    @Test
    void rejectedWhenThereIsNothingToReduce() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(reduceOnly(limit("R", Side.SELL, 1, "4501.00"))));
        sim.feed(trade(1, "4500.00", 1));
        assertEquals(List.of(Kind.REJECTED), sim.kinds("R"));
    }

    @Test
    void clippedToThePositionNeverFlipsIt() {
        Sim sim = longTwo();
        sim.venue.send(new OrderCommand.Submit(reduceOnly(market("R", Side.SELL, 3))));
        sim.feed(quote(2, "4500.00", 10, "4500.25", 10));
        // sells 2 at the bid 4500.00, the third is cancelled: position 0, not -1
        assertEquals(List.of(Kind.ACCEPTED, Kind.PARTIALLY_FILLED, Kind.CANCELLED), sim.kinds("R"));
        assertFill(sim.fills("R").get(0), Kind.PARTIALLY_FILLED, "4500.00", 2, 1);
        assertEquals(0, sim.position());
    }

    @Test
    void aRestingReduceOnlyOrderIsCancelledWhenThePositionIsAlreadyFlat() {
        Sim sim = longTwo();
        sim.venue.send(new OrderCommand.Submit(reduceOnly(limit("R", Side.SELL, 2, "4501.00"))));
        sim.venue.send(new OrderCommand.Submit(market("X", Side.SELL, 2)));
        sim.feed(quote(2, "4500.00", 10, "4500.25", 10), trade(3, "4501.25", 5));
        assertEquals(List.of(Kind.ACCEPTED, Kind.CANCELLED), sim.kinds("R"));
        assertEquals(0, sim.position());
    }

    @Test
    void aPlainOrderMayFlipThePosition() {
        Sim sim = longTwo();
        sim.venue.send(new OrderCommand.Submit(market("X", Side.SELL, 3)));
        sim.feed(quote(2, "4500.00", 10, "4500.25", 10));
        // long 2 @ 4500.25, sell 3 @ 4500.00: short 1 with average 4500.00; realized (4500.00-4500.25)x2x50 = -25
        assertEquals(qty(-1), sim.position());
        assertEquals(px("4500.00"), sim.venue.position(ES).averagePrice());
        assertEquals(px("-25"), sim.venue.account().realizedPnl());
    }
}
