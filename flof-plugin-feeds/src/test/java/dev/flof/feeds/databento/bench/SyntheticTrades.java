package dev.flof.feeds.databento.bench;

import dev.flof.feeds.databento.dbn.Dbn;
import dev.flof.feeds.databento.dbn.DbnMetadata;
import dev.flof.feeds.databento.dbn.DbnWriter;
import dev.flof.feeds.databento.dbn.RType;
import dev.flof.feeds.databento.dbn.RecordHeader;
import dev.flof.feeds.databento.dbn.SType;
import dev.flof.feeds.databento.dbn.Schema;
import dev.flof.feeds.databento.dbn.TradeMsg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic GLBX-style trades file (DBN v3, 48-byte TradeMsg records), like the one behind the C++
 * anchor figures in docs/databento.md section 10: a random walk in 0.25 ticks around 3720, sizes 1-50, seeded.
 */
public final class SyntheticTrades {
  private SyntheticTrades() {}

  /** Result of writing: the file and the sum of all prices (a checksum for the readers). */
  public record Written(Path file, long records, long priceSum) {}

  /** Writes {@code n} trades to {@code file} (replacing it) and returns the price checksum. */
  public static Written write(Path file, long n, DbnWriter.Compression compression) throws IOException {
    long start = 1_609_160_400_000_000_000L;
    DbnMetadata md = DbnMetadata.of("GLBX.MDP3", Schema.TRADES, start, Dbn.UNDEF_TIMESTAMP, SType.RAW_SYMBOL,
        SType.INSTRUMENT_ID, List.of("ESH1"), List.of());
    SplittableRandom rnd = new SplittableRandom(20201228L);
    long tick = 250_000_000L;
    long price = 3720_000_000_000L;
    long ts = start;
    long sum = 0;
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (DbnWriter w = DbnWriter.create(file, md, compression)) {
      for (long i = 0; i < n; i++) {
        price += tick * (rnd.nextInt(3) - 1);
        ts += 1 + rnd.nextInt(2_000_000);
        char side = rnd.nextBoolean() ? 'A' : 'B';
        w.write(new TradeMsg(RecordHeader.of(RType.MBP_0, 1, 5482, ts), price, 1 + rnd.nextInt(50), 'T', side,
            0x81, 0, ts + 300_000, 19_000 + rnd.nextInt(2_000), 1_170_380 + i));
        sum += price;
      }
    }
    return new Written(file, n, sum);
  }
}
