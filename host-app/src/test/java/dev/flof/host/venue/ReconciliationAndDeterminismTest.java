package dev.flof.host.venue;

import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.OrderEvent.Kind;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.Position;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationAndDeterminismTest {
    @Test
    void reconciliationQueriesReportWhatTheVenueHolds() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 5, "4499.75")));
        sim.venue.send(new OrderCommand.SubmitBracket(bracket("G", limit("E", Side.BUY, 1, "4490.00"),
                stop("S", Side.SELL, 1, "4485.00"), null)));
        sim.feed(trade(1, "4499.50", 2));
        // L: venue id CME-1, 2 of 5 filled; the bracket's entry CME-2 and its dormant stop CME-3
        assertEquals(List.of(
                new WorkingOrder(limit("L", Side.BUY, 5, "4499.75"), "CME-1", null, qty(2)),
                new WorkingOrder(limit("E", Side.BUY, 1, "4490.00"), "CME-2", "G", 0),
                new WorkingOrder(stop("S", Side.SELL, 1, "4485.00"), "CME-3", "G", 0)), sim.venue.openOrders());
        assertEquals(List.of(new Position("CME", ES, qty(2), px("4499.75"))), sim.venue.positions());
        assertEquals(List.of(new Execution("CME-X1", "L", ES, Side.BUY, px("4499.75"), qty(2), 0, ms(1))),
                sim.venue.executionsSince(ms(1)));
        assertEquals(List.of(), sim.venue.executionsSince(ms(2)));
    }

    @Test
    void dayOrdersExpireAtTheSessionCloseTheCallerGives() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        Order day = new Order("D", ES, Side.BUY, OrderType.LIMIT, qty(1), px("4490.00"), 0, TimeInForce.DAY, false);
        sim.venue.send(new OrderCommand.Submit(day));
        sim.venue.send(new OrderCommand.Submit(limit("G", Side.BUY, 1, "4490.00")));
        sim.feed(trade(1, "4500.00", 1));
        sim.venue.expireDayOrders(ES, ms(100));
        assertEquals(List.of(Kind.ACCEPTED, Kind.EXPIRED), sim.kinds("D"));
        assertEquals(ms(100), sim.last("D").tsEvent());
        assertEquals(List.of(Kind.ACCEPTED), sim.kinds("G"));
    }

    @Test
    void ordersForUnknownSymbolsAndDuplicateIdsAreRejected() {
        Sim sim = sim().feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(new Order("X", "NQZ6", Side.BUY, OrderType.MARKET, qty(1), 0, 0,
                TimeInForce.GTC, false)));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 1, "4490.00")));
        sim.venue.send(new OrderCommand.Submit(limit("L", Side.BUY, 1, "4491.00")));
        sim.feed(trade(1, "4500.00", 1));
        assertEquals("unknown symbol NQZ6 at venue CME", sim.last("X").reason());
        assertEquals(List.of(Kind.ACCEPTED, Kind.REJECTED), sim.kinds("L"));
        assertEquals("duplicate clientOrderId L", sim.last("L").reason());
    }

    /** A tape mixing quotes, depth, trades and both instruments, with orders sent along the way. */
    private static List<OrderEvent> run() {
        VenueConfig c = new VenueConfig("MIX", 3_000_000, 1_000_000, 1, QueueModel.QUEUE_POSITION, Fixed.ofUnits(1_000_000), "USD");
        Sim sim = new Sim(c, List.of(esPlain(), new InstrumentTerms(BTC_INSTRUMENT, FeeModel.MakerTaker.binanceUsdM(),
                new MarginModel.None())));
        Event[] tape = {
                quote(0, "4500.00", 4, "4500.25", 6), trade(BTC, 1, "60000.0", px("0.2")), trade(2, "4500.25", 2),
                depth(3, new String[][] {{"4500.00", "3"}, {"4499.75", "8"}}, new String[][] {{"4500.25", "1"}, {"4500.50", "9"}}),
                trade(4, "4500.00", 3), trade(BTC, 5, "59990.0", px("0.5")), trade(6, "4499.75", 4), trade(7, "4499.50", 9),
                quote(8, "4499.50", 2, "4499.75", 3), trade(9, "4498.00", 5), trade(BTC, 10, "60050.0", px("1")),
                trade(11, "4502.25", 5), trade(12, "4502.00", 1)};
        for (int i = 0; i < tape.length; i++) {
            sim.venue.onEvent(tape[i]);
            switch (i) {
                case 0 -> sim.venue.send(new OrderCommand.SubmitBracket(bracket("G", limit("E", Side.BUY, 3, "4500.00"),
                        stop("S", Side.SELL, 3, "4498.50"), limit("T", Side.SELL, 3, "4502.00"))));
                case 1 -> sim.venue.send(new OrderCommand.Submit(new Order("C", BTC, Side.BUY, OrderType.MARKET,
                        px("0.3"), 0, 0, TimeInForce.GTC, false)));
                case 3 -> sim.venue.send(new OrderCommand.Submit(market("M", Side.BUY, 2)));
                case 6 -> sim.venue.send(new OrderCommand.Modify(ES, "S", 0, 0, px("4498.25")));
                default -> {
                }
            }
        }
        sim.venue.advanceTo(ms(1_000));
        return sim.events;
    }

    @Test
    void theSameTapeGivesTheSameEventsEveryTime() {
        List<OrderEvent> first = run();
        assertEquals(first, run());
        // published in receive-time order with a gap-free venue sequence
        for (int i = 0; i < first.size(); i++) {
            assertEquals(i + 1, first.get(i).sequence());
            if (i > 0) {
                assertEquals(true, first.get(i - 1).tsRecv() <= first.get(i).tsRecv());
            }
        }
        assertEquals(true, first.stream().anyMatch(e -> e.clientOrderId().equals("C") && e.kind() == Kind.FILLED));
    }

    @Test
    void theExtensionConnectsASessionFromParams() {
        var venue = new SimulatedExecutionVenue(List.of(esPlain()));
        var events = new java.util.ArrayList<Event>();
        var params = new dev.flof.spi.ext.Params("venues.sim", java.util.Map.of("venue-id", "PAPER",
                "starting-balance", "50000", "send-latency-us", "1500"));
        SimulatedVenue session = venue.connect(new dev.flof.spi.ext.ExecutionVenue.Context(params, events::add, null, () -> 0L));
        assertEquals("PAPER", session.config().venueId());
        assertEquals(1_500_000L, session.config().sendLatencyNanos());
        assertEquals(px("50000"), session.account().equity());
        assertNull(ProtectionInvariant.violation(session));
    }
}
