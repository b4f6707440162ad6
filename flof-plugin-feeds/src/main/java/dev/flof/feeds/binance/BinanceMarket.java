package dev.flof.feeds.binance;

import java.util.Locale;

/**
 * Which Binance market a feed reads, with its public endpoints and stream routes.
 *
 * <p>USD-M futures (since 2026-04-23): book streams ({@code bookTicker}, {@code depth}) on {@code /public},
 * everything else public ({@code aggTrade}, {@code trade}, {@code kline}) on {@code /market}. Spot has one
 * route. Both use the combined form {@code <route>/stream?streams=a/b}.
 */
public enum BinanceMarket {
    USDM("wss://fstream.binance.com", "https://fapi.binance.com", "/fapi/v1/klines", "/fapi/v1/time"),
    SPOT("wss://stream.binance.com:9443", "https://api.binance.com", "/api/v3/klines", "/api/v3/time");

    private final String defaultWs;
    private final String defaultRest;
    private final String klinesPath;
    private final String timePath;

    BinanceMarket(String defaultWs, String defaultRest, String klinesPath, String timePath) {
        this.defaultWs = defaultWs;
        this.defaultRest = defaultRest;
        this.klinesPath = klinesPath;
        this.timePath = timePath;
    }

    public String defaultWs() {
        return defaultWs;
    }

    public String defaultRest() {
        return defaultRest;
    }

    public String klinesPath() {
        return klinesPath;
    }

    public String timePath() {
        return timePath;
    }

    /** The route prefix a stream must be opened on ({@code ""} for spot). */
    public String route(String streamName) {
        if (this == SPOT) {
            return "";
        }
        String kind = streamName.substring(streamName.indexOf('@') + 1);
        return kind.startsWith("bookTicker") || kind.startsWith("depth") ? "/public" : "/market";
    }

    public static BinanceMarket parse(String text, String where) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "usdm", "usd-m", "futures" -> USDM;
            case "spot" -> SPOT;
            default -> throw new IllegalArgumentException(where + ": expected usdm or spot, got '" + text + "'");
        };
    }
}
