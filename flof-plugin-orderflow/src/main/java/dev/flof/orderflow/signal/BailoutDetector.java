package dev.flof.orderflow.signal;

import dev.flof.orderflow.tape.TradeWindow;

/**
 * Bailout (spec F10, T7): longs bailing out when the sell share {@code S / (S + B)} over the window is at least
 * 0.80 during a tape-speed spike (80 % is a share of volume, not {@code delta/volume <= -0.8}, which would need
 * 90 % sells); mirror for shorts. Fires once per episode: it re-arms when the spike ends or that side's
 * share falls below one half, so a share hovering around 80 % is one bailout, not many.
 */
public final class BailoutDetector {
    private final TradeWindow trades;
    private final double share;
    private boolean longOn;
    private boolean shortOn;

    public BailoutDetector(long windowNanos, double share, int capacity) {
        this.trades = new TradeWindow(windowNanos, capacity);
        this.share = share;
    }

    public void advanceTo(long t) {
        trades.advanceTo(t);
    }

    /**
     * @return -1 long bailout (bearish), +1 short bailout (bullish), 0 nothing new
     */
    public int onTrade(long t, long seq, long tick, long qty, int side, boolean speedSpike) {
        trades.add(t, seq, tick, qty, side);
        long s = trades.sellVolume();
        long b = trades.buyVolume();
        long v = s + b;
        boolean longs = speedSpike && v > 0 && s >= share * v;
        boolean shorts = speedSpike && v > 0 && b >= share * v;
        int out = 0;
        if (longs && !longOn) {
            out = -1;
            longOn = true;
        } else if (shorts && !shortOn) {
            out = 1;
            shortOn = true;
        }
        // hysteresis: one report per side per episode; re-arm when the spike ends or the flow turned
        if (longOn && (!speedSpike || 2 * s < v)) {
            longOn = false;
        }
        if (shortOn && (!speedSpike || 2 * b < v)) {
            shortOn = false;
        }
        return out;
    }

    /** Seller-initiated share of classified volume in the window (NaN when empty). */
    public double sellShare() {
        long v = trades.sellVolume() + trades.buyVolume();
        return v == 0 ? Double.NaN : (double) trades.sellVolume() / v;
    }

    public long sellVolume() {
        return trades.sellVolume();
    }

    public long buyVolume() {
        return trades.buyVolume();
    }
}
