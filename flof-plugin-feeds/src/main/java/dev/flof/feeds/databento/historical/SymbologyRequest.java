package dev.flof.feeds.databento.historical;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parameters of {@code symbology.resolve} (§6.3).
 *
 * @param endDate exclusive; null to omit
 */
public record SymbologyRequest(String dataset, List<String> symbols, String stypeIn, String stypeOut,
                               LocalDate startDate, LocalDate endDate) {
    public SymbologyRequest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(stypeIn, "stypeIn");
        Objects.requireNonNull(stypeOut, "stypeOut");
        Objects.requireNonNull(startDate, "startDate");
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols must not be empty");
        }
        if (endDate != null && !endDate.isAfter(startDate)) {
            throw new IllegalArgumentException("end_date " + endDate + " must be after start_date " + startDate);
        }
    }

    Map<String, String> form() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("dataset", dataset);
        f.put("symbols", String.join(",", symbols));
        f.put("stype_in", stypeIn);
        f.put("stype_out", stypeOut);
        f.put("start_date", startDate.toString());
        if (endDate != null) {
            f.put("end_date", endDate.toString());
        }
        return f;
    }
}
