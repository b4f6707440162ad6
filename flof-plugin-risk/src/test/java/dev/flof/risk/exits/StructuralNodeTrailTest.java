package dev.flof.risk.exits;

import static dev.flof.risk.TestInstruments.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.risk.TestInstruments;
import dev.flof.spi.event.Bar;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.Params;
import dev.flof.spi.flow.FlowSnapshot;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.PositionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Phase 2 of the Hybrid Shield on crafted 5-minute bars (swing strength 1). Swings by hand: b1 high 4510 (known
 * at b2's close), b3 low 4502 (at b4), b5 closes 4512 above 4510: BOS up, leg from b3. Then b5 high 4513 (at b6),
 * b7 low 4506 (at b8), b9 closes 4505.50 below 4506: counter CHOCH.
 */
class StructuralNodeTrailTest {
    static final String[][] BARS = {
        // low, high, close
        {"4504", "4506", "4505"}, {"4505", "4510", "4509"}, {"4503", "4508", "4504"}, {"4502", "4506", "4505"},
        {"4504", "4509", "4508"}, {"4507", "4513", "4512"}, {"4509", "4512.5", "4510"}, {"4506", "4511", "4507"},
        {"4507", "4510", "4509"}, {"4505", "4508", "4505.5"}};
    static final long FIVE_MIN = 300 * Paths.SEC;

    static Bar bar(int k) {
        long open = Paths.T0 + k * FIVE_MIN;
        String[] b = BARS[k];
        return new Bar("ESZ5", Timeframe.M5, open, open + FIVE_MIN, open + FIVE_MIN, k, px(b[0]), px(b[1]), px(b[0]),
                px(b[2]), Fixed.ofUnits(100), 0, 0, 100, px(b[2]));
    }

    /** Runs phase 1, then the ten bars; returns what each bar produced. Tracks the stop as the venue would. */
    static List<List<OrderCommand>> run(LvnMoatStopPolicyTest.StubFlow flow) {
        ExitManager.Manager mgr = new HybridShieldExitManager().open(TestInstruments.ES,
                new Params("exits.hybrid-shield", Map.of("swingStrength", "1")));
        PositionView two = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(2), px("4500.00"), px("4496.00"),
                px("4496.00"), "stop-1", Paths.T0);
        List<OrderCommand> p1 = mgr.onEvent(ExitManagersTest.trade("4508.00", 1), two, null, flow);
        assertEquals(2, p1.size(), "phase 1 first: " + p1);
        long stop = px("4500.25");
        List<List<OrderCommand>> out = new ArrayList<>();
        for (int k = 0; k < BARS.length; k++) {
            PositionView runner = new PositionView("ESZ5", Side.BUY, Fixed.ofUnits(1), px("4500.00"), px("4496.00"),
                    stop, "stop-1", Paths.T0);
            List<OrderCommand> cmds = mgr.onEvent(bar(k), runner, null, flow);
            for (OrderCommand c : cmds) {
                if (c instanceof OrderCommand.Modify m && m.newStopPrice() != 0) {
                    assertTrue(m.newStopPrice() > stop, "never loosen");
                    stop = m.newStopPrice();
                }
            }
            out.add(cmds);
        }
        return out;
    }

    static LvnMoatStopPolicyTest.StubFlow flow() {
        return new LvnMoatStopPolicyTest.StubFlow(List.of(new long[] {px("4498.00"), px("4499.00")},
                new long[] {px("4505.00"), px("4506.00")}, new long[] {px("4512.50"), px("4513.00")}));
    }

    @Test
    void bosInTheTradesDirectionTrailsBehindTheNewLegsLvn() {
        LvnMoatStopPolicyTest.StubFlow flow = flow();
        flow.snap = new FlowSnapshot(0, 0, 1.0, 1.0, 0.6);
        List<List<OrderCommand>> out = run(flow);
        assertEquals(List.of(new OrderCommand.Modify("ESZ5", "stop-1", Fixed.ofUnits(1), 0, 0)), out.get(0), "resize after phase 1");
        for (int k = 1; k < 5; k++) {
            assertEquals(List.of(), out.get(k), "bar " + k);
        }
        // b5 BOS: nearest LVN below the close 4512 is 4505-4506 -> 4504.75; the leg is b3's open to b5's close
        assertEquals(List.of(new OrderCommand.Modify("ESZ5", "stop-1", 0, 0, px("4504.75"))), out.get(5));
        long[] leg = flow.asked.get(flow.asked.size() - 1);
        assertEquals(Paths.T0 + 3 * FIVE_MIN, leg[0]);
        assertEquals(Paths.T0 + 6 * FIVE_MIN, leg[1]);
        // b9 counter CHOCH on a calm tape (speed 1x, sell share 60 %): a fake, held
        for (int k = 6; k < 10; k++) {
            assertEquals(List.of(), out.get(k), "bar " + k);
        }
    }

    @Test
    void aRealCounterChochExitsTheRunner() {
        LvnMoatStopPolicyTest.StubFlow flow = flow();
        flow.snap = new FlowSnapshot(0, 0, 5.0, 1.0, 0.85);
        List<List<OrderCommand>> out = run(flow);
        assertEquals(List.of(), out.get(8));
        assertEquals(1, out.get(9).size(), out.get(9).toString());
        OrderCommand.Submit exit = (OrderCommand.Submit) out.get(9).get(0);
        assertEquals(Fixed.ofUnits(1), exit.order().quantity());
        assertTrue(exit.order().reduceOnly());
        assertEquals("ESZ5-" + Paths.T0 + "-choch", exit.order().clientOrderId());
    }

    @Test
    void swingsAreKnownOnlyAfterTheirRightSideCloses() {
        SwingTracker t = new SwingTracker(1);
        // b1's high 4510 is not a swing until b2 closes; b2 closing at 4511 (> 4510) instead would make b2 the higher bar
        assertEquals(java.util.Optional.empty(), t.onBar(bar(0)));
        assertEquals(java.util.Optional.empty(), t.onBar(bar(1)));
        assertEquals(java.util.Optional.empty(), t.onBar(bar(2)));
        assertEquals(java.util.Optional.empty(), t.onBar(bar(3)));
        assertEquals(java.util.Optional.empty(), t.onBar(bar(4)));
        var brk = t.onBar(bar(5)).orElseThrow();
        assertTrue(brk.up());
        assertEquals(px("4510"), brk.level());
        assertEquals(Paths.T0 + 3 * FIVE_MIN, brk.legStart());
    }
}
