package dev.flof.feeds.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.ReplaySourceProvider;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * freqtrade's trade downloads ({@code <BASE>_<QUOTE>-trades.json[.gz]}): a JSON array of
 * {@code [timestamp_ms, id, order, side, price, amount, cost]} where {@code side} is the taker
 * (aggressor) side as reported by ccxt. The symbol is {@code BASEQUOTE} from the file name; the venue
 * defaults to BINANCE (freqtrade's test data), tick 1e-8. Trade ids are venue sequences: repeats are
 * dropped and counted. Errors name the JSON line and column.
 */
@Extension
public class FreqtradeTradesProvider implements ReplaySourceProvider {
    @Override
    public String id() {
        return "freqtrade-trades";
    }

    @Override
    public String description() {
        return "freqtrade trades JSON ([ts_ms, id, order, side, price, amount, cost])";
    }

    @Override
    public boolean accepts(Path file) {
        String n = TextFiles.name(file);
        return n.endsWith("-trades.json") || n.endsWith("-trades.json.gz");
    }

    @Override
    public ReplaySource open(Path file, Params params) throws IOException {
        String n = file.getFileName().toString();
        String pair = n.substring(0, n.toLowerCase(Locale.ROOT).indexOf("-trades.json"));
        return new Source(file, params, InstrumentParams.crypto(params, pair.replace("_", "").toUpperCase(Locale.ROOT), "BINANCE", "0.00000001"));
    }

    private static final class Source extends BaseReplaySource {
        private final JsonParser p;
        private final String symbol;
        private boolean started;

        Source(Path file, Params params, Instrument ins) throws IOException {
            super(file, params, List.of(ins), 0, 3600, true);
            this.symbol = ins.symbol();
            this.p = new JsonFactory().createParser(TextFiles.open(file));
        }

        private String where() {
            JsonLocation l = p.currentLocation();
            return "line " + l.getLineNr() + " column " + l.getColumnNr();
        }

        @Override
        protected boolean readMore() throws IOException {
            if (!started) {
                started = true;
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw error(where(), "expected a JSON array of trades");
                }
            }
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY || t == null) {
                return false;
            }
            String where = where();
            if (t != JsonToken.START_ARRAY) {
                throw error(where, "expected a trade array [ts_ms, id, order, side, price, amount, cost]");
            }
            String[] f = new String[7];
            int i = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw error(where, "truncated trade");
                }
                if (t.isStructStart()) {
                    throw error(where, "unexpected nested value in a trade");
                }
                if (i < f.length) {
                    f[i] = t == JsonToken.VALUE_NULL ? null : p.getText();
                }
                i++;
            }
            if (i < 6) {
                throw error(where, "trade has " + i + " fields, expected at least 6");
            }
            long ts = Math.multiplyExact(TextFiles.integer(file, where, "timestamp", f[0]), 1_000_000L);
            long id = f[1] == null ? 0 : TextFiles.integer(file, where, "id", f[1]);
            Side side = f[3] == null ? Side.NONE : AggressorClassifier.fromTakerSide(f[3]);
            long price = TextFiles.fixed(file, where, "price", f[4]);
            long amount = TextFiles.fixed(file, where, "amount", f[5]);
            offer(new Trade(symbol, ts, ts, id, price, amount, side, side == Side.NONE ? AggressorRule.UNKNOWN : AggressorRule.VENUE), where);
            return true;
        }

        @Override
        public void close() throws IOException {
            p.close();
        }
    }
}
