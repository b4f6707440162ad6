package dev.flof.orderflow.signal;

/**
 * CVD divergence at swing extremes (spec F12, T9). Swings come from a zigzag on price with reversal rho ticks
 * (optionally relative: at least {@code reversalBp} basis points of the leg's extreme price, so one setting means the
 * same swing size at BTC 800 and at BTC 100,000; the spec's ES value, 1.00 pt at ES ~5000, is 2 bp);
 * CVD is sampled at the swing extreme's own point (the first print at the extreme price), not at the point that
 * confirmed the swing. Bearish: a confirmed swing high above the previous swing high whose CVD is below the
 * previous high's CVD minus epsilon; bullish mirror on lows. A swing is knowable only when the reversal
 * confirms it, so the divergence is reported at the confirming point.
 */
public final class CvdDivergence {
    private final long reversalTicks;
    private final long epsilon;
    private final double reversalBp;
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
        this(reversalTicks, epsilon, 0);
    }

    /**
     * @param reversalTicks the zigzag reversal in ticks (with {@code reversalBp} &gt; 0: its minimum)
     * @param reversalBp    0: fixed reversal; else the reversal is {@code max(reversalTicks, ceil(extreme x bp / 10,000))}
     *                      ticks, extreme = the tick index of the leg's running high (or low)
     */
    public CvdDivergence(long reversalTicks, long epsilon, double reversalBp) {
        if (reversalTicks <= 0 || epsilon < 0 || !(reversalBp >= 0) || Double.isInfinite(reversalBp)) {
            throw new IllegalArgumentException("reversal must be positive, epsilon and reversal bp not negative");
        }
        this.reversalTicks = reversalTicks;
        this.epsilon = epsilon;
        this.reversalBp = reversalBp;
    }

    /** The reversal (ticks) that confirms a swing whose extreme is at tick index {@code extreme}. */
    public long reversalAt(long extreme) {
        if (reversalBp == 0) {
            return reversalTicks;
        }
        return Math.max(reversalTicks, (long) Math.ceil(Math.abs((double) extreme) * reversalBp / 10_000.0));
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
            if (priceTick - loPrice >= reversalAt(loPrice)) {
                out = confirmLow();
                dir = 1;
                hiPrice = priceTick;
                hiTs = ts;
                hiCvd = cvd;
            } else if (hiPrice - priceTick >= reversalAt(hiPrice)) {
                out = confirmHigh();
                dir = -1;
                loPrice = priceTick;
                loTs = ts;
                loCvd = cvd;
            }
        } else if (dir > 0 && hiPrice - priceTick >= reversalAt(hiPrice)) {
            out = confirmHigh();
            dir = -1;
            loPrice = priceTick;
            loTs = ts;
            loCvd = cvd;
        } else if (dir < 0 && priceTick - loPrice >= reversalAt(loPrice)) {
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
