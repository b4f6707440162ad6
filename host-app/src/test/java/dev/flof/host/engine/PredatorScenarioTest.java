package dev.flof.host.engine;

import static dev.flof.host.engine.Scenario.px;
import static dev.flof.host.engine.Scenario.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.journal.Journal;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Predator engine on crafted streams (issue 8), through the real backtest wiring. Expected numbers are
 * computed by hand in the comments from the scripted prints.
 */
class PredatorScenarioTest {
    /**
     * The A+ long: warm-up (ATR 2.00), a drop into the halo at 09:56, the previous-day low swept at 09:57:00,
     * the tap at 09:57:10, absorption + CVD divergence + stacked imbalances, then the 1m CHOCH with a fresh
     * 1m FVG (5002.50-5003.00) at the 09:59:00 close; the pullback fills the passive limit at 5003.00; the
     * rally reaches the 3R target.
     */
    static Scenario aPlusLong(boolean orderFlow) {
        Scenario s = new Scenario().warmUp()
                .trades("09:56:00", 20, "5008", "5006", "5004.5")
                .structure("09:57:00", "POOL_SWEPT", -1, "4999", "4999", "POOL:1D:3:PDL")
                .trades("09:57:10", 10, "5001.5", "5001", "5001.75", "5002.25")
                .trades("09:58:00", 20, "5002.5", "5004", "5006")
                .structure("09:59:00", "FVG_CREATED", 1, "5003", "5002.5", "FVG:1m:9")
                .structure("09:59:00", "CHOCH", 1, "5005", "5005", "")
                .trades("09:59:10", 20, "5005", "5004")
                .trades("10:00:00", 60, "5002.75", "5008", "5012", "5013.75", "5013");
        if (orderFlow) {
            s.signal("09:57:20", "ABSORPTION", Side.BUY, "5001")
                    .signal("09:57:20", "CVD_DIVERGENCE", Side.BUY, "5001")
                    .signal("09:57:40", "STACKED_IMBALANCE", Side.BUY, "5001.75");
        }
        return s;
    }

    @Test
    void aSweptPoiWithChochDisplacementAndAbsorptionGivesOneAPlusLong() {
        Rig rig = new Rig(aPlusLong(true)).run();
        Journal.GradedSetup setup = rig.onlySetup();
        assertEquals("A+", setup.grade());
        assertEquals(10, setup.points(), setup.factors().toString());
        assertEquals(Side.BUY, setup.side());
        assertEquals("ny-am", setup.killZone());
        assertTrue(setup.taken(), setup.reason());
        assertTrue(setup.reason().startsWith("passive 8 @ 5003"), setup.reason());

        // Entry 5003.00, stop 5000.00 - 2 ticks = 4999.50: 3.50 points x 50 = 175 per contract; 1.5 % of
        // 100,000 = 1,500 -> 8.57 -> 8 contracts. Target 5003 + 3 x 3.5 = 5013.50, hit by the 10:03 print.
        assertEquals(1, rig.journal.trades().size());
        Journal.TradeRecord tr = rig.journal.trades().get(0);
        assertEquals(px("5003"), tr.entryPrice());
        assertEquals(Fixed.ofUnits(8), tr.quantity());
        assertEquals(px("4999.5"), tr.initialStop());
        assertEquals(px("5013.5"), tr.target());
        assertEquals("target", tr.exitRule());
        assertEquals(3.0, tr.rMultiple());
        assertEquals(t("10:00:00"), tr.entryTs());
        assertEquals(t("10:03:00"), tr.exitTs());
        // gross 10.5 points x 50 x 8 = 4,200; fees are the venue's and are reported apart
        assertEquals(Fixed.ofUnits(4_200), tr.pnl() + tr.fees());
        assertTrue(tr.fees() > 0);
        assertEquals(List.of("entry", "exit"), tr.parts().stream().map(Journal.TradePart::kind).toList());

        List<String> path = rig.transitions().stream().map(x -> x.from() + ">" + x.to()).toList();
        assertEquals(List.of("SCOUTING>STALKING", "STALKING>KILL", "KILL>SCOUTING"), path);
        assertEquals(t("09:57:00"), rig.transitions().get(0).ts(), "halo reached at the 09:56 bar's close");
        assertTrue(rig.transitions().get(0).reason().contains("halo"), rig.transitions().get(0).reason());
        assertEquals(t("09:59:00"), rig.transitions().get(1).ts());
        // the cost valve: bars while scouting, the tape from the stalk until the trade is over
        List<String> tiers = rig.journal.tierChanges().stream().map(Journal.TierChange::tier).toList();
        assertEquals(List.of("BARS", "TAPE", "BARS"), tiers);
        assertTrue(rig.loop.checks() > 100, "invariants were checked after every event");
    }

    @Test
    void theSameWithoutOrderFlowConfirmationIsABAtHalfRisk() {
        Rig rig = new Rig(aPlusLong(false)).run();
        Journal.GradedSetup setup = rig.onlySetup();
        assertEquals("B", setup.grade());
        assertEquals(8, setup.points());
        Map<String, Integer> byFactor = new java.util.TreeMap<>();
        setup.factors().forEach(f -> byFactor.put(f.id(), f.points()));
        assertEquals(0, byFactor.get("order-flow"));
        assertTrue(setup.taken(), setup.reason());
        // half of 1,500 = 750 / 175 = 4.29 -> 4 contracts
        assertEquals(Fixed.ofUnits(4), rig.journal.trades().get(0).quantity());
    }

    /**
     * The extreme tape: at the tap the tape runs at 6x its baseline; absorption inside the POI (09:57:15) and the
     * delta flip (09:57:20) send a marketable limit capped 4 ticks above 5001.75 = 5002.75, filled by the next
     * print at 09:57:25, long before the 09:57 candle closes (09:58:00) and without any CHOCH.
     */
    @Test
    void anExtremeSpeedVReversalEntersBeforeTheCandleCloses() {
        Scenario s = new Scenario().warmUp()
                .trades("09:56:00", 20, "5008", "5006", "5004.5")
                .speed("09:57:05", 6.0)
                .structure("09:57:00", "POOL_SWEPT", -1, "4999", "4999", "POOL:1D:3:PDL")
                .trades("09:57:10", 5, "5001.5", "5000.75", "5001.75", "5002.25", "5004")
                .signal("09:57:10", "CVD_DIVERGENCE", Side.BUY, "5001.5")
                .signal("09:57:10", "STACKED_IMBALANCE", Side.BUY, "5001.5")
                .signal("09:57:15", "ABSORPTION", Side.BUY, "5000.75")
                .signal("09:57:20", "DELTA_FLIP", Side.BUY, null)
                .trades("09:58:00", 60, "5007", "5010", "5012");
        Rig rig = new Rig(s).run();
        Journal.GradedSetup setup = rig.onlySetup();
        assertTrue(setup.taken(), setup.reason());
        assertTrue(setup.reason().startsWith("marketable"), setup.reason());
        assertEquals(t("09:57:20"), setup.ts());
        assertEquals(List.of("SCOUTING>STALKING", "STALKING>KILL", "KILL>SCOUTING"),
                rig.transitions().stream().map(x -> x.from() + ">" + x.to()).toList());
        assertTrue(rig.transitions().get(1).reason().contains("extreme"), rig.transitions().get(1).reason());
        // filled at the 09:57:25 print (5002.25), within the 5002.75 cap, before the 09:58:00 close
        long entryFill = rig.venue.executionsSince(0).get(0).tsEvent();
        assertEquals(t("09:57:25"), entryFill);
        assertEquals(px("5002.25"), rig.venue.executionsSince(0).get(0).price());
        assertEquals("B", setup.grade(), "no CHOCH yet, so no displacement points: " + setup.factors());
        assertEquals(1, rig.venue.positions().size(), "still long at the end: stop and target not reached");
    }

    /**
     * The crypto profile's strict CHOCH: the same V-reversal, but the marketable route also waits until price
     * trades beyond the last 1-minute swing high (5003.50, known at 09:57:00): the flip at 09:57:20 (5001.75) is
     * not enough; the 09:57:30 print at 5004.00 is, and the capped limit (5005.00) fills at the 09:57:35 print.
     */
    @Test
    void theStrictChochProfileWaitsForTheBreakOfTheLastOneMinuteSwing() {
        Scenario s = new Scenario().warmUp()
                .trades("09:56:00", 20, "5008", "5006", "5004.5")
                .structure("09:57:00", "POOL_SWEPT", -1, "4999", "4999", "POOL:1D:3:PDL")
                .structure("09:57:00", "SWING_HIGH", 1, "5003.5", "5003.5", "")
                .speed("09:57:05", 6.0)
                .trades("09:57:10", 5, "5001.5", "5000.75", "5001.75", "5002.25", "5004", "5004.5")
                .signal("09:57:10", "CVD_DIVERGENCE", Side.BUY, "5001.5")
                .signal("09:57:10", "STACKED_IMBALANCE", Side.BUY, "5001.5")
                .signal("09:57:15", "ABSORPTION", Side.BUY, "5000.75")
                .signal("09:57:20", "DELTA_FLIP", Side.BUY, null)
                .trades("09:58:00", 60, "5007", "5010");
        Rig strict = new Rig(s, Rig.defaults().withStrictChoch(true), Rig.passAll(), Rig.fixedExits()).run();
        assertEquals(t("09:57:30"), strict.onlySetup().ts());
        assertEquals(t("09:57:35"), strict.venue.executionsSince(0).get(0).tsEvent());
        assertEquals(px("5004.5"), strict.venue.executionsSince(0).get(0).price());

        Rig loose = new Rig(s, Rig.defaults().withStrictChoch(false), Rig.passAll(), Rig.fixedExits()).run();
        assertEquals(t("09:57:20"), loose.onlySetup().ts(), "ES: absorption and the flip suffice");
    }

    /**
     * A fast market (ATR 4.00 from the warm-up) approaches the POI: the 09:56 bar's low 5005.00 is 3 points above
     * the POI's top. An ATR halo of 1.5 x 4 = 6 points is reached at the 09:57:00 close, so the engine is stalking
     * the tape when the 09:57:05 V-reversal taps the POI; a fixed 1-point halo is not reached, the engine scouts on
     * bars and only sees the tap at the 09:58:00 close, when the reversal is over.
     */
    @Test
    void aHaloThatWidensWithAtrCatchesAFastApproachThatAFixedHaloMisses() {
        Scenario fast = fastApproach();
        Rig atrHalo = new Rig(fast, Rig.defaults().withHalo(1.5, 0), Rig.passAll(), Rig.fixedExits()).run();
        assertEquals(1, atrHalo.journal.setups().size());
        assertTrue(atrHalo.onlySetup().taken(), atrHalo.onlySetup().reason());
        assertEquals(t("09:57:00"), atrHalo.transitions().get(0).ts());

        Rig fixedHalo = new Rig(fastApproach(), Rig.defaults().withHalo(0.0, 4), Rig.passAll(), Rig.fixedExits()).run();
        assertTrue(fixedHalo.journal.setups().isEmpty(), fixedHalo.journal.setups().toString());
        assertEquals(0, fixedHalo.monitor.receivedCount());
        assertTrue(fixedHalo.transitions().isEmpty() || fixedHalo.transitions().get(0).ts() >= t("09:58:00"),
                "the fixed halo stalks only after the tap: " + fixedHalo.transitions());
    }

    static Scenario fastApproach() {
        Scenario s = new Scenario();
        for (int m = 40; m <= 55; m++) {
            s.trades("09:" + m + ":00", 20, "5012", "5016", "5014");
        }
        return s.trades("09:56:00", 20, "5010", "5007", "5005")
                .structure("09:57:00", "POOL_SWEPT", -1, "4999", "4999", "POOL:1D:3:PDL")
                .signal("09:57:05", "CVD_DIVERGENCE", Side.BUY, "5001.5")
                .signal("09:57:05", "STACKED_IMBALANCE", Side.BUY, "5001.5")
                .speed("09:57:04", 6.0)
                .trades("09:57:05", 5, "5001.5", "5000.75", "5001.75", "5002.5", "5006", "5009")
                .signal("09:57:10", "ABSORPTION", Side.BUY, "5000.75")
                .signal("09:57:15", "DELTA_FLIP", Side.BUY, null)
                .trades("09:58:00", 60, "5011", "5013", "5014");
    }

    @Test
    void noEntryOutsideKillZones() {
        Scenario s = aPlusLong(true);
        // the same stream, graded and explained, but with a kill zone that is not in force at 10:00 New York
        Rig rig = new Rig(s, Rig.defaults().withKillZones(List.of(KillZone.parse("ny-pm"))), Rig.passAll(), Rig.fixedExits()).run();
        Journal.GradedSetup setup = rig.onlySetup();
        assertFalse(setup.taken());
        assertNull(setup.killZone());
        assertEquals(9, setup.points(), "the kill-zone factor scores 0");
        assertTrue(setup.reason().contains("outside kill zones [ny-pm]"), setup.reason());
        assertEquals(0, rig.monitor.receivedCount(), "nothing reached the venue");
        assertTrue(rig.journal.trades().isEmpty());
    }

    @Test
    void aTapeSpeedSpikeFarFromAnyPoiStalksAndAnInvalidatedPoiReturnsToScouting() {
        Scenario s = new Scenario().warmUp()
                .signal("09:56:00", "TAPE_SPEED_SPIKE", Side.BUY, "5010", Map.of("ratio", 4.5))
                .trades("09:56:00", 20, "5010", "5011", "5010")
                // the POI is broken: a 1m close below its bottom
                .trades("09:57:00", 20, "5004", "5001", "4998")
                .trades("09:58:00", 20, "4997", "4996");
        Rig rig = new Rig(s).run();
        List<Journal.Transition> tr = rig.transitions();
        assertEquals("STALKING", tr.get(0).to());
        assertEquals(t("09:56:00"), tr.get(0).ts());
        assertTrue(tr.get(0).reason().contains("tape speed spike 4.5x"), tr.get(0).reason());
        assertEquals("SCOUTING", tr.get(1).to());
        assertEquals(t("09:58:00"), tr.get(1).ts());
        assertTrue(tr.get(1).reason().contains("invalidated"), tr.get(1).reason());
        assertTrue(rig.journal.setups().isEmpty());
    }

    /** Price reaches the halo at 09:57:00, then leaves it (5020 is beyond 5002 + 3.5) for good from 09:58:00. */
    @Test
    void leavingTheHaloForTheConfiguredTimeReturnsToScouting() {
        Scenario s = new Scenario().warmUp().trades("09:56:00", 20, "5008", "5006", "5004.5");
        for (int m = 58; m <= 59; m++) {
            s.trades("09:" + m + ":00", 30, "5020", "5021");
        }
        for (int m = 0; m <= 14; m++) {
            s.trades(String.format("10:%02d:00", m), 30, "5020", "5021");
        }
        Rig rig = new Rig(s).run();
        List<Journal.Transition> tr = rig.transitions();
        assertEquals(2, tr.size(), tr.toString());
        assertEquals("SCOUTING", tr.get(1).to());
        assertEquals(t("10:13:00"), tr.get(1).ts(), "15 minutes after the first print outside the halo (09:58:00)");
        assertTrue(tr.get(1).reason().contains("outside the halo of OB:1H:1 for 15 min"), tr.get(1).reason());
    }

    /** Stalking starts at 11:28:00 inside New York AM (09:30-11:30); the kill zone ends at 11:30:00. */
    @Test
    void theEndOfTheKillZoneReturnsToScouting() {
        Scenario s = new Scenario();
        for (int m = 12; m <= 26; m++) {
            s.trades("11:" + m + ":00", 20, "5010", "5012", "5011");
        }
        s.trades("11:27:00", 20, "5008", "5006", "5004.5").trades("11:28:10", 30, "5004", "5004.25", "5004", "5004.5", "5004");
        Rig rig = new Rig(s).run();
        List<Journal.Transition> tr = rig.transitions();
        assertEquals(2, tr.size(), tr.toString());
        assertEquals(t("11:28:00"), tr.get(0).ts());
        assertEquals(t("11:30:00"), tr.get(1).ts());
        assertEquals("kill zone ny-am ended", tr.get(1).reason());
    }

    /** ES streams nothing outside 08:30-16:00 New York: a halo reached at 08:10 is not stalked, the tier is OFF. */
    @Test
    void outsideTheDataWindowTheTierIsOffAndNothingIsStalked() {
        Scenario s = new Scenario();
        for (int m = 0; m <= 8; m++) {
            s.trades("08:0" + m + ":00", 20, "5010", "5012", "5011");
        }
        s.trades("08:09:00", 20, "5008", "5006", "5004.5").trades("08:10:10", 10, "5001.5", "5001");
        Rig rig = new Rig(s).run();
        assertTrue(rig.transitions().isEmpty(), rig.transitions().toString());
        assertEquals(List.of("OFF"), rig.journal.tierChanges().stream().map(Journal.TierChange::tier).toList());
        assertTrue(rig.journal.tierChanges().get(0).reason().contains("outside the data window"));
    }
}
