package dev.flof.feeds.replay;

import dev.flof.spi.event.Bar;
import dev.flof.spi.ext.ReplaySourceProvider.ReplayException;
import dev.flof.spi.market.Timeframe;
import java.nio.file.Path;

/** Builds a checked {@link Bar} from text fields, naming the file and place on bad input. */
final class CsvBars {
    private CsvBars() {
    }

    static Bar bar(Path file, String where, String symbol, Timeframe tf, long openNs, long closeNs,
                   String o, String h, String l, String c, String v, long seq) throws ReplayException {
        long op = TextFiles.fixed(file, where, "open", o);
        long hi = TextFiles.fixed(file, where, "high", h);
        long lo = TextFiles.fixed(file, where, "low", l);
        long cl = TextFiles.fixed(file, where, "close", c);
        long vol = TextFiles.fixed(file, where, "volume", v);
        return bar(file, where, symbol, tf, openNs, closeNs, op, hi, lo, cl, vol, seq);
    }

    static Bar bar(Path file, String where, String symbol, Timeframe tf, long openNs, long closeNs,
                   long op, long hi, long lo, long cl, long vol, long seq) throws ReplayException {
        if (vol < 0) {
            throw new ReplayException(file, where, "negative volume");
        }
        try {
            // Bars from files carry no aggressor split and no trade count; VWAP unknown -> close.
            return new Bar(symbol, tf, openNs, closeNs, closeNs, seq, op, hi, lo, cl, vol, 0, 0, 0, cl);
        } catch (IllegalArgumentException e) {
            throw new ReplayException(file, where, e.getMessage());
        }
    }
}
