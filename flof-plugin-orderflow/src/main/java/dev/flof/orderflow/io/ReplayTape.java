package dev.flof.orderflow.io;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.CommandExtension;
import dev.flof.spi.ext.ReplaySourceProvider;
import dev.flof.spi.market.Fixed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads trades (and the top of book, when the file has it) from any format the host can replay (DBN,
 * Binance captures, ...) through the host's readers, into the same primitive columns as {@link TradesCsv}.
 * Aggressor sides come from the reader (venue flag, quote rule, tick rule), as in a backtest.
 */
public final class ReplayTape {
    /** Trades and quotes of one file. {@code quotes} is null when the file has none. */
    public record Read(TradeTape trades, QuotesCsv.Quotes quotes) {
    }

    private ReplayTape() {
    }

    public static Read read(CommandExtension.ReplayOpener opener, Path file, BigDecimal tick) {
        long tickFixed = Fixed.of(tick);
        TradeTape tape = new TradeTape();
        long[] qts = new long[1024];
        long[][] q = new long[4][1024];
        int nq = 0;
        try (ReplaySourceProvider.ReplaySource src = opener.open(file)) {
            Event e;
            while ((e = src.next()) != null) {
                if (e instanceof Trade t) {
                    if (t.price() % tickFixed != 0) {
                        tape.countOffGrid();
                        continue;
                    }
                    tape.add(t.tsEvent(), t.price() / tickFixed, t.size(), t.aggressor().sign());
                } else if (e instanceof Quote qu && qu.twoSided()
                        && qu.bidPrice() % tickFixed == 0 && qu.askPrice() % tickFixed == 0) {
                    if (nq == qts.length) {
                        qts = Arrays.copyOf(qts, 2 * nq);
                        for (int i = 0; i < 4; i++) {
                            q[i] = Arrays.copyOf(q[i], 2 * nq);
                        }
                    }
                    qts[nq] = qu.tsEvent();
                    q[0][nq] = qu.bidPrice() / tickFixed;
                    q[1][nq] = qu.bidSize();
                    q[2][nq] = qu.askPrice() / tickFixed;
                    q[3][nq] = qu.askSize();
                    nq++;
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex.getMessage(), ex);
        }
        QuotesCsv.Quotes quotes = nq == 0 ? null : new QuotesCsv.Quotes(Arrays.copyOf(qts, nq), Arrays.copyOf(q[0], nq),
                Arrays.copyOf(q[1], nq), Arrays.copyOf(q[2], nq), Arrays.copyOf(q[3], nq), nq);
        return new Read(tape, quotes);
    }
}
