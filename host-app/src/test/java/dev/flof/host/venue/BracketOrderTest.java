package dev.flof.host.venue;

import static dev.flof.host.venue.MarketOrderTest.assertFill;
import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flof.spi.event.OrderEvent.Kind;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.WorkingOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class BracketOrderTest {
    /** Flat, last print 4500.00; bracket G: buy limit E 4499.75 x n, stop S 4498.00, target T 4502.00. */
    static Sim withBracket(long n) {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.SubmitBracket(bracket("G", limit("E", Side.BUY, n, "4499.75"),
                stop("S", Side.SELL, n, "4498.00"), limit("T", Side.SELL, n, "4502.00"))));
        return sim;
    }

    static WorkingOrder working(Sim sim, String id) {
        return sim.venue.openOrders().stream().filter(w -> w.order().clientOrderId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void childrenAreDormantUntilTheEntryFills() {
        Sim sim = withBracket(2);
        sim.feed(trade(1, "4502.50", 5), trade(2, "4497.75", 0));
        // the print 4502.50 goes through the target and 4497.75 through the stop, but neither is live yet;
        // the 0-lot print at 4497.75 cannot fill the entry either
        assertEquals(List.of(Kind.ACCEPTED), sim.kinds("T"));
        assertEquals(List.of(Kind.ACCEPTED), sim.kinds("S"));
        assertEquals(0, sim.position());
        assertEquals("G", working(sim, "S").parentGroupId());
    }

    @Test
    void targetFillCancelsTheStop() {
        Sim sim = withBracket(2);
        sim.feed(trade(1, "4499.50", 5));
        assertFill(sim.last("E"), Kind.FILLED, "4499.75", 2, 0);
        assertEquals(qty(2), working(sim, "S").order().quantity());
        assertNull(ProtectionInvariant.violation(sim.venue));
        sim.feed(trade(2, "4502.25", 5));
        assertFill(sim.last("T"), Kind.FILLED, "4502.00", 2, 0);
        assertEquals(List.of(Kind.ACCEPTED, Kind.CANCELLED), sim.kinds("S"));
        assertEquals("OCO: T filled", sim.last("S").reason());
        assertEquals(0, sim.position());
        // (4502.00 - 4499.75) x 2 x 50 = 225.00
        assertEquals(px("225"), sim.venue.account().realizedPnl());
        assertEquals(List.of(), sim.venue.openOrders());
    }

    @Test
    void stopFillCancelsTheTarget() {
        Sim sim = withBracket(2);
        sim.feed(trade(1, "4499.50", 5), trade(2, "4497.75", 1));
        assertEquals(List.of(Kind.ACCEPTED, Kind.TRIGGERED, Kind.FILLED), sim.kinds("S"));
        assertFill(sim.last("S"), Kind.FILLED, "4497.75", 2, 0);
        assertEquals(List.of(Kind.ACCEPTED, Kind.CANCELLED), sim.kinds("T"));
        // (4497.75 - 4499.75) x 2 x 50 = -200.00
        assertEquals(px("-200"), sim.venue.account().realizedPnl());
    }

    @Test
    void aPartialEntryFillResizesTheChildrenAtOnce() {
        Sim sim = withBracket(3);
        sim.feed(trade(1, "4499.50", 1));
        assertFill(sim.last("E"), Kind.PARTIALLY_FILLED, "4499.75", 1, 2);
        // protection for the 1 filled, at once
        assertEquals(qty(1), working(sim, "S").order().quantity());
        assertEquals(qty(1), working(sim, "T").order().quantity());
        assertNull(ProtectionInvariant.violation(sim.venue));
        sim.feed(trade(2, "4499.50", 1));
        assertEquals(qty(2), working(sim, "S").order().quantity());
        // a 1-lot print through the target: target 1 of 2, the stop now protects the remaining 1
        sim.feed(trade(3, "4502.25", 1));
        assertFill(sim.last("T"), Kind.PARTIALLY_FILLED, "4502.00", 1, 1);
        assertEquals(qty(1), working(sim, "S").order().quantity());
        assertEquals(qty(1), sim.position());
        assertNull(ProtectionInvariant.violation(sim.venue));
    }

    @Test
    void aChildClosingEverythingFilledCancelsTheEntryRemainder() {
        Sim sim = withBracket(3);
        sim.feed(trade(1, "4499.50", 1), trade(2, "4502.25", 5));
        // entry 1 of 3 filled; the target closes that 1 -> bracket over: stop and entry remainder cancelled
        assertFill(sim.last("T"), Kind.FILLED, "4502.00", 1, 0);
        assertEquals(Kind.CANCELLED, sim.last("S").kind());
        assertEquals(List.of(Kind.ACCEPTED, Kind.PARTIALLY_FILLED, Kind.CANCELLED), sim.kinds("E"));
        sim.feed(trade(3, "4499.00", 5));
        assertEquals(0, sim.position()); // no re-entry
    }

    @Test
    void cancellingAnUnfilledEntryCancelsItsChildren() {
        Sim sim = withBracket(2);
        sim.feed(trade(1, "4500.00", 1));
        sim.venue.send(new OrderCommand.Cancel(ES, "E"));
        sim.feed(trade(2, "4500.00", 1));
        assertEquals(List.of(Kind.ACCEPTED, Kind.CANCELLED), sim.kinds("E"));
        assertEquals(List.of(Kind.ACCEPTED, Kind.CANCELLED), sim.kinds("S"));
        assertEquals(List.of(Kind.ACCEPTED, Kind.CANCELLED), sim.kinds("T"));
    }

    @Test
    void cancellingAPartlyFilledEntryKeepsTheChildrenForTheFilledPart() {
        Sim sim = withBracket(3);
        sim.feed(trade(1, "4499.50", 1));
        sim.venue.send(new OrderCommand.Cancel(ES, "E"));
        sim.feed(trade(2, "4500.00", 1));
        assertEquals(Kind.CANCELLED, sim.last("E").kind());
        assertEquals(List.of(Kind.ACCEPTED), sim.kinds("S"));
        assertEquals(qty(1), working(sim, "S").order().quantity());
        assertNull(ProtectionInvariant.violation(sim.venue));
    }

    @Test
    void aGapThroughEntryAndStopFillsTheEntryAtItsLimitThenTheStopAtTheGap() {
        Sim sim = withBracket(1);
        sim.feed(trade(1, "4496.00", 5));
        // one print far below both: the resting entry is hit at 4499.75 on the way down, the child stop
        // (now live) triggers on the same print and fills at it
        assertFill(sim.last("E"), Kind.FILLED, "4499.75", 1, 0);
        assertFill(sim.last("S"), Kind.FILLED, "4496.00", 1, 0);
        assertEquals(0, sim.position());
        // (4496.00 - 4499.75) x 50 = -187.50
        assertEquals(px("-187.5"), sim.venue.account().realizedPnl());
    }

    @Test
    void aMarketEntryIsProtectedAsSoonAsItFills() {
        Sim sim = sim().feed(quote(0, "4500.00", 5, "4500.25", 5));
        sim.venue.send(new OrderCommand.SubmitBracket(bracket("G", market("E", Side.BUY, 1),
                stop("S", Side.SELL, 1, "4498.00"), null)));
        sim.feed(quote(1, "4500.00", 5, "4500.25", 5));
        assertFill(sim.last("E"), Kind.FILLED, "4500.25", 1, 0);
        assertNull(ProtectionInvariant.violation(sim.venue));
    }

    @Test
    void aRejectedEntryRejectsTheWholeBracket() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.SubmitBracket(bracket("G", limit("E", Side.BUY, 1, "4499.80"),
                stop("S", Side.SELL, 1, "4498.00"), limit("T", Side.SELL, 1, "4502.00"))));
        sim.feed(trade(1, "4500.00", 1));
        // 4499.80 is off the 0.25 tick grid
        assertEquals(List.of(Kind.REJECTED), sim.kinds("E"));
        assertEquals(List.of(Kind.REJECTED), sim.kinds("S"));
        assertEquals(List.of(Kind.REJECTED), sim.kinds("T"));
    }

    @Test
    void afterAScaleOutTheStopClosesOnlyWhatIsLeftAndEndsTheBracket() {
        Sim sim = withBracket(2);
        sim.feed(trade(1, "4499.50", 5));
        sim.venue.send(new OrderCommand.Submit(reduceOnly(market("X", Side.SELL, 1))));
        sim.feed(trade(2, "4501.00", 1));
        assertFill(sim.last("X"), Kind.FILLED, "4501.00", 1, 0); // scaled out 1 at the next print
        assertNull(ProtectionInvariant.violation(sim.venue)); // stop for 2 covers the remaining 1
        sim.feed(trade(3, "4497.75", 1));
        // the stop may only close the 1 left: filled 1, nothing left working, target cancelled, never short
        assertFill(sim.last("S"), Kind.FILLED, "4497.75", 1, 0);
        assertEquals(Kind.CANCELLED, sim.last("T").kind());
        assertEquals(0, sim.position());
        assertEquals(List.of(), sim.venue.openOrders());
    }
}
