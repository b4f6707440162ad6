package dev.flof.feeds.databento.historical;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The answer of {@code symbology.resolve}: for each input symbol, the output symbols valid over date
 * intervals; plus the symbols resolved only in part and those not found. Sorted for deterministic output.
 */
public record SymbologyResolution(SortedMap<String, List<Interval>> result, List<String> partial, List<String> notFound) {
    public SymbologyResolution {
        TreeMap<String, List<Interval>> copy = new TreeMap<>();
        result.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        result = Collections.unmodifiableSortedMap(copy);
        partial = List.copyOf(partial);
        notFound = List.copyOf(notFound);
    }

    /** {@code symbol} (in stype_out) is valid from {@code d0} inclusive to {@code d1} exclusive. */
    public record Interval(LocalDate d0, LocalDate d1, String symbol) {
    }
}
