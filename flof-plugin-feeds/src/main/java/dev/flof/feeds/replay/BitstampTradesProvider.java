package dev.flof.feeds.replay;

import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.ReplaySourceProvider;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.Extension;

/**
 * The ta4j examples' Bitstamp BTC/USD trades ({@code bitstamp_trades_from_20131125_usd.csv}, a
 * bitcoincharts export: {@code timestamp,price,amount}, unix seconds). It is the product's embedded
 * default data set. The file has no aggressor side and no quotes, so every side comes from the tick
 * rule; the source says so in its notes. Several trades share a second; file order is kept. The export
 * holds a few zero-amount prints (18 in the ta4j file); they are skipped and counted under
 * {@code trades rejected: non-positive size} (config {@code skip-bad-sizes=false} makes them fatal).
 */
@Extension
public class BitstampTradesProvider implements ReplaySourceProvider {
    static final String HEADER = "timestamp,price,amount";
    public static final String TICK_RULE_NOTE = "Bitstamp trades carry no aggressor side and no quotes: every side is "
            + "derived with the tick rule (up-tick = buy, zero tick keeps the previous side) and is approximate";

    @Override
    public String id() {
        return "ta4j-bitstamp";
    }

    @Override
    public String description() {
        return "Bitstamp trades CSV (timestamp,price,amount) as shipped in ta4j-examples";
    }

    @Override
    public boolean accepts(Path file) {
        String n = TextFiles.name(file);
        return (n.endsWith(".csv") || n.endsWith(".csv.gz")) && TextFiles.firstLine(file).equalsIgnoreCase(HEADER);
    }

    @Override
    public ReplaySource open(Path file, Params params) throws IOException {
        return new Source(file, params, InstrumentParams.crypto(params, "BTCUSD", "BITSTAMP", "0.01"));
    }

    private static final class Source extends BaseReplaySource {
        private final BufferedReader in;
        private final String symbol;
        private long line;

        Source(Path file, Params params, Instrument ins) throws IOException {
            super(file, params, List.of(ins), 0, 900, false, true);
            this.symbol = ins.symbol();
            this.in = TextFiles.reader(file);
            addNote(TICK_RULE_NOTE);
        }

        @Override
        protected boolean readMore() throws IOException {
            String l;
            while ((l = in.readLine()) != null) {
                line++;
                String t = (line == 1 ? TextFiles.stripBom(l) : l).strip();
                if (t.isEmpty() || (line == 1 && t.equalsIgnoreCase(HEADER))) {
                    continue;
                }
                String where = "line " + line;
                String[] f = t.split(",", -1);
                if (f.length != 3) {
                    throw error(where, "expected 3 fields timestamp,price,amount, got " + f.length);
                }
                long ts = Math.multiplyExact(TextFiles.integer(file, where, "timestamp", f[0]), 1_000_000_000L);
                long price = TextFiles.fixed(file, where, "price", f[1]);
                long size = TextFiles.fixed(file, where, "amount", f[2]);
                offer(new Trade(symbol, ts, ts, line, price, size, Side.NONE, AggressorRule.UNKNOWN), where);
                return true;
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
