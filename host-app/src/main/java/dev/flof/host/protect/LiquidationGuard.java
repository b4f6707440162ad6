package dev.flof.host.protect;

import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Crypto futures: keeps the liquidation price well beyond the hard stop and caps leverage. Binance liquidates
 * on the <em>mark</em> price and cancels the user's open orders first, so a liquidation that comes before the
 * stop is a loss no stop can bound; in a cascade mark and last diverge, so the buffer must be wide.
 *
 * <p>Isolated-margin approximation of the liquidation price (one position, no other margin): long
 * {@code entry × (1 − 1/leverage + mmr)}, short {@code entry × (1 + 1/leverage − mmr)}. The guard asks that the
 * distance entry→liquidation is at least {@code bufferMultiple} × the distance entry→stop, and that leverage
 * does not exceed {@code maxLeverage}.
 *
 * <p>Wired in {@link ProtectedDesk}: {@link #vet} runs before a crypto bracket is sent, at the venue's configured
 * leverage; a non-null answer blocks the entry ({@link #maxSafeLeverage} tells an operator what leverage would pass).
 */
public record LiquidationGuard(int maxLeverage, BigDecimal maintenanceMarginRate, BigDecimal bufferMultiple) {
    public LiquidationGuard {
        if (maxLeverage < 1) {
            throw new IllegalArgumentException("maxLeverage must be at least 1");
        }
        if (maintenanceMarginRate.signum() < 0 || bufferMultiple.signum() <= 0) {
            throw new IllegalArgumentException("maintenanceMarginRate must be >= 0 and bufferMultiple > 0");
        }
    }

    /** The default: at most 5x, 0.4 % maintenance margin (Binance BTCUSDT first tier), liquidation 3x the stop away. */
    public static LiquidationGuard defaults() {
        return new LiquidationGuard(5, new BigDecimal("0.004"), new BigDecimal("3"));
    }

    /** The approximate isolated liquidation price, fixed-point. */
    public long liquidationPrice(Side side, long entry, int leverage) {
        BigDecimal e = Fixed.toDecimal(entry);
        BigDecimal inv = BigDecimal.ONE.divide(BigDecimal.valueOf(leverage), 12, RoundingMode.HALF_EVEN);
        BigDecimal f = side == Side.BUY ? BigDecimal.ONE.subtract(inv).add(maintenanceMarginRate)
                : BigDecimal.ONE.add(inv).subtract(maintenanceMarginRate);
        return Fixed.of(e.multiply(f).setScale(9, RoundingMode.HALF_EVEN));
    }

    /** Null when the entry is acceptable, else why not. */
    public String vet(Side side, long entry, long stop, int leverage) {
        if (leverage > maxLeverage) {
            return "leverage " + leverage + "x above the cap of " + maxLeverage + "x";
        }
        long liq = liquidationPrice(side, entry, leverage);
        long liqDist = Math.abs(entry - liq);
        long stopDist = Math.abs(entry - stop);
        BigDecimal need = Fixed.toDecimal(stopDist).multiply(bufferMultiple);
        if (Fixed.toDecimal(liqDist).compareTo(need) < 0) {
            return "liquidation at " + Fixed.format(liq) + " is " + Fixed.format(liqDist) + " from the entry, less than "
                    + bufferMultiple.toPlainString() + " x the stop distance " + Fixed.format(stopDist);
        }
        return null;
    }

    /** The highest leverage (at most the cap) that {@link #vet} accepts for this entry and stop, or 0 when none does. */
    public int maxSafeLeverage(Side side, long entry, long stop) {
        for (int l = maxLeverage; l >= 1; l--) {
            if (vet(side, entry, stop, l) == null) {
                return l;
            }
        }
        return 0;
    }
}
