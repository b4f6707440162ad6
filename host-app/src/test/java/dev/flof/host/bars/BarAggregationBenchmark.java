package dev.flof.host.bars;

import dev.flof.host.calendar.CmeGlobexEquityCalendar;
import dev.flof.host.calendar.Times;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plain benchmark (a {@code main}, not run by {@code mvn test}): N synthetic ES trades through a
 * {@link BarAggregator} with all nine timeframes on the CME calendar. Trades follow a random walk on the
 * 0.25 grid, 1-8 lots, alternating aggressor by tick direction, exponential inter-arrival with mean 8.4 ms
 * of exchange time from Monday 2024-03-11 18:00 ET (so the run crosses maintenance breaks, whose trades
 * are dropped and counted). Args: trades [warmup].
 */
public final class BarAggregationBenchmark {
    private BarAggregationBenchmark() {
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        long warm = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000L;
        run(warm, 7);
        // Baseline: the same synthetic trades generated and discarded, to separate generation from aggregation.
        long[] sink = new long[1];
        long b0 = System.nanoTime();
        generate(n, 42, t -> sink[0] += t.price());
        long base = System.nanoTime() - b0;
        Map<Timeframe, Long> bars = new EnumMap<>(Timeframe.class);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long alloc0 = mx.getThreadAllocatedBytes(tid);
        long t0 = System.nanoTime();
        BarAggregator agg = run(n, 42, bars);
        long dt = System.nanoTime() - t0;
        long alloc = mx.getThreadAllocatedBytes(tid) - alloc0;
        System.out.printf("trades=%d time=%.2fs trades/s=%,.0f bytes/trade=%.1f generation-only=%.2fs (checksum %d) bars=%s counters=%s%n",
                n, dt / 1e9, n / (dt / 1e9), alloc / (double) n, base / 1e9, sink[0] & 0xFF, bars, agg.counters());
    }

    private static BarAggregator run(long n, long seed) {
        return run(n, seed, new EnumMap<>(Timeframe.class));
    }

    private static BarAggregator run(long n, long seed, Map<Timeframe, Long> bars) {
        BarAggregator agg = new BarAggregator(BarAggregatorTest.ES, new CmeGlobexEquityCalendar(), BarAggregator.allTimeframes(),
                BarAggregator.DEFAULT_MAX_BARS, b -> bars.merge(b.timeframe(), 1L, Long::sum));
        generate(n, seed, agg::onTrade);
        return agg;
    }

    private static void generate(long n, long seed, java.util.function.Consumer<Trade> out) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long ts = Times.toNanos(Instant.parse("2024-03-11T22:00:00Z"));
        long tick = Fixed.parse("0.25");
        long px = Fixed.parse("5000");
        for (long i = 0; i < n; i++) {
            ts += (long) (-Math.log(1 - rnd.nextDouble()) * 8_400_000.0);
            int step = rnd.nextInt(3) - 1;
            px += step * tick;
            Side side = step > 0 ? Side.BUY : step < 0 ? Side.SELL : (rnd.nextBoolean() ? Side.BUY : Side.SELL);
            out.accept(new Trade("ESM4", ts, ts, i, px, Fixed.ofUnits(1 + rnd.nextInt(8)), side, AggressorRule.VENUE));
        }
    }
}
