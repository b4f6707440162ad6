package dev.flof.host.protect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * News blackout (issue 11): a calendar of scheduled releases (CPI, FOMC, NFP...) that blocks new entries from
 * {@code minutesBefore} before to {@code minutesAfter} after each one. A release is a gap the stop cannot bound
 * and a spread/speed regime the quarantine only sees once it has started; the calendar knows in advance.
 *
 * <p>File format (UTF-8, one event a line, {@code #} comments and blank lines ignored):
 * <pre>2026-12-10T13:30:00Z,CPI,5,15</pre>
 * that is ISO-8601 UTC instant, name, minutes before, minutes after. A malformed line is an error naming the
 * file and line.
 *
 * <p>Wired in {@link ProtectedDesk}, the engine's entry door: a blocked entry never reaches the risk gate and the
 * graded setup is journaled with the reason. The file comes from {@code protect.newsCalendar}.
 */
public final class NewsBlackout {
    /** One scheduled release. */
    public record Release(long tsNanos, String name, int minutesBefore, int minutesAfter) {
        long from() {
            return tsNanos - minutesBefore * 60_000_000_000L;
        }

        long to() {
            return tsNanos + minutesAfter * 60_000_000_000L;
        }
    }

    /** A malformed calendar line. */
    public static final class CalendarException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        CalendarException(String message) {
            super(message);
        }
    }

    private final List<Release> releases;

    public NewsBlackout(List<Release> releases) {
        List<Release> r = new ArrayList<>(releases);
        r.sort(Comparator.comparingLong(Release::tsNanos).thenComparing(Release::name));
        this.releases = List.copyOf(r);
    }

    public static NewsBlackout none() {
        return new NewsBlackout(List.of());
    }

    public List<Release> releases() {
        return releases;
    }

    /** Reads a calendar file (format in the class comment). */
    public static NewsBlackout load(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses calendar lines; {@code source} names the file in errors. */
    public static NewsBlackout parse(String source, List<String> lines) {
        List<Release> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1);
            String[] f = line.split(",", -1);
            if (f.length != 4) {
                throw new CalendarException(where + ": expected 'instant,name,minutesBefore,minutesAfter', got '" + line + "'");
            }
            long ts;
            try {
                Instant at = Instant.parse(f[0].strip());
                ts = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
            } catch (DateTimeParseException e) {
                throw new CalendarException(where + ": '" + f[0].strip() + "' is not an ISO-8601 UTC instant (e.g. 2026-12-10T13:30:00Z)");
            }
            String name = f[1].strip();
            if (name.isEmpty()) {
                throw new CalendarException(where + ": empty event name");
            }
            out.add(new Release(ts, name, minutes(where, "minutesBefore", f[2]), minutes(where, "minutesAfter", f[3])));
        }
        return new NewsBlackout(out);
    }

    private static int minutes(String where, String key, String v) {
        try {
            int m = Integer.parseInt(v.strip());
            if (m < 0 || m > 24 * 60) {
                throw new CalendarException(where + ": " + key + " must be between 0 and 1440, got " + m);
            }
            return m;
        } catch (NumberFormatException e) {
            throw new CalendarException(where + ": " + key + " is not a whole number of minutes: '" + v.strip() + "'");
        }
    }

    /**
     * Null when no release blocks an entry at {@code tsNanos}, else which one does, in the words a trader reads
     * in the journal: {@code news blackout CPI 08:30 ET (2026-12-10T13:30:00Z, -5/+15 min)}.
     */
    public String entryBlocked(long tsNanos) {
        for (Release r : releases) {
            if (tsNanos >= r.from() && tsNanos < r.to()) {
                Instant at = Instant.ofEpochSecond(0, r.tsNanos());
                return "news blackout " + r.name() + " " + ET_TIME.format(at.atZone(NEW_YORK)) + " ET (" + at + ", -"
                        + r.minutesBefore() + "/+" + r.minutesAfter() + " min)";
            }
        }
        return null;
    }

    private static final java.time.ZoneId NEW_YORK = java.time.ZoneId.of("America/New_York");
    private static final java.time.format.DateTimeFormatter ET_TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
}
