package dev.flof.feeds.binance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Keeps an isolated-margin USD-M position's liquidation price beyond its hard stop, so the exchange's
 * liquidation engine (which first cancels all the user's orders) can never fire before FLOF's own stop.
 *
 * <p>Liquidation price of a one-way isolated position with quantity {@code Q} at entry {@code E}, leverage
 * {@code L} (isolated margin {@code M = Q*E/L}) and maintenance tier {@code (mmr, cum)} (Binance's formula
 * with the wallet balance equal to the isolated margin):
 * <pre>
 *   long:  LP = (M + cum - Q*E) / (Q*mmr - Q)
 *   short: LP = (M + cum + Q*E) / (Q*mmr + Q)
 * </pre>
 * Required: long {@code LP <= stop - buffer}, short {@code LP >= stop + buffer}, with
 * {@code buffer = bufferFraction * |E - stop|} (a liquidation inside the stop distance plus a margin for the
 * stop's own slippage). If the proposed leverage fails, the highest whole leverage below it that passes is
 * chosen; if even leverage 1 fails (only possible with a high maintenance tier), the quantity is cut to the
 * notional cap of the highest lower tier at which some leverage not above the proposed one passes (the
 * highest such leverage is taken); otherwise the proposal is rejected. Pure: the same input gives the same
 * answer.
 */
public final class LiquidationGuard {
    private static final MathContext MC = MathContext.DECIMAL128;

    /** One maintenance-margin tier: applies to notionals up to {@code maxNotional} (inclusive). */
    public record Tier(BigDecimal maxNotional, BigDecimal maintenanceRate, BigDecimal maintenanceAmount) {
    }

    /** The position FLOF intends to open. {@code longSide} true for a long. */
    public record Proposal(boolean longSide, BigDecimal entry, BigDecimal stop, BigDecimal quantity, int leverage) {
        public Proposal {
            if (leverage < 1) {
                throw new IllegalArgumentException("leverage must be >= 1, got " + leverage);
            }
            if (longSide ? stop.compareTo(entry) >= 0 : stop.compareTo(entry) <= 0) {
                throw new IllegalArgumentException("the stop must be on the losing side of the entry: entry "
                        + entry.toPlainString() + " stop " + stop.toPlainString());
            }
            if (quantity.signum() <= 0) {
                throw new IllegalArgumentException("quantity must be positive");
            }
        }
    }

    /** What to do. */
    public enum Action { OK, REDUCE_LEVERAGE, REDUCE_SIZE, REJECT }

    /** The decision with the leverage and quantity to use and the liquidation price they give. */
    public record Decision(Action action, int leverage, BigDecimal quantity, BigDecimal liquidationPrice) {
    }

    private final List<Tier> tiers;
    private final BigDecimal bufferFraction;

    /**
     * @param tiers          maintenance tiers in ascending notional order (from the leverage-bracket endpoint)
     * @param bufferFraction required extra distance beyond the stop as a fraction of the stop distance, e.g. 0.5
     */
    public LiquidationGuard(List<Tier> tiers, BigDecimal bufferFraction) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("at least one maintenance tier is needed");
        }
        this.tiers = List.copyOf(tiers);
        this.bufferFraction = bufferFraction;
    }

    /** Liquidation price for the given side, entry, quantity and leverage. */
    public BigDecimal liquidationPrice(boolean longSide, BigDecimal entry, BigDecimal qty, int leverage) {
        BigDecimal notional = entry.multiply(qty);
        Tier t = tier(notional);
        BigDecimal margin = notional.divide(BigDecimal.valueOf(leverage), MC);
        BigDecimal lp;
        if (longSide) {
            lp = margin.add(t.maintenanceAmount()).subtract(notional)
                    .divide(qty.multiply(t.maintenanceRate()).subtract(qty), MC);
        } else {
            lp = margin.add(t.maintenanceAmount()).add(notional)
                    .divide(qty.multiply(t.maintenanceRate()).add(qty), MC);
        }
        return lp.max(BigDecimal.ZERO).setScale(8, RoundingMode.HALF_EVEN);
    }

    private Tier tier(BigDecimal notional) {
        for (Tier t : tiers) {
            if (notional.compareTo(t.maxNotional()) <= 0) {
                return t;
            }
        }
        return tiers.get(tiers.size() - 1);
    }

    /** Whether the liquidation price lies beyond the stop by the buffer. */
    public boolean safe(Proposal p, BigDecimal qty, int leverage) {
        BigDecimal lp = liquidationPrice(p.longSide(), p.entry(), qty, leverage);
        BigDecimal buffer = p.entry().subtract(p.stop()).abs().multiply(bufferFraction);
        return p.longSide() ? lp.compareTo(p.stop().subtract(buffer)) <= 0
                : lp.compareTo(p.stop().add(buffer)) >= 0;
    }

    public Decision check(Proposal p) {
        if (safe(p, p.quantity(), p.leverage())) {
            return new Decision(Action.OK, p.leverage(), p.quantity(),
                    liquidationPrice(p.longSide(), p.entry(), p.quantity(), p.leverage()));
        }
        for (int lev = p.leverage() - 1; lev >= 1; lev--) {
            if (safe(p, p.quantity(), lev)) {
                return new Decision(Action.REDUCE_LEVERAGE, lev, p.quantity(),
                        liquidationPrice(p.longSide(), p.entry(), p.quantity(), lev));
            }
        }
        // even leverage 1 is unsafe at this size: the maintenance tier is too high; try lower tiers' caps
        for (int i = tiers.size() - 2; i >= 0; i--) {
            BigDecimal qty = tiers.get(i).maxNotional().divide(p.entry(), 8, RoundingMode.DOWN);
            if (qty.signum() <= 0 || qty.compareTo(p.quantity()) >= 0) {
                continue;
            }
            for (int lev = p.leverage(); lev >= 1; lev--) {
                if (safe(p, qty, lev)) {
                    return new Decision(Action.REDUCE_SIZE, lev, qty,
                            liquidationPrice(p.longSide(), p.entry(), qty, lev));
                }
            }
        }
        return new Decision(Action.REJECT, 1, BigDecimal.ZERO, liquidationPrice(p.longSide(), p.entry(),
                p.quantity(), 1));
    }
}
