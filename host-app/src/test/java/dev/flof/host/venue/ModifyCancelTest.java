package dev.flof.host.venue;

import static dev.flof.host.venue.MarketOrderTest.assertFill;
import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.event.OrderEvent.Kind;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.OrderCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModifyCancelTest {
    @Test
    void modifyingALimitPriceMovesWhereItFills() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 1, "4499.00")));
        sim.feed(trade(1, "4500.00", 1));
        sim.venue.send(new OrderCommand.Modify(ES, "L", 0, px("4499.75"), 0));
        sim.feed(trade(2, "4499.50", 1));
        // at 4499.00 the print 4499.50 would not fill; moved to 4499.75 it does, at 4499.75
        assertEquals(List.of(Kind.ACCEPTED, Kind.MODIFIED, Kind.FILLED), sim.kinds("L"));
        assertFill(sim.last("L"), Kind.FILLED, "4499.75", 1, 0);
    }

    @Test
    void modifyingTheQuantity() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 1, "4499.75")));
        sim.venue.send(new OrderCommand.Modify(ES, "L", qty(3), 0, 0));
        sim.feed(trade(1, "4499.50", 5));
        assertEquals(qty(3), sim.of("L").get(1).leavesQty());
        assertFill(sim.last("L"), Kind.FILLED, "4499.75", 3, 0);
    }

    @Test
    void trailingAStopByModifyingItsStopPrice() {
        Sim sim = StopOrderTest.longOne();
        sim.venue.send(new OrderCommand.Submit(stop("S", Side.SELL, 1, "4498.00")));
        sim.feed(trade(2, "4501.00", 1));
        sim.venue.send(new OrderCommand.Modify(ES, "S", 0, 0, px("4499.50")));
        sim.feed(trade(3, "4499.25", 1));
        assertFill(sim.last("S"), Kind.FILLED, "4499.25", 1, 0);
    }

    @Test
    void invalidModifiesAreRejected() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 3, "4499.75")));
        sim.feed(trade(1, "4499.50", 2)); // 2 of 3 filled
        sim.venue.send(new OrderCommand.Modify(ES, "L", qty(2), 0, 0)); // not above the filled 2
        sim.venue.send(new OrderCommand.Modify(ES, "L", 0, 0, px("4490.00"))); // a limit has no stop
        sim.venue.send(new OrderCommand.Modify(ES, "NOPE", qty(1), 0, 0));
        sim.feed(trade(2, "4500.00", 1));
        assertEquals(List.of(Kind.ACCEPTED, Kind.PARTIALLY_FILLED, Kind.MODIFY_REJECTED, Kind.MODIFY_REJECTED),
                sim.kinds("L"));
        assertEquals(List.of(Kind.MODIFY_REJECTED), sim.kinds("NOPE"));
    }

    @Test
    void cancelStopsFillsAndCancellingTwiceIsRejected() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 1, "4499.75")));
        sim.venue.send(new OrderCommand.Cancel(ES, "L"));
        sim.venue.send(new OrderCommand.Cancel(ES, "L"));
        sim.feed(trade(1, "4499.00", 5));
        assertEquals(List.of(Kind.ACCEPTED, Kind.CANCELLED, Kind.CANCEL_REJECTED), sim.kinds("L"));
        assertEquals(0, sim.position());
    }

    @Test
    void cancelAllCancelsEveryWorkingOrderOfTheSymbolIncludingDormantChildren() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(limit("A", Side.BUY, 1, "4490.00")));
        sim.venue.send(new OrderCommand.SubmitBracket(bracket("G", limit("E", Side.BUY, 1, "4495.00"),
                stop("S", Side.SELL, 1, "4490.00"), limit("T", Side.SELL, 1, "4510.00"))));
        sim.feed(trade(1, "4500.00", 1));
        assertEquals(4, sim.venue.openOrders().size());
        sim.venue.send(new OrderCommand.CancelAll("*"));
        sim.feed(trade(2, "4500.00", 1));
        for (String id : List.of("A", "E", "S", "T")) {
            assertEquals(Kind.CANCELLED, sim.last(id).kind(), id);
        }
        assertEquals(List.of(), sim.venue.openOrders());
    }
}
