package dev.flof.smc.engine;

import dev.flof.smc.model.SmcBar;

/**
 * Average true range with Wilder smoothing, seeded by the simple mean of the first {@code length} true ranges
 * (the mean of what is available until then). In fixed-point units, as a double.
 */
final class Atr {
    private final int length;
    private long n;
    private double value = Double.NaN;
    private long prevClose;
    private double seedSum;

    Atr(int length) {
        this.length = length;
    }

    double update(SmcBar b) {
        double tr = n == 0 ? (double) (b.high() - b.low())
                : Math.max(b.high() - b.low(), Math.max(Math.abs(b.high() - prevClose), Math.abs(b.low() - prevClose)));
        n++;
        if (n <= length) {
            seedSum += tr;
            value = seedSum / n;
        } else {
            value = (value * (length - 1) + tr) / length;
        }
        prevClose = b.close();
        return value;
    }

    double value() {
        return value;
    }
}
