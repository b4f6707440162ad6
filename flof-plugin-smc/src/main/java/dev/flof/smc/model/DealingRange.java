package dev.flof.smc.model;

/**
 * The current dealing range of a structure level: its latest confirmed swing low and swing high. Premium is
 * above equilibrium (sell zone), discount below (buy zone); the optimal trade entry (OTE) band is the
 * {@code [oteLow, oteHigh]} retracement of the last leg.
 *
 * @param legDirection +1 when the later of the two swings is the high (an up-leg, retracing down into
 *                     discount), -1 when it is the low
 * @param knownIndex   confirmation bar of the later swing
 */
public record DealingRange(long high, long low, long highIndex, long lowIndex, int legDirection,
                           long knownIndex, long knownTime, double oteLow, double oteHigh, double eqBand) {

    /** Zone names of {@link #zone(long)}. */
    public enum Zone { PREMIUM, EQUILIBRIUM, DISCOUNT }

    /** Position of a price in the range: 0 at the low, 1 at the high (can leave [0,1]); NaN for an empty range. */
    public double position(long price) {
        if (high <= low) {
            return Double.NaN;
        }
        return (double) (price - low) / (double) (high - low);
    }

    public Zone zone(long price) {
        double p = position(price);
        if (Double.isNaN(p)) {
            return Zone.EQUILIBRIUM;
        }
        if (p > 0.5 + eqBand / 2) {
            return Zone.PREMIUM;
        }
        if (p < 0.5 - eqBand / 2) {
            return Zone.DISCOUNT;
        }
        return Zone.EQUILIBRIUM;
    }

    /** Upper edge of the OTE band: for an up-leg the {@code oteLow} retracement from the high. */
    public long oteTop() {
        long r = high - low;
        return legDirection > 0 ? high - Math.round(r * oteLow) : low + Math.round(r * oteHigh);
    }

    public long oteBottom() {
        long r = high - low;
        return legDirection > 0 ? high - Math.round(r * oteHigh) : low + Math.round(r * oteLow);
    }

    public boolean inOte(long price) {
        return price >= oteBottom() && price <= oteTop();
    }
}
