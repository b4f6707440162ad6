package dev.flof.host.faults;

import dev.flof.host.backtest.TradingLoop;
import dev.flof.host.engine.EntryDesk;
import dev.flof.host.halt.HaltWatch;
import dev.flof.host.journal.Journal;
import dev.flof.host.kernel.EventSource;
import dev.flof.host.kernel.Kernel;
import dev.flof.host.kernel.SimulatedClock;
import dev.flof.host.oms.InvariantMonitor;
import dev.flof.host.oms.OrderManager;
import dev.flof.host.oms.RiskGate;
import dev.flof.host.plugin.PluginHost;
import dev.flof.host.venue.FeeModel;
import dev.flof.host.venue.InstrumentTerms;
import dev.flof.host.venue.MarginModel;
import dev.flof.host.venue.QueueModel;
import dev.flof.host.venue.SimulatedVenue;
import dev.flof.host.venue.VenueConfig;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The fault-injection harness of issue 10: the real order path of a backtest/paper session — the kernel, the
 * {@link TradingLoop} (venue first, order answers to order management, breakers, invariants after every
 * event), the {@link RiskGate} with the risk plugin's {@code layered} breaker (loaded from the bundled plugins
 * through the SPI), the {@link InvariantMonitor}, the {@link OrderManager} and the {@link SimulatedVenue} — with
 * a faulty link between FLOF and the venue, a scripted strategy instead of the Predator engine (so every price
 * can be computed by hand), the shock lab's {@link dev.flof.host.shocklab.ShockTape} for the market, and the
 * live runner's {@link HaltWatch} deciding when the process may terminate.
 *
 * <p>Faults: the venue rejects entries or flatten orders, never answers (time-out), answers with a 5xx (the
 * order may still have reached it: unknown outcome), answers slowly; the link drops (VenueStatus
 * DISCONNECTED/RECONNECTED in the tape: commands are lost, the venue's answers are lost and must be recovered by
 * reconciliation); the process dies and restarts (fresh gate, breaker and order management against the same
 * venue). The invariants are checked after every event and recorded: no command a breaker vetoed
 * reaches the venue; no position without a resting protective stop (the loop's monitor); no cancel of a
 * protective stop while the venue position is open; no terminate while not flat.
 */
final class FaultRig {
    static final Instrument ES = new Instrument("ESZ6", "CME", Fixed.parse("0.25"), Fixed.ofUnits(50), Fixed.ofUnits(1),
            MarketProfile.ES, "CME_GLOBEX_EQUITY");
    static final String SYM = ES.symbol();
    static final long SEC = 1_000_000_000L;
    static final long MS = 1_000_000L;
    /** Tuesday 2026-12-08 10:00 ET: regular trading hours. */
    static final long T0 = java.time.Instant.parse("2026-12-08T15:00:00Z").getEpochSecond() * SEC;

    private static PluginHost host;

    /** What the link between FLOF and the venue does to commands and answers. */
    enum Fault { NONE, REJECT_ENTRIES, REJECT_FLATTEN, TIMEOUT, SERVER_ERROR, SLOW }

    /** One FLOF process: its own gate, breaker, order management and loop (a restart builds a new one). */
    final class Process {
        final Journal journal = new Journal();
        final RiskGate gate;
        final InvariantMonitor monitor;
        final OrderManager oms;
        final TradingLoop loop;
        final HaltWatch halt;

        Process(Map<String, String> params) {
            CircuitBreaker breaker = host().require(CircuitBreaker.class, "layered", "faults");
            CircuitBreaker.Guard guard = breaker.create(new Params("faults.breakerParams", params));
            monitor = new InvariantMonitor(s -> venue.position(s).quantity(), () -> kernel.clock().nanos());
            gate = new RiskGate(List.of("layered"), List.of(guard), monitor.watch(FaultRig.this::toVenue));
            ExitManager.Manager hold = (e, pos, map, flow) -> List.of();
            oms = new OrderManager(gate, journal, Map.of(SYM, ES), Map.of(SYM, hold));
            oms.reconcileWith(s -> venue);
            loop = new TradingLoop(kernel, List.of(venue), toFlof, Map.of(), oms, monitor, journal, () -> venue.account().equity());
            halt = new HaltWatch(oms, journal, stateDir, "paper", haltLog::add);
        }
    }

    final Kernel kernel = new Kernel(new SimulatedClock(Long.MIN_VALUE), 1);
    final SimulatedVenue venue;
    final ArrayDeque<Event> toFlof = new ArrayDeque<>();
    final Map<String, Consumer<FaultRig>> steps = new TreeMap<>();
    final Map<String, String> params;
    final Path stateDir;
    final List<String> log = new ArrayList<>();
    /** What the halt watch printed for the operator. */
    final List<String> haltLog = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    /** Commands that reached the venue (identity), and cancels of stops with the venue position at that moment. */
    final Set<OrderCommand> reached = Collections.newSetFromMap(new IdentityHashMap<>());
    final List<String> stopCancels = new ArrayList<>();
    final List<OrderCommand> lost = new ArrayList<>();
    final List<OrderCommand> unanswered = new ArrayList<>();
    private final List<OrderEvent> held = new ArrayList<>();
    private final Set<String> stopIds = new java.util.TreeSet<>();
    Process p;
    Fault fault = Fault.NONE;
    int flattenRejects;
    long slowBy;
    boolean linkUp = true;
    boolean processUp = true;
    long terminatedAt = Long.MIN_VALUE;
    int seq;

    FaultRig(Path stateDir, Map<String, String> overrides) {
        this.stateDir = stateDir;
        venue = new SimulatedVenue(new VenueConfig("CME", 0, 0, 0, QueueModel.TRADE_THROUGH, Fixed.ofUnits(100_000), "USD"),
                List.of(new InstrumentTerms(ES, FeeModel.PerContract.esInteractiveBrokers(), new MarginModel.None())),
                this::fromVenue, () -> kernel.clock().nanos());
        Map<String, String> p0 = new TreeMap<>();
        p0.put("overlord.equity", "100000");
        p0.put("overlord.maxPositionSize." + SYM, "2");
        p0.put("overlord.pointValue." + SYM, "50");
        p0.put("overlord.tradingDayZone", "America/New_York");
        p0.put("overlord.tradingDayStart", "18:00");
        p0.put("quarantine.tickSize." + SYM, "0.25");
        p0.put("quarantine.minBaselineSeconds", "120");
        p0.put("quarantine.baselineSeconds", "600");
        p0.putAll(overrides);
        this.params = p0;
        p = new Process(params);
        kernel.register(this::onEvent);
    }

    static synchronized PluginHost host() {
        if (host == null) {
            host = PluginHost.start(Path.of(System.getProperty("flof.plugins.dir", "../plugins")));
        }
        return host;
    }

    static long px(String s) {
        return Fixed.parse(s);
    }

    // ------------------------------------------------------------------ the run

    FaultRig step(String key, Consumer<FaultRig> action) {
        steps.put(key, action);
        return this;
    }

    FaultRig run(List<Event> tape) {
        Iterator<Event> it = tape.iterator();
        EventSource src = () -> it.hasNext() ? it.next() : null;
        try {
            kernel.replay(List.of(src));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void onEvent(Event e) {
        long now = e.tsRecv();
        for (Iterator<OrderEvent> it = held.iterator(); it.hasNext(); ) {
            OrderEvent oe = it.next();
            if (oe.tsRecv() <= now) {
                toFlof.addLast(oe);
                it.remove();
            }
        }
        if (e instanceof VenueStatus v && v.venue().equals("CME")) {
            if (v.kind() == VenueStatus.Kind.DISCONNECTED) {
                linkUp = false;
            } else if (v.kind() == VenueStatus.Kind.RECONNECTED) {
                linkUp = true;
            }
        }
        if (!processUp) {
            venue.onEvent(e); // the market goes on without FLOF
            toFlof.clear();
        } else {
            p.loop.onEvent(e);
        }
        if (e instanceof TimerEvent t && steps.containsKey(t.key())) {
            steps.get(t.key()).accept(this);
        }
        if (processUp) {
            afterEvent(now);
        }
    }

    /** The invariants the loop does not check itself, and the live runner's terminate decision. */
    private void afterEvent(long now) {
        for (RiskGate.Veto v : p.gate.vetoes()) {
            if (reached.contains(v.command())) {
                violate("a command vetoed by " + v.by() + " reached the venue at " + now);
            }
        }
        if (p.halt.afterEvent()) {
            terminatedAt = now;
            processUp = false;
            if (venue.position(SYM).quantity() != 0) {
                violate("terminated at " + now + " while the venue holds " + Fixed.format(venue.position(SYM).quantity()));
            }
            if (!venue.openOrders().isEmpty()) {
                violate("terminated at " + now + " with orders working at the venue: " + venue.openOrders());
            }
        }
    }

    private void violate(String what) {
        if (!violations.contains(what)) {
            violations.add(what);
        }
    }

    // ------------------------------------------------------------------ the faulty link

    private void toVenue(OrderCommand c) {
        long now = kernel.clock().nanos();
        if (!linkUp) {
            lost.add(c);
            return;
        }
        switch (c) {
            case OrderCommand.SubmitBracket sb -> stopIds.add(sb.bracket().stop().clientOrderId());
            case OrderCommand.Submit s when s.order().type() == OrderType.STOP -> stopIds.add(s.order().clientOrderId());
            case OrderCommand.Cancel x when stopIds.contains(x.clientOrderId()) ->
                    stopCancels.add(x.clientOrderId() + " with the venue position " + Fixed.format(venue.position(SYM).quantity()));
            default -> {
            }
        }
        switch (fault) {
            case REJECT_ENTRIES -> {
                if (c instanceof OrderCommand.SubmitBracket sb) {
                    BracketOrder b = sb.bracket();
                    List<Order> all = new ArrayList<>(List.of(b.entry(), b.stop()));
                    if (b.target() != null) {
                        all.add(b.target());
                    }
                    for (Order o : all) {
                        answer(o, OrderEvent.Kind.REJECTED, "-2019 Margin is insufficient.", now);
                    }
                    return;
                }
            }
            case REJECT_FLATTEN -> {
                if (c instanceof OrderCommand.Submit s && s.order().type() == OrderType.MARKET && s.order().reduceOnly()
                        && flattenRejects > 0) {
                    flattenRejects--;
                    answer(s.order(), OrderEvent.Kind.REJECTED, "-4131 PERCENT_PRICE: the counterparty's best price is"
                            + " outside the percent limit", now);
                    return;
                }
            }
            case TIMEOUT -> {
                unanswered.add(c);
                return;
            }
            case SERVER_ERROR -> {
                // the HTTP answer is a 5xx: the outcome is unknown (the order did reach the venue here)
                toFlof.addLast(new VenueStatus("CME", now, now, 0, VenueStatus.Kind.SERVER_ERROR, "HTTP 503 Service Unavailable"));
            }
            default -> {
            }
        }
        reached.add(c);
        venue.send(c);
    }

    private void answer(Order o, OrderEvent.Kind kind, String reason, long now) {
        toFlof.addLast(new OrderEvent("CME", o.symbol(), now, now, 0, o.clientOrderId(), null, kind, o.side(), 0, 0, 0, 0, reason));
    }

    /** The venue's answers on their way to FLOF: lost while the link or the process is down, late when slow. */
    private boolean fromVenue(Event e) {
        if (!processUp || !linkUp) {
            return true;
        }
        if (fault == Fault.SLOW && e instanceof OrderEvent oe) {
            held.add(new OrderEvent(oe.venue(), oe.symbol(), oe.tsEvent(), oe.tsRecv() + slowBy, oe.sequence(), oe.clientOrderId(),
                    oe.venueOrderId(), oe.kind(), oe.side(), oe.fillPrice(), oe.fillQty(), oe.leavesQty(), oe.fee(), oe.reason()));
            return true;
        }
        toFlof.addLast(e);
        return true;
    }

    // ------------------------------------------------------------------ the strategy and the fault injector

    /** The engine's entry path: a market bracket through order management. Returns the refusal or null. */
    String enter(String tag, long qty, long stop, long target) {
        if (!processUp) {
            log.add(tag + ": process down");
            return "process down";
        }
        String g = SYM + "-" + tag + "-" + (++seq);
        Order entry = new Order(g + "-E", SYM, Side.BUY, OrderType.MARKET, qty, 0, 0, TimeInForce.GTC, false);
        Order st = new Order(g + "-S", SYM, Side.SELL, OrderType.STOP, qty, 0, stop, TimeInForce.GTC, true);
        Order tg = new Order(g + "-T", SYM, Side.SELL, OrderType.LIMIT, qty, target, 0, TimeInForce.GTC, true);
        EntryDesk.EntryTicket t = new EntryDesk.EntryTicket(g, SYM, Side.BUY, "A", List.of(), "faults", "scripted",
                new BracketOrder(g, entry, st, tg), "scripted");
        String why = p.oms.submitEntry(t, kernel.clock().nanos());
        log.add(tag + ": " + (why == null ? "sent " + g : why));
        return why;
    }

    /** A strategy bug: a resting buy-limit bracket sent straight through the gate, past order management. */
    boolean spam(long limit, long stop) {
        String g = SYM + "-SPAM-" + (++seq);
        Order entry = new Order(g + "-E", SYM, Side.BUY, OrderType.LIMIT, Fixed.ofUnits(1), limit, 0, TimeInForce.GTC, false);
        Order st = new Order(g + "-S", SYM, Side.SELL, OrderType.STOP, Fixed.ofUnits(1), 0, stop, TimeInForce.GTC, true);
        return p.gate.submit(new OrderCommand.SubmitBracket(new BracketOrder(g, entry, st, null)), kernel.clock().nanos());
    }

    /** A buggy sizer: a bracket ten times the maximum position sent straight through the gate. */
    boolean fatFinger() {
        String g = SYM + "-BIG-" + (++seq);
        Order entry = new Order(g + "-E", SYM, Side.BUY, OrderType.MARKET, Fixed.ofUnits(20), 0, 0, TimeInForce.GTC, false);
        Order st = new Order(g + "-S", SYM, Side.SELL, OrderType.STOP, Fixed.ofUnits(20), 0, px("4990"), TimeInForce.GTC, true);
        return p.gate.submit(new OrderCommand.SubmitBracket(new BracketOrder(g, entry, st, null)), kernel.clock().nanos());
    }

    /** The process dies: its state is gone, the venue and its orders live on. */
    void kill() {
        processUp = false;
    }

    /** A new process: fresh gate, breaker and order management; reconciles with the venue before anything else. */
    void restart() {
        processUp = true;
        p = new Process(params);
        p.oms.reconcile(kernel.clock().nanos());
    }

    // ------------------------------------------------------------------ reading the outcome

    long position() {
        return venue.position(SYM).quantity();
    }

    List<String> openOrderIds() {
        return venue.openOrders().stream().map(WorkingOrder::order).map(Order::clientOrderId).toList();
    }

    List<String> actions() {
        return p.journal.breakerEntries().stream().map(b -> b.breaker() + " " + b.action()).toList();
    }

    Journal.BreakerEntry first(String action) {
        return p.journal.breakerEntries().stream().filter(b -> b.action().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in " + actions()));
    }

    long count(String action) {
        return p.journal.breakerEntries().stream().filter(b -> b.action().equals(action)).count();
    }

    List<dev.flof.spi.order.Execution> fills() {
        return venue.executionsSince(Long.MIN_VALUE);
    }
}
