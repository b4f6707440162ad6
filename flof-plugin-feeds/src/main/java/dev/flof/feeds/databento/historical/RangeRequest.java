package dev.flof.feeds.databento.historical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters shared by {@code timeseries.get_range} and the cost endpoints (§6.1, §6.2).
 *
 * @param dataset  e.g. {@code GLBX.MDP3}
 * @param schema   e.g. {@code trades}, {@code ohlcv-1m}
 * @param symbols  symbols in {@code stypeIn}, or {@code ALL_SYMBOLS}; never empty
 * @param start    inclusive, ISO-8601 date/datetime or ns since the epoch
 * @param end      exclusive, same forms; null to omit
 * @param stypeIn  e.g. {@code raw_symbol}, {@code continuous}, {@code parent}
 * @param stypeOut e.g. {@code instrument_id}
 * @param limit    maximum records; null for no limit
 */
public record RangeRequest(String dataset, String schema, List<String> symbols, String start, String end,
                           String stypeIn, String stypeOut, Long limit) {
    public RangeRequest {
        requireText(dataset, "dataset");
        requireText(schema, "schema");
        requireText(start, "start");
        requireText(stypeIn, "stype_in");
        requireText(stypeOut, "stype_out");
        Objects.requireNonNull(symbols, "symbols");
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols must not be empty (use ALL_SYMBOLS for all)");
        }
        for (String s : symbols) {
            requireText(s, "symbol");
            if (s.indexOf(',') >= 0) {
                throw new IllegalArgumentException("symbol must not contain a comma: '" + s + "'");
            }
        }
        if (end != null && end.isBlank()) {
            end = null;
        }
        if (limit != null && limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }

    /** Defaults: {@code stype_in=raw_symbol}, {@code stype_out=instrument_id}, no limit. */
    public static RangeRequest of(String dataset, String schema, List<String> symbols, String start, String end) {
        return new RangeRequest(dataset, schema, symbols, start, end, "raw_symbol", "instrument_id", null);
    }

    public RangeRequest withStypeIn(String value) {
        return new RangeRequest(dataset, schema, symbols, start, end, value, stypeOut, limit);
    }

    public RangeRequest withLimit(Long value) {
        return new RangeRequest(dataset, schema, symbols, start, end, stypeIn, stypeOut, value);
    }

    private static void requireText(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    /** Form fields for the cost endpoints, in a fixed order. */
    Map<String, String> costForm() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("dataset", dataset);
        f.put("schema", schema);
        f.put("symbols", String.join(",", symbols));
        f.put("start", start);
        if (end != null) {
            f.put("end", end);
        }
        f.put("stype_in", stypeIn);
        f.put("stype_out", stypeOut);
        if (limit != null) {
            f.put("limit", Long.toString(limit));
        }
        return f;
    }

    /** Form fields for {@code timeseries.get_range}: the cost fields plus DBN encoding and zstd compression. */
    Map<String, String> rangeForm() {
        Map<String, String> f = costForm();
        f.put("encoding", "dbn");
        f.put("compression", "zstd");
        return f;
    }
}
