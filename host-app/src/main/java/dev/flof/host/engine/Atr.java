package dev.flof.host.engine;

import dev.flof.spi.event.Bar;

/**
 * Wilder's average true range over closed bars, in fixed-point price units. Before {@code period} bars it
 * is the simple mean of the true ranges seen so far (0 before the first bar), so a young run still has a
 * halo that scales with the market.
 */
public final class Atr {
    private final int period;
    private long prevClose = Long.MIN_VALUE;
    private double value;
    private int count;

    public Atr(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("ATR period must be at least 1");
        }
        this.period = period;
    }

    public void onBar(Bar b) {
        long tr = b.high() - b.low();
        if (prevClose != Long.MIN_VALUE) {
            tr = Math.max(tr, Math.max(Math.abs(b.high() - prevClose), Math.abs(b.low() - prevClose)));
        }
        prevClose = b.close();
        count++;
        if (count <= period) {
            value += (tr - value) / count;
        } else {
            value = (value * (period - 1) + tr) / period;
        }
    }

    /** The current ATR, fixed-point, rounded to the nearest unit. */
    public long value() {
        return Math.round(value);
    }

    public int bars() {
        return count;
    }
}
