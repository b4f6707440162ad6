package dev.flof.orderflow.io;

import dev.flof.spi.market.Fixed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the FLOF trades CSV {@code ts_ns,price,size,side} (side B, S or N; {@code #} comment lines, an optional
 * header line starting with {@code ts_ns}). Prices become exact tick indices, sizes fixed-point 1e-9. A price off
 * the tick grid is rejected and counted (spec §2.3); any other malformed line is an {@link InputFormatException}
 * naming file and line.
 */
public final class TradesCsv {
    private TradesCsv() {
    }

    public static TradeTape read(Path file, BigDecimal tick) {
        TradeTape tape = new TradeTape();
        long tickFixed = Fixed.of(tick);
        if (tickFixed <= 0) {
            throw new IllegalArgumentException("tick must be positive, got " + tick.toPlainString());
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#") || (no == 1 && s.startsWith("ts_ns"))) {
                    continue;
                }
                String[] f = s.split(",", -1);
                if (f.length != 4) {
                    throw new InputFormatException(file, no, "expected 4 fields ts_ns,price,size,side, got " + f.length);
                }
                long ts;
                try {
                    ts = Long.parseLong(f[0].trim());
                } catch (NumberFormatException e) {
                    throw new InputFormatException(file, no, "ts_ns is not an integer: '" + f[0] + "'");
                }
                long price = decimal(file, no, "price", f[1]);
                long qty = decimal(file, no, "size", f[2]);
                if (qty <= 0) {
                    throw new InputFormatException(file, no, "size must be positive, got '" + f[2].trim() + "'");
                }
                int side = switch (f[3].trim()) {
                    case "B" -> 1;
                    case "S" -> -1;
                    case "N" -> 0;
                    default -> throw new InputFormatException(file, no, "side must be B, S or N, got '" + f[3].trim() + "'");
                };
                if (price % tickFixed != 0) {
                    tape.countOffGrid();
                    continue;
                }
                tape.add(ts, price / tickFixed, qty, side);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return tape;
    }

    static long decimal(Path file, long no, String what, String text) {
        try {
            return Fixed.parse(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InputFormatException(file, no, what + " is not a decimal with at most 9 places: '" + text.trim() + "'");
        }
    }
}
