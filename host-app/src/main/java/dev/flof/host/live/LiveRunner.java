package dev.flof.host.live;

import dev.flof.host.FlofException;
import dev.flof.host.backtest.TradingLoop;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.config.InstrumentRegistry;
import dev.flof.host.kernel.Clock;
import dev.flof.host.kernel.Kernel;
import dev.flof.host.plugin.PluginHost;
import dev.flof.host.venue.FeeModel;
import dev.flof.host.venue.InstrumentTerms;
import dev.flof.host.venue.MarginModel;
import dev.flof.host.venue.QueueModel;
import dev.flof.host.venue.SimulatedVenue;
import dev.flof.host.venue.VenueConfig;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.DepthSnapshot;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.ext.FeedProvider;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.SecretSource;
import dev.flof.spi.market.DataTier;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.TradingState;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A paper or live session: the backtest's kernel and engine on the system clock, fed by live
 * {@link FeedProvider}s, trading through {@link ExecutionVenue} sessions (live) or the simulated venue (paper).
 *
 * <p>Threads: feeds and venue sessions run their own I/O threads and only publish into the kernel's
 * bounded inbound queue; every engine component, the reconcilers and the status snapshot run on the
 * kernel thread ({@link #run}). The HTTP status thread reads only the latest immutable snapshot.
 *
 * <p>Order of start: venue sessions connect, the engine is built with a reconciler guard per session in the
 * risk gate (so nothing that adds exposure can leave before reconciliation), feeds open; then, on the kernel
 * thread and before any event is dispatched, every session is reconciled; only then does the loop run.
 */
public final class LiveRunner implements AutoCloseable {
    public enum Mode { PAPER, LIVE }

    static final String STATUS_TIMER = "flof.live.status";
    private static final long SECOND = 1_000_000_000L;

    private final Mode mode;
    private final RunnerSettings settings;
    private final PrintStream out;
    private final Kernel kernel;
    private final Clock clock;
    private final Map<String, Instrument> instruments = new TreeMap<>();
    private final Map<String, ExecutionVenue.Session> sessions = new LinkedHashMap<>();
    private final Map<String, FeedProvider.MarketDataFeed> feeds = new LinkedHashMap<>();
    private final Map<String, String> feedStatus = new TreeMap<>();
    private final List<Reconciler> reconcilers = new ArrayList<>();
    private final List<SimulatedVenue> simVenues = new ArrayList<>();
    private final ArrayDeque<Event> pending = new ArrayDeque<>();
    private final Map<String, Double> latencyMs = new TreeMap<>();
    private final Map<String, Long> lastPrice = new TreeMap<>();
    private final Map<String, DataTier> requested = new TreeMap<>();
    /** Adoptions already reported as impossible (venue, symbol, quantity), so the log says it once. */
    private final java.util.Set<String> adoptionNoted = new java.util.TreeSet<>();
    /** The last bracket sent per symbol (the status shows it while its entry works). */
    private final Map<String, String> lastBracket = new TreeMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    /** Client ids of orders this process sent (lookup only). */
    private final java.util.Set<String> placedHere = new java.util.HashSet<>();
    private final Path haltFile;
    private final boolean terminal;
    private EngineAssembly engine;
    /** Stops the session after a confirmed flatten and writes the halt marker (issue 10). */
    private dev.flof.host.halt.HaltWatch haltWatch;
    private StatusServer statusServer;
    private final Object statusLock = new Object();
    private volatile LiveStatus status;
    private volatile String statusJson;
    private boolean haltPresent;
    private boolean inEvent;
    private final List<String> logBuffer = new ArrayList<>();
    private long nextLineAt;
    private String halted = "";
    private long reconcileRetryAt = Long.MAX_VALUE;
    private int reconcileAttempts;
    private long droppedSeen;

    /**
     * @param terminal whether to print the status line (stdout is a terminal)
     */
    public LiveRunner(Mode mode, FlofConfig config, RunnerSettings settings, PluginHost host, SecretSource secrets,
                      Clock clock, Path workingDir, PrintStream out, boolean terminal) {
        this.mode = mode;
        this.settings = settings;
        this.out = out;
        this.clock = clock;
        this.terminal = terminal;
        this.kernel = new Kernel(clock, settings.inboundCapacity());
        this.haltFile = settings.haltFile().isEmpty() ? null : workingDir.resolve(settings.haltFile());
        InstrumentRegistry registry = new InstrumentRegistry(config.instruments());
        for (String s : settings.symbols()) {
            try {
                instruments.put(s, registry.require(s));
            } catch (RuntimeException e) {
                throw new FlofException(e.getMessage(), e);
            }
        }
        Consumer<String> log = this::log;
        Path stateDir = workingDir.resolve(settings.stateDir());
        dev.flof.host.halt.HaltMarker.refuseIfHalted(stateDir, mode.name().toLowerCase(java.util.Locale.ROOT));
        try {
            List<String> guardIds = new ArrayList<>();
            List<CircuitBreaker.Guard> guards = new ArrayList<>();
            ArrayDeque<Event> venueEvents = new ArrayDeque<>();
            for (int i = 0; i < settings.venues().size(); i++) {
                RunnerSettings.Endpoint ep = settings.venues().get(i);
                Map<String, Instrument> its = new TreeMap<>();
                ep.symbols().forEach(s -> its.put(s, instruments.get(s)));
                ExecutionVenue.Session session;
                String venueId;
                ExecutionStore store;
                if (mode == Mode.PAPER) {
                    SimulatedVenue sim = simulated(config, ep.id(), its, venueEvents);
                    simVenues.add(sim);
                    session = sim;
                    venueId = sim.config().venueId();
                    store = ExecutionStore.none();
                } else {
                    ExecutionVenue ext = host.require(ExecutionVenue.class, ep.id(), "venues[" + i + "].id");
                    try {
                        session = ext.connect(new ExecutionVenue.Context(new Params("venues[" + i + "].params", ep.params()),
                                kernel.inbound(), secrets, clock::nanos));
                    } catch (RuntimeException e) {
                        throw new FlofException("venue " + ep.id() + ": " + e.getMessage(), e);
                    }
                    venueId = ep.id();
                    store = new ExecutionStore(stateDir, venueId);
                }
                sessions.put(venueId, session);
                Reconciler r = new Reconciler(venueId, session, its, settings, clock::nanos, store, pending::addLast, log);
                if (mode == Mode.PAPER) {
                    // paper falls back to the engine configuration's caps, as the backtest does; live does not
                    // (it refuses to start without live.maxPosition, see LiveCommand)
                    r.capsFrom(sym -> {
                        String cap = EngineAssembly.maxPosition(config, settings, sym);
                        return cap == null ? 0 : Fixed.parse(cap);
                    });
                }
                reconcilers.add(r);
                guardIds.add("reconcile-" + venueId);
                guards.add(r.guard());
            }
            long fixedEquity = settings.equity().isEmpty() ? 0 : Fixed.parse(settings.equity());
            java.util.function.LongSupplier equity = mode == Mode.PAPER && fixedEquity == 0
                    ? () -> simVenues.stream().mapToLong(v -> v.account().equity()).sum() : () -> fixedEquity;
            engine = new EngineAssembly(config, host, kernel, instruments, settings, this::route, simVenues, venueEvents,
                    guardIds, guards, equity, this::venuePosition);
            engine.oms.viewVenue(new SessionVenueView(sym -> {
                for (Reconciler r : reconcilers) {
                    if (r.symbols().contains(sym)) {
                        return sessions.get(r.venueId());
                    }
                }
                return null;
            }, sym -> {
                for (Reconciler r : reconcilers) {
                    if (r.symbols().contains(sym)) {
                        return r.venueId();
                    }
                }
                return "?";
            }, this::venuePosition, this::log, clock::nanos));
            haltWatch = new dev.flof.host.halt.HaltWatch(engine.oms, engine.journal, stateDir,
                    mode.name().toLowerCase(java.util.Locale.ROOT), log);
            for (Reconciler r : reconcilers) {
                r.attach(new Reconciler.Desk() {
                    @Override
                    public boolean submit(OrderCommand command) {
                        return engine.gate.submit(command, clock.nanos());
                    }

                    @Override
                    public long enginePosition(String symbol) {
                        return engine.oms.position(symbol);
                    }

                    @Override
                    public boolean knows(String clientOrderId) {
                        return placedHere.contains(clientOrderId);
                    }
                }, s -> haltPresent);
            }
            kernel.register(this::onEvent);
            for (int i = 0; i < settings.feeds().size(); i++) {
                RunnerSettings.Endpoint ep = settings.feeds().get(i);
                FeedProvider provider = host.require(FeedProvider.class, ep.id(), "feeds[" + i + "].id");
                try {
                    feeds.put(ep.id() + "#" + i, provider.open(new FeedProvider.Context(new Params("feeds[" + i + "].params",
                            ep.params()), kernel.inbound(), secrets, clock::nanos)));
                } catch (RuntimeException e) {
                    throw new FlofException("feed " + ep.id() + ": " + e.getMessage(), e);
                }
            }
            if (settings.status().port() >= 0) {
                statusServer = new StatusServer(settings.status().bind(), settings.status().port(), () -> statusJson);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private SimulatedVenue simulated(FlofConfig config, String id, Map<String, Instrument> its, ArrayDeque<Event> sink) {
        List<InstrumentTerms> terms = new ArrayList<>();
        FlofConfig.VenueSpec spec = null;
        for (Instrument inst : its.values()) {
            boolean es = inst.profile() == MarketProfile.ES;
            FlofConfig.VenueSpec s = es ? config.venues().es() : config.venues().crypto();
            spec = spec == null ? s : spec;
            terms.add(es ? new InstrumentTerms(inst, new FeeModel.PerContract(Fixed.parse(s.commissionPerContract()),
                    Fixed.parse(s.exchangeFeePerContract())), new MarginModel.PerUnit(Fixed.parse(s.initialMarginPerContract())))
                    : new InstrumentTerms(inst, new FeeModel.MakerTaker(Fixed.parse(s.makerBps()), Fixed.parse(s.takerBps())),
                    new MarginModel.Leverage(Fixed.parse(s.leverage()))));
        }
        if (spec == null) {
            throw new FlofException("venue " + id + " trades no symbol");
        }
        VenueConfig vc = new VenueConfig("paper-" + id, spec.sendLatencyUs() * 1_000L, spec.ackLatencyUs() * 1_000L,
                spec.slippageTicks(), QueueModel.TRADE_THROUGH, Fixed.parse(spec.startingBalance()), spec.currency());
        // no engine clock: the venue's clock is the receive time of the events the loop feeds it (its javadoc: a
        // wall clock would always be ahead of the market data and fail every send)
        return new SimulatedVenue(vc, terms, sink::add, null);
    }

    /** Where the risk gate's passed commands go: the session trading the symbol (all of them for "*"). */
    private void route(OrderCommand c) {
        switch (c) {
            case OrderCommand.SubmitBracket sb -> {
                placedHere.add(sb.bracket().entry().clientOrderId());
                placedHere.add(sb.bracket().stop().clientOrderId());
                if (sb.bracket().target() != null) {
                    placedHere.add(sb.bracket().target().clientOrderId());
                }
                String d = describe(sb.bracket());
                lastBracket.put(sb.symbol(), d);
                log("order sent: " + d);
            }
            case OrderCommand.Submit s -> placedHere.add(s.order().clientOrderId());
            default -> {
            }
        }
        if ("*".equals(c.symbol())) {
            sessions.values().forEach(s -> s.send(c));
            return;
        }
        for (Reconciler r : reconcilers) {
            if (r.symbols().contains(c.symbol())) {
                sessions.get(r.venueId()).send(c);
                return;
            }
        }
        throw new FlofException("no venue session trades " + c.symbol());
    }

    /** One line for the operator: entry, protective stop and target of a bracket that passed the risk gate. */
    static String describe(dev.flof.spi.order.BracketOrder br) {
        dev.flof.spi.order.Order e = br.entry();
        StringBuilder b = new StringBuilder("bracket ").append(br.groupId()).append(' ').append(e.side()).append(' ')
                .append(Fixed.format(e.quantity())).append(' ').append(e.symbol()).append(" entry ").append(e.type())
                .append(e.limitPrice() != 0 ? " @ " + Fixed.format(e.limitPrice()) : "").append(' ').append(e.tif())
                .append(" (").append(e.clientOrderId()).append("), stop ").append(Fixed.format(br.stop().stopPrice()))
                .append(" (").append(br.stop().clientOrderId()).append(')');
        if (br.target() != null) {
            b.append(", target ").append(Fixed.format(br.target().limitPrice())).append(" (").append(br.target().clientOrderId())
                    .append(')');
        }
        return b.toString();
    }

    private long venuePosition(String symbol) {
        for (SimulatedVenue v : simVenues) {
            long q = v.position(symbol).quantity();
            if (q != 0) {
                return q;
            }
        }
        for (Reconciler r : reconcilers) {
            if (r.symbols().contains(symbol)) {
                return r.venuePosition(symbol);
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------ the kernel thread

    /** Reconciles every session, then runs the loop on the calling thread until {@link #stop()}. */
    public void run() throws InterruptedException {
        reconcileAll("start-up");
        drainPending();
        adoptFromVenues();
        for (Map.Entry<String, Instrument> en : instruments.entrySet()) {
            requestTier(en.getValue(), DataTier.BARS);
        }
        long now = clock.nanos();
        nextLineAt = now;
        kernel.schedule(STATUS_TIMER, now + SECOND);
        snapshot();
        if (statusServer != null) {
            out.println("flof " + mode.name().toLowerCase(java.util.Locale.ROOT) + ": status at http://" + statusServer.address() + "/status");
        }
        out.println("flof " + mode.name().toLowerCase(java.util.Locale.ROOT) + ": running " + instruments.keySet()
                + " (Ctrl-C stops; resting orders stay at the venue)");
        out.flush();
        kernel.runLive(stop::get, 200);
    }

    /**
     * Rehearses this runner on recorded data: the start-up of {@link #run} (reconciliation, data tiers) and the
     * same per-event handling, but the events come from {@code sources} in the kernel's replay order on a
     * {@link dev.flof.host.kernel.SimulatedClock} instead of from the inbound queue, and without the
     * once-a-second status timer (no operator watches a replay, and a backtest has no such timer). This is
     * how the backtest/live parity is proven: the same stream through this runner and through the backtest
     * must give the same orders. A breaker's flatten is reported in the journal, as in a backtest, but writes no
     * halt marker into the state directory: a rehearsal must never block a real start.
     */
    public void replay(List<? extends dev.flof.host.kernel.EventSource> sources) throws java.io.IOException {
        if (!(clock instanceof dev.flof.host.kernel.SimulatedClock)) {
            throw new FlofException("a replay through the " + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + " runner needs the simulated clock");
        }
        haltWatch.rehearsal(); // a rehearsal never writes the halt marker that would block a real start
        reconcileAll("start-up");
        drainPending();
        for (Map.Entry<String, Instrument> en : instruments.entrySet()) {
            requestTier(en.getValue(), DataTier.BARS);
        }
        kernel.replay(sources);
        snapshot();
    }

    /** The run's journal (graded setups, trades, transitions, breaker actions), read on the kernel thread. */
    public dev.flof.host.journal.Journal journal() {
        return engine.journal;
    }

    /**
     * Hands every position a reconciliation found at a venue that order management does not hold (the process
     * restarted, e.g. after kill -9) to order management with its resting protective stop and target, so the exit
     * manager manages it from now on (see {@link dev.flof.host.oms.OrderManager#adopt}). Nothing is sent. A
     * position without a stop is adopted once the reconciler's emergency stop is among its working orders.
     */
    private void adoptFromVenues() {
        for (Reconciler r : reconcilers) {
            if (!r.reconciled()) {
                continue;
            }
            for (String sym : r.symbols()) {
                long qty = r.venuePosition(sym);
                dev.flof.spi.risk.PositionView managed = engine.oms.positionView(sym);
                if (qty == 0 || managed != null && managed.stopOrderId() != null) {
                    continue;
                }
                dev.flof.spi.market.Side exit = qty > 0 ? dev.flof.spi.market.Side.SELL : dev.flof.spi.market.Side.BUY;
                dev.flof.spi.order.WorkingOrder stop = null;
                dev.flof.spi.order.WorkingOrder target = null;
                for (dev.flof.spi.order.WorkingOrder w : r.workingOrders(sym)) {
                    dev.flof.spi.order.Order o = w.order();
                    if (o.side() != exit) {
                        continue;
                    }
                    boolean isStop = o.type() == dev.flof.spi.order.OrderType.STOP || o.type() == dev.flof.spi.order.OrderType.STOP_LIMIT;
                    if (isStop && (stop == null || (qty > 0 ? o.stopPrice() > stop.order().stopPrice()
                            : o.stopPrice() < stop.order().stopPrice()))) {
                        stop = w;
                    } else if (!isStop && o.type() == dev.flof.spi.order.OrderType.LIMIT && target == null) {
                        target = w;
                    }
                }
                String key = r.venueId() + " " + sym + " " + qty;
                if (stop == null) {
                    if (adoptionNoted.add(key)) {
                        log(sym + " at " + r.venueId() + ": position " + Fixed.format(qty) + " has no protective stop to adopt yet");
                    }
                    continue;
                }
                long now = clock.nanos();
                String why = engine.oms.adopt(r.venueId(), sym, qty, r.averagePrice(sym), stop.order().clientOrderId(), stop.order().stopPrice(),
                        !r.unconfirmed(stop.order().clientOrderId()), target == null ? null : target.order().clientOrderId(),
                        target == null ? 0 : target.order().limitPrice(), now, now);
                if (why != null) {
                    if (adoptionNoted.add(key)) {
                        log(sym + " at " + r.venueId() + ": not adopted: " + why);
                    }
                    continue;
                }
                placedHere.add(stop.order().clientOrderId());
                if (target != null) {
                    placedHere.add(target.order().clientOrderId());
                }
                log("adopted " + Fixed.format(qty) + " " + sym + " @ " + Fixed.format(r.averagePrice(sym)) + " from " + r.venueId()
                        + " with stop " + Fixed.format(stop.order().stopPrice()) + " (" + stop.order().clientOrderId() + ")"
                        + (target == null ? "" : " and target " + Fixed.format(target.order().limitPrice()) + " ("
                        + target.order().clientOrderId() + ")") + ": the exit manager manages it from now");
            }
        }
    }

    private void reconcileAll(String why) {
        boolean ok = true;
        for (Reconciler r : reconcilers) {
            if (!r.reconciled()) {
                ok &= r.reconcile(why).ok();
            }
        }
        if (ok) {
            reconcileRetryAt = Long.MAX_VALUE;
            reconcileAttempts = 0;
        } else {
            long backoff = Math.min(60, 1L << Math.min(6, reconcileAttempts++)) * SECOND;
            reconcileRetryAt = clock.nanos() + backoff;
        }
        snapshot();
    }

    private void onEvent(Event e) {
        inEvent = true;
        try {
            handle(e);
            drainPending();
            for (TradingLoop.Lane l : engine.lanes.values()) {
                DataTier t = l.engine().tier();
                if (t != null) {
                    requestTier(l.instrument(), t);
                }
            }
            if (haltWatch.afterEvent()) {
                stop.set(true); // the flatten is confirmed complete: end with the halt marker written
            }
        } finally {
            inEvent = false;
        }
        if (!logBuffer.isEmpty()) {
            // the status is never older than a line the operator has read
            snapshot();
            logBuffer.forEach(this::print);
            logBuffer.clear();
        }
    }

    private void drainPending() {
        while (!pending.isEmpty()) {
            handle(pending.pollFirst());
        }
    }

    private void handle(Event e) {
        if (e instanceof TimerEvent t && t.key().equals(STATUS_TIMER)) {
            onStatusTimer(t.tsRecv());
            // also the engine's clock when no market data flows (it starts the loop's heartbeat)
        }
        observe(e);
        for (Reconciler r : reconcilers) {
            r.onEvent(e);
        }
        if (e instanceof dev.flof.spi.event.VenueStatus) {
            adoptFromVenues();
        }
        if (mode == Mode.LIVE && e instanceof OrderEvent oe) {
            engine.oms.onOrderEvent(oe);
        }
        try {
            engine.loop.onEvent(e);
        } catch (TradingLoop.InvariantViolation v) {
            if (halted.isEmpty()) {
                halted = v.getMessage();
                engine.gate.setState(TradingState.HALTED, v.getMessage());
                log("HALTED: " + v.getMessage() + "; no new entries, resting protective orders stay at the venue");
            }
        }
    }

    private void observe(Event e) {
        String sym = switch (e) {
            case Trade t -> {
                lastPrice.put(t.symbol(), t.price());
                yield t.symbol();
            }
            case Quote q -> q.symbol();
            case Bar b -> {
                lastPrice.put(b.symbol(), b.close());
                yield b.symbol();
            }
            case DepthSnapshot d -> d.symbol();
            case FeedStatus f -> {
                feedStatus.put(f.feedId(), f.kind() + (f.detail().isEmpty() ? "" : ": " + f.detail()));
                yield null;
            }
            default -> null;
        };
        if (sym != null && e.tsEvent() > 0) {
            latencyMs.put(sym, (e.tsRecv() - e.tsEvent()) / 1e6);
        }
    }

    private void onStatusTimer(long now) {
        kernel.schedule(STATUS_TIMER, now + SECOND);
        boolean h = haltFile != null && Files.exists(haltFile);
        if (h != haltPresent) {
            haltPresent = h;
            log(h ? "halt marker " + haltFile + " present: no new entries (exits and protective orders still work)"
                    : "halt marker " + haltFile + " removed: entries allowed again");
        }
        long dropped = kernel.inboundDropped();
        if (dropped > droppedSeen) {
            log("inbound queue full: " + (dropped - droppedSeen) + " events lost (" + dropped
                    + " in all); order events may be among them, reconciling every venue before new entries");
            droppedSeen = dropped;
            for (Reconciler r : reconcilers) {
                r.invalidate("events lost in the full inbound queue");
            }
            reconcileAll("inbound queue overflow");
            drainPending();
        }
        boolean behind = false;
        for (Reconciler r : reconcilers) {
            behind |= r.connected() && !r.reconciled();
        }
        if (!behind) {
            reconcileRetryAt = Long.MAX_VALUE;
            reconcileAttempts = 0;
        } else if (reconcileRetryAt == Long.MAX_VALUE) {
            // a reconciliation after a reconnect failed: retry with backoff
            reconcileRetryAt = now + Math.min(60, 1L << Math.min(6, reconcileAttempts++)) * SECOND;
        } else if (now >= reconcileRetryAt) {
            reconcileAll("retry");
            drainPending();
        }
        adoptFromVenues();
        snapshot();
        if (terminal && now >= nextLineAt) {
            nextLineAt = now + settings.status().intervalSeconds() * SECOND;
            out.print("\r" + status.line() + "\u001b[K");
            out.flush();
        }
    }

    private void requestTier(Instrument inst, DataTier tier) {
        if (tier == requested.get(inst.symbol())) {
            return;
        }
        requested.put(inst.symbol(), tier);
        if (!feeds.isEmpty()) {
            // the feeds follow the tier: at BARS the minute bars come as closed klines, which replace what the tape
            // built of their minute (a replay or an embedded source sends what it has: its trades build the bars)
            TradingLoop.Lane lane = engine.lanes.get(inst.symbol());
            if (lane != null) {
                lane.barsFromKlines(tier == DataTier.BARS, clock.nanos());
            }
        }
        int i = 0;
        for (Map.Entry<String, FeedProvider.MarketDataFeed> f : feeds.entrySet()) {
            List<String> serves = settings.feeds().get(i++).symbols();
            if (serves.isEmpty() || serves.contains(inst.symbol())) {
                f.getValue().request(inst, tier);
            }
        }
    }

    private void snapshot() {
        List<LiveStatus.InstrumentStatus> ins = new ArrayList<>();
        long totalBytes = 0;
        for (Instrument inst : instruments.values()) {
            String sym = inst.symbol();
            TradingLoop.Lane lane = engine.lanes.get(sym);
            Reconciler.Holding h = null;
            for (Reconciler r : reconcilers) {
                if (r.symbols().contains(sym)) {
                    h = r.holdings().get(sym);
                }
            }
            long vpos = venuePosition(sym);
            dev.flof.spi.risk.PositionView pv = engine.oms.positionView(sym);
            String protection = protection(h, vpos, pv);
            long bytes = lane.cost().valveBytes();
            totalBytes += bytes;
            ins.add(new LiveStatus.InstrumentStatus(sym, lane.engine().state().name(),
                    lane.engine().tier() == null ? "-" : lane.engine().tier().name(), Fixed.format(engine.oms.position(sym)),
                    Fixed.format(vpos), protection, h != null && h.adopted(), lastPrice.containsKey(sym) ? Fixed.format(lastPrice.get(sym)) : "",
                    latencyMs.getOrDefault(sym, -1.0), bytes,
                    engine.oms.busy(sym) && engine.oms.position(sym) == 0 ? lastBracket.getOrDefault(sym, "") : ""));
        }
        List<LiveStatus.VenueState> vs = new ArrayList<>();
        for (Reconciler r : reconcilers) {
            Reconciler.Result last = r.last();
            vs.add(new LiveStatus.VenueState(r.venueId(), r.connected(), r.reconciled(), last == null ? ""
                    : java.time.Instant.ofEpochSecond(0, last.tsNanos()) + " " + last.why() + (last.ok() ? "" : " FAILED: " + last.notes())));
        }
        List<LiveStatus.FeedState> fs = new ArrayList<>();
        long feedBytes = 0;
        for (Map.Entry<String, FeedProvider.MarketDataFeed> f : feeds.entrySet()) {
            Map<String, Map<String, Long>> usage = new TreeMap<>();
            Map<String, FeedProvider.DataUsage> u;
            try {
                u = f.getValue().usage();
            } catch (RuntimeException ex) {
                u = Map.of();
            }
            for (Map.Entry<String, FeedProvider.DataUsage> x : new TreeMap<>(u).entrySet()) {
                usage.put(x.getKey(), new java.util.LinkedHashMap<>(Map.of("records", x.getValue().records(), "bytes", x.getValue().bytes())));
                feedBytes += x.getValue().bytes();
            }
            String id = f.getKey().substring(0, f.getKey().indexOf('#'));
            fs.add(new LiveStatus.FeedState(id, feedStatus.getOrDefault(id, ""), usage));
        }
        LiveStatus s = new LiveStatus(mode.name().toLowerCase(java.util.Locale.ROOT), clock.nanos(), engine.gate.state().name(),
                halted.isEmpty() ? engine.gate.stateReason() : halted, engine.gate.vetoCount(),
                haltPresent ? String.valueOf(haltFile) : "", ins, vs, fs, feeds.isEmpty() ? totalBytes : feedBytes,
                kernel.inboundDropped(), kernel.dispatched());
        String json = s.toJson();
        synchronized (statusLock) {
            status = s;
            statusJson = json;
            statusLock.notifyAll();
        }
    }

    /**
     * The status's protection of one symbol. When order management manages the venue's position with a protective
     * stop (its own bracket, or an adopted one), its stop is the current one: it follows every confirmed modify (the
     * exit manager moving the stop), whereas the reconciler's holding keeps the stop price it found at the last
     * reconciliation. Otherwise the holding's view (emergency stops, partial protection), else UNPROTECTED.
     *
     * @param h    the reconciler's holding of the symbol, or null
     * @param vpos the venue's signed position, fixed-point
     * @param pv   order management's view of its position, or null when it holds none
     */
    static String protection(Reconciler.Holding h, long vpos, dev.flof.spi.risk.PositionView pv) {
        if (vpos == 0) {
            return "flat";
        }
        if (h != null && h.quantity() == vpos && h.emergencyStopId() != null && !h.emergencyStopConfirmed()) {
            return h.protection(); // the emergency stop is not confirmed by the venue yet: say so
        }
        if (pv != null && pv.stopOrderId() != null && pv.currentStop() != 0 && pv.side().sign() * pv.quantity() == vpos) {
            return "stop " + Fixed.format(pv.currentStop()) + " x" + Fixed.format(pv.quantity());
        }
        if (h != null && h.quantity() == vpos) {
            return h.protection();
        }
        return pv != null && pv.currentStop() != 0 ? "stop " + Fixed.format(pv.currentStop()) + " x" + Fixed.format(pv.quantity())
                : "UNPROTECTED";
    }

    /**
     * Waits until a status snapshot satisfies {@code condition} (snapshots are taken every second and after
     * every logged change), or the timeout passes; returns it, or throws with the last snapshot.
     */
    public LiveStatus awaitStatus(java.util.function.Predicate<LiveStatus> condition, java.time.Duration timeout)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (statusLock) {
            while (status == null || !condition.test(status)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new java.util.concurrent.TimeoutException("status condition not met within " + timeout
                            + "; last status: " + (status == null ? "none" : status.toJson()));
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(statusLock, left);
            }
            return status;
        }
    }

    /**
     * The kernel's inbound queue, where feeds and venue sessions publish; for embedding another live source
     * (thread-safe, never blocks; false when full).
     */
    public dev.flof.spi.event.EventSink inbound() {
        return kernel.inbound();
    }

    /** The latest status snapshot (null before the first). */
    public LiveStatus status() {
        return status;
    }

    /** The HTTP port of the status endpoint, or -1 when off. */
    public int statusPort() {
        return statusServer == null ? -1 : statusServer.port();
    }

    public List<Reconciler> reconcilers() {
        return List.copyOf(reconcilers);
    }

    /** The process exit code: {@link dev.flof.host.halt.HaltWatch#EXIT_HALTED} after a confirmed flatten, else 0. */
    public int exitCode() {
        return haltWatch == null ? 0 : haltWatch.exitCode();
    }

    /** Asks the loop to end (thread-safe; from a shutdown hook or a test). */
    public void stop() {
        stop.set(true);
    }

    private void log(String line) {
        if (inEvent) {
            logBuffer.add(line);
        } else {
            print(line);
        }
    }

    private void print(String line) {
        out.println((terminal ? "\r\u001b[K" : "") + "flof " + mode.name().toLowerCase(java.util.Locale.ROOT) + ": " + line);
        out.flush();
    }

    /** Closes feeds, the endpoint and the sessions. Resting orders (brackets) stay at the venue by design. */
    @Override
    public void close() {
        for (FeedProvider.MarketDataFeed f : feeds.values()) {
            try {
                f.close();
            } catch (RuntimeException e) {
                log("closing a feed: " + e.getMessage());
            }
        }
        if (statusServer != null) {
            statusServer.close();
        }
        for (ExecutionVenue.Session s : sessions.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                log("closing a venue session: " + e.getMessage());
            }
        }
    }
}
