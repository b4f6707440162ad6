package dev.flof.host.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Side;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelTest {
    static Trade trade(String sym, long recv, long seq) {
        return new Trade(sym, recv - 5, recv, seq, 100, 1, Side.BUY, AggressorRule.VENUE);
    }

    static EventSource of(Event... events) {
        Iterator<Event> it = List.of(events).iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    private static List<String> replay(List<EventSource> sources, Kernel k) throws IOException {
        List<String> seen = new ArrayList<>();
        k.register(e -> seen.add(e instanceof Trade t ? t.symbol() + "@" + t.tsRecv() + "#" + t.sequence()
                : e instanceof TimerEvent te ? "timer:" + te.key() + "@" + te.tsEvent() : e.toString()));
        k.replay(sources);
        return seen;
    }

    @Test
    void replayMergesByReceiveTimeThenSequenceThenSource() throws IOException {
        Kernel k = new Kernel(new SimulatedClock(0), 16);
        List<String> seen = replay(List.of(
                of(trade("A", 10, 2), trade("A", 30, 1)),
                of(trade("B", 10, 1), trade("B", 20, 9), trade("B", 30, 1))), k);
        // t=10: B (seq 1) before A (seq 2); t=30: equal seq, source 0 (A) first.
        assertEquals(List.of("B@10#1", "A@10#2", "B@20#9", "A@30#1", "B@30#1"), seen);
    }

    @Test
    void theSameStreamGivesTheSameDispatchOrderEveryTime() throws IOException {
        List<String> first = replay(List.of(of(trade("A", 5, 0), trade("A", 5, 0)), of(trade("B", 5, 0))),
                new Kernel(new SimulatedClock(0), 4));
        for (int i = 0; i < 5; i++) {
            assertEquals(first, replay(List.of(of(trade("A", 5, 0), trade("A", 5, 0)), of(trade("B", 5, 0))),
                    new Kernel(new SimulatedClock(0), 4)));
        }
    }

    @Test
    void timersFireAtTheirTimeBeforeLaterEventsAndTheClockFollows() throws IOException {
        SimulatedClock clock = new SimulatedClock(0);
        Kernel k = new Kernel(clock, 4);
        k.schedule("halo-timeout", 25);
        k.schedule("early", 10);
        List<Long> clockAtDispatch = new ArrayList<>();
        k.register(e -> clockAtDispatch.add(clock.nanos()));
        List<String> seen = replay(List.of(of(trade("A", 10, 0), trade("A", 30, 0))), k);
        assertEquals(List.of("timer:early@10", "A@10#0", "timer:halo-timeout@25", "A@30#0"), seen);
        assertEquals(List.of(10L, 10L, 25L, 30L), clockAtDispatch);
    }

    @Test
    void theInboundQueueIsBoundedAndReportsOverflowInsteadOfBlocking() {
        Kernel k = new Kernel(new SimulatedClock(0), 2);
        assertTrue(k.inbound().publish(trade("A", 1, 0)));
        assertTrue(k.inbound().publish(trade("A", 2, 0)));
        assertFalse(k.inbound().publish(trade("A", 3, 0)));
        assertEquals(1, k.inboundDropped());
    }

    @Test
    void liveLoopDispatchesPublishedEventsOnItsOwnThread() throws Exception {
        Kernel k = new Kernel(new SimulatedClock(0), 8);
        List<Thread> threads = new ArrayList<>();
        List<Event> got = new ArrayList<>();
        k.register(e -> {
            threads.add(Thread.currentThread());
            got.add(e);
        });
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 3; i++) {
                k.inbound().publish(trade("A", i, 0));
            }
        });
        producer.start();
        producer.join();
        k.runLive(() -> got.size() >= 3, 5);
        assertEquals(3, got.size());
        assertTrue(threads.stream().allMatch(t -> t == Thread.currentThread()));
    }
}
