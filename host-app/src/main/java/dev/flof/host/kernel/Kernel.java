package dev.flof.host.kernel;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.EventSink;
import dev.flof.spi.event.TimerEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * FLOF's single-threaded, deterministic event loop. One thread dispatches every event to the handlers in
 * registration order; nothing else calls the components.
 *
 * <p>Replay merges its sources by receive time, then venue sequence, then source index (so ties never
 * depend on arrival order) and advances the {@link SimulatedClock} to each event before dispatching it.
 * Timers fire at their due time, before any event received after it. Live, I/O threads hand events in
 * through {@link #inbound()}, a bounded queue: when it is full, {@code publish} returns false and the
 * caller reports the overflow rather than blocking a socket reader.
 */
public final class Kernel {
    private final Clock clock;
    private final List<EventHandler> handlers = new ArrayList<>();
    /** {@link #handlers} as an array, for the per-event loop. */
    private EventHandler[] handlerArray = new EventHandler[0];
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final BlockingQueue<Event> inbound;
    private long timerSeq;
    private long dispatched;
    private long outOfOrder;
    private long inboundDropped;

    private record Timer(long due, long seq, String key) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    public Kernel(Clock clock, int inboundCapacity) {
        this.clock = clock;
        this.inbound = new ArrayBlockingQueue<>(inboundCapacity);
    }

    public Clock clock() {
        return clock;
    }

    public void register(EventHandler handler) {
        handlers.add(handler);
        handlerArray = handlers.toArray(new EventHandler[0]);
    }

    /** Schedules a {@link TimerEvent} with {@code key} at {@code dueNanos} on the kernel's clock. */
    public void schedule(String key, long dueNanos) {
        timers.add(new Timer(dueNanos, timerSeq++, key));
    }

    /**
     * Replays the sources to their end in (tsRecv, sequence, source index) order. Requires a simulated clock.
     * The sources' head events sit in a binary heap of source indices (no object per event).
     */
    public void replay(List<? extends EventSource> sources) throws IOException {
        if (!(clock instanceof SimulatedClock sim)) {
            throw new IllegalStateException("replay needs a SimulatedClock");
        }
        int n = sources.size();
        EventSource[] src = sources.toArray(new EventSource[0]);
        Event[] head = new Event[n];
        int[] heap = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            Event e = src[i].next();
            if (e != null) {
                head[i] = e;
                heap[size] = i;
                siftUp(heap, size, head);
                size++;
            }
        }
        while (size > 0) {
            int s = heap[0];
            Event e = head[s];
            fireTimersUpTo(e.tsRecv(), sim);
            if (e.tsRecv() < sim.nanos()) {
                outOfOrder++;
            }
            sim.advanceTo(e.tsRecv());
            dispatch(e);
            Event next = src[s].next();
            if (next != null) {
                head[s] = next;
            } else {
                head[s] = null;
                size--;
                heap[0] = heap[size];
            }
            if (size > 1) {
                siftDown(heap, size, head);
            }
        }
    }

    /** Whether source {@code a}'s head replays before source {@code b}'s: tsRecv, then sequence, then index. */
    private static boolean before(int a, int b, Event[] head) {
        Event x = head[a];
        Event y = head[b];
        int c = Long.compare(x.tsRecv(), y.tsRecv());
        if (c == 0) {
            c = Long.compare(x.sequence(), y.sequence());
        }
        return c != 0 ? c < 0 : a < b;
    }

    private static void siftUp(int[] heap, int k, Event[] head) {
        int x = heap[k];
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!before(x, heap[parent], head)) {
                break;
            }
            heap[k] = heap[parent];
            k = parent;
        }
        heap[k] = x;
    }

    private static void siftDown(int[] heap, int size, Event[] head) {
        int k = 0;
        int x = heap[0];
        while (true) {
            int child = 2 * k + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child], head)) {
                child++;
            }
            if (!before(heap[child], x, head)) {
                break;
            }
            heap[k] = heap[child];
            k = child;
        }
        heap[k] = x;
    }

    private void fireTimersUpTo(long t, SimulatedClock sim) {
        while (!timers.isEmpty() && timers.peek().due <= t) {
            Timer timer = timers.poll();
            sim.advanceTo(timer.due);
            dispatch(new TimerEvent(timer.key, timer.due, timer.due, timer.seq));
        }
    }

    /** Where live I/O threads publish; thread-safe and never blocks. */
    public EventSink inbound() {
        return e -> {
            boolean ok = inbound.offer(e);
            if (!ok) {
                synchronized (this) {
                    inboundDropped++;
                }
            }
            return ok;
        };
    }

    /** Runs the live loop on the calling thread until {@code stop} is true (checked at least every pollMillis). */
    public void runLive(BooleanSupplier stop, long pollMillis) throws InterruptedException {
        while (!stop.getAsBoolean()) {
            long now = clock.nanos();
            while (!timers.isEmpty() && timers.peek().due <= now) {
                Timer t = timers.poll();
                dispatch(new TimerEvent(t.key, t.due, now, t.seq));
            }
            long wait = pollMillis;
            if (!timers.isEmpty()) {
                wait = Math.max(0, Math.min(wait, (timers.peek().due - now) / 1_000_000L));
            }
            Event e = inbound.poll(wait, TimeUnit.MILLISECONDS);
            if (e != null) {
                dispatch(e);
            }
        }
    }

    /** Dispatches one event now, on the calling (kernel) thread. */
    public void dispatch(Event e) {
        dispatched++;
        EventHandler[] hs = handlerArray;
        for (int i = 0; i < hs.length; i++) {
            hs[i].onEvent(e);
        }
    }

    public long dispatched() {
        return dispatched;
    }

    /** Events a source delivered with a receive time earlier than one already dispatched. */
    public long outOfOrder() {
        return outOfOrder;
    }

    public synchronized long inboundDropped() {
        return inboundDropped;
    }
}
