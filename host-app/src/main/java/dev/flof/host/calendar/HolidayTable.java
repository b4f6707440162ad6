package dev.flof.host.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Exchange closures and early closes as data, so a new year (or CME's occasional deviation) is a row in a
 * table or a config entry, not a code change. Keyed by trading-day date; later rows override earlier ones.
 */
public final class HolidayTable {
    /** What happens on one trading-day date. {@code earlyClose} is null for a full closure. */
    public record Rule(LocalDate date, Kind kind, LocalTime earlyClose, String name) {
        public Rule {
            if (kind == Kind.EARLY && earlyClose == null) {
                throw new IllegalArgumentException("early close on " + date + " needs a close time");
            }
        }
    }

    public enum Kind { CLOSED, EARLY }

    private final TreeMap<LocalDate, Rule> rules;

    private HolidayTable(TreeMap<LocalDate, Rule> rules) {
        this.rules = rules;
    }

    public static HolidayTable empty() {
        return new HolidayTable(new TreeMap<>());
    }

    /** The bundled CME Globex equity table (2013-2027). */
    public static HolidayTable cmeEquity() {
        String res = "/dev/flof/host/calendar/cme-equity-holidays.csv";
        try (InputStream in = HolidayTable.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + res);
            }
            return parse(res, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses {@code date,kind,close_et,name} rows ({@code kind} = closed | early); {@code #} starts a
     * comment. Errors name the source and line.
     */
    public static HolidayTable parse(String source, Reader reader) throws IOException {
        TreeMap<LocalDate, Rule> map = new TreeMap<>();
        BufferedReader br = new BufferedReader(reader);
        String line;
        int no = 0;
        while ((line = br.readLine()) != null) {
            no++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split(",", 4);
            if (f.length < 3) {
                throw new IllegalArgumentException(source + ":" + no + ": expected date,kind,close_et[,name], got '" + t + "'");
            }
            try {
                LocalDate d = LocalDate.parse(f[0].strip());
                String kind = f[1].strip().toLowerCase(java.util.Locale.ROOT);
                String name = f.length > 3 ? f[3].strip() : "";
                Rule r = switch (kind) {
                    case "closed" -> new Rule(d, Kind.CLOSED, null, name);
                    case "early" -> new Rule(d, Kind.EARLY, LocalTime.parse(f[2].strip()), name);
                    default -> throw new IllegalArgumentException("kind must be closed or early, got '" + f[1] + "'");
                };
                map.put(d, r);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + no + ": " + e.getMessage(), e);
            }
        }
        return new HolidayTable(map);
    }

    /** This table with {@code extra}'s rows added (and overriding rows of the same date). */
    public HolidayTable with(HolidayTable extra) {
        TreeMap<LocalDate, Rule> m = new TreeMap<>(rules);
        m.putAll(extra.rules);
        return new HolidayTable(m);
    }

    public HolidayTable with(Rule rule) {
        TreeMap<LocalDate, Rule> m = new TreeMap<>(rules);
        m.put(rule.date(), rule);
        return new HolidayTable(m);
    }

    public boolean closed(LocalDate d) {
        Rule r = rules.get(d);
        return r != null && r.kind() == Kind.CLOSED;
    }

    public Optional<LocalTime> earlyClose(LocalDate d) {
        Rule r = rules.get(d);
        return r != null && r.kind() == Kind.EARLY ? Optional.of(r.earlyClose()) : Optional.empty();
    }

    public Optional<Rule> rule(LocalDate d) {
        return Optional.ofNullable(rules.get(d));
    }

    public Map<LocalDate, Rule> rules() {
        return Collections.unmodifiableMap(rules);
    }
}
