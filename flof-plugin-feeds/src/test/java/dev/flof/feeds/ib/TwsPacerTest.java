package dev.flof.feeds.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwsPacerTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void theFortySixthMessageInOneSecondWaitsForTheFirstToLeaveTheWindow() throws Exception {
        long[] now = {0};
        List<Long> sleeps = new ArrayList<>();
        TwsPacer p = new TwsPacer(45, SECOND, () -> now[0], n -> {
            sleeps.add(n);
            now[0] += n;
        });
        for (int i = 0; i < 45; i++) {
            now[0] = i * 10_000_000L; // one every 10 ms: 45 within 440 ms
            p.acquire();
        }
        assertEquals(List.of(), sleeps);
        now[0] = 500_000_000L;
        p.acquire(); // first send was at 0: wait until 1 s
        assertEquals(List.of(500_000_000L), sleeps);
        assertEquals(SECOND, now[0]);
        p.acquire(); // second send was at 10 ms: wait 10 ms more
        assertEquals(List.of(500_000_000L, 10_000_000L), sleeps);
        assertEquals(2, p.waits());
    }

    @Test
    void sendsSpreadOverTimeNeverWait() throws Exception {
        long[] now = {0};
        List<Long> sleeps = new ArrayList<>();
        TwsPacer p = new TwsPacer(45, SECOND, () -> now[0], n -> sleeps.add(n));
        for (int i = 0; i < 500; i++) {
            now[0] = i * 25_000_000L; // 40 per second
            p.acquire();
        }
        assertEquals(List.of(), sleeps);
        assertEquals(0, p.waits());
    }
}
