package dev.flof.orderflow.io;

import dev.flof.spi.market.Fixed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a top-of-book CSV {@code ts_ns,bid_px,bid_sz,ask_px,ask_sz} ({@code #} comments, optional header line
 * starting with {@code ts_ns}). Prices must be on the tick grid (an off-grid quote is an error: a book price
 * off the grid means the tick is wrong).
 */
public final class QuotesCsv {
    /** Quotes in columns: ts, bid tick, bid size (fixed), ask tick, ask size (fixed). */
    public record Quotes(long[] ts, long[] bidTick, long[] bidSize, long[] askTick, long[] askSize, int size) {
    }

    private QuotesCsv() {
    }

    public static Quotes read(Path file, BigDecimal tick) {
        long tickFixed = Fixed.of(tick);
        int cap = 1024;
        long[][] c = new long[5][cap];
        int n = 0;
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
                if (f.length != 5) {
                    throw new InputFormatException(file, no, "expected 5 fields ts_ns,bid_px,bid_sz,ask_px,ask_sz, got " + f.length);
                }
                if (n == cap) {
                    cap *= 2;
                    for (int k = 0; k < 5; k++) {
                        c[k] = Arrays.copyOf(c[k], cap);
                    }
                }
                try {
                    c[0][n] = Long.parseLong(f[0].trim());
                } catch (NumberFormatException e) {
                    throw new InputFormatException(file, no, "ts_ns is not an integer: '" + f[0] + "'");
                }
                long bid = TradesCsv.decimal(file, no, "bid_px", f[1]);
                long ask = TradesCsv.decimal(file, no, "ask_px", f[3]);
                if (bid % tickFixed != 0 || ask % tickFixed != 0) {
                    throw new InputFormatException(file, no, "quote price off the tick grid " + tick.toPlainString());
                }
                c[1][n] = bid / tickFixed;
                c[2][n] = TradesCsv.decimal(file, no, "bid_sz", f[2]);
                c[3][n] = ask / tickFixed;
                c[4][n] = TradesCsv.decimal(file, no, "ask_sz", f[4]);
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Quotes(c[0], c[1], c[2], c[3], c[4], n);
    }
}
