package dev.flof.orderflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.orderflow.core.SignalSink;
import dev.flof.orderflow.delta.DailySessionResets;
import dev.flof.orderflow.engine.FlowConfig;
import dev.flof.orderflow.engine.FlowEngine;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.MarketProfile;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-trade path allocates nothing in steady state: a quiet two-sided tape (no signal fires) through the
 * whole engine, measured with the thread's allocation counter. Bar closes (every 6,000 trades here) and the
 * measurement itself may allocate a little, hence the bound of well under one byte per trade.
 */
class AllocationTest {
    @Test
    void steadyStateTradesDoNotAllocate() {
        FlowEngine e = new FlowEngine(FlowConfig.resolve(MarketProfile.ES, 250_000_000L,
                new Params("flow", Map.of("history-capacity", "65536"))), DailySessionResets.globex());
        long[] signals = {0};
        SignalSink sink = s -> signals[0]++;
        long ts = 1_700_000_000_000_000_000L;
        ts = feed(e, 300_000, ts, sink);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(tid);
        feed(e, 1_000_000, ts, sink);
        long bytes = mx.getThreadAllocatedBytes(tid) - before;
        System.out.println("steady state: " + bytes + " bytes for 1,000,000 trades");
        assertEquals(0, signals[0], "a quiet tape fires nothing");
        assertTrue(bytes < 1_000_000, bytes + " bytes allocated for 1,000,000 trades");
    }

    private static long feed(FlowEngine e, int n, long ts, SignalSink sink) {
        for (int i = 0; i < n; i++) {
            ts += 10_000_000L; // 100 trades/s
            if ((i & 3) == 0) {
                e.onQuote(ts, 19_999, 50, 20_000, 50, sink);
            }
            int side = (i & 1) == 0 ? 1 : -1;
            e.onTrade(ts, i, side > 0 ? 20_000 : 19_999, 1, side, sink);
        }
        return ts;
    }
}
