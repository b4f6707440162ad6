package dev.flof.orderflow;

import dev.flof.orderflow.core.SignalSink;
import dev.flof.orderflow.delta.DailySessionResets;
import dev.flof.orderflow.engine.FlowEngine;
import dev.flof.orderflow.engine.FlowParams;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Plain-main benchmark (not a unit test; it reads the clock, product code never does): N synthetic ES trades (random walk on ticks, one quote every 4
 * trades, ~100 trades/s of exchange time, i.e. several session resets for 20M) through every signal of
 * {@link FlowEngine}. Reports trades/s over wall and thread CPU time and bytes allocated per trade on the benchmark thread
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}). Usage:
 * {@code java -cp ... dev.flof.orderflow.OrderflowBenchmark [trades] [warmup]}.
 */
public final class OrderflowBenchmark {
    private long seed = 0x9E3779B97F4A7C15L;
    long signals;

    private long next() {
        seed ^= seed << 13;
        seed ^= seed >>> 7;
        seed ^= seed << 17;
        return seed;
    }

    /** Feeds n trades starting at exchange time t0; returns the next exchange time. */
    long feed(FlowEngine e, long n, long t0, SignalSink sink) {
        long ts = t0;
        long tick = 20_000;
        for (long i = 0; i < n; i++) {
            long r = next();
            ts += 1 + ((r >>> 40) & 0xFFFFFFL); // mean ~8.4 ms between trades
            int move = (int) ((r >>> 8) & 0xF);
            if (move == 0) {
                tick--;
            } else if (move == 1) {
                tick++;
            }
            int side = (r & 1) == 0 ? 1 : -1;
            long size = 1 + ((r >>> 20) & 0x7);
            if ((i & 3) == 0) {
                e.onQuote(ts, tick - 1, 20 + ((r >>> 30) & 0x1F), tick, 20 + ((r >>> 35) & 0x1F), sink);
            }
            e.onTrade(ts, i, side > 0 ? tick : tick - 1, size, side, sink); // buys lift the ask, sells hit the bid
        }
        return ts;
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        long warm = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000L;
        OrderflowBenchmark b = new OrderflowBenchmark();
        FlowEngine e = new FlowEngine(FlowParams.es(1), DailySessionResets.globex());
        SignalSink sink = s -> b.signals++;
        long t0 = 1_700_000_000_000_000_000L;
        long ts = b.feed(e, warm, t0, sink);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long signalsBefore = b.signals;
        long a0 = mx.getThreadAllocatedBytes(tid);
        long cpu0 = mx.getCurrentThreadCpuTime();
        long c0 = System.nanoTime();
        b.feed(e, n, ts, sink);
        long c1 = System.nanoTime();
        long cpu1 = mx.getCurrentThreadCpuTime();
        long a1 = mx.getThreadAllocatedBytes(tid);
        double secs = (c1 - c0) / 1e9;
        double cpu = (cpu1 - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "trades=%d warmup=%d wall=%.2fs (%.0f trades/s) cpu=%.2fs (%.0f trades/s) "
                        + "alloc=%d B (%.3f B/trade) signals=%d cvd=%d dropped=%d java=%s%n",
                n, warm, secs, n / secs, cpu, n / cpu, a1 - a0, (double) (a1 - a0) / n, b.signals - signalsBefore,
                e.cvd(), e.droppedLate(), System.getProperty("java.version"));
    }
}
