package dev.flof.host.engine;

import dev.flof.spi.market.DataTier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prices the cost valve in a backtest: what the engine's tier requests would have streamed from Databento,
 * by schema, against always-on {@code trades} + {@code mbp-10} streaming of the same period. Databento bills
 * by bytes; the record sizes are DBN's fixed ones: trades 48 B, tbbo 80 B, ohlcv-1m 56 B, mbp-10 368 B.
 * Always-on counts one mbp-10 record per trade and per quote seen (each changes the book at least once), so
 * it is a lower bound of the real book stream.
 */
public final class DataCostMeter {
    public static final int TRADES_BYTES = 48;
    public static final int TBBO_BYTES = 80;
    public static final int OHLCV_BYTES = 56;
    public static final int MBP10_BYTES = 368;

    private final Map<String, long[]> valve = new TreeMap<>();
    private long trades;
    private long quotes;

    /** A print arrived while the engine asked for {@code tier}. */
    public void onTrade(DataTier tier) {
        trades++;
        if (tier == DataTier.TAPE || tier == DataTier.DEPTH) {
            add("trades", TRADES_BYTES);
            add("tbbo", TBBO_BYTES);
        }
    }

    /** A top-of-book update arrived (only always-on streaming pays for it; tbbo comes with the trades). */
    public void onQuote(DataTier tier) {
        quotes++;
    }

    /** A 1-minute bar closed while the engine asked for {@code tier}. */
    public void onMinuteBar(DataTier tier) {
        if (tier == DataTier.BARS) {
            add("ohlcv-1m", OHLCV_BYTES);
        }
    }

    /** A book snapshot arrived while the engine asked for {@code tier}. */
    public void onDepth(DataTier tier) {
        quotes++;
        if (tier == DataTier.DEPTH) {
            add("mbp-10", MBP10_BYTES);
        }
    }

    private void add(String schema, int bytes) {
        long[] v = valve.computeIfAbsent(schema, k -> new long[2]);
        v[0]++;
        v[1] += bytes;
    }

    public long valveBytes() {
        return valve.values().stream().mapToLong(v -> v[1]).sum();
    }

    public long alwaysOnBytes() {
        return trades * TRADES_BYTES + (trades + quotes) * MBP10_BYTES;
    }

    /** Records and bytes per schema under the valve, the always-on figure and the saving, in a fixed order. */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> bySchema = new LinkedHashMap<>();
        valve.forEach((k, v) -> {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("records", v[0]);
            m.put("bytes", v[1]);
            bySchema.put(k, m);
        });
        out.put("valveBySchema", bySchema);
        out.put("valveBytes", valveBytes());
        Map<String, Object> always = new LinkedHashMap<>();
        always.put("tradesRecords", trades);
        always.put("mbp10Records", trades + quotes);
        always.put("bytes", alwaysOnBytes());
        out.put("alwaysOnTradesPlusMbp10", always);
        long a = alwaysOnBytes();
        out.put("valveShareOfAlwaysOn", a == 0 ? 0.0 : Math.round(valveBytes() * 10000.0 / a) / 10000.0);
        return out;
    }
}
