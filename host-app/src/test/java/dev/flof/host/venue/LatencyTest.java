package dev.flof.host.venue;

import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.OrderEvent.Kind;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.OrderCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyTest {
    @Test
    void anOrderSentJustBeforeAPriceMoveFillsAfterIt() {
        Sim sim = new Sim(config(10, 2, 0, QueueModel.TRADE_THROUGH), List.of(esPlain()))
                .feed(quote(0, "4500.00", 10, "4500.25", 10));
        sim.venue.send(new OrderCommand.Submit(market("B", Side.BUY, 1))); // at ms 0, arrives at ms 10
        sim.feed(quote(5, "4501.00", 10, "4501.25", 10));
        assertEquals(List.of(), sim.events);
        sim.feed(trade(20, "4501.25", 1));
        // arrives at ms 10 and meets the ask of the ms 5 quote, 4501.25, not the 4500.25 it was sent against
        OrderEvent fill = sim.last("B");
        assertEquals(Kind.FILLED, fill.kind());
        assertEquals(px("4501.25"), fill.fillPrice());
        assertEquals(ms(10), fill.tsEvent());
        assertEquals(ms(12), fill.tsRecv()); // + 2 ms acknowledgement
    }

    @Test
    void answersAreHeldUntilTheClockReachesTheirReceiveTime() {
        Sim sim = new Sim(config(10, 2, 0, QueueModel.TRADE_THROUGH), List.of(esPlain()))
                .feed(quote(0, "4500.00", 10, "4500.25", 10));
        sim.venue.send(new OrderCommand.Submit(market("B", Side.BUY, 1)));
        sim.feed(quote(10, "4505.00", 10, "4505.25", 10));
        // arrived at ms 10, before the ms 10 quote took effect: filled at 4500.25, received at ms 12
        assertEquals(List.of(), sim.events);
        assertEquals(ms(12), sim.venue.nextEventTime());
        sim.feed(quote(11, "4505.00", 10, "4505.25", 10));
        assertEquals(List.of(), sim.events);
        sim.venue.advanceTo(ms(12));
        assertEquals(List.of(Kind.ACCEPTED, Kind.FILLED), sim.kinds("B"));
        assertEquals(px("4500.25"), sim.last("B").fillPrice());
        assertEquals(List.of(1L, 2L), sim.events.stream().map(OrderEvent::sequence).toList());
        assertEquals(Fixed.UNDEF, sim.venue.nextEventTime());
    }

    @Test
    void aRestingOrderIsAcceptedOnTimeWithoutWaitingForAPrint() {
        // A quiet market: the venue still accepts the order once its 10 ms send latency has passed, and the
        // answer is received 2 ms later; a print is not needed to accept a limit that does not cross.
        Sim sim = new Sim(config(10, 2, 0, QueueModel.TRADE_THROUGH), List.of(esPlain()))
                .feed(quote(0, "4500.00", 10, "4500.25", 10));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 1, "4499.00")));
        sim.venue.advanceTo(ms(9));
        assertEquals(List.of(), sim.events, "still in flight at ms 9");
        sim.venue.advanceTo(ms(12));
        assertEquals(List.of(Kind.ACCEPTED), sim.kinds("L"));
        assertEquals(ms(10), sim.last("L").tsEvent());
        assertEquals(ms(12), sim.last("L").tsRecv());
    }

    @Test
    void aCancelStillInFlightLosesTheRaceToAFill() {
        Sim sim = new Sim(config(10, 0, 0, QueueModel.TRADE_THROUGH), List.of(esPlain()))
                .feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 1, "4499.75")));
        sim.feed(trade(10, "4500.00", 1));
        sim.venue.send(new OrderCommand.Cancel(ES, "L")); // sent at ms 10, arrives at ms 20
        assertEquals(1, sim.venue.commandsInFlight());
        sim.feed(trade(15, "4499.50", 5), trade(20, "4500.00", 1));
        assertEquals(List.of(Kind.ACCEPTED, Kind.FILLED, Kind.CANCEL_REJECTED), sim.kinds("L"));
        assertEquals(qty(1), sim.position());
    }

    @Test
    void aVenueFedBehindTheEngineRefusesOrders() {
        long[] engine = {ms(0)};
        SimulatedVenue venue = new SimulatedVenue(config(0, 0, 0, QueueModel.TRADE_THROUGH), List.of(esPlain()),
                e -> true, () -> engine[0]);
        venue.onEvent(trade(0, "4500.00", 1));
        venue.send(new OrderCommand.Submit(market("A", Side.BUY, 1))); // in step: fine
        engine[0] = ms(5); // the engine has seen an event at ms 5 the venue has not
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> venue.send(new OrderCommand.Submit(market("B", Side.BUY, 1))));
        assertEquals(true, e.getMessage().contains("is behind the engine"), e.getMessage());
    }
}
