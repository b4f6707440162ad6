package dev.flof.host.backtest;

import dev.flof.host.FlofException;
import dev.flof.host.bars.BarAggregator;
import dev.flof.host.engine.DataCostMeter;
import dev.flof.host.engine.PredatorEngine;
import dev.flof.host.journal.Journal;
import dev.flof.host.kernel.EventHandler;
import dev.flof.host.kernel.Kernel;
import dev.flof.host.oms.InvariantMonitor;
import dev.flof.host.oms.OrderManager;
import dev.flof.host.venue.SimulatedVenue;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.DepthSnapshot;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.StructureAnalyzer;
import dev.flof.spi.flow.FlowSignal;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.structure.StructureEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One event through the house, in the order the architecture fixes: the simulated venues first (they match
 * against the book as it stood before the strategy reacts), then the venues' order answers to order
 * management, then the instrument's lane (order flow, bars, structure, the Predator engine), then the
 * circuit breakers and the exit manager, and after every event the invariants. A violated invariant stops
 * the run with {@link InvariantViolation}.
 *
 * <p>It also keeps a heartbeat timer every second of event time (breakers notice silence and deliver the
 * FLATTEN a veto triggered on their next event), and a timer right after every veto.
 */
public final class TradingLoop implements EventHandler {
    /** The key of the heartbeat timer. */
    public static final String TICK = "flof.tick";
    static final String VETO = "flof.veto";
    private static final long SECOND = 1_000_000_000L;
    private static final long EQUITY_EVERY = 5 * 60 * SECOND;

    /** A broken rule of the run: no unprotected position, no vetoed order at the venue, no widened stop. */
    public static final class InvariantViolation extends FlofException {
        private static final long serialVersionUID = 1L;

        public InvariantViolation(String message) {
            super(message);
        }
    }

    /** Per-run observers of what the lanes produce (the report's statistics). */
    public interface Observer {
        default void onBar(Bar b) {
        }

        default void onStructure(StructureEvent e) {
        }

        default void onSignal(FlowSignal s) {
        }
    }

    /** One instrument's chain: flow engine on the tape, bars from the tape, structure on closed bars, the engine. */
    public static final class Lane {
        final Instrument instrument;
        final FlowAnalyzer.Engine flow;
        final StructureAnalyzer.Engine structure;
        final PredatorEngine engine;
        final BarAggregator bars;
        final Timeframe chartTimeframe;
        final List<Bar> chartBars = new ArrayList<>();
        final List<StructureEvent> structureEvents = new ArrayList<>();
        final DataCostMeter cost = new DataCostMeter();
        private Observer observer = new Observer() {
        };
        private boolean sawTicks;

        /** @param bars built with {@link #listener()} as its bar listener */
        public Lane(Instrument instrument, FlowAnalyzer.Engine flow, StructureAnalyzer.Engine structure, PredatorEngine engine,
                    java.util.function.Function<dev.flof.host.bars.BarListener, BarAggregator> bars, Timeframe chartTimeframe) {
            this.instrument = instrument;
            this.flow = flow;
            this.structure = structure;
            this.engine = engine;
            this.chartTimeframe = chartTimeframe;
            this.bars = bars.apply(this::onClosedBar);
        }

        public PredatorEngine engine() {
            return engine;
        }

        public List<Bar> chartBars() {
            return chartBars;
        }

        public List<StructureEvent> structureEvents() {
            return structureEvents;
        }

        public DataCostMeter cost() {
            return cost;
        }

        public Instrument instrument() {
            return instrument;
        }

        void observe(Observer o) {
            this.observer = o;
        }

        private void onSignal(FlowSignal s) {
            observer.onSignal(s);
            engine.onSignal(s);
        }

        void onMarket(Event e) {
            switch (e) {
                case Trade t -> {
                    sawTicks = true;
                    bars.advanceTo(t.tsEvent());
                    engine.onPrice(t);
                    flow.onTrade(t, this::onSignal);
                    bars.onTrade(t);
                    cost.onTrade(engine.tier());
                    engine.onTrade(t);
                }
                case Quote q -> {
                    flow.onQuote(q, this::onSignal);
                    cost.onQuote(engine.tier());
                }
                case DepthSnapshot d -> cost.onDepth(engine.tier());
                case Bar b -> bars.onBar(b);
                default -> {
                }
            }
        }

        void onTime(long ts) {
            if (sawTicks) {
                bars.advanceTo(ts);
            }
            engine.onTime(ts);
        }

        private void onClosedBar(Bar b) {
            observer.onBar(b);
            flow.onBar(b, this::onSignal);
            structure.onBar(b, ev -> {
                observer.onStructure(ev);
                structureEvents.add(ev);
                engine.onStructure(ev);
            });
            if (b.timeframe() == Timeframe.M1) {
                cost.onMinuteBar(engine.tier());
            }
            engine.onBarClosed(b);
            if (b.timeframe() == chartTimeframe) {
                chartBars.add(b);
            }
        }
    }

    private final Kernel kernel;
    private final List<SimulatedVenue> venues;
    private final ArrayDeque<Event> venueEvents;
    private final Map<String, Lane> lanes;
    private final OrderManager oms;
    private final InvariantMonitor monitor;
    private final Journal journal;
    private final LongSupplier equity;
    private long nextTick = Long.MIN_VALUE;
    private long nextEquityAt = Long.MIN_VALUE;
    private long peakEquity = Long.MIN_VALUE;
    private int vetoesSeen;
    private long checks;

    /**
     * @param venueEvents the queue the venues publish their order events to (their sink)
     * @param equity      account equity now, fixed-point (for the equity curve)
     */
    public TradingLoop(Kernel kernel, List<SimulatedVenue> venues, ArrayDeque<Event> venueEvents, Map<String, Lane> lanes,
                       OrderManager oms, InvariantMonitor monitor, Journal journal, LongSupplier equity) {
        this.kernel = kernel;
        this.venues = List.copyOf(venues);
        this.venueEvents = venueEvents;
        this.lanes = new TreeMap<>(lanes);
        this.oms = oms;
        this.monitor = monitor;
        this.journal = journal;
        this.equity = equity;
    }

    /** Routes the lanes' bars, structure events and signals to {@code o} as well. */
    public void observe(Observer o) {
        lanes.values().forEach(l -> l.observe(o));
    }

    public Map<String, Lane> lanes() {
        return lanes;
    }

    /** Invariant checks done (one per event). */
    public long checks() {
        return checks;
    }

    @Override
    public void onEvent(Event e) {
        if (nextTick == Long.MIN_VALUE) {
            nextTick = Math.floorDiv(e.tsRecv(), SECOND) * SECOND + SECOND;
            kernel.schedule(TICK, nextTick);
            nextEquityAt = Math.floorDiv(e.tsRecv(), EQUITY_EVERY) * EQUITY_EVERY;
        }
        for (SimulatedVenue v : venues) {
            v.onEvent(e);
        }
        drainVenue();
        String symbol = symbolOf(e);
        if (e instanceof TimerEvent t) {
            if (TICK.equals(t.key())) {
                nextTick = t.tsEvent() + SECOND;
                kernel.schedule(TICK, nextTick);
            }
            for (Lane l : lanes.values()) {
                l.onTime(t.tsEvent());
            }
        } else if (symbol != null) {
            Lane l = lanes.get(symbol);
            if (l != null) {
                l.onMarket(e);
            }
        }
        oms.observe(e);
        if (e instanceof TimerEvent) {
            for (Lane l : lanes.values()) {
                oms.manage(l.instrument.symbol(), e, l.engine.map(), l.flow);
            }
        } else if (symbol != null && lanes.containsKey(symbol)) {
            Lane l = lanes.get(symbol);
            oms.manage(symbol, e, l.engine.map(), l.flow);
        }
        drainVenue();
        afterEvent(e.tsRecv());
    }

    private void drainVenue() {
        while (!venueEvents.isEmpty()) {
            Event ve = venueEvents.pollFirst();
            if (ve instanceof OrderEvent oe) {
                oms.onOrderEvent(oe);
                oms.observe(oe);
                Lane l = lanes.get(oe.symbol());
                if (l != null) {
                    oms.manage(oe.symbol(), oe, l.engine.map(), l.flow);
                }
            } else {
                oms.observe(ve);
            }
            afterEvent(ve.tsRecv());
        }
    }

    private void afterEvent(long ts) {
        checks++;
        String v = monitor.check(oms.gate(), venues);
        if (v != null) {
            throw new InvariantViolation("invariant violated: " + v);
        }
        if (oms.gate().vetoCount() > vetoesSeen) {
            vetoesSeen = oms.gate().vetoCount();
            kernel.schedule(VETO, ts);
        }
        if (ts >= nextEquityAt && nextEquityAt != Long.MIN_VALUE) {
            long eq = equity.getAsLong();
            peakEquity = Math.max(peakEquity, eq);
            journal.equity(new Journal.EquityPoint(ts, eq, peakEquity - eq));
            nextEquityAt = Math.floorDiv(ts, EQUITY_EVERY) * EQUITY_EVERY + EQUITY_EVERY;
        }
    }

    /** Consumer form, for tests that drive the loop without a kernel replay. */
    public Consumer<Event> asConsumer() {
        return this::onEvent;
    }

    static String symbolOf(Event e) {
        return switch (e) {
            case Trade t -> t.symbol();
            case Quote q -> q.symbol();
            case Bar b -> b.symbol();
            case DepthSnapshot d -> d.symbol();
            case OrderEvent o -> o.symbol();
            default -> null;
        };
    }
}
