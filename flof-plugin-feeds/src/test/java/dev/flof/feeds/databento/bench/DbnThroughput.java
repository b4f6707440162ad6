package dev.flof.feeds.databento.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Companion to {@link DbnDecodeBenchmark} for a shared, loaded machine: runs the same four decodes on the same
 * files and reports both wall time and the decoding thread's CPU time (zstd runs in JNI on that thread, so it is
 * included). CPU time is what to compare with {@code zstd -d}'s user+sys time when other processes compete for the
 * cores. Usage: {@code java -cp ... dev.flof.feeds.databento.bench.DbnThroughput [records] [runs]}.
 */
public final class DbnThroughput {
  private DbnThroughput() {}

  interface Decode {
    long[] run(Path p) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    DbnDecodeBenchmark b = new DbnDecodeBenchmark();
    b.records = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    b.setup();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    report("plainFlyweight", b, b.plain, DbnDecodeBenchmark::scan, runs, mx);
    report("zstdFlyweight", b, b.zstd, DbnDecodeBenchmark::scan, runs, mx);
    report("plainObjects", b, b.plain, DbnDecodeBenchmark::decode, runs, mx);
    report("zstdObjects", b, b.zstd, DbnDecodeBenchmark::decode, runs, mx);
  }

  private static void report(String name, DbnDecodeBenchmark b, Path file, Decode d, int runs, ThreadMXBean mx)
      throws IOException {
    for (int i = 0; i < 2; i++) {
      d.run(file);
    }
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      long[] r = d.run(file);
      wall[i] = (System.nanoTime() - w0) / 1e9;
      cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      if (r[0] != b.records || r[1] != b.expectedSum) {
        throw new IllegalStateException("checksum mismatch");
      }
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    double mb = 48.0 * b.records / 1e6;
    System.out.printf("%-15s wall s min %.3f med %.3f | cpu s min %.3f med %.3f | best-cpu %.1f M rec/s %.0f MB/s"
        + " | best-wall %.1f M rec/s%n", name, wall[0], wall[runs / 2], cpu[0], cpu[runs / 2],
        b.records / cpu[0] / 1e6, mb / cpu[0], b.records / wall[0] / 1e6);
  }
}
