package dev.flof.risk.sizing;

import dev.flof.risk.Ticks;
import dev.flof.spi.ext.PositionSizer;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sizes a trade on what it can lose, never on what it hopes to make (issue 8, "Sizing"). Three caps, the smallest
 * wins, each rounded <b>down</b> to the instrument's lot:
 * <ol>
 *   <li><b>risk budget</b>: equity × riskFraction × gradeWeight divided by the loss of one unit at the stop
 *       (stop distance × point value);</li>
 *   <li><b>gap risk</b>: the position must survive an adverse gap of {@code gapAllowance} beyond the stop within
 *       {@code lossBudgetLeft} (what the daily loss limit still allows): lossBudgetLeft divided by
 *       (stop distance + gap allowance) × point value. Stops fill at the gap, not at the trigger, so this is
 *       the loss that actually has to be affordable (execution-venues §3.8);</li>
 *   <li><b>maximum position</b>: {@code maxQuantity}.</li>
 * </ol>
 * Below one lot the answer is 0 (no trade) with the binding cap named. {@code riskFraction} above
 * {@value #MAX_RISK_FRACTION} (2 %, the ceiling) is refused rather than clamped, because it is a
 * configuration error.
 * <p>
 * Units: prices, quantities and currency amounts are fixed-point 1e-9; {@link Instrument#pointValue()} is read as
 * fixed-point currency per whole price point per whole unit (ES: 50 USD = {@code 50_000_000_000L}; crypto quoted
 * in USDT: 1 = {@code 1_000_000_000L}), the same scale as every other long in the SPI.
 * All arithmetic is exact decimal (no double rounding) so the quantity is reproducible.
 */
@org.pf4j.Extension
public final class RiskBudgetSizer implements PositionSizer {
    public static final String ID = "risk-budget";
    /** The issue allows up to 2 % of equity per trade. */
    public static final double MAX_RISK_FRACTION = 0.02;

    private static final BigDecimal SCALE = BigDecimal.valueOf(Fixed.SCALE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "quantity = min(risk budget / stop loss per unit, daily budget / (stop + gap) loss per unit, max), floored to the lot";
    }

    @Override
    public Decision size(Request r) {
        Instrument ins = r.instrument();
        if (ins == null) {
            return no("no instrument");
        }
        long lot = ins.lotSize();
        if (r.gradeWeight() <= 0 || Double.isNaN(r.gradeWeight())) {
            return no("grade weight " + r.gradeWeight() + ": the grade does not trade");
        }
        if (r.gradeWeight() > 1.0) {
            return no("grade weight " + r.gradeWeight() + " above 1.0 (A+ is full risk)");
        }
        if (!(r.riskFraction() > 0)) {
            return no("risk fraction " + r.riskFraction() + " is not positive");
        }
        if (r.riskFraction() > MAX_RISK_FRACTION) {
            return no("risk fraction " + r.riskFraction() + " above the 2 % ceiling");
        }
        if (ins.pointValue() <= 0) {
            return no("instrument " + ins.symbol() + " has no positive point value");
        }
        if (r.equity() <= 0) {
            return no("equity " + Fixed.format(r.equity()) + " is not positive");
        }
        if (r.lossBudgetLeft() <= 0) {
            return no("daily loss budget exhausted (" + Fixed.format(r.lossBudgetLeft()) + " left)");
        }
        if (r.maxQuantity() <= 0) {
            return no("maximum position is " + Fixed.format(r.maxQuantity()) + " (not configured)");
        }
        if (r.gapAllowance() < 0) {
            return no("negative gap allowance " + Fixed.format(r.gapAllowance()));
        }
        long stopDistance = Math.abs(r.entryPrice() - r.stopPrice());
        if (stopDistance == 0) {
            return no("stop distance is zero (entry " + Fixed.format(r.entryPrice()) + " = stop)");
        }
        BigDecimal pointValue = fixed(ins.pointValue());
        BigDecimal budget = fixed(r.equity()).multiply(BigDecimal.valueOf(r.riskFraction()))
                .multiply(BigDecimal.valueOf(r.gradeWeight()));
        BigDecimal lossAtStop = fixed(stopDistance).multiply(pointValue);
        BigDecimal lossAtGap = fixed(stopDistance + r.gapAllowance()).multiply(pointValue);

        long byRisk = lots(budget.divide(lossAtStop, 9, RoundingMode.DOWN), lot);
        long byGap = lots(fixed(r.lossBudgetLeft()).divide(lossAtGap, 9, RoundingMode.DOWN), lot);
        long byMax = Ticks.floorLots(r.maxQuantity(), lot);

        long qty = Math.min(byRisk, Math.min(byGap, byMax));
        String binding = qty == byRisk ? "risk budget" : qty == byGap ? "gap-risk cap" : "maximum position";
        String detail = "risk " + plain(budget) + " = " + Fixed.format(r.equity()) + " x " + r.riskFraction()
                + " x " + r.gradeWeight() + "; stop " + Fixed.format(stopDistance) + " pt loses " + plain(lossAtStop)
                + "/unit -> " + Fixed.format(byRisk) + "; gap " + Fixed.format(r.gapAllowance()) + " pt beyond stop loses "
                + plain(lossAtGap) + "/unit within " + Fixed.format(r.lossBudgetLeft()) + " -> " + Fixed.format(byGap)
                + "; max " + Fixed.format(byMax) + "; lot " + Fixed.format(lot);
        if (qty < lot) {
            return no(binding + " cuts size below one lot (" + detail + ")");
        }
        return new Decision(qty, Fixed.format(qty) + " bound by the " + binding + " (" + detail + ")");
    }

    private static Decision no(String reason) {
        return new Decision(0, "no trade: " + reason);
    }

    private static BigDecimal fixed(long v) {
        return BigDecimal.valueOf(v, 9);
    }

    /** Whole-unit decimal quantity to fixed-point, floored to the lot; saturates far above any real size. */
    private static long lots(BigDecimal units, long lot) {
        BigDecimal raw = units.multiply(SCALE).setScale(0, RoundingMode.DOWN);
        if (raw.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Ticks.floorLots(Long.MAX_VALUE, lot);
        }
        return Ticks.floorLots(raw.longValueExact(), lot);
    }

    private static String plain(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
