package dev.flof.orderflow.core;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A signal with the numbers that triggered it. Emitted rarely, so allocating one is fine; the per-trade path
 * that decides whether to emit is allocation-free.
 *
 * @param ts        exchange time the signal became knowable (the trade/quote/time advance that completed it)
 * @param side      {@link Side#BUY} bullish, {@link Side#SELL} bearish, {@link Side#UNKNOWN} neutral
 * @param priceTick tick index the signal refers to
 * @param values    named numbers, sorted by name so output is deterministic
 */
public record Signal(SignalType type, long ts, int side, long priceTick, SortedMap<String, Double> values) {
    public Signal {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** Builds the value map from alternating name/value pairs. */
    public static SortedMap<String, Double> values(Object... nameValue) {
        TreeMap<String, Double> m = new TreeMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], ((Number) nameValue[i + 1]).doubleValue());
        }
        return m;
    }

    public double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(type + " has no value '" + name + "' (has " + values.keySet() + ")");
        }
        return v;
    }
}
