package dev.flof.orderflow.signal;

/**
 * CVD divergence at swing extremes (spec F12, T9). Swings come from a zigzag on price with reversal rho ticks;
 * CVD is sampled at the swing extreme's own point (the first print at the extreme price), not at the point that
 * confirmed the swing. Bearish: a confirmed swing high above the previous swing high whose CVD is below the
 * previous high's CVD minus epsilon; bullish mirror on lows. A swing is knowable only when the reversal
 * confirms it, so the divergence is reported at the confirming point.
 */
public final class CvdDivergence {
    private final long reversalTicks;
    private final long epsilon;
    private int dir;
    private boolean started;
    // extreme candidate of the current leg (or, while dir == 0, both)
    private long hiPrice;
    private long hiTs;
    private long hiCvd;
    private long loPrice;
    private long loTs;
    private long loCvd;
    // previous confirmed swings
    private boolean hasHigh;
    private long lastHighPrice;
    private long lastHighCvd;
    private long lastHighTs;
    private boolean hasLow;
    private long lastLowPrice;
    private long lastLowCvd;
    private long lastLowTs;
    // result of the last call
    private long swingTs;
    private long swingPrice;
    private long swingCvd;
    private long priorTs;
    private long priorPrice;
    private long priorCvd;

    public CvdDivergence(long reversalTicks, long epsilon) {
        if (reversalTicks <= 0 || epsilon < 0) {
            throw new IllegalArgumentException("reversal must be positive and epsilon not negative");
        }
        this.reversalTicks = reversalTicks;
        this.epsilon = epsilon;
    }

    /**
     * Feeds one point.
     *
     * @return -1 bearish divergence confirmed, +1 bullish, 0 none
     */
    public int onPoint(long ts, long priceTick, long cvd) {
        if (!started) {
            started = true;
            hiPrice = loPrice = priceTick;
            hiTs = loTs = ts;
            hiCvd = loCvd = cvd;
            return 0;
        }
        int out = 0;
        if (dir >= 0 && priceTick > hiPrice) {
            hiPrice = priceTick;
            hiTs = ts;
            hiCvd = cvd;
        }
        if (dir <= 0 && priceTick < loPrice) {
            loPrice = priceTick;
            loTs = ts;
            loCvd = cvd;
        }
        if (dir == 0) {
            if (priceTick - loPrice >= reversalTicks) {
                out = confirmLow();
                dir = 1;
                hiPrice = priceTick;
                hiTs = ts;
                hiCvd = cvd;
            } else if (hiPrice - priceTick >= reversalTicks) {
                out = confirmHigh();
                dir = -1;
                loPrice = priceTick;
                loTs = ts;
                loCvd = cvd;
            }
        } else if (dir > 0 && hiPrice - priceTick >= reversalTicks) {
            out = confirmHigh();
            dir = -1;
            loPrice = priceTick;
            loTs = ts;
            loCvd = cvd;
        } else if (dir < 0 && priceTick - loPrice >= reversalTicks) {
            out = confirmLow();
            dir = 1;
            hiPrice = priceTick;
            hiTs = ts;
            hiCvd = cvd;
        }
        return out;
    }

    private int confirmHigh() {
        int out = 0;
        if (hasHigh && hiPrice > lastHighPrice && hiCvd < lastHighCvd - epsilon) {
            out = -1;
            record(hiTs, hiPrice, hiCvd, lastHighTs, lastHighPrice, lastHighCvd);
        }
        hasHigh = true;
        lastHighPrice = hiPrice;
        lastHighCvd = hiCvd;
        lastHighTs = hiTs;
        return out;
    }

    private int confirmLow() {
        int out = 0;
        if (hasLow && loPrice < lastLowPrice && loCvd > lastLowCvd + epsilon) {
            out = 1;
            record(loTs, loPrice, loCvd, lastLowTs, lastLowPrice, lastLowCvd);
        }
        hasLow = true;
        lastLowPrice = loPrice;
        lastLowCvd = loCvd;
        lastLowTs = loTs;
        return out;
    }

    private void record(long ts, long price, long cvd, long pts, long pprice, long pcvd) {
        swingTs = ts;
        swingPrice = price;
        swingCvd = cvd;
        priorTs = pts;
        priorPrice = pprice;
        priorCvd = pcvd;
    }

    /** Timestamp of the swing extreme of the last divergence. */
    public long swingTs() {
        return swingTs;
    }

    public long swingPrice() {
        return swingPrice;
    }

    public long swingCvd() {
        return swingCvd;
    }

    public long priorTs() {
        return priorTs;
    }

    public long priorPrice() {
        return priorPrice;
    }

    public long priorCvd() {
        return priorCvd;
    }
}
