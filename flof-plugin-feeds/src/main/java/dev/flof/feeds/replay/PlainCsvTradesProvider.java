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
 * FLOF's plain trades CSV, so users can bring any data: {@code ts_ns,price,size,side} (header optional)
 * with {@code ts_ns} the exchange time in ns since the epoch (UTC), decimal price and size, and side the
 * aggressor {@code B}, {@code S}, {@code N} or empty (empty/N = unknown: quote or tick rule decides).
 * Files are recognised by that header or by the name suffix {@code .trades.csv}; see the module README,
 * "Replay formats". Instrument from config ({@code symbol}, {@code tick-size}, {@code venue},
 * {@code profile}, {@code calendar}; the symbol defaults to the file name up to its first dot).
 */
@Extension
public class PlainCsvTradesProvider implements ReplaySourceProvider {
    static final String HEADER = "ts_ns,price,size,side";

    @Override
    public String id() {
        return "csv-trades";
    }

    @Override
    public String description() {
        return "plain CSV trades: ts_ns,price,size,side";
    }

    @Override
    public boolean accepts(Path file) {
        return TextFiles.isPlainCsv(file, ".trades.csv", HEADER);
    }

    @Override
    public ReplaySource open(Path file, Params params) throws IOException {
        Instrument ins = InstrumentParams.forFile(params, file);
        return new Source(file, params, ins);
    }

    private static final class Source extends BaseReplaySource {
        private final BufferedReader in;
        private final String symbol;
        private long line;

        Source(Path file, Params params, Instrument ins) throws IOException {
            super(file, params, List.of(ins), 0, 0, false);
            this.symbol = ins.symbol();
            this.in = TextFiles.reader(file);
        }

        @Override
        protected boolean readMore() throws IOException {
            String l;
            while ((l = in.readLine()) != null) {
                line++;
                String t = (line == 1 ? TextFiles.stripBom(l) : l).strip();
                if (t.isEmpty() || t.startsWith("#") || (line == 1 && t.equalsIgnoreCase(HEADER))) {
                    continue;
                }
                String where = "line " + line;
                String[] f = t.split(",", -1);
                if (f.length != 4) {
                    throw error(where, "expected 4 fields ts_ns,price,size,side, got " + f.length);
                }
                long ts = TextFiles.integer(file, where, "ts_ns", f[0]);
                long price = TextFiles.fixed(file, where, "price", f[1]);
                long size = TextFiles.fixed(file, where, "size", f[2]);
                Side side = switch (f[3].strip()) {
                    case "B", "b" -> Side.BUY;
                    case "S", "s" -> Side.SELL;
                    case "N", "n", "" -> Side.NONE;
                    default -> throw error(where, "side must be B, S, N or empty, got '" + f[3] + "'");
                };
                offer(new Trade(symbol, ts, ts, line, price, size, side, side == Side.NONE ? AggressorRule.UNKNOWN : AggressorRule.VENUE), where);
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
