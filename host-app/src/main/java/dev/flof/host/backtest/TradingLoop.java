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
import dev.flof.host.protect.ProtectedDesk;
import dev.flof.host.protect.StopEscalation;
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
import dev.flof.spi.market.Side;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.Position;
import dev.flof.spi.order.WorkingOrder;
import dev.flof.spi.risk.PositionView;
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
 *
 * <p>With {@link #protect} (issue 11) the loop also runs the protections against sudden moves: the
 * {@link StopEscalation} sees every event after order management, watches the protective stop of every open
 * position, and hands a triggered-but-unfilled stop-limit (after the configured grace) or a rejected protective stop
 * to the order manager's {@link OrderManager#protectiveExit} (reduce-only market; the stop rests until flat); the ES
 * session policy flattens the same way before the weekend close, checked on every heartbeat. The
 * unprotected-position invariant is then excused for exactly one reason: a symbol whose protective stop triggered
 * without filling, for the escalation grace plus the reaction time (one heartbeat and the venue's round trip), and
 * while the escalated exit is on its way or working at the venue. Every other violation still stops the run.
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

    /** How long trades may come without a bar after the live tier went to BARS before they build bars again. */
    static final long KLINE_GRACE = 3 * 60 * SECOND;

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
        /** {@link #onSignal} as one object (this runs on every tick). */
        private final Consumer<FlowSignal> signals = this::onSignal;
        private boolean sawTicks;
        /** Live, data tier BARS: the feed's closed 1-minute bars build the bars, trades do not ({@link #barsFromKlines}). */
        private boolean klineBars;
        private long klineBarsSince;
        private boolean klineSeenSinceSwitch;

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
                    if (klineBars && !klineSeenSinceSwitch && t.tsEvent() - klineBarsSince > KLINE_GRACE) {
                        klineBars = false; // the feed sends trades at BARS and no bar since: build bars from the trades
                    }
                    if (!klineBars) {
                        sawTicks = true;
                        bars.advanceTo(t.tsEvent());
                    }
                    engine.onPrice(t);
                    flow.onTrade(t, signals);
                    if (!klineBars) {
                        bars.onTrade(t);
                    }
                    cost.onTrade(engine.tier());
                    engine.onTrade(t);
                }
                case Quote q -> {
                    flow.onQuote(q, signals);
                    cost.onQuote(engine.tier());
                }
                case DepthSnapshot d -> cost.onDepth(engine.tier());
                case Bar b -> {
                    klineSeenSinceSwitch = true;
                    bars.onBar(b);
                }
                default -> {
                }
            }
        }

        /**
         * The live runner's data tier (a backtest never calls this: its stream is what it is). At {@code BARS} the
         * feed sends closed 1-minute bars (klines) and the trades still arriving from the tape being switched off
         * are left out of the bars (they still reach flow and engine): each minute is built once, from its closed
         * bar, which replaces the trades the tape had folded into that minute (see
         * {@link BarAggregator#onBar}); and no bar closes on time alone, so the minute the tape left cannot close
         * half-built before its closed bar arrives. A feed that keeps sending trades at BARS with no bar for
         * {@link #KLINE_GRACE} gets its bars built from the trades again. At TAPE or DEPTH the trades build the
         * bars.
         *
         * @param klines  whether the feed now sends closed 1-minute bars instead of trades
         * @param nowNanos when the tier changed
         */
        public void barsFromKlines(boolean klines, long nowNanos) {
            if (klines && !klineBars) {
                klineBarsSince = nowNanos;
                klineSeenSinceSwitch = false;
                sawTicks = false;
            }
            klineBars = klines;
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
    private ProtectedDesk desk;
    private StopEscalation escalation;
    private long reactionNanos;
    private final Map<String, Long> escalatedAt = new TreeMap<>();
    private final Map<String, Long> unprotectedSince = new TreeMap<>();
    /** Symbols the session policy has asked order management to flatten (counted once per position). */
    private final java.util.Set<String> sessionFlattened = new java.util.TreeSet<>();

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

    /**
     * Turns on the protections of the trading path: stop escalation (when {@code desk.settings()} has it on) and the
     * ES session policy's flatten before the weekend. {@code desk} must be the door the lanes' engines enter through,
     * so entries see the same session policy, news blackout and liquidation guard. Call before the replay.
     */
    public TradingLoop protect(ProtectedDesk desk) {
        this.desk = desk;
        this.escalation = desk.settings().escalationOn()
                ? new StopEscalation(desk.settings().stopEscalationGraceNanos(), oms::position) : null;
        long roundTrip = 0;
        for (SimulatedVenue v : venues) {
            roundTrip = Math.max(roundTrip, v.config().sendLatencyNanos() + v.config().ackLatencyNanos());
        }
        this.reactionNanos = SECOND + roundTrip;
        return this;
    }

    /** The stop escalation the loop runs, or null when it is off. */
    public StopEscalation escalation() {
        return escalation;
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
        Lane lane = symbol == null ? null : lanes.get(symbol); // one look-up per event
        if (e instanceof TimerEvent t) {
            if (TICK.equals(t.key())) {
                nextTick = t.tsEvent() + SECOND;
                kernel.schedule(TICK, nextTick);
            }
            for (Lane l : lanes.values()) {
                l.onTime(t.tsEvent());
            }
        } else if (lane != null) {
            lane.onMarket(e);
        }
        oms.observe(e);
        if (e instanceof TimerEvent) {
            for (Lane l : lanes.values()) {
                oms.manage(l.instrument.symbol(), e, l.engine.map(), l.flow);
            }
        } else if (lane != null) {
            oms.manage(symbol, e, lane.engine.map(), lane.flow);
        }
        protections(e);
        drainVenue();
        afterEvent(e.tsRecv());
    }

    /** Stop escalation on every event; the session policy's weekend flatten on every heartbeat. */
    private void protections(Event e) {
        if (desk == null) {
            return;
        }
        long now = e.tsRecv();
        if (escalation != null) {
            if (e instanceof OrderEvent oe) {
                PositionView pv = oms.positionView(oe.symbol());
                if (pv != null && oe.clientOrderId().equals(pv.stopOrderId()) && !escalation.watching(pv.stopOrderId())) {
                    escalation.watch(pv.stopOrderId(), pv.symbol(), pv.side().opposite());
                }
            }
            for (StopEscalation.Escalation x : escalation.poll(e)) {
                String why = oms.protectiveExit(x.symbol(), "stop escalation: " + x.reason(), now);
                journal.count(why == null ? "protect: stop escalations (reduce-only market exit)"
                        : "protect: stop escalations not sent (" + why.replaceAll("[0-9][0-9.]*", "N") + ")", 1);
                escalatedAt.put(x.symbol(), now);
            }
        }
        if (e instanceof TimerEvent t && TICK.equals(t.key())) {
            for (String sym : desk.symbols()) {
                if (desk.mustBeFlat(sym, now)) {
                    if (oms.busy(sym) && oms.position(sym) == 0) {
                        oms.cancelUnfilledEntry(sym, "session policy: flat before the weekend close", now);
                    }
                    // per symbol: another symbol's flatten (e.g. an escalation waiting in a halted market) must not
                    // hold this one back; protectiveExit leaves a symbol that is already flattening alone
                    if (oms.position(sym) == 0) {
                        sessionFlattened.remove(sym);
                    } else if (sessionFlattened.add(sym)) {
                        oms.protectiveExit(sym, "session policy: flat before the weekend close", now);
                        journal.count("protect: session flattens before the weekend close", 1);
                    }
                }
            }
        }
    }

    /**
     * Whether every position the venues report without a full resting stop is in the escalation's window: its own
     * protective stop-limit is still working at the venue but no longer counts as resting (it triggered and the gap
     * skipped its limit) for at most grace + reaction since the position became unprotected; or its escalated exit
     * went less than the reaction time ago (in flight); or a reduce-only market exit for the rest is working at the
     * venue (a halted or locked market). Anything else, e.g. a position without any stop, is not excused.
     */
    private boolean unprotectedExcused(long now) {
        if (escalation == null) {
            return false;
        }
        boolean all = true;
        for (SimulatedVenue v : venues) {
            for (Position p : v.positions()) {
                Side closing = p.quantity() > 0 ? Side.SELL : Side.BUY;
                long need = Math.abs(p.quantity()) - v.restingStopQuantity(p.symbol(), closing);
                if (need <= 0) {
                    unprotectedSince.remove(p.symbol());
                    continue;
                }
                long since = unprotectedSince.computeIfAbsent(p.symbol(), k -> now);
                PositionView pv = oms.positionView(p.symbol());
                String stopId = pv == null ? null : pv.stopOrderId();
                long triggeredLimit = 0;
                long exiting = 0;
                for (WorkingOrder w : v.openOrders()) {
                    if (!w.order().symbol().equals(p.symbol()) || w.order().side() != closing || !w.order().reduceOnly()) {
                        continue;
                    }
                    if (w.order().clientOrderId().equals(stopId) && w.order().type() == OrderType.STOP_LIMIT) {
                        triggeredLimit += w.order().quantity() - w.filledQuantity();
                    } else if (w.order().type() == OrderType.MARKET) {
                        exiting += w.order().quantity() - w.filledQuantity();
                    }
                }
                Long sent = escalatedAt.get(p.symbol());
                boolean excused = (triggeredLimit > 0 && now - since <= escalation.graceNanos() + reactionNanos)
                        || (sent != null && sent >= since && now - sent <= reactionNanos)
                        || exiting >= need;
                all &= excused;
            }
        }
        return all;
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
            protections(ve);
            afterEvent(ve.tsRecv());
        }
    }

    private void afterEvent(long ts) {
        checks++;
        String v = monitor.check(oms.gate(), venues);
        // the unprotected-position check is the monitor's last: any other violation is reported before it
        if (v == null) {
            unprotectedSince.clear();
        } else if (v.startsWith("unprotected position") && unprotectedExcused(ts)) {
            v = null;
        }
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
