package dev.flof.host.venue;

import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.OrderCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Random tapes with long brackets sent, modified and cancelled at random: whatever happens, every position
 * is exactly covered by resting stops, nothing flips short, fills respect their limits and stop fills are
 * never better than the print that triggered them, and the account adds up.
 */
class BracketPropertiesTest {
    @Property(tries = 150)
    void bracketsKeepEveryPositionProtected(@ForAll long seed) {
        Random r = new Random(seed);
        QueueModel queue = r.nextBoolean() ? QueueModel.QUEUE_POSITION : QueueModel.TRADE_THROUGH;
        VenueConfig c = new VenueConfig("CME", r.nextInt(3) * 1_000_000L, r.nextInt(3) * 1_000_000L, r.nextInt(3), queue,
                Fixed.ofUnits(1_000_000), "USD");
        Sim sim = new Sim(c, List.of(new InstrumentTerms(ES_INSTRUMENT, FeeModel.PerContract.esInteractiveBrokers(),
                new MarginModel.None())));
        long tick = ES_INSTRUMENT.tickSize();
        long price = px("4500");
        Map<Long, Long> printAt = new HashMap<>();
        Map<String, Long> entryLimit = new HashMap<>();
        List<String> groups = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            int action = r.nextInt(10);
            if (action < 6 || t == 0) {
                price += (r.nextInt(7) - 3) * tick;
                if (r.nextInt(40) == 0) {
                    price += (r.nextInt(2) == 0 ? -1 : 1) * 12 * tick; // a gap
                }
                if (r.nextInt(4) == 0) {
                    sim.feed(new dev.flof.spi.event.Quote(ES, ms(t), ms(t), 0, price - tick, qty(1 + r.nextInt(5)),
                            price, qty(1 + r.nextInt(5))));
                } else {
                    sim.feed(trade(t, Fixed.format(price), 1 + r.nextInt(4)));
                    printAt.put(ms(t), price);
                }
            } else if (action < 8) {
                String id = "G" + t;
                long entry = price - r.nextInt(5) * tick;
                long stop = entry - (2 + r.nextInt(8)) * tick;
                long target = entry + (2 + r.nextInt(8)) * tick;
                long n = 1 + r.nextInt(3);
                sim.venue.send(new OrderCommand.SubmitBracket(bracket(id, limit(id + "E", Side.BUY, n, Fixed.format(entry)),
                        stop(id + "S", Side.SELL, n, Fixed.format(stop)), limit(id + "T", Side.SELL, n, Fixed.format(target)))));
                entryLimit.put(id + "E", entry);
                groups.add(id);
                sim.feed(quoteless(t));
            } else if (action == 8 && !groups.isEmpty()) {
                String g = groups.get(r.nextInt(groups.size()));
                sim.venue.send(new OrderCommand.Cancel(ES, g + "E"));
                sim.feed(quoteless(t));
            } else if (!groups.isEmpty()) {
                String g = groups.get(r.nextInt(groups.size()));
                sim.venue.send(new OrderCommand.Modify(ES, g + "S", 0, 0, price - (1 + r.nextInt(6)) * tick));
                sim.feed(quoteless(t));
            }
            check(sim, printAt, entryLimit);
        }
        boolean stopped = sim.events.stream().anyMatch(e -> e.isFill() && e.clientOrderId().endsWith("S"));
        boolean target = sim.events.stream().anyMatch(e -> e.isFill() && e.clientOrderId().endsWith("T"));
        boolean partial = sim.events.stream().anyMatch(e -> e.kind() == OrderEvent.Kind.PARTIALLY_FILLED);
        Statistics.label("stop filled").collect(stopped);
        Statistics.label("target filled").collect(target);
        Statistics.label("partial fills").collect(partial);
    }

    /** A zero-size print at an impossible price would distort matching; instead advance time only. */
    private static dev.flof.spi.event.TimerEvent quoteless(int t) {
        return new dev.flof.spi.event.TimerEvent("tick", ms(t), ms(t), 0);
    }

    private static void check(Sim sim, Map<Long, Long> printAt, Map<String, Long> entryLimit) {
        SimulatedVenue v = sim.venue;
        long position = v.position(ES).quantity();
        assertTrue(position >= 0, "a long-only bracket book never goes short");
        assertNull(ProtectionInvariant.violation(v));
        assertEquals(position, v.restingStopQuantity(ES, Side.SELL), "stops cover exactly the position");
        long net = 0;
        long fees = 0;
        for (Execution x : v.executionsSince(0)) {
            net += x.side() == Side.BUY ? x.quantity() : -x.quantity();
            fees += x.fee();
        }
        assertEquals(position, net);
        AccountSnapshot a = v.account();
        assertEquals(fees, a.fees());
        assertEquals(Fixed.ofUnits(1_000_000) + a.realizedPnl() - a.fees(), a.balance());
        for (OrderEvent e : sim.events) {
            if (!e.isFill()) {
                continue;
            }
            Long limit = entryLimit.get(e.clientOrderId());
            if (limit != null) {
                assertTrue(e.fillPrice() <= limit, "buy limit filled above its limit: " + e);
            }
            if (e.clientOrderId().endsWith("S")) {
                Long print = printAt.get(e.tsEvent());
                assertTrue(print != null && e.fillPrice() <= print, "stop filled better than its print: " + e);
            }
        }
    }

    /** The same book of long brackets on a bars-only tape: protection holds along every bar's path. */
    @Property(tries = 100)
    void bracketsStayProtectedOnBars(@ForAll long seed) {
        Random r = new Random(seed);
        int slip = r.nextInt(2);
        VenueConfig c = new VenueConfig("CME", 0, 0, slip, QueueModel.TRADE_THROUGH, Fixed.ofUnits(1_000_000), "USD");
        Sim sim = new Sim(c, List.of(esPlain()));
        long tick = ES_INSTRUMENT.tickSize();
        long close = px("4500");
        Map<Long, long[]> range = new HashMap<>();
        Map<String, Long> limits = new HashMap<>();
        for (int t = 1; t <= 150; t++) {
            if (r.nextInt(3) == 0) {
                String id = "G" + t;
                long entry = close - r.nextInt(6) * tick;
                long n = 1 + r.nextInt(3);
                long target = entry + (2 + r.nextInt(8)) * tick;
                sim.venue.send(new OrderCommand.SubmitBracket(bracket(id, limit(id + "E", Side.BUY, n, Fixed.format(entry)),
                        stop(id + "S", Side.SELL, n, Fixed.format(entry - (2 + r.nextInt(8)) * tick)),
                        limit(id + "T", Side.SELL, n, Fixed.format(target)))));
                limits.put(id + "E", entry);
                limits.put(id + "T", target);
            }
            long open = close + (r.nextInt(10) == 0 ? (r.nextInt(21) - 10) * tick : 0);
            close = open + (r.nextInt(13) - 6) * tick;
            long high = Math.max(open, close) + r.nextInt(4) * tick;
            long low = Math.min(open, close) - r.nextInt(4) * tick;
            long volume = r.nextInt(3) == 0 ? 0 : r.nextInt(12);
            sim.feed(new dev.flof.spi.event.Bar(ES, dev.flof.spi.market.Timeframe.M1, ms(t * 60_000L - 60_000), ms(t * 60_000L),
                    ms(t * 60_000L), 0, open, high, low, close, qty(volume), 0, 0, 0, close));
            range.put(ms(t * 60_000L), new long[] {low - slip * tick, high + slip * tick});
            long position = sim.venue.position(ES).quantity();
            assertTrue(position >= 0);
            assertNull(ProtectionInvariant.violation(sim.venue));
            assertEquals(position, sim.venue.restingStopQuantity(ES, Side.SELL));
        }
        for (OrderEvent e : sim.events) {
            if (!e.isFill()) {
                continue;
            }
            Long limit = limits.get(e.clientOrderId());
            if (limit != null) {
                // a limit fills at its price or better; a resting one the market gapped through fills at its price
                assertTrue(e.side() == Side.BUY ? e.fillPrice() <= limit : e.fillPrice() >= limit, "limit violated: " + e);
            } else {
                long[] lh = range.get(e.tsEvent());
                assertTrue(e.fillPrice() >= lh[0] && e.fillPrice() <= lh[1], "stop fill outside its bar's range: " + e);
            }
        }
        Statistics.label("bar fills").collect(sim.events.stream().anyMatch(OrderEvent::isFill));
    }
}
