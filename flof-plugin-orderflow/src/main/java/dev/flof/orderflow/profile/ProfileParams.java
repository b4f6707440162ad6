package dev.flof.orderflow.profile;

/**
 * Volume-profile parameters (spec F13, §2.3).
 *
 * @param valueAreaFraction target share of volume, 0.70
 * @param rule              value-area expansion rule
 * @param smoothHalfWidth   triangular smoothing half-width w in ticks, 1
 * @param extremumTicks     k: a node is the extreme within +-k ticks, 3
 * @param prominenceFraction minimum prominence as a share of the smoothed maximum, 0.10
 * @param lvnMaxPocFraction an LVN's smoothed volume is at most this share of the smoothed POC, 0.5
 * @param zoneFraction      LVN zone = ticks with smoothed <= valley + zoneFraction * depth, 0.5
 * @param stopBufferTicks   b: a long's stop is zone low - b ticks, a short's zone high + b, 2
 * @param rowTicks          ticks per profile row (1 = the spec's per-tick rows; crypto with a 0.01 tick needs
 *                          wider rows, like NinjaTrader's "ticks per level"); with wider rows every reported price
 *                          is the low edge of its row and the node rules (w, k) count rows
 */
public record ProfileParams(double valueAreaFraction, ValueAreaRule rule, int smoothHalfWidth, int extremumTicks,
                            double prominenceFraction, double lvnMaxPocFraction, double zoneFraction,
                            int stopBufferTicks, int rowTicks) {
    public ProfileParams {
        if (!(valueAreaFraction > 0 && valueAreaFraction <= 1)) {
            throw new IllegalArgumentException("value area fraction must be in (0, 1], got " + valueAreaFraction);
        }
        if (smoothHalfWidth < 0 || extremumTicks < 1 || stopBufferTicks < 0 || rowTicks < 1) {
            throw new IllegalArgumentException(
                    "smoothing >= 0, extremum window >= 1, stop buffer >= 0 and row ticks >= 1 required");
        }
        if (prominenceFraction < 0 || lvnMaxPocFraction < 0 || zoneFraction < 0) {
            throw new IllegalArgumentException("profile fractions must not be negative");
        }
    }

    /** The spec's defaults (F13). */
    public static ProfileParams defaults() {
        return new ProfileParams(0.70, ValueAreaRule.CBOT2, 1, 3, 0.10, 0.5, 0.5, 2, 1);
    }

    public ProfileParams withRule(ValueAreaRule r) {
        return new ProfileParams(valueAreaFraction, r, smoothHalfWidth, extremumTicks, prominenceFraction,
                lvnMaxPocFraction, zoneFraction, stopBufferTicks, rowTicks);
    }

    public ProfileParams withRowTicks(int ticks) {
        return new ProfileParams(valueAreaFraction, rule, smoothHalfWidth, extremumTicks, prominenceFraction,
                lvnMaxPocFraction, zoneFraction, stopBufferTicks, ticks);
    }

    public ProfileParams withZoneFraction(double z) {
        return new ProfileParams(valueAreaFraction, rule, smoothHalfWidth, extremumTicks, prominenceFraction,
                lvnMaxPocFraction, z, stopBufferTicks, rowTicks);
    }
}
