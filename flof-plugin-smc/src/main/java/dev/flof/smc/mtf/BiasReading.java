package dev.flof.smc.mtf;

import dev.flof.spi.structure.Bias;

/**
 * The structure bias of one timeframe with where it came from and when it became knowable, so a grader's
 * evidence can say "4H bias BULLISH since 2013-11-26T20:00Z" rather than just "BULLISH".
 *
 * @param bias    the map's bias of the timeframe
 * @param source  the structure that decides it: the first level with a break, highest first ({@code swing},
 *                {@code internal}), else {@code fractal-<L>} (see {@link FractalBias}); {@code none} while ranging
 * @param since   close time (ns) of the bar at whose close the bias took its current direction; 0 while
 *                ranging. Facts of this timeframe known at or before the map's {@code asOf} only
 * @param level   price of the swing whose break last confirmed the direction (fixed-point), 0 while ranging
 * @param bars    closed bars of the timeframe consumed so far
 */
public record BiasReading(Bias bias, String source, long since, long level, long bars) {
    public static BiasReading none(long bars) {
        return new BiasReading(Bias.RANGING, "none", 0, 0, bars);
    }
}
