package dev.flof.feeds.replay;

import dev.flof.spi.ext.ReplaySourceProvider.ReplayException;
import dev.flof.spi.market.Fixed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Small helpers for the text readers: transparent gzip, first-line sniffing and exact number parsing. */
public final class TextFiles {
    private TextFiles() {
    }

    public static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    public static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 1 << 16);
    }

    /** The first line of a (possibly gzipped) text file, or "" if unreadable; never throws. */
    public static String firstLine(Path file) {
        try (BufferedReader r = reader(file)) {
            String l = r.readLine();
            return l == null ? "" : stripBom(l).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    public static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    public static String name(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** Exact decimal to fixed-point; the error names the file, place and field. */
    public static long fixed(Path file, String where, String field, String text) throws ReplayException {
        try {
            return Fixed.parse(text);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ReplayException(file, where, field + ": not an exact decimal with at most 9 places: '" + text + "'");
        }
    }

    /**
     * Like {@link #fixed} but rounds half-even to 9 decimal places, for columns written from binary floats
     * (e.g. {@code 218102.59507500002}); {@code rounded[0]} tells the caller whether it rounded, so the
     * reader can count it.
     */
    public static long fixedRounded(Path file, String where, String field, String text, boolean[] rounded) throws ReplayException {
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(text.trim());
            java.math.BigDecimal r = d.setScale(9, java.math.RoundingMode.HALF_EVEN);
            rounded[0] = r.compareTo(d) != 0;
            return Fixed.of(r);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ReplayException(file, where, field + ": not a decimal number: '" + text + "'");
        }
    }

    public static long integer(Path file, String where, String field, String text) throws ReplayException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ReplayException(file, where, field + ": not an integer: '" + text + "'");
        }
    }

    /**
     * A FLOF plain CSV: named {@code *<suffix>} (or {@code *<suffix>.gz}), or any {@code .csv}/{@code .csv.gz}
     * whose first line is {@code header}.
     */
    static boolean isPlainCsv(Path file, String suffix, String header) {
        String n = name(file);
        return n.endsWith(suffix) || n.endsWith(suffix + ".gz")
                || ((n.endsWith(".csv") || n.endsWith(".csv.gz")) && firstLine(file).equalsIgnoreCase(header));
    }
}
