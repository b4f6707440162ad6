package dev.flof.feeds.databento.bench;

import dev.flof.feeds.databento.dbn.DbnDecoder;
import dev.flof.feeds.databento.dbn.DbnRecord;
import dev.flof.feeds.databento.dbn.DbnRecordView;
import dev.flof.feeds.databento.dbn.DbnScanner;
import dev.flof.feeds.databento.dbn.DbnWriter;
import dev.flof.feeds.databento.dbn.RType;
import dev.flof.feeds.databento.dbn.TradeMsg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoder throughput on a synthetic v3 trades file (see {@link SyntheticTrades}), the setup of the C++ anchor in
 * docs/databento.md section 10: one operation = decode the whole file, count records and sum {@code price}.
 * Records/s = records / (seconds per op); the files are generated once into {@code -Ddbn.bench.dir}
 * (default {@code target/dbn-bench}) and reused. Run: see docs/benchmarks.md (DBN decoder section).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DbnDecodeBenchmark {
  @Param("20000000")
  long records;

  Path plain;
  Path zstd;
  long expectedSum;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    Path dir = Path.of(System.getProperty("dbn.bench.dir", "target/dbn-bench"));
    plain = dir.resolve("trades-" + records + ".dbn");
    zstd = dir.resolve("trades-" + records + ".dbn.zst");
    long metaAndRecords = 200 + 48 * records;
    SyntheticTrades.Written w;
    if (!Files.exists(plain) || Files.size(plain) != metaAndRecords || !Files.exists(zstd)) {
      w = SyntheticTrades.write(plain, records, DbnWriter.Compression.NONE);
      SyntheticTrades.write(zstd, records, DbnWriter.Compression.ZSTD);
      expectedSum = w.priceSum();
    } else {
      expectedSum = scan(plain)[1];
    }
    check(scan(plain));
    check(scan(zstd));
  }

  private void check(long[] countAndSum) {
    if (countAndSum[0] != records || countAndSum[1] != expectedSum) {
      throw new IllegalStateException("checksum mismatch: " + countAndSum[0] + " records, sum " + countAndSum[1]);
    }
  }

  static long[] scan(Path file) throws IOException {
    long n = 0;
    long sum = 0;
    try (DbnScanner s = DbnScanner.open(file)) {
      DbnRecordView v = s.view();
      while (s.next()) {
        if (v.rtype() == RType.MBP_0) {
          sum += v.price();
          n++;
        }
      }
    }
    return new long[] {n, sum};
  }

  static long[] decode(Path file) throws IOException {
    long n = 0;
    long sum = 0;
    try (DbnDecoder d = DbnDecoder.open(file)) {
      for (DbnRecord r; (r = d.next()) != null; ) {
        if (r instanceof TradeMsg t) {
          sum += t.price();
          n++;
        }
      }
    }
    return new long[] {n, sum};
  }

  /** Flyweight over the memory-mapped plain file. */
  @Benchmark
  public long plainFlyweight() throws IOException {
    return scan(plain)[1];
  }

  /** Flyweight over zstd-decompressed bytes (one thread). */
  @Benchmark
  public long zstdFlyweight() throws IOException {
    return scan(zstd)[1];
  }

  /** One TradeMsg object per record, plain file. */
  @Benchmark
  public long plainObjects() throws IOException {
    return decode(plain)[1];
  }

  /** One TradeMsg object per record, zstd file. */
  @Benchmark
  public long zstdObjects() throws IOException {
    return decode(zstd)[1];
  }
}
