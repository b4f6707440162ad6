package dev.flof.host.venue;

import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import org.junit.jupiter.api.Test;

class ProtectionInvariantTest {
    @Test
    void flatIsFine() {
        assertNull(ProtectionInvariant.violation(sim().feed(trade(0, "4500.00", 1)).venue));
    }

    @Test
    void catchesAPositionWithoutAStop() {
        Sim sim = StopOrderTest.longOne();
        assertEquals("unprotected position at CME: ESZ6 1 @ 4500 has resting SELL stops for 0 (needs 1) at " + ms(1),
                ProtectionInvariant.violation(sim.venue));
    }

    @Test
    void aStopCoveringPartOfThePositionIsAViolation() {
        Sim sim = ReduceOnlyTest.longTwo();
        sim.venue.send(new OrderCommand.Submit(stop("S", Side.SELL, 1, "4498.00")));
        sim.feed(trade(2, "4500.00", 1));
        assertEquals("unprotected position at CME: ESZ6 2 @ 4500.25 has resting SELL stops for 1 (needs 2) at " + ms(2),
                ProtectionInvariant.violation(sim.venue));
        sim.venue.send(new OrderCommand.Modify(ES, "S", qty(2), 0, 0));
        sim.feed(trade(3, "4500.00", 1));
        assertNull(ProtectionInvariant.violation(sim.venue));
    }

    @Test
    void aStopStillInFlightOrOnTheWrongSideDoesNotCount() {
        Sim sim = new Sim(config(10, 0, 0, QueueModel.TRADE_THROUGH), java.util.List.of(esPlain()))
                .feed(quote(0, "4500.00", 5, "4500.25", 5));
        sim.venue.send(new OrderCommand.Submit(market("E", Side.BUY, 1)));
        sim.feed(quote(10, "4500.00", 5, "4500.25", 5));
        Order wrongSide = new Order("W", ES, Side.BUY, OrderType.STOP, qty(1), 0, px("4510.00"), TimeInForce.GTC, false);
        sim.venue.send(new OrderCommand.Submit(wrongSide));
        sim.venue.send(new OrderCommand.Submit(stop("S", Side.SELL, 1, "4498.00")));
        sim.feed(quote(15, "4500.00", 5, "4500.25", 5));
        // both stops sent at ms 10 arrive at ms 20: nothing rests yet
        assertEquals("unprotected position at CME: ESZ6 1 @ 4500.25 has resting SELL stops for 0 (needs 1) at " + ms(15),
                ProtectionInvariant.violation(sim.venue));
        sim.feed(quote(20, "4500.00", 5, "4500.25", 5));
        assertNull(ProtectionInvariant.violation(sim.venue));
    }
}
