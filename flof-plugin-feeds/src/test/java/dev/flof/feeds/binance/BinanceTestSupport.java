package dev.flof.feeds.binance;

import dev.flof.spi.event.Event;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** Shared test plumbing: a settable clock, a recording sleeper and a queue sink. */
final class BinanceTestSupport {
    static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    /** 2025-11-24T16:00:00Z. */
    static final long T0_MS = 1_764_000_000_000L;

    final AtomicLong clockNs = new AtomicLong(T0_MS * 1_000_000L);
    final List<Long> sleeps = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final HttpClient http = HttpClient.newHttpClient();

    long nowMs() {
        return clockNs.get() / 1_000_000L;
    }

    void advanceMs(long ms) {
        clockNs.addAndGet(ms * 1_000_000L);
    }

    Sleeper sleeper() {
        return sleeps::add;
    }

    BinanceRestClient rest(String baseUrl, String secret, int maxRetries) {
        return new BinanceRestClient(new BinanceRestClient.Config(URI.create(baseUrl), "/fapi/v1/time", 5000, 2400,
                maxRetries, Duration.ofSeconds(10)), http, KEY, BinanceSigner.hmac(secret), this::nowMs, sleeper());
    }

    private final List<Event> stash = new ArrayList<>();

    /**
     * The first event (in arrival order) of the type that matches, waiting for it if needed; events passed over
     * stay available to later calls, so the order in which a test asks does not have to follow arrival order.
     * The wait is bounded; the assertion is on content, never on timing.
     */
    <T extends Event> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
        for (int i = 0; i < stash.size(); i++) {
            Event e = stash.get(i);
            if (type.isInstance(e) && match.test(type.cast(e))) {
                stash.remove(i);
                return type.cast(e);
            }
        }
        while (true) {
            Event e = events.poll(30, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no matching " + type.getSimpleName() + " within 30 s; passed over " + stash);
            }
            if (type.isInstance(e) && match.test(type.cast(e))) {
                return type.cast(e);
            }
            stash.add(e);
        }
    }
}
