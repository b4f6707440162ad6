package dev.flof.orderflow.engine;

import dev.flof.orderflow.core.Signal;
import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Converts a signal's engine units into market units at the edge (SPI, CLI): names ending in {@code Tick}
 * become {@code Price} (tick index times tick size), names ending in {@code Qty} lose the suffix and are divided
 * by the size unit; other numbers pass through. One convention, one place.
 */
public final class SignalValues {
    private SignalValues() {
    }

    public static SortedMap<String, Double> inMarketUnits(Signal s, BigDecimal tick, long sizeUnit) {
        SortedMap<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, Double> e : s.values().entrySet()) {
            String k = e.getKey();
            double v = e.getValue();
            if (k.endsWith("Tick")) {
                out.put(k.substring(0, k.length() - 4) + "Price",
                        tick.multiply(BigDecimal.valueOf((long) v)).doubleValue());
            } else if (k.endsWith("Qty")) {
                out.put(k.substring(0, k.length() - 3), v / sizeUnit);
            } else {
                out.put(k, v);
            }
        }
        return out;
    }
}
