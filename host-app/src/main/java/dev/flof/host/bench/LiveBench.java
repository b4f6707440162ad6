package dev.flof.host.bench;

import dev.flof.host.bars.BarAggregator;
import dev.flof.host.calendar.Calendars;
import dev.flof.host.calendar.ExchangeCalendar;
import dev.flof.host.kernel.EventHandler;
import dev.flof.host.kernel.Kernel;
import dev.flof.host.kernel.SystemClock;
import dev.flof.host.oms.RiskGate;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.EventSink;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.StructureAnalyzer;
import dev.flof.spi.flow.FlowSignal;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.structure.StructureEvent;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Consumer;

/**
 * The live-path latency benchmark: a loopback feed thread publishes ticks into {@link Kernel#inbound()} at a
 * fixed burst rate (a CPI print: 200,000 ticks/s) while the kernel thread runs {@link Kernel#runLive} with
 * the system clock and dispatches each tick through the analysis a live lane does per tick (the configured
 * order-flow engine from its plugin, the nine-timeframe bar aggregator, the configured structure engine on
 * every closed bar) and, when the order-flow engine fires a signal on a trade, an order through the
 * {@link RiskGate} to a fake venue. The tape carries one 250-lot block trade in 2,000 (a large print for the
 * ES defaults), so orders do result. Latency is measured per tick from the moment the feed thread publishes
 * it to the order command reaching the venue, or to the end of its dispatch when no order results.
 *
 * <p>Ticks are made on the feed thread as a real feed decoder makes them (its garbage is part of the
 * picture, as it would be live). The kernel thread's allocation is read from its own
 * {@code getCurrentThreadAllocatedBytes} at the first and last measured tick. Latency from the tick's
 * scheduled time (which also charges any delay of the feed thread itself, "coordinated omission") is
 * reported next to latency from the actual publish.
 */
final class LiveBench {
    /** The result of one burst. */
    record Result(long rate, double seconds, long prefillTrades, long warmupTicks, long ticks, long dropped, long trades, long orders,
                  LatencyHistogram all, LatencyHistogram toOrder, LatencyHistogram fromSchedule,
                  long kernelBytes, long measuredEvents, GcWatch.Window gc, String collector) {
        double bytesPerEvent() {
            return measuredEvents == 0 ? 0 : (double) kernelBytes / measuredEvents;
        }
    }

    static final int LARGE_EVERY = 2_000;
    static final long LARGE_LOTS = 250;
    private final FlowAnalyzer flowAnalyzer;
    private final StructureAnalyzer structureAnalyzer;

    private final boolean spin;

    /**
     * @param spin true: the feed thread busy-waits to each tick's due time (exact spacing, but it takes a
     *             whole core); false: it sleeps and sends the ticks that fell due in batches (a core for the
     *             kernel thread on a small machine).
     */
    LiveBench(FlowAnalyzer flowAnalyzer, StructureAnalyzer structureAnalyzer, boolean spin) {
        this.spin = spin;
        this.flowAnalyzer = flowAnalyzer;
        this.structureAnalyzer = structureAnalyzer;
    }

    static Instrument es() {
        return new Instrument(SyntheticDbn.SYMBOL, "CME", SyntheticDbn.TICK, Fixed.ofUnits(50), Fixed.ofUnits(1),
                dev.flof.spi.market.MarketProfile.ES, "CME_GLOBEX_EQUITY");
    }

    /**
     * One burst. With {@code analysis} false the kernel thread only does the latency bookkeeping: the
     * figures are then those of the kernel's inbound queue and loop alone, which attributes the cost.
     * {@code prefillTrades} trades (with their quotes) go through the analysis first, untimed.
     */
    Result run(long rate, long prefillTrades, double warmupSeconds, double seconds, boolean analysis) throws InterruptedException {
        Instrument inst = es();
        ExchangeCalendar calendar = Calendars.byId(inst.calendarId());
        long warm = Math.max(1, Math.round(rate * warmupSeconds));
        long measured = Math.max(1, Math.round(rate * seconds));
        int total = Math.toIntExact(warm + measured);
        long[] published = new long[total];
        long periodNanos = Math.max(1, 1_000_000_000L / rate);

        Kernel kernel = new Kernel(new SystemClock(), 1 << 16);
        Lane lane = new Lane(inst, calendar, published, warm, total, analysis);
        kernel.register(lane);
        Tape tape = new Tape(inst, periodNanos);
        // Steady state: the order-flow engine's buffers (its 2^21-trade profile history above all) grow
        // to their caps on the first ~2 M trades; fill them on this thread before the kernel thread starts
        // (Thread.start orders these writes before everything the kernel thread does).
        long prefilled = 0;
        if (analysis) {
            while (tape.trades < prefillTrades) {
                lane.analyze(tape.next(-1));
            }
            prefilled = tape.trades;
        }
        GcWatch gc = new GcWatch();
        Thread kt = new Thread(() -> {
            try {
                kernel.runLive(() -> lane.done, 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "flof-kernel");
        kt.setDaemon(true);
        kt.start();

        EventSink sink = kernel.inbound();
        long dropped = 0;
        long t0 = System.nanoTime() + 1_000_000L;
        lane.t0 = t0;
        lane.period = periodNanos;
        for (int i = 0; i < total; i++) {
            if (!publish(sink, tape.next(i), published, i, t0 + (long) i * periodNanos, gc, warm)) {
                dropped++;
            }
        }
        long trades = tape.trades - prefilled;
        lane.expected = total - dropped;
        lane.awaitProcessed();
        kt.join(10_000);
        // collector notifications arrive on their own thread shortly after each collection
        gc.awaitNotifications(2_000);
        GcWatch.Window window = gc.stop();
        gc.close();
        String collector = String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        return new Result(rate, seconds, prefilled, warm, measured, dropped, trades, lane.orders, lane.all, lane.toOrder, lane.fromSchedule,
                lane.allocEnd == 0 ? -1 : lane.allocEnd - lane.allocStart, lane.allocEvents, window, collector);
    }

    private boolean publish(EventSink sink, Event e, long[] published, int i, long due, GcWatch gc, long warm) {
        long now;
        while ((now = System.nanoTime()) < due) {
            if (spin) {
                Thread.onSpinWait();
            } else {
                // Batch: sleep until this tick is due (the OS wakes us some tens of µs late, and then every
                // tick due by then goes out back to back, as packets of a real feed do).
                java.util.concurrent.locks.LockSupport.parkNanos(due - now);
            }
        }
        if (i == warm) {
            gc.start();
        }
        published[i] = System.nanoTime();
        return sink.publish(e);
    }

    /**
     * The feed: the seeded walk of {@link SyntheticDbn.Walk} as a quote (when the top of book changed, and
     * every fourth tick) followed by the trade, ticks {@code period} apart in exchange time. One block trade in
     * {@link #LARGE_EVERY} is above the ES large-print threshold of 200 lots: the order-flow engine reports it
     * when the next print arrives, and that print leads to an order.
     */
    private static final class Tape {
        private final SyntheticDbn.Walk walk = new SyntheticDbn.Walk(7);
        private final Instrument inst;
        private final long period;
        private long lastBid = Long.MIN_VALUE;
        private long n;
        private boolean tradePending;
        long trades;

        Tape(Instrument inst, long period) {
            this.inst = inst;
            this.period = period;
        }

        Event next(long seq) {
            long exch = SyntheticDbn.START_NANOS + n * period;
            n++;
            if (!tradePending) {
                walk.step();
                tradePending = true;
                if (walk.bidBefore != lastBid || (n & 3) == 0) {
                    lastBid = walk.bidBefore;
                    return new Quote(inst.symbol(), exch, exch + 20_000, seq, walk.bidBefore, Fixed.ofUnits(walk.bidSizeBefore),
                            walk.bidBefore + SyntheticDbn.TICK, Fixed.ofUnits(walk.askSizeBefore));
                }
            }
            tradePending = false;
            long lots = trades % LARGE_EVERY == LARGE_EVERY / 2 ? LARGE_LOTS : walk.size;
            trades++;
            return new Trade(inst.symbol(), exch, exch + 20_000, seq, walk.price, Fixed.ofUnits(lots),
                    walk.buy ? Side.BUY : Side.SELL, AggressorRule.VENUE);
        }
    }

    /** Everything on the kernel thread: analysis, the order trigger, the fake venue and the latency books. */
    private final class Lane implements EventHandler {
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final boolean analysis;
        private final long[] published;
        private final long warm;
        private final int total;
        private final FlowAnalyzer.Engine flow;
        private final StructureAnalyzer.Engine structure;
        private final BarAggregator bars;
        private final RiskGate gate;
        private final Consumer<FlowSignal> onSignal;
        private final Consumer<StructureEvent> onStructure = s -> this.structureEvents++;
        final LatencyHistogram all = new LatencyHistogram();
        final LatencyHistogram toOrder = new LatencyHistogram();
        final LatencyHistogram fromSchedule = new LatencyHistogram();
        volatile boolean done;
        volatile long expected = Long.MAX_VALUE;
        private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        private volatile long processed;
        long t0;
        long period;
        long orders;
        long structureEvents;
        long allocStart;
        boolean allocStarted;
        long allocEnd;
        long allocEvents;
        private Trade current;
        private int currentIndex;
        private boolean ordered;

        Lane(Instrument inst, ExchangeCalendar calendar, long[] published, long warm, int total, boolean analysis) {
            this.analysis = analysis;
            this.published = published;
            this.warm = warm;
            this.total = total;
            this.flow = flowAnalyzer.create(inst, calendar, dev.flof.spi.ext.Params.empty("flow"));
            this.structure = structureAnalyzer.create(inst, calendar, dev.flof.spi.ext.Params.empty("structure"));
            this.bars = new BarAggregator(inst, calendar, BarAggregator.allTimeframes(), BarAggregator.DEFAULT_MAX_BARS,
                    this::onBar);
            this.gate = new RiskGate(List.of(), List.of(), this::atVenue);
            this.onSignal = this::onSignal;
        }

        private void onBar(Bar b) {
            structure.onBar(b, onStructure);
            flow.onBar(b, onSignal);
        }

        private void onSignal(FlowSignal s) {
            Trade t = current;
            if (t == null || ordered) {
                return;
            }
            // Fade the signal's trade one tick away: the order the engine would send on a tap.
            Side side = t.aggressor() == Side.BUY ? Side.SELL : Side.BUY;
            long px = side == Side.BUY ? t.price() - SyntheticDbn.TICK : t.price() + SyntheticDbn.TICK;
            gate.submit(new OrderCommand.Submit(new Order("b" + currentIndex, t.symbol(), side, OrderType.LIMIT,
                    Fixed.ofUnits(1), px, 0, TimeInForce.IOC, false)), t.tsRecv());
        }

        /** The fake venue: the order command has arrived; this is where tick-to-order ends. */
        private void atVenue(OrderCommand c) {
            long now = System.nanoTime();
            ordered = true;
            if (currentIndex >= warm) {
                orders++;
                toOrder.record(now - published[currentIndex]);
                all.record(now - published[currentIndex]);
                fromSchedule.record(now - (t0 + currentIndex * period));
            }
        }

        void analyze(Event e) {
            switch (e) {
                case Trade t -> {
                    current = t;
                    bars.onTrade(t);
                    flow.onTrade(t, onSignal);
                    current = null;
                }
                case Quote q -> flow.onQuote(q, onSignal);
                default -> {
                }
            }
        }

        @Override
        public void onEvent(Event e) {
            int idx = (int) e.sequence();
            if (idx >= warm && !allocStarted) { // the first measured tick (even if the feed dropped tick #warm)
                allocStarted = true;
                allocStart = threads.getCurrentThreadAllocatedBytes();
            }
            ordered = false;
            currentIndex = idx;
            if (analysis) {
                analyze(e);
            }
            if (idx >= warm && !ordered) {
                long now = System.nanoTime();
                all.record(now - published[idx]);
                fromSchedule.record(now - (t0 + idx * period));
            }
            if (idx >= warm) {
                allocEvents++;
                if (idx == total - 1) {
                    allocEnd = threads.getCurrentThreadAllocatedBytes();
                }
            }
            long p = processed + 1;
            processed = p;
            if (p >= expected) {
                done = true;
                finished.countDown();
            }
        }

        /** Waits for the kernel thread to have handled every published event (signalled, not polled). */
        void awaitProcessed() throws InterruptedException {
            // The last event may have been handled before `expected` was set; then nothing will signal.
            if (processed < expected) {
                finished.await();
            }
            done = true;
        }
    }
}
