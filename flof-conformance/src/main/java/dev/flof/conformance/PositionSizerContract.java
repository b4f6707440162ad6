package dev.flof.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.ext.PositionSizer;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PositionSizer} keeps: a quantity is never above {@code maxQuantity}, never negative,
 * always a whole number of the instrument's lots, 0 when the stop sits at the entry (no measurable risk), and
 * always explained. Extend it and return your sizer from {@link #createSizer()}.
 */
public abstract class PositionSizerContract {
    protected abstract PositionSizer createSizer();

    /** Instruments to size for: ES (whole contracts) and BTCUSDT (0.001 lots). */
    protected List<Instrument> instruments() {
        return List.of(Samples.ES, Samples.BTC);
    }

    /** Generated requests: equity, risk fraction up to 2 %, grade weights 0/0.5/1, stops, gaps, budgets, caps. */
    protected List<PositionSizer.Request> requests() {
        List<PositionSizer.Request> out = new ArrayList<>();
        Random r = new Random(20_261_126L);
        double[] weights = {0.0, 0.5, 1.0};
        for (Instrument ins : instruments()) {
            long base = ins.tickSize() * 45_000;
            for (int i = 0; i < 400; i++) {
                long entry = base + ins.tickSize() * (r.nextInt(2001) - 1000);
                long stop = entry + (r.nextBoolean() ? 1 : -1) * ins.tickSize() * (1 + r.nextInt(r.nextInt(4) == 0 ? 2000 : 40));
                long equity = Fixed.ofUnits(1_000 + r.nextInt(2_000_000));
                long gap = ins.tickSize() * r.nextInt(20);
                long budget = Fixed.ofUnits(r.nextInt(5) == 0 ? r.nextInt(50) : 100 + r.nextInt(50_000));
                long max = r.nextInt(3) == 0 ? ins.lotSize() * (1 + r.nextInt(50)) + r.nextInt((int) Math.min(ins.lotSize(), 1_000_000))
                        : ins.lotSize() * (1 + r.nextInt(500));
                double fraction = 0.0005 * (1 + r.nextInt(40));
                out.add(new PositionSizer.Request(ins, entry, stop, fraction, weights[r.nextInt(3)], equity, gap,
                        budget, max));
            }
        }
        return out;
    }

    @Test
    public void neverSizesAboveTheMaximumAndAlwaysInWholeLots() {
        PositionSizer s = createSizer();
        for (PositionSizer.Request req : requests()) {
            PositionSizer.Decision d = s.size(req);
            assertNotNull(d, () -> "size returned null for " + req);
            long lot = req.instrument().lotSize();
            assertTrue(d.quantity() >= 0, () -> "negative quantity " + d + " for " + req);
            assertTrue(d.quantity() <= req.maxQuantity(), () -> "quantity " + Fixed.format(d.quantity())
                    + " above maxQuantity " + Fixed.format(req.maxQuantity()) + " for " + req);
            assertEquals(0, d.quantity() % lot, () -> "quantity " + Fixed.format(d.quantity())
                    + " is not a multiple of the lot " + Fixed.format(lot) + " for " + req);
            assertTrue(d.reason() != null && !d.reason().isBlank(), () -> "no reason for " + d);
        }
    }

    @Test
    public void aStopAtTheEntryMeansNoTrade() {
        PositionSizer s = createSizer();
        for (PositionSizer.Request req : requests()) {
            PositionSizer.Request flat = new PositionSizer.Request(req.instrument(), req.entryPrice(), req.entryPrice(),
                    req.riskFraction(), 1.0, req.equity(), req.gapAllowance(), req.lossBudgetLeft(), req.maxQuantity());
            PositionSizer.Decision d = s.size(flat);
            assertEquals(0, d.quantity(), () -> "stop at the entry sized " + d + " for " + flat);
            assertTrue(d.reason() != null && !d.reason().isBlank(), () -> "no reason for " + d);
        }
    }

    @Test
    public void aZeroGradeWeightMeansNoTrade() {
        PositionSizer s = createSizer();
        for (PositionSizer.Request req : requests()) {
            PositionSizer.Request none = new PositionSizer.Request(req.instrument(), req.entryPrice(), req.stopPrice(),
                    req.riskFraction(), 0.0, req.equity(), req.gapAllowance(), req.lossBudgetLeft(), req.maxQuantity());
            assertEquals(0, s.size(none).quantity(), () -> "grade weight 0 still sized for " + none);
        }
    }
}
