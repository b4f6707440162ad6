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
    }

    /** Schedules a {@link TimerEvent} with {@code key} at {@code dueNanos} on the kernel's clock. */
    public void schedule(String key, long dueNanos) {
        timers.add(new Timer(dueNanos, timerSeq++, key));
    }

    /** Replays the sources to their end in (tsRecv, sequence, source index) order. Requires a simulated clock. */
    public void replay(List<? extends EventSource> sources) throws IOException {
        if (!(clock instanceof SimulatedClock sim)) {
            throw new IllegalStateException("replay needs a SimulatedClock");
        }
        record Head(Event event, int source) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
            int c = Long.compare(a.event.tsRecv(), b.event.tsRecv());
            if (c == 0) {
                c = Long.compare(a.event.sequence(), b.event.sequence());
            }
            return c != 0 ? c : Integer.compare(a.source, b.source);
        });
        for (int i = 0; i < sources.size(); i++) {
            Event e = sources.get(i).next();
            if (e != null) {
                heads.add(new Head(e, i));
            }
        }
        while (!heads.isEmpty()) {
            Head h = heads.poll();
            Event e = h.event;
            fireTimersUpTo(e.tsRecv(), sim);
            if (e.tsRecv() < sim.nanos()) {
                outOfOrder++;
            }
            sim.advanceTo(e.tsRecv());
            dispatch(e);
            Event next = sources.get(h.source).next();
            if (next != null) {
                heads.add(new Head(next, h.source));
            }
        }
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
        for (EventHandler h : handlers) {
            h.onEvent(e);
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
