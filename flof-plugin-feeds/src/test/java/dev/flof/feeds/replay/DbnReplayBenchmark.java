package dev.flof.feeds.replay;

import dev.flof.feeds.databento.dbn.DbnMetadata;
import dev.flof.feeds.databento.dbn.DbnWriter;
import dev.flof.feeds.databento.dbn.RType;
import dev.flof.feeds.databento.dbn.RecordHeader;
import dev.flof.feeds.databento.dbn.SType;
import dev.flof.feeds.databento.dbn.Schema;
import dev.flof.feeds.databento.dbn.TradeMsg;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.ReplaySourceProvider;
import dev.flof.spi.market.Fixed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plain benchmark (a {@code main}, not run by {@code mvn test}): writes a synthetic DBN trades file (zstd)
 * of N ES trades with {@link DbnWriter}, then replays it through {@link DbnReplayProvider} (decode, symbol
 * mapping, ordering and bad-input checks, aggressor rule) and reports events per second. The same trade
 * stream as host-app's {@code BarAggregationBenchmark}: random walk on 0.25, 1-8 lots, mean 8.4 ms apart.
 * Args: trades [file].
 */
public final class DbnReplayBenchmark {
    private DbnReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        Path f = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("flof-bench-", ".trades.dbn.zst");
        long start = 1_710_194_400_000_000_000L; // 2024-03-11T22:00:00Z
        long w0 = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(42);
        DbnMetadata md = DbnMetadata.of("GLBX.MDP3", Schema.TRADES, start, start + n * 20_000_000L, SType.RAW_SYMBOL, SType.INSTRUMENT_ID,
                List.of("ESM4"), List.of(new DbnMetadata.SymbolMapping("ESM4", List.of(new DbnMetadata.MappingInterval(20240101, 20240701, "5602")))));
        try (DbnWriter w = DbnWriter.create(f, md, DbnWriter.Compression.ZSTD)) {
            long ts = start;
            long px = Fixed.parse("5000");
            long tick = Fixed.parse("0.25");
            for (long i = 0; i < n; i++) {
                ts += (long) (-Math.log(1 - rnd.nextDouble()) * 8_400_000.0);
                int step = rnd.nextInt(3) - 1;
                px += step * tick;
                char side = step > 0 ? 'B' : step < 0 ? 'A' : (rnd.nextBoolean() ? 'B' : 'A');
                w.write(new TradeMsg(RecordHeader.of(RType.MBP_0, 1, 5602, ts), px, 1 + rnd.nextInt(8), 'T', side, 0x80, 0, ts + 20_000, 0, i + 1));
            }
        }
        long wdt = System.nanoTime() - w0;
        long t0 = System.nanoTime();
        long trades = 0;
        long checksum = 0;
        Map<String, Long> counters;
        try (ReplaySourceProvider.ReplaySource s = new DbnReplayProvider().open(f, Params.empty("bench"))) {
            for (Event e; (e = s.next()) != null; ) {
                if (e instanceof Trade t) {
                    trades++;
                    checksum += t.price() ^ t.size();
                }
            }
            counters = s.counters();
        }
        long dt = System.nanoTime() - t0;
        System.out.printf("file=%s bytes=%,d write=%.2fs replay: trades=%,d time=%.2fs trades/s=%,.0f checksum=%d counters=%s%n",
                f, Files.size(f), wdt / 1e9, trades, dt / 1e9, trades / (dt / 1e9), checksum & 0xFFFF, counters);
        if (args.length < 2) {
            Files.delete(f);
        }
    }
}
