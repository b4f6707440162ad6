package dev.flof.host.venue;

import static dev.flof.host.venue.MarketOrderTest.assertFill;
import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.event.OrderEvent.Kind;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.OrderCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class HaltTest {
    static VenueStatus status(long atMs, VenueStatus.Kind kind) {
        return new VenueStatus("CME", ms(atMs), ms(atMs), 0, kind, "");
    }

    @Test
    void aFlattenIntoAHaltedMarketWaitsForTheReopenAndStopsKeepResting() {
        Sim sim = StopOrderTest.longOne();
        sim.venue.send(new OrderCommand.Submit(stop("S", Side.SELL, 1, "4490.00")));
        sim.feed(quote(2, "4499.75", 5, "4500.00", 5), status(3, VenueStatus.Kind.HALTED));
        sim.venue.send(new OrderCommand.Submit(reduceOnly(market("FLAT", Side.SELL, 1))));
        sim.feed(quote(4, "4480.00", 5, "4480.25", 5), trade(5, "4480.00", 1));
        // accepted, not filled: no matching during the halt, not even against the quote; the stop did not trigger
        assertEquals(List.of(Kind.ACCEPTED), sim.kinds("FLAT"));
        assertEquals(List.of(Kind.ACCEPTED), sim.kinds("S"));
        assertEquals(qty(1), sim.position());
        sim.feed(status(6, VenueStatus.Kind.RESUMED), trade(7, "4485.00", 1));
        // the first print after the reopen: the waiting flatten fills at it; the stop, now without a position to
        // reduce, is cancelled when it triggers on the same print
        assertFill(sim.last("FLAT"), Kind.FILLED, "4485.00", 1, 0);
        assertEquals(0, sim.position());
        assertEquals(Kind.CANCELLED, sim.last("S").kind());
    }

    @Test
    void anotherVenuesHaltChangesNothing() {
        Sim sim = sim().feed(quote(0, "4499.75", 5, "4500.00", 5),
                new VenueStatus("BINANCE", ms(1), ms(1), 0, VenueStatus.Kind.HALTED, ""));
        sim.venue.send(new OrderCommand.Submit(market("B", Side.BUY, 1)));
        sim.feed(quote(2, "4499.75", 5, "4500.00", 5));
        assertFill(sim.last("B"), Kind.FILLED, "4500.00", 1, 0);
    }
}
