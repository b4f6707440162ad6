package dev.flof.feeds.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.ReplaySourceProvider;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Instrument;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Raw Binance WebSocket captures as collected for hftbacktest: gzip text, one message per line,
 * {@code <local_receive_ts_ns> <json>}. {@code @trade} messages become trades (aggressor from {@code m}:
 * buyer-is-maker means the seller aggressed), {@code @bookTicker} messages become top-of-book quotes;
 * depth diffs and the REST depth snapshot are counted but not replayed. Replay order is the local receive
 * time ({@code tsRecv}); {@code tsEvent} is the exchange trade time {@code T} (ms), or for quotes {@code E}
 * when present (USD-M), else the receive time. Every message must be for the symbol the file is named after
 * ({@code btcusdt_...}); config {@code symbol} renames it in the replay (e.g. to tell spot from USD-M).
 */
@Extension
public class HftBacktestBinanceProvider implements ReplaySourceProvider {
    private static final Pattern LINE = Pattern.compile("^\\d{16,20} \\{.*");

    @Override
    public String id() {
        return "hftbacktest-binance";
    }

    @Override
    public String description() {
        return "Binance WebSocket captures in hftbacktest's collector format (trades + bookTicker)";
    }

    @Override
    public boolean accepts(Path file) {
        return TextFiles.name(file).endsWith(".gz") && LINE.matcher(TextFiles.firstLine(file)).matches();
    }

    @Override
    public ReplaySource open(Path file, Params params) throws IOException {
        String n = file.getFileName().toString();
        String sym = (n.contains("_") ? n.substring(0, n.indexOf('_')) : n.replace(".gz", "")).toUpperCase(Locale.ROOT);
        return new Source(file, params, InstrumentParams.crypto(params, sym, "BINANCE", "0.01"), sym);
    }

    private static final class Source extends BaseReplaySource {
        private final ObjectMapper json = new ObjectMapper();
        private final BufferedReader in;
        private final String symbol;
        private final String fileSymbol;
        private long line;

        Source(Path file, Params params, Instrument ins, String fileSymbol) throws IOException {
            super(file, params, List.of(ins), 0, 60, true);
            this.symbol = ins.symbol();
            this.fileSymbol = fileSymbol;
            this.in = TextFiles.reader(file);
        }

        @Override
        protected boolean readMore() throws IOException {
            String l;
            while ((l = in.readLine()) != null) {
                line++;
                if (l.isBlank()) {
                    continue;
                }
                String where = "line " + line;
                int sp = l.indexOf(' ');
                if (sp < 0) {
                    throw error(where, "expected '<local_ts_ns> <json>'");
                }
                long local = TextFiles.integer(file, where, "local_ts_ns", l.substring(0, sp));
                JsonNode root;
                try {
                    root = json.readTree(l.substring(sp + 1));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw error(where, "bad JSON: " + e.getOriginalMessage());
                }
                JsonNode stream = root.get("stream");
                if (stream == null) {
                    if (root.has("lastUpdateId")) {
                        count("depth snapshots not replayed");
                        continue;
                    }
                    throw error(where, "neither a combined-stream message nor a depth snapshot");
                }
                String s = stream.asText();
                JsonNode d = root.get("data");
                if (s.endsWith("@trade")) {
                    checkSymbol(where, d);
                    long t = req(where, d, "T").asLong();
                    long id = req(where, d, "t").asLong();
                    long price = TextFiles.fixed(file, where, "p", req(where, d, "p").asText());
                    long qty = TextFiles.fixed(file, where, "q", req(where, d, "q").asText());
                    boolean m = req(where, d, "m").asBoolean();
                    offer(new Trade(symbol, Math.multiplyExact(t, 1_000_000L), local, id, price, qty,
                            AggressorClassifier.fromBinanceBuyerIsMaker(m), AggressorRule.VENUE), where);
                    return true;
                } else if (s.endsWith("@bookTicker")) {
                    checkSymbol(where, d);
                    long ev = d.has("E") ? Math.multiplyExact(d.get("E").asLong(), 1_000_000L) : local;
                    offer(new Quote(symbol, ev, local, req(where, d, "u").asLong(),
                            TextFiles.fixed(file, where, "b", req(where, d, "b").asText()),
                            TextFiles.fixed(file, where, "B", req(where, d, "B").asText()),
                            TextFiles.fixed(file, where, "a", req(where, d, "a").asText()),
                            TextFiles.fixed(file, where, "A", req(where, d, "A").asText())), where);
                    return true;
                } else if (s.contains("@depth")) {
                    count("depth updates not replayed");
                } else {
                    count("messages of other streams skipped");
                }
            }
            return false;
        }

        private JsonNode req(String where, JsonNode d, String field) throws IOException {
            JsonNode v = d == null ? null : d.get(field);
            if (v == null || v.isNull()) {
                throw error(where, "missing field '" + field + "'");
            }
            return v;
        }

        private void checkSymbol(String where, JsonNode d) throws IOException {
            String s = req(where, d, "s").asText();
            if (!s.equalsIgnoreCase(fileSymbol)) {
                throw error(where, "message for " + s + " in a file named for " + fileSymbol);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
