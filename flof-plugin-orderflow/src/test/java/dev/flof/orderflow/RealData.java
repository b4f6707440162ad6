package dev.flof.orderflow;

import dev.flof.spi.market.Fixed;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the derived real-data CSVs of {@code data/market}: each row is a trade with its aggressor and the best
 * bid/offer in force before it (ES: rebuilt from MBO, pre-trade; Binance: last bookTicker received before the
 * trade). Prices become tick indices, sizes fixed-point.
 */
final class RealData {
    static final Path MARKET = Path.of(System.getProperty("flof.shared.dir", "../../shared")).resolve("data/market");
    static final Path ES = MARKET.resolve("nautilus_trader/derived/ESH4_2023-12-25_trades_with_bbo_from_mbo.csv");
    static final Path BTC = MARKET.resolve(
            "hftbacktest/derived/binance_spot_BTCUSDT_2024-08-08T2354_2024-08-09T0005_trades_with_bbo.csv");

    /** One row: exchange time, trade tick, fixed size, side, and the BBO in force before it. */
    record Row(long ts, long tick, long size, int side, long bid, long bidSize, long ask, long askSize) {
    }

    private RealData() {
    }

    /** ES: ts_event_ns,ts_recv_ns,ts_event_utc,price,size,aggressor,bid_px,bid_sz,ask_px,ask_sz; tick 0.25. */
    static List<Row> es() throws IOException {
        return load(ES, Fixed.parse("0.25"), 0, 1L, 3, 4, 5, 6);
    }

    /** Binance: local_ts_ns,trade_time_ms,trade_id,price,qty,aggressor,bid_px,bid_qty,ask_px,ask_qty; tick 0.01. */
    static List<Row> btc() throws IOException {
        return load(BTC, Fixed.parse("0.01"), 1, 1_000_000L, 3, 4, 5, 6);
    }

    private static List<Row> load(Path file, long tick, int tsCol, long tsMul, int pxCol, int szCol, int sideCol,
                                  int bboCol) throws IOException {
        List<Row> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            int no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                String[] f = line.split(",");
                long ts = Math.multiplyExact(Long.parseLong(f[tsCol]), tsMul);
                int side = switch (f[sideCol]) {
                    case "BUY" -> 1;
                    case "SELL" -> -1;
                    case "NONE" -> 0;
                    default -> throw new IllegalArgumentException(file + ":" + no + ": aggressor " + f[sideCol]);
                };
                out.add(new Row(ts, ticks(file, no, f[pxCol], tick), Fixed.parse(f[szCol]), side,
                        ticks(file, no, f[bboCol], tick), Fixed.parse(f[bboCol + 1]),
                        ticks(file, no, f[bboCol + 2], tick), Fixed.parse(f[bboCol + 3])));
            }
        }
        return out;
    }

    private static long ticks(Path file, int no, String px, long tick) {
        long p = Fixed.parse(px);
        if (p % tick != 0) {
            throw new IllegalArgumentException(file + ":" + no + ": price " + px + " off the tick grid");
        }
        return p / tick;
    }
}
