package dev.flof.feeds.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.DepthSnapshot;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps Binance combined-stream messages ({@code {"stream":"btcusdt@trade","data":{...}}}) to FLOF events.
 *
 * <ul>
 *   <li>{@code @trade} / {@code @aggTrade} to {@link Trade} with {@link AggressorRule#VENUE}: {@code m=true}
 *       (buyer is the maker) means the SELLER was the aggressor. Time = trade time {@code T}; sequence = trade
 *       id {@code t} (aggregate id {@code a} for aggTrade).</li>
 *   <li>{@code @bookTicker} to {@link Quote}; time = {@code T} (USD-M) or receive time (spot has none);
 *       sequence = update id {@code u}.</li>
 *   <li>{@code @depth<N>[@100ms]} partial book to {@link DepthSnapshot} (USD-M {@code b}/{@code a}, spot
 *       {@code bids}/{@code asks}).</li>
 *   <li>{@code @kline_1m} to {@link Bar} only once closed ({@code k.x=true}); open klines are ignored.</li>
 * </ul>
 * Prices and sizes are parsed exactly from the decimal strings. A message that is not a data message
 * (subscription answers) maps to nothing; a malformed one throws {@link BinanceProtocolException}.
 */
public final class BinanceStreamMapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MS = 1_000_000L;

    /** Schema names used for usage accounting (Databento-style). */
    public static final String TRADES = "trades";
    public static final String BBO = "bbo";
    public static final String DEPTH = "depth";
    public static final String BARS = "ohlcv-1m";

    /** One mapped message: the schema it counts under and the event (null for an open kline). */
    public record Mapped(String schema, Event event) {
    }

    private BinanceStreamMapper() {
    }

    /** Maps one combined-stream message; returns null for non-data messages. */
    public static Mapped map(String text, long tsRecv) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new BinanceProtocolException("stream message is not JSON: " + abbreviate(text), e);
        }
        JsonNode stream = root.get("stream");
        JsonNode data = root.get("data");
        if (stream == null || data == null) {
            return null;
        }
        return mapStream(stream.asText(), data, tsRecv);
    }

    static Mapped mapStream(String stream, JsonNode d, long tsRecv) {
        int at = stream.indexOf('@');
        if (at <= 0) {
            throw new BinanceProtocolException("stream name without '@': " + stream);
        }
        String symbol = stream.substring(0, at).toUpperCase(java.util.Locale.ROOT);
        String kind = stream.substring(at + 1);
        try {
            if (kind.equals("trade") || kind.equals("aggTrade")) {
                return new Mapped(TRADES, trade(symbol, kind, d, tsRecv));
            }
            if (kind.equals("bookTicker")) {
                return new Mapped(BBO, quote(symbol, d, tsRecv));
            }
            if (kind.startsWith("depth")) {
                return new Mapped(DEPTH, depth(symbol, d, tsRecv));
            }
            if (kind.startsWith("kline_")) {
                return kline(symbol, d, tsRecv);
            }
        } catch (NullPointerException e) {
            throw new BinanceProtocolException("stream " + stream + ": missing field in " + abbreviate(d.toString()), e);
        }
        throw new BinanceProtocolException("unsupported stream " + stream);
    }

    private static String req(JsonNode d, String field, String stream) {
        JsonNode n = d.get(field);
        if (n == null || n.isNull()) {
            throw new BinanceProtocolException(stream + ": missing field '" + field + "'");
        }
        return n.asText();
    }

    private static Trade trade(String symbol, String kind, JsonNode d, long tsRecv) {
        String where = symbol + "@" + kind;
        long price = BinanceDecimals.exact(req(d, "p", where), where + ".p");
        long size = BinanceDecimals.exact(req(d, "q", where), where + ".q");
        boolean buyerMaker = d.get("m").asBoolean();
        long ts = d.get("T").asLong() * MS;
        long seq = kind.equals("aggTrade") ? d.get("a").asLong() : d.get("t").asLong();
        return new Trade(symbol, ts, tsRecv, seq, price, size, buyerMaker ? Side.SELL : Side.BUY, AggressorRule.VENUE);
    }

    private static Quote quote(String symbol, JsonNode d, long tsRecv) {
        String where = symbol + "@bookTicker";
        JsonNode t = d.get("T");
        long ts = t != null && t.canConvertToLong() ? t.asLong() * MS : tsRecv;
        return new Quote(symbol, ts, tsRecv, d.get("u").asLong(),
                BinanceDecimals.exact(req(d, "b", where), where + ".b"),
                BinanceDecimals.exact(req(d, "B", where), where + ".B"),
                BinanceDecimals.exact(req(d, "a", where), where + ".a"),
                BinanceDecimals.exact(req(d, "A", where), where + ".A"));
    }

    private static DepthSnapshot depth(String symbol, JsonNode d, long tsRecv) {
        String where = symbol + "@depth";
        boolean futures = d.has("b");
        JsonNode bids = futures ? d.get("b") : d.get("bids");
        JsonNode asks = futures ? d.get("a") : d.get("asks");
        if (bids == null || asks == null) {
            throw new BinanceProtocolException(where + ": no bids/asks");
        }
        long ts = d.has("T") ? d.get("T").asLong() * MS : tsRecv;
        long seq = futures ? d.get("u").asLong() : d.get("lastUpdateId").asLong();
        return new DepthSnapshot(symbol, ts, tsRecv, seq, levels(bids, where), levels(asks, where));
    }

    private static List<DepthSnapshot.Level> levels(JsonNode arr, String where) {
        List<DepthSnapshot.Level> out = new ArrayList<>(arr.size());
        for (JsonNode lv : arr) {
            long size = BinanceDecimals.exact(lv.get(1).asText(), where + " size");
            if (size == 0) {
                continue;
            }
            out.add(new DepthSnapshot.Level(BinanceDecimals.exact(lv.get(0).asText(), where + " price"), size, 0));
        }
        return out;
    }

    private static Mapped kline(String symbol, JsonNode d, long tsRecv) {
        JsonNode k = d.get("k");
        if (k == null) {
            throw new BinanceProtocolException(symbol + "@kline: no 'k'");
        }
        if (!k.get("x").asBoolean()) {
            return new Mapped(BARS, null);
        }
        return new Mapped(BARS, bar(symbol, k.get("t").asLong(), k.get("o").asText(), k.get("h").asText(),
                k.get("l").asText(), k.get("c").asText(), k.get("v").asText(), k.get("V").asText(),
                k.get("q").asText(), k.get("n").asLong(), 0, tsRecv));
    }

    /**
     * A closed 1-minute bar from kline fields (stream or REST): volume {@code v}, taker-buy base volume
     * {@code V}, quote volume {@code q}. Buy volume = taker-buy volume; sell volume = the rest; VWAP = quote
     * volume / volume rounded half-even to 1e-9.
     */
    static Bar bar(String symbol, long openMs, String o, String h, String l, String c, String v, String takerBuy,
                   String quoteVolume, long trades, long sequence, long tsRecv) {
        String where = symbol + " kline " + openMs;
        long close = BinanceDecimals.exact(c, where + " close");
        long vol = BinanceDecimals.exact(v, where + " volume");
        long buy = BinanceDecimals.exact(takerBuy, where + " taker buy volume");
        long vwap = close;
        if (vol > 0) {
            vwap = BinanceDecimals.rounded(new BigDecimal(quoteVolume).divide(new BigDecimal(v),
                    java.math.MathContext.DECIMAL128));
        }
        long openNs = openMs * MS;
        long end = openNs + Timeframe.M1.nominal().toNanos();
        return new Bar(symbol, Timeframe.M1, openNs, end, tsRecv, sequence,
                BinanceDecimals.exact(o, where + " open"), BinanceDecimals.exact(h, where + " high"),
                BinanceDecimals.exact(l, where + " low"), close, vol, buy, vol - buy, trades, vwap);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
