package dev.flof.risk.breakers;

import static dev.flof.risk.breakers.Cmds.at;
import static dev.flof.risk.breakers.Cmds.bracket;
import static dev.flof.risk.breakers.Cmds.fill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.CircuitBreaker.Guard;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.BreakerAction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverlordBreakerTest {
    static Guard guard(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of("maxPositionSize.ESZ5", "5", "equity", "100000",
                "pointValue.ESZ5", "50"));
        p.putAll(extra);
        return new OverlordBreaker().create(new Params("breakers.overlord", p));
    }

    static long one() {
        return Fixed.ofUnits(1);
    }

    @Test
    void hundredOrdersInTwoSecondsFourthVetoedAndOneFlatten() {
        Guard g = guard(Map.of());
        int passed = 0;
        String fourth = null;
        for (int i = 0; i < 100; i++) {
            String r = g.vet(bracket("e" + i, one()), at(i * 0.02));
            if (r == null) {
                passed++;
            } else if (fourth == null) {
                fourth = r;
                assertEquals(3, i, "the fourth order is the first vetoed");
            }
        }
        assertEquals(3, passed);
        assertTrue(fourth.contains("order spam") && fourth.contains("3 new-exposure orders in the last 60 s"), fourth);
        List<BreakerAction> actions = g.onEvent(Cmds.trade(at(2.0), "4500"));
        assertEquals(1, actions.size(), actions.toString());
        assertEquals(BreakerAction.Kind.FLATTEN, actions.get(0).kind());
        assertEquals("overlord", actions.get(0).breaker());
        assertEquals(at(0.06), actions.get(0).tsEvent());
        assertEquals(List.of(), g.onEvent(Cmds.trade(at(2.1), "4500")), "FLATTEN is sent once");
        // tripped for good: even an hour later nothing new passes
        assertTrue(g.vet(bracket("late", one()), at(7200)).contains("overlord tripped"));
    }

    @Test
    void windowsRoll() {
        Guard g = guard(Map.of("maxAckLatencyMs", "100000000")); // no venue answers in this test
        assertNull(g.vet(bracket("a", one()), at(0)));
        assertNull(g.vet(bracket("b", one()), at(1)));
        assertNull(g.vet(bracket("c", one()), at(2)));
        assertNull(g.vet(bracket("d", one()), at(60.5)), "the first order left the 60 s window");
        assertEquals(List.of(), g.onEvent(Cmds.timer(at(60.5))));
    }

    @Test
    void tenPerHour() {
        Guard g = guard(Map.of("maxAckLatencyMs", "100000000"));
        for (int i = 0; i < 10; i++) {
            assertNull(g.vet(bracket("o" + i, one()), at(i * 21)), "order " + i);
        }
        String r = g.vet(bracket("o10", one()), at(210));
        assertNotNull(r);
        assertTrue(r.contains("10 new-exposure orders in the last 3600 s"), r);
        assertEquals(BreakerAction.Kind.FLATTEN, g.onEvent(Cmds.timer(at(210))).get(0).kind());
    }

    @Test
    void fatFingerTenTimesTheSizeIsVetoedAndFlattens() {
        Guard g = guard(Map.of("maxPositionSize.ESZ5", "2"));
        String r = g.vet(bracket("big", Fixed.ofUnits(20)), at(0));
        assertNotNull(r);
        assertTrue(r.contains("fat finger") && r.contains("20 ESZ5 above maxPositionSize 2"), r);
        List<BreakerAction> a = g.onEvent(Cmds.timer(at(0.001)));
        assertEquals(BreakerAction.Kind.FLATTEN, a.get(0).kind());
    }

    @Test
    void withinSizeButPositionWouldExceedIsOnlyVetoed() {
        Guard g = guard(Map.of("maxPositionSize.ESZ5", "2"));
        assertNull(g.vet(bracket("a", Fixed.ofUnits(2)), at(0)));
        g.onEvent(fill(at(0.1), "a", Side.BUY, "4500", Fixed.ofUnits(2)));
        String r = g.vet(bracket("b", one()), at(1));
        assertTrue(r.contains("would take the ESZ5 position to 3"), r);
        assertEquals(List.of(), g.onEvent(Cmds.timer(at(1.1))), "no flatten for a size limit hit");
    }

    @Test
    void aSymbolWithoutMaxPositionSizeFailsClosed() {
        Guard g = guard(Map.of());
        String r = g.vet(bracket("btc", "BTCUSDT", Side.BUY, Fixed.parse("0.01")), at(0));
        assertTrue(r.contains("no maxPositionSize configured for BTCUSDT"), r);
    }

    /** Buy 1 at 4500 then sell 1 at {@code exit}: -50 USD per point lost. */
    private static List<BreakerAction> roundTrip(Guard g, int n, String exit) {
        g.onEvent(fill(at(n * 100), "b" + n, Side.BUY, "4500", one()));
        return g.onEvent(fill(at(n * 100 + 50), "s" + n, Side.SELL, exit, one()));
    }

    @Test
    void fiveLosingTradesInARowFlattenByDefault() {
        Guard g = guard(Map.of("equity", "1000000"));
        for (int i = 0; i < 4; i++) {
            assertEquals(List.of(), roundTrip(g, i, "4499"));
        }
        List<BreakerAction> a = roundTrip(g, 4, "4499");
        assertEquals(1, a.size());
        assertEquals(BreakerAction.Kind.FLATTEN, a.get(0).kind());
        assertTrue(a.get(0).reason().startsWith("5 consecutive losing trades (limit 5), last on ESZ5 -50.00"), a.get(0).reason());
    }

    @Test
    void sixLossesInARowWithALimitOfSix() {
        Guard g = guard(Map.of("equity", "1000000", "maxConsecutiveLosses", "6"));
        for (int i = 0; i < 5; i++) {
            assertEquals(List.of(), roundTrip(g, i, "4498"));
        }
        List<BreakerAction> a = roundTrip(g, 5, "4498");
        assertEquals(BreakerAction.Kind.FLATTEN, a.get(0).kind());
        assertTrue(a.get(0).reason().startsWith("6 consecutive losing trades"), a.get(0).reason());
    }

    @Test
    void aWinResetsTheStreak() {
        Guard g = guard(Map.of("equity", "1000000"));
        for (int i = 0; i < 4; i++) {
            roundTrip(g, i, "4499");
        }
        assertEquals(List.of(), roundTrip(g, 4, "4501"));
        for (int i = 5; i < 9; i++) {
            assertEquals(List.of(), roundTrip(g, i, "4499"), "loss " + i);
        }
    }

    @Test
    void minusThreePercentDayOnUnrealizedLoss() {
        // equity 100 000 -> limit 3 000 USD; long 2 ES at 4500: 30 pt x 2 x 50 = 3 000
        Guard g = guard(Map.of());
        g.onEvent(fill(at(0), "b", Side.BUY, "4500", Fixed.ofUnits(2)));
        assertEquals(List.of(), g.onEvent(Cmds.trade(at(1), "4471")));
        assertEquals(List.of(), g.onEvent(Cmds.trade(at(2), "4470")), "exactly at the limit is not beyond it");
        List<BreakerAction> a = g.onEvent(Cmds.trade(at(3), "4469.75"));
        assertEquals(BreakerAction.Kind.FLATTEN, a.get(0).kind());
        assertTrue(a.get(0).reason().startsWith("daily loss -3025.00 (realized 0.00, unrealized -3025.00) beyond the limit 3000.00"),
                a.get(0).reason());
    }

    @Test
    void realizedAndUnrealizedAddUpAndTheDayRolls() {
        Guard g = guard(Map.of("dailyLossLimit", "2500", "equity", "1000000"));
        // day 1 (UTC): lose 2 000 realized: 40 pt x 1 x 50
        g.onEvent(fill(at(0), "b1", Side.BUY, "4500", one()));
        assertEquals(List.of(), g.onEvent(fill(at(10), "s1", Side.SELL, "4460", one())));
        // the next UTC day starts fresh: another 2 000 loss is within 2 500
        long day2 = Cmds.T0 + 86_400L * Cmds.SEC;
        g.onEvent(fill(day2, "b2", Side.BUY, "4500", one()));
        assertEquals(List.of(), g.onEvent(fill(day2 + 10 * Cmds.SEC, "s2", Side.SELL, "4460", one())));
        // still day 2: a new long marked 11 pt down is 550 unrealized: 2 000 + 550 > 2 500
        g.onEvent(fill(day2 + 20 * Cmds.SEC, "b3", Side.BUY, "4500", one()));
        assertEquals(List.of(), g.onEvent(Cmds.quote("ESZ5", day2 + 21 * Cmds.SEC, "4490.00", "4490.25")));
        List<BreakerAction> a = g.onEvent(Cmds.quote("ESZ5", day2 + 22 * Cmds.SEC, "4489.00", "4489.25"));
        assertEquals(BreakerAction.Kind.FLATTEN, a.get(0).kind(), "marked at the bid it would exit at");
        assertTrue(a.get(0).reason().contains("realized -2000.00, unrealized -550.00"), a.get(0).reason());
    }

    @Test
    void staleTimestampsFlatten() {
        Guard g = guard(Map.of());
        assertEquals(List.of(), g.onEvent(Cmds.trade("ESZ5", at(0), at(0) + 500 * Cmds.MS, "4500")));
        List<BreakerAction> a = g.onEvent(Cmds.trade("ESZ5", at(1), at(1) + 501 * Cmds.MS, "4500"));
        assertEquals(BreakerAction.Kind.FLATTEN, a.get(0).kind());
        assertTrue(a.get(0).reason().startsWith("zombie feed: ESZ5: exchange time 501 ms behind receive time"), a.get(0).reason());
    }

    @Test
    void staleWhileTheVenueIsHaltedAsksOnlyForReduceOnly() {
        Guard g = guard(Map.of());
        g.onEvent(Cmds.venue(at(0), VenueStatus.Kind.HALTED));
        List<BreakerAction> a = g.onEvent(Cmds.trade("ESZ5", at(1), at(3), "4500"));
        assertEquals(BreakerAction.Kind.REDUCE_ONLY, a.get(0).kind());
    }

    @Test
    void arrivalGapModeForCoarseTimestamps() {
        Guard g = guard(Map.of("feedLagMode.ESZ5", "arrival", "maxArrivalGapMs", "5000"));
        // IB-style whole-second exchange times 900 ms behind: not a zombie in arrival mode
        assertEquals(List.of(), g.onEvent(Cmds.trade("ESZ5", at(0), at(0.9), "4500")));
        assertEquals(List.of(), g.onEvent(Cmds.trade("ESZ5", at(5), at(5.9), "4500")));
        assertEquals(List.of(), g.onEvent(Cmds.timer(at(10.8))));
        List<BreakerAction> a = g.onEvent(Cmds.timer(at(11)));
        assertEquals(BreakerAction.Kind.FLATTEN, a.get(0).kind());
        assertTrue(a.get(0).reason().contains("no data for 5100 ms"), a.get(0).reason());
    }

    @Test
    void slowAcknowledgementGoesReduceOnly() {
        Guard g = guard(Map.of());
        assertNull(g.vet(bracket("a", one()), at(0)));
        assertEquals(List.of(), g.onEvent(Cmds.accepted(at(1.9), "a")));
        assertNull(g.vet(bracket("b", one()), at(100)));
        List<BreakerAction> a = g.onEvent(Cmds.accepted(at(102.5), "b"));
        assertEquals(BreakerAction.Kind.REDUCE_ONLY, a.get(0).kind());
        assertTrue(a.get(0).reason().contains("answered after 2500 ms"), a.get(0).reason());
        // a later pillar still escalates to FLATTEN
        List<BreakerAction> z = g.onEvent(Cmds.trade("ESZ5", at(200), at(201), "4500"));
        assertEquals(BreakerAction.Kind.FLATTEN, z.get(0).kind());
    }

    @Test
    void noAnswerAtAllIsNoticedOnTheNextEvent() {
        Guard g = guard(Map.of("ackLatencyAction", "FLATTEN"));
        assertNull(g.vet(bracket("a", one()), at(0)));
        assertEquals(List.of(), g.onEvent(Cmds.timer(at(2))));
        assertEquals(BreakerAction.Kind.FLATTEN, g.onEvent(Cmds.timer(at(2.001))).get(0).kind());
    }

    @Test
    void commandsThatDoNotAddExposureAlwaysPassEvenWhenTripped() {
        Guard g = guard(Map.of("maxPositionSize.ESZ5", "2"));
        g.vet(bracket("big", Fixed.ofUnits(20)), at(0));
        for (OrderCommand c : Cmds.nonExposure()) {
            assertEquals(false, c.addsExposure());
            assertNull(g.vet(c, at(1)), c.toString());
        }
    }

    @Test
    void configErrorsNameTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OverlordBreaker().create(new Params("breakers.overlord", Map.of("maxPositionSize", "2"))));
        assertTrue(e.getMessage().contains("set equity (for dailyLossPct) or dailyLossLimit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> guard(Map.of("maxOrdersPerMinute", "3")));
        assertTrue(e.getMessage().startsWith("breakers.overlord.maxOrdersPerMinute: unknown key"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> guard(Map.of("feedLagMode.ESZ5", "exch")));
        assertTrue(e.getMessage().startsWith("breakers.overlord.feedLagMode.ESZ5"), e.getMessage());
    }
}
