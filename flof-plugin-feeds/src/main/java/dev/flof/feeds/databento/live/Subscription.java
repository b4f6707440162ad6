package dev.flof.feeds.databento.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One subscription request (§8 step 5): a schema for a list of symbols, optionally with intraday replay
 * from {@code start} (ns since the epoch or ISO-8601) or a snapshot. The gateway takes at most
 * {@value #MAX_SYMBOLS_PER_LINE} symbols per line, so {@link #lines()} splits longer lists, marking only
 * the final chunk {@code is_last=1}.
 *
 * @param id client subscription id echoed in the gateway's acknowledgement; null to omit
 */
public record Subscription(String schema, String stypeIn, List<String> symbols, String start, boolean snapshot, Integer id) {
    public static final int MAX_SYMBOLS_PER_LINE = 500;

    public Subscription {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(stypeIn, "stypeIn");
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one symbol");
        }
        for (String s : symbols) {
            if (s.isBlank() || s.indexOf(',') >= 0 || s.indexOf('|') >= 0 || s.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("invalid symbol '" + s + "'");
            }
        }
        if (schema.isBlank() || schema.indexOf('|') >= 0 || stypeIn.indexOf('|') >= 0) {
            throw new IllegalArgumentException("invalid schema or stype_in");
        }
        if (start != null && (start.isBlank() || start.indexOf('|') >= 0)) {
            throw new IllegalArgumentException("invalid start '" + start + "'");
        }
        if (snapshot && start != null) {
            throw new IllegalArgumentException("snapshot cannot be combined with an intraday replay start");
        }
    }

    /** Raw symbols, no replay, no snapshot, no id. */
    public static Subscription of(String schema, List<String> symbols) {
        return new Subscription(schema, "raw_symbol", symbols, null, false, null);
    }

    /** The same subscription with intraday replay from {@code startNanos}. */
    public Subscription withStart(long startNanos) {
        return new Subscription(schema, stypeIn, symbols, Long.toUnsignedString(startNanos), false, id);
    }

    /** What a reconnect re-sends: everything but the replay start. */
    public Subscription withoutStart() {
        return new Subscription(schema, stypeIn, symbols, null, snapshot, id);
    }

    public Subscription withId(Integer value) {
        return new Subscription(schema, stypeIn, symbols, start, snapshot, value);
    }

    /** The request lines, without newlines, in order. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (int from = 0; from < symbols.size(); from += MAX_SYMBOLS_PER_LINE) {
            int to = Math.min(symbols.size(), from + MAX_SYMBOLS_PER_LINE);
            StringBuilder sb = new StringBuilder()
                    .append("schema=").append(schema)
                    .append("|stype_in=").append(stypeIn)
                    .append("|symbols=").append(String.join(",", symbols.subList(from, to)))
                    .append("|snapshot=").append(snapshot ? 1 : 0)
                    .append("|is_last=").append(to == symbols.size() ? 1 : 0);
            if (start != null) {
                sb.append("|start=").append(start);
            }
            if (id != null) {
                sb.append("|id=").append(Integer.toUnsignedString(id));
            }
            out.add(sb.toString());
        }
        return out;
    }
}
