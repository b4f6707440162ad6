package dev.flof.risk.exits;

import static dev.flof.risk.TestInstruments.ES;
import static dev.flof.risk.TestInstruments.px;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.flow.FlowSignal;
import dev.flof.spi.flow.FlowSnapshot;
import dev.flof.spi.flow.VolumeProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.risk.ProtectionPlan;
import dev.flof.spi.risk.Setup;
import dev.flof.spi.structure.Bias;
import dev.flof.spi.structure.LiquidityPool;
import dev.flof.spi.structure.MarketMap;
import dev.flof.spi.structure.PointOfInterest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LvnMoatStopPolicyTest {
    static final long KNOWN = 1_700_000_000_000_000_000L;
    private final LvnMoatStopPolicy policy = new LvnMoatStopPolicy();

    /** A flow engine that answers every profile request with a fixed profile and records the window asked. */
    static final class StubFlow implements FlowAnalyzer.Engine {
        final VolumeProfile profile;
        final List<long[]> asked = new ArrayList<>();
        FlowSnapshot snap = new FlowSnapshot(0, 0, 0, 0, 0);

        StubFlow(List<long[]> lvnZones) {
            this.profile = new VolumeProfile(px("4501"), px("4502"), px("4499"), px("5000"), List.of(px("4501")),
                    List.of(), lvnZones);
        }

        @Override
        public void onTrade(Trade trade, Consumer<FlowSignal> out) {
        }

        @Override
        public void onQuote(Quote quote, Consumer<FlowSignal> out) {
        }

        @Override
        public void onBar(Bar bar, Consumer<FlowSignal> out) {
        }

        @Override
        public FlowSnapshot snapshot() {
            return snap;
        }

        @Override
        public VolumeProfile profile(long fromNanos, long toNanos) {
            asked.add(new long[] {fromNanos, toNanos});
            return profile;
        }
    }

    static final PointOfInterest DEMAND = new PointOfInterest("ob-5m-1", Timeframe.M5, "OB", 1, px("4502.00"),
            px("4500.00"), KNOWN, 0, "ACTIVE");
    static final PointOfInterest SUPPLY = new PointOfInterest("ob-5m-2", Timeframe.M5, "OB", -1, px("4512.00"),
            px("4510.00"), KNOWN, 0, "ACTIVE");

    static MarketMap map(List<LiquidityPool> pools) {
        return new MarketMap("ESZ5", KNOWN, px("4501"), Map.of(), List.of(DEMAND, SUPPLY), pools, 0.5);
    }

    static Setup setup(Side dir, String entry, Map<String, String> extra) {
        return new Setup("s1", "ESZ5", dir, KNOWN + 1, Bias.BULLISH, "PDL", 0, true, true, true, true, "NY_AM",
                px(entry), dir == Side.BUY ? px("4499.00") : px("4513.00"), extra);
    }

    @Test
    void longStopGoesBeyondTheNearestLvnBelowThePoiMinusHalfAtr() {
        // zones below the POI bottom 4500: [4497.50, 4498.50] (nearest) and [4490, 4491]; ATR 2.00 -> buffer 1.00
        StubFlow flow = new StubFlow(List.of(new long[] {px("4490.00"), px("4491.00")},
                new long[] {px("4497.50"), px("4498.50")}));
        ProtectionPlan plan = policy.protect(setup(Side.BUY, "4501.00", Map.of()), ES, map(List.of()), flow, px("2.00"));
        assertEquals(px("4496.50"), plan.stopPrice());
        assertTrue(plan.reason().startsWith("beyond LVN zone 4497.5-4498.5 past POI ob-5m-1 - 0.5 x ATR 2"), plan.reason());
        // the leg: the 20 five-minute bars that ended when the POI became known
        assertEquals(1, flow.asked.size());
        assertArrayEquals(new long[] {KNOWN - 100L * 60 * 1_000_000_000L, KNOWN}, flow.asked.get(0));
    }

    @Test
    void roundedAwayFromTheMarketToTheTick() {
        // ATR 1.30 -> 0.65: 4497.50 - 0.65 = 4496.85 -> 4496.75 (down for a long)
        StubFlow flow = new StubFlow(List.<long[]>of(new long[] {px("4497.50"), px("4498.50")}));
        assertEquals(px("4496.75"),
                policy.protect(setup(Side.BUY, "4501.00", Map.of()), ES, map(List.of()), flow, px("1.30")).stopPrice());
    }

    @Test
    void fallbackToPoiEdgeWhenTheLegHasNoLvnBeyondIt() {
        // the only zone is inside the POI: no moat beyond it -> 4500.00 - 0.65 = 4499.35 -> 4499.25
        StubFlow flow = new StubFlow(List.<long[]>of(new long[] {px("4500.50"), px("4501.00")}));
        ProtectionPlan plan = policy.protect(setup(Side.BUY, "4501.00", Map.of()), ES, map(List.of()), flow, px("1.30"));
        assertEquals(px("4499.25"), plan.stopPrice());
        assertTrue(plan.reason().startsWith("fallback (leg profile has no LVN zone beyond the POI edge 4500): POI ob-5m-1 edge 4500"),
                plan.reason());
        ProtectionPlan noFlow = policy.protect(setup(Side.BUY, "4501.00", Map.of()), ES, map(List.of()), null, px("1.30"));
        assertEquals(px("4499.25"), noFlow.stopPrice());
        assertTrue(noFlow.reason().contains("no flow engine"), noFlow.reason());
    }

    @Test
    void shortMirrors() {
        // supply top 4512; zone above [4513.00, 4514.25]; 4514.25 + 0.65 = 4514.90 -> 4515.00 (up for a short)
        StubFlow flow = new StubFlow(List.<long[]>of(new long[] {px("4513.00"), px("4514.25")},
                new long[] {px("4520.00"), px("4521.00")}));
        ProtectionPlan plan = policy.protect(setup(Side.SELL, "4511.00", Map.of()), ES, map(List.of()), flow, px("1.30"));
        assertEquals(px("4515.00"), plan.stopPrice());
        // no pool: target = entry - 3R = 4511 - 3 x 4 = 4499.00
        assertEquals(px("4499.00"), plan.targetPrice());
    }

    @Test
    void explicitLegWindowAndPoiFromTheEngine() {
        StubFlow flow = new StubFlow(List.<long[]>of(new long[] {px("4497.50"), px("4498.50")}));
        policy.protect(setup(Side.BUY, "4501.00", Map.of("poiId", "ob-5m-1", "legFromNanos", "100", "legToNanos", "200")),
                ES, map(List.of()), flow, px("2.00"));
        assertArrayEquals(new long[] {100, 200}, flow.asked.get(0));
    }

    @Test
    void fallbackToTheSetupStopWhenThePoiIsNotBehindTheEntryAndRefusalWithoutAnyProtectiveStop() {
        // the engine names the supply block for a long entered at 4501: its edge is above the entry
        StubFlow flow = new StubFlow(List.of());
        ProtectionPlan plan = policy.protect(setup(Side.BUY, "4501.00", Map.of("poiId", "ob-5m-2")), ES, map(List.of()),
                flow, px("1.30"));
        // setup stop 4499.00 - 0.65 = 4498.35 -> 4498.25
        assertEquals(px("4498.25"), plan.stopPrice());
        assertTrue(plan.reason().startsWith("fallback: fallback (leg profile has no LVN zone"), plan.reason());
        Setup broken = new Setup("bad", "ESZ5", Side.BUY, KNOWN, Bias.BULLISH, null, 0, false, false, false, false, null,
                px("4490.00"), px("4495.00"), Map.of());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> policy.protect(broken, ES, null, null, px("1.00")));
        assertTrue(e.getMessage().startsWith("setup bad: no protective stop"), e.getMessage());
    }

    @Test
    void targetIsTheNearestOpposingPoolBeyond2R() {
        // stop 4496.50, entry 4501 -> 1R 4.50, 2R 4510.00; pool 4505 is inside 2R, 4520 and 4530 beyond: 4520
        StubFlow flow = new StubFlow(List.<long[]>of(new long[] {px("4497.50"), px("4498.50")}));
        MarketMap m = map(List.of(
                new LiquidityPool("a", Timeframe.H1, "SWING_HIGH", 1, px("4505.00"), KNOWN, "ACTIVE", 0),
                new LiquidityPool("b", Timeframe.D1, "PDH", 1, px("4530.00"), KNOWN, "ACTIVE", 0),
                new LiquidityPool("c", Timeframe.H4, "SWING_HIGH", 1, px("4520.00"), KNOWN, "ACTIVE", 0),
                new LiquidityPool("d", Timeframe.H4, "SWING_HIGH", 1, px("4515.00"), KNOWN, "BROKEN", 1)));
        ProtectionPlan plan = policy.protect(setup(Side.BUY, "4501.00", Map.of()), ES, m, flow, px("2.00"));
        assertEquals(px("4520.00"), plan.targetPrice());
    }
}
