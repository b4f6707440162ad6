package dev.flof.smc.parity;

import dev.flof.smc.model.SmcBar;
import dev.flof.spi.market.Fixed;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the golden bar CSV ({@code timestamp,open,high,low,close,volume}; timestamp = bar open time,
 * ISO-8601 UTC; decimal prices). Strict: any malformed row is an error naming file and line, because a
 * parity run on silently repaired data proves nothing. A bar's close time is its open time plus the bar
 * duration, which is the smallest gap between consecutive timestamps (gaps in the data are not filled).
 */
public final class BarCsv {
    public static final String HEADER = "timestamp,open,high,low,close,volume";

    private BarCsv() {
    }

    public static List<SmcBar> read(Path file) {
        List<long[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new BarCsvException(file, 1, "empty file (expected header '" + HEADER + "')");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (!header.trim().equals(HEADER)) {
                throw new BarCsvException(file, 1, "expected header '" + HEADER + "', got '" + header + "'");
            }
            String line;
            long no = 1;
            long prev = Long.MIN_VALUE;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 6) {
                    throw new BarCsvException(file, no, "expected 6 fields, got " + f.length);
                }
                long ts;
                try {
                    Instant i = Instant.parse(f[0].trim());
                    ts = Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
                } catch (DateTimeParseException | ArithmeticException e) {
                    throw new BarCsvException(file, no, "bad timestamp '" + f[0] + "' (expected ISO-8601 UTC, e.g. 2023-03-13T18:00:00Z)");
                }
                if (ts <= prev) {
                    throw new BarCsvException(file, no, "timestamp " + f[0] + " does not increase");
                }
                prev = ts;
                long[] v = new long[6];
                v[0] = ts;
                String[] names = {"timestamp", "open", "high", "low", "close", "volume"};
                for (int k = 1; k < 6; k++) {
                    try {
                        v[k] = Fixed.parse(f[k]);
                    } catch (NumberFormatException | ArithmeticException e) {
                        throw new BarCsvException(file, no, "bad " + names[k] + " '" + f[k] + "' (a decimal with at most 9 places)");
                    }
                }
                if (v[2] < v[1] || v[2] < v[4] || v[3] > v[1] || v[3] > v[4] || v[2] < v[3]) {
                    throw new BarCsvException(file, no, "inconsistent OHLC: open " + f[1] + " high " + f[2] + " low " + f[3] + " close " + f[4]);
                }
                if (v[5] < 0) {
                    throw new BarCsvException(file, no, "negative volume " + f[5]);
                }
                rows.add(v);
            }
        } catch (IOException e) {
            throw new BarCsvException(file, 0, "cannot read: " + e.getMessage());
        }
        long step = Long.MAX_VALUE;
        for (int i = 1; i < rows.size(); i++) {
            step = Math.min(step, rows.get(i)[0] - rows.get(i - 1)[0]);
        }
        if (step == Long.MAX_VALUE) {
            step = 60_000_000_000L;
        }
        List<SmcBar> bars = new ArrayList<>(rows.size());
        for (long[] v : rows) {
            bars.add(new SmcBar(v[0], v[0] + step, v[1], v[2], v[3], v[4], v[5]));
        }
        return bars;
    }
}
