package dev.flof.host.venue;

import static dev.flof.host.venue.MarketOrderTest.assertFill;
import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.flof.spi.event.OrderEvent.Kind;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopOrderTest {
    /** Long 1 ES at 4500.00 bought at ms 1 on a trades-only tape. */
    static Sim longOne() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(market("E", Side.BUY, 1)));
        sim.feed(trade(1, "4500.00", 1));
        assertEquals(qty(1), sim.position());
        return sim;
    }

    @Test
    void triggersOnThePrintAtTheStopAndFillsAtThatPrint() {
        Sim sim = longOne();
        sim.venue.send(new OrderCommand.Submit(stop("S", Side.SELL, 1, "4498.00")));
        sim.feed(trade(2, "4499.00", 1), trade(3, "4498.25", 1));
        assertEquals(List.of(Kind.ACCEPTED), sim.kinds("S"));
        sim.feed(trade(4, "4498.00", 1));
        assertEquals(List.of(Kind.ACCEPTED, Kind.TRIGGERED, Kind.FILLED), sim.kinds("S"));
        assertFill(sim.last("S"), Kind.FILLED, "4498.00", 1, 0);
    }

    @Test
    void aGapFillsAtTheGapPriceNeverAtTheStop() {
        Sim sim = longOne();
        sim.venue.send(new OrderCommand.Submit(stop("S", Side.SELL, 1, "4498.00")));
        sim.feed(trade(2, "4499.00", 1), trade(3, "4495.50", 1));
        assertFill(sim.last("S"), Kind.FILLED, "4495.50", 1, 0);
        // realized (4495.50 - 4500.00) x 1 x 50 = -225.00
        assertEquals(px("-225"), sim.venue.account().realizedPnl());
        assertEquals(0, sim.position());
    }

    @Test
    void withABookTheStopFillsAtTheWorseOfPrintAndBook() {
        Sim sim = longOne();
        sim.venue.send(new OrderCommand.Submit(stop("S", Side.SELL, 1, "4498.00")));
        sim.feed(quote(2, "4495.25", 3, "4495.50", 3), trade(3, "4495.50", 1));
        // sell stop becomes a market sell: hits the bid 4495.25, worse than the print 4495.50
        assertFill(sim.last("S"), Kind.FILLED, "4495.25", 1, 0);
    }

    @Test
    void aStopLimitSkippedByAGapReportsTriggeredWithoutFillThenRestsAsALimit() {
        Sim sim = longOne();
        sim.venue.send(new OrderCommand.Submit(stopLimit("S", Side.SELL, 1, "4498.00", "4497.50")));
        sim.feed(trade(2, "4499.00", 1), trade(3, "4496.00", 1));
        // the first print through 4498.00 is 4496.00, below the limit 4497.50: triggered, not filled
        assertEquals(List.of(Kind.ACCEPTED, Kind.TRIGGERED), sim.kinds("S"));
        assertEquals(qty(1), sim.position());
        assertNotNull(ProtectionInvariant.violation(sim.venue)); // a skipped stop protects nothing
        sim.feed(trade(4, "4497.50", 1));
        assertEquals(List.of(Kind.ACCEPTED, Kind.TRIGGERED), sim.kinds("S")); // a touch of the limit
        sim.feed(trade(5, "4497.75", 1));
        assertFill(sim.last("S"), Kind.FILLED, "4497.50", 1, 0);
    }

    @Test
    void aStopLimitTriggeredWithinItsLimitFillsAtThePrint() {
        Sim sim = longOne();
        sim.venue.send(new OrderCommand.Submit(stopLimit("S", Side.SELL, 1, "4498.00", "4497.50")));
        sim.feed(trade(2, "4497.75", 1));
        assertEquals(List.of(Kind.ACCEPTED, Kind.TRIGGERED, Kind.FILLED), sim.kinds("S"));
        assertFill(sim.last("S"), Kind.FILLED, "4497.75", 1, 0);
    }

    @Test
    void aBuyStopEntryFillsAtTheBreakoutPrint() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        Order buyStop = new Order("B", ES, Side.BUY, OrderType.STOP, qty(2), 0, px("4501.00"), TimeInForce.GTC, false);
        sim.venue.send(new OrderCommand.Submit(buyStop));
        sim.feed(trade(1, "4500.75", 1), trade(2, "4501.25", 1));
        // first print at or above 4501.00 is 4501.25
        assertFill(sim.last("B"), Kind.FILLED, "4501.25", 2, 0);
        assertEquals(qty(2), sim.position());
    }
}
