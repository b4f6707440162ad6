package dev.flof.host.shocklab;

import dev.flof.host.protect.StopEscalation;
import dev.flof.host.protect.EsSessionPolicy;
import dev.flof.host.protect.NewsBlackout;
import dev.flof.host.protect.LiquidationGuard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.venue.FeeModel;
import dev.flof.host.venue.InstrumentTerms;
import dev.flof.host.venue.MarginModel;
import dev.flof.host.venue.QueueModel;
import dev.flof.host.venue.SimulatedVenue;
import dev.flof.host.venue.VenueConfig;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protections issue 11 adds, each on its own, with hand-computed expectations. */
class ProtectionComponentsTest {
    static final long S = 1_000_000_000L;

    static long px(String p) {
        return Fixed.parse(p);
    }

    // ------------------------------------------------------------------ news blackout

    @Test
    void theNewsCalendarBlocksFromMinutesBeforeToMinutesAfter(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("news.csv");
        Files.writeString(f, "# US releases\n\n2026-12-10T13:30:00Z,CPI,5,15\n2026-12-16T19:00:00Z, FOMC ,30,60\n");
        NewsBlackout n = NewsBlackout.load(f);
        assertEquals(2, n.releases().size());
        long cpi = Scenarios.at("2026-12-10T13:30:00Z");
        assertNull(n.entryBlocked(cpi - 5 * 60 * S - 1), "one ns before the window");
        assertTrue(n.entryBlocked(cpi - 5 * 60 * S).contains("CPI"));
        assertTrue(n.entryBlocked(cpi + 15 * 60 * S - 1).contains("CPI"));
        assertNull(n.entryBlocked(cpi + 15 * 60 * S), "the window is half-open");
        assertTrue(n.entryBlocked(Scenarios.at("2026-12-16T18:30:00Z")).contains("FOMC"));
    }

    @Test
    void aMalformedCalendarLineNamesFileAndLine() {
        NewsBlackout.CalendarException e = assertThrows(NewsBlackout.CalendarException.class,
                () -> NewsBlackout.parse("news.csv", List.of("# x", "2026-12-10T13:30:00Z,CPI,5,15", "2026-12-10 13:30,NFP,5,5")));
        assertTrue(e.getMessage().startsWith("news.csv:3: "), e.getMessage());
        e = assertThrows(NewsBlackout.CalendarException.class,
                () -> NewsBlackout.parse("news.csv", List.of("2026-12-10T13:30:00Z,CPI,five,15")));
        assertTrue(e.getMessage().contains("news.csv:1: minutesBefore"), e.getMessage());
        e = assertThrows(NewsBlackout.CalendarException.class, () -> NewsBlackout.parse("n", List.of("2026-12-10T13:30:00Z,CPI,5")));
        assertTrue(e.getMessage().startsWith("n:1: expected"), e.getMessage());
    }

    // ------------------------------------------------------------------ ES session policy

    @Test
    void noEntriesInTheLastMinutesBeforeTheBreakAndTheWeekendClose() {
        EsSessionPolicy p = new EsSessionPolicy(15, true, 10);
        // November: CST = UTC-6. Tuesday 15:44:59 CT is open; 15:45 CT is within 15 minutes of the 16:00 break.
        assertNull(p.entryBlocked(Scenarios.at("2026-11-17T21:44:59Z")));
        assertTrue(p.entryBlocked(Scenarios.at("2026-11-17T21:45:00Z")).contains("maintenance break"));
        assertTrue(p.entryBlocked(Scenarios.at("2026-11-17T22:30:00Z")).contains("closed"), "16:30 CT is the break");
        assertNull(p.entryBlocked(Scenarios.at("2026-11-17T23:00:00Z")), "17:00 CT reopens");
        assertTrue(p.entryBlocked(Scenarios.at("2026-11-20T21:50:00Z")).contains("weekend close"));
        assertTrue(p.entryBlocked(Scenarios.at("2026-11-21T15:00:00Z")).contains("closed"), "Saturday");
        assertTrue(p.entryBlocked(Scenarios.at("2026-11-22T22:59:59Z")).contains("closed"), "Sunday before 17:00 CT");
        assertNull(p.entryBlocked(Scenarios.at("2026-11-22T23:00:00Z")), "Sunday 17:00 CT open");
        // flat before the weekend: Friday from 15:50 CT, not on a Thursday at the same time
        assertTrue(p.mustBeFlat(Scenarios.at("2026-11-20T21:50:00Z")));
        assertTrue(!p.mustBeFlat(Scenarios.at("2026-11-20T21:49:59Z")));
        assertTrue(!p.mustBeFlat(Scenarios.at("2026-11-19T21:55:00Z")));
        assertTrue(!new EsSessionPolicy(15, false, 10).mustBeFlat(Scenarios.at("2026-11-20T21:55:00Z")));
    }

    @Test
    void summerTimeMovesTheCloseInUtc() {
        // July: CDT = UTC-5, so 16:00 CT is 21:00 UTC; 20:45 UTC is 15:45 CT.
        EsSessionPolicy p = EsSessionPolicy.defaults();
        assertTrue(p.entryBlocked(Scenarios.at("2026-07-14T20:45:00Z")).contains("maintenance break"));
        assertNull(p.entryBlocked(Scenarios.at("2026-07-14T20:44:00Z")));
    }

    @Test
    void theCalendarFormHonoursHolidayEarlyCloses() {
        // CME holiday table: Thanksgiving 2026-11-26 closes 13:00 ET, Friday 2026-11-27 closes 13:15 ET (18:15 UTC).
        dev.flof.host.calendar.ExchangeCalendar cme = new dev.flof.host.calendar.CmeGlobexEquityCalendar();
        EsSessionPolicy p = new EsSessionPolicy(15, true, 10);
        long blackFridayNoonCt = Scenarios.at("2026-11-27T18:00:00Z");
        assertNull(p.entryBlocked(blackFridayNoonCt), "the plain rule only knows the 16:00 CT close");
        assertTrue(p.entryBlocked(blackFridayNoonCt, cme).contains("weekend close"), p.entryBlocked(blackFridayNoonCt, cme));
        assertNull(p.entryBlocked(Scenarios.at("2026-11-27T17:59:59Z"), cme));
        assertTrue(p.mustBeFlat(Scenarios.at("2026-11-27T18:05:00Z"), cme));
        assertTrue(p.entryBlocked(Scenarios.at("2026-11-27T18:15:00Z"), cme).contains("closed"));
        // Thanksgiving: 12:50 ET is within 15 minutes of the 13:00 ET holiday close; it reopens at 18:00 ET
        assertTrue(p.entryBlocked(Scenarios.at("2026-11-26T17:50:00Z"), cme).contains("holiday close"));
        assertTrue(p.mustBeFlat(Scenarios.at("2026-11-26T17:50:00Z"), cme));
        // a regular Tuesday: the 17:00 ET break is a maintenance break, no forced flat
        assertTrue(p.entryBlocked(Scenarios.at("2026-11-17T21:50:00Z"), cme).contains("maintenance break"));
        assertTrue(!p.mustBeFlat(Scenarios.at("2026-11-17T21:55:00Z"), cme));
    }

    // ------------------------------------------------------------------ liquidation guard

    @Test
    void liquidationIsKeptBeyondTheStopAndLeverageIsCapped() {
        LiquidationGuard g = new LiquidationGuard(50, new BigDecimal("0.004"), new BigDecimal("3"));
        // long 60000 at 5x: 60000 x (1 - 0.2 + 0.004) = 48240
        assertEquals(px("48240"), g.liquidationPrice(Side.BUY, px("60000"), 5));
        // short 60000 at 10x: 60000 x (1 + 0.1 - 0.004) = 65760
        assertEquals(px("65760"), g.liquidationPrice(Side.SELL, px("60000"), 10));
        // stop 600 away needs liquidation 1800 away: 50x gives 60000 x 0.984 = 59040 (960 away): refused
        assertTrue(g.vet(Side.BUY, px("60000"), px("59400"), 50).contains("59040"));
        // 1/L - 0.004 >= 0.03 -> L <= 29.41: 29x is the highest accepted
        assertEquals(29, g.maxSafeLeverage(Side.BUY, px("60000"), px("59400")));
        assertNull(g.vet(Side.BUY, px("60000"), px("59400"), 29));
        assertTrue(LiquidationGuard.defaults().vet(Side.BUY, px("60000"), px("59400"), 10).contains("above the cap of 5x"));
    }

    // ------------------------------------------------------------------ stop escalation

    static OrderEvent ev(String id, OrderEvent.Kind kind, long ts, String reason) {
        return new OrderEvent("CME", "ESZ6", ts, ts, 0, id, "v", kind, Side.SELL, 0, 0, 1, 0, reason);
    }

    @Test
    void aTriggeredStopLimitEscalatesAfterTheGraceAndOnlyOnce() {
        StopEscalation esc = new StopEscalation(500_000_000L, sym -> Fixed.ofUnits(2));
        esc.watch("S1", "ESZ6", Side.SELL);
        assertEquals(List.of(), esc.onEvent(ev("S1", OrderEvent.Kind.TRIGGERED, 10 * S, "")));
        assertEquals(List.of(), esc.onEvent(new TimerEvent("t", 10 * S + 499_999_999L, 10 * S + 499_999_999L, 0)));
        List<OrderCommand> out = esc.onEvent(new TimerEvent("t", 10 * S + 500_000_000L, 10 * S + 500_000_000L, 0));
        assertEquals(1, out.size());
        Order o = ((OrderCommand.Submit) out.get(0)).order();
        assertEquals(Side.SELL, o.side());
        assertEquals(OrderType.MARKET, o.type());
        assertEquals(Fixed.ofUnits(2), o.quantity());
        assertTrue(o.reduceOnly());
        assertEquals(List.of(), esc.onEvent(new TimerEvent("t", 12 * S, 12 * S, 0)), "one exit per symbol");
    }

    @Test
    void aFilledStopDoesNotEscalateButARejectedOneDoesAtOnce() {
        StopEscalation esc = new StopEscalation(500_000_000L, sym -> Fixed.ofUnits(-1));
        esc.watch("S1", "ESZ6", Side.BUY);
        esc.onEvent(ev("S1", OrderEvent.Kind.TRIGGERED, S, ""));
        esc.onEvent(ev("S1", OrderEvent.Kind.FILLED, S, ""));
        assertEquals(List.of(), esc.onEvent(new TimerEvent("t", 5 * S, 5 * S, 0)));
        esc.watch("S2", "ESZ6", Side.BUY);
        List<OrderCommand> out = esc.onEvent(ev("S2", OrderEvent.Kind.REJECTED, 6 * S, "-2021 Order would immediately trigger."));
        assertEquals(Side.BUY, ((OrderCommand.Submit) out.get(0)).order().side(), "a short is closed by a buy");
        assertEquals(1, esc.log().size());
    }

    // ------------------------------------------------------------------ reconciler

    @Test
    void reconciliationProtectsANakedPositionAndExitsWhenTheStopIsAlreadyThrough() {
        ArrayDeque<Event> sink = new ArrayDeque<>();
        SimulatedVenue v = new SimulatedVenue(new VenueConfig("CME", 0, 0, 0, QueueModel.TRADE_THROUGH, Fixed.ofUnits(100_000), "USD"),
                List.of(new InstrumentTerms(Scenarios.ES, new FeeModel.None(), new MarginModel.None())), sink::offerLast);
        ShockTape t = new ShockTape(Scenarios.ES, 1);
        t.print(S, px("5000"), Fixed.ofUnits(1)).print(2 * S, px("5000"), Fixed.ofUnits(1));
        List<Event> tape = t.build();
        v.onEvent(tape.get(0));
        v.onEvent(tape.get(1));
        v.send(new OrderCommand.Submit(new Order("E", "ESZ6", Side.BUY, OrderType.MARKET, Fixed.ofUnits(1), 0, 0, TimeInForce.GTC, false)));
        v.onEvent(tape.get(2));
        v.onEvent(tape.get(3));
        assertEquals(Fixed.ofUnits(1), v.position("ESZ6").quantity());

        Reconciler rec = new Reconciler(px("5"));
        Reconciler.Plan p = rec.reconcile(v, s -> 0, s -> px("4999"), s -> 0);
        assertTrue(p.blockEntries());
        Order stop = ((OrderCommand.Submit) p.commands().get(0)).order();
        assertEquals(OrderType.STOP, stop.type());
        assertEquals(px("4995"), stop.stopPrice(), "average 5000 minus the 5-point emergency distance");
        assertTrue(stop.reduceOnly());

        Reconciler.Plan through = rec.reconcile(v, s -> px("4996"), s -> px("4990"), s -> Fixed.ofUnits(1));
        assertTrue(!through.blockEntries(), "FLOF's book agrees with the venue");
        Order exit = ((OrderCommand.Submit) through.commands().get(0)).order();
        assertEquals(OrderType.MARKET, exit.type(), "4990 is through the known stop 4996: a stop would be rejected");
    }

    @Test
    void aBracketStopAtTheVenueIsEnoughForReconciliation() {
        ArrayDeque<Event> sink = new ArrayDeque<>();
        SimulatedVenue v = new SimulatedVenue(new VenueConfig("CME", 0, 0, 0, QueueModel.TRADE_THROUGH, Fixed.ofUnits(100_000), "USD"),
                List.of(new InstrumentTerms(Scenarios.ES, new FeeModel.None(), new MarginModel.None())), sink::offerLast);
        ShockTape t = new ShockTape(Scenarios.ES, 1);
        t.print(S, px("5000"), Fixed.ofUnits(1)).print(2 * S, px("5000"), Fixed.ofUnits(1));
        List<Event> tape = t.build();
        v.onEvent(tape.get(0));
        v.onEvent(tape.get(1));
        Order e = new Order("E", "ESZ6", Side.BUY, OrderType.MARKET, Fixed.ofUnits(1), 0, 0, TimeInForce.GTC, false);
        Order s = new Order("S", "ESZ6", Side.SELL, OrderType.STOP, Fixed.ofUnits(1), 0, px("4995"), TimeInForce.GTC, true);
        v.send(new OrderCommand.SubmitBracket(new BracketOrder("G", e, s, null)));
        v.onEvent(tape.get(2));
        v.onEvent(tape.get(3));
        Reconciler.Plan p = new Reconciler(px("5")).reconcile(v, x -> 0, x -> px("5000"), x -> Fixed.ofUnits(1));
        assertEquals(List.of(), p.commands());
        assertEquals(List.of("S"), p.stopIds());
    }

    // ------------------------------------------------------------------ tape

    @Test
    void theWalkEndsAtItsAnchorAndStaysInItsBandWhateverTheSeed() {
        for (long seed = 1; seed <= 20; seed++) {
            ShockTape t = new ShockTape(Scenarios.ES, seed);
            t.walk(0, 300 * S, S, px("5000"), px("4999.75"), px("4997"), px("5003"));
            assertEquals(px("4999.75"), t.last(), "seed " + seed);
            for (Event e : t.build()) {
                if (e instanceof dev.flof.spi.event.Trade tr) {
                    assertTrue(tr.price() >= px("4997") && tr.price() <= px("5003"), "seed " + seed + " " + tr);
                }
            }
        }
    }
}
