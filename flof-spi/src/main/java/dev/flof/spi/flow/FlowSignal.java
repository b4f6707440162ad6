package dev.flof.spi.flow;

import dev.flof.spi.market.Side;
import java.util.Map;

/**
 * An order-flow signal with the numbers that triggered it, e.g. {@code ABSORPTION}, {@code DELTA_FLIP},
 * {@code STACKED_IMBALANCE}, {@code TAPE_SPEED_SPIKE}, {@code LARGE_PRINT}, {@code BAILOUT}, {@code CVD_DIVERGENCE}.
 *
 * @param tsEvent exchange time the signal became true (the trade or quote that completed it)
 * @param price   fixed-point price the signal refers to (0 if none)
 */
public record FlowSignal(String symbol, String type, long tsEvent, Side side, long price, Map<String, Double> values) {
    public FlowSignal {
        // Sorted, so anything that prints a signal prints it the same way in every run (Map.copyOf's
        // iteration order changes from one JVM to the next).
        values = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(values));
    }
}
