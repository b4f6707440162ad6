package dev.flof.host.shocklab;

import dev.flof.host.protect.ProtectedDesk;
import dev.flof.host.protect.StopEscalation;
import dev.flof.host.engine.EntryDesk;
import dev.flof.host.journal.Journal;
import dev.flof.host.oms.InvariantMonitor;
import dev.flof.host.oms.OrderManager;
import dev.flof.host.oms.RiskGate;
import dev.flof.host.venue.AccountSnapshot;
import dev.flof.host.venue.FeeModel;
import dev.flof.host.venue.InstrumentTerms;
import dev.flof.host.venue.MarginModel;
import dev.flof.host.venue.ProtectionInvariant;
import dev.flof.host.venue.QueueModel;
import dev.flof.host.venue.SimulatedVenue;
import dev.flof.host.venue.VenueConfig;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.ExitManager;
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
import dev.flof.spi.risk.BreakerAction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs one {@link Script} through the host's real execution path: the {@link SimulatedVenue} (gaps fill at the
 * gap, halts, stop-limits skipped by gaps, latency), the {@link RiskGate} with the configured circuit breaker
 * (the risk plugin's {@code layered} guard, through the SPI), the {@link InvariantMonitor} and the
 * {@link OrderManager} (brackets, breaker actions, the flatten sequence), plus the shock-lab protections
 * (stop escalation, reconciliation, session policy, news blackout, liquidation guard). The order of work per
 * event is the trading loop's: venue first, then the venue's answers to order management, then breakers and
 * exit management, then the invariants. The Predator engine is replaced by the script's steps, which open
 * the planned position at a known price, so that every number can be computed by hand.
 *
 * <p>Faults the rig models on FLOF's side: the market-data feed dying (FeedStatus DISCONNECTED until
 * RECONNECTED: the venue keeps matching, FLOF sees no market data), the link to the venue dropping (VenueStatus
 * DISCONNECTED until RECONNECTED: the venue's answers are not delivered and commands are lost; on reconnect
 * FLOF reconciles and then reads the executions it missed), and the process dying ({@link #kill}; the venue's
 * orders live on; {@link #restart} builds fresh order management and breakers and reconciles before trading).
 *
 * <p>Invariants checked after every event: no command a breaker vetoed reaches the venue, no protective stop
 * is cancelled or widened while its position is open (the monitor); no open position is left without a
 * resting protective stop or a working exit for longer than the reaction time while FLOF is connected; the
 * venue position never exceeds the configured maximum.
 */
public final class Rig {
    /** One line of the timeline: event time (ns), what kind of thing, what happened. */
    public record Mark(long ts, String kind, String text) {
    }

    /** A print at the venue. */
    public record Print(long ts, long price) {
    }

    /** A fill at the venue: which order (by role), side, quantity and price. */
    public record Fill(long ts, String role, String orderId, Side side, long quantity, long price) {
    }

    private static final long SECOND = 1_000_000_000L;
    private final List<Print> prints = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();

    private final Script script;
    private final Instrument inst;
    private final RigSettings cfg;
    private final Function<Map<String, String>, CircuitBreaker.Guard> breakerFactory;
    private final String breakerId;
    private final SimulatedVenue venue;
    private final ArrayDeque<Event> venueOut = new ArrayDeque<>();
    /** Answers the rig's venue rules give (Binance -2021), held until the clock reaches their receive time. */
    private final ArrayDeque<OrderEvent> pendingAnswers = new ArrayDeque<>();
    private final List<Mark> timeline = new ArrayList<>();
    private final Map<String, Integer> protections = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private final List<Event> missed = new ArrayList<>();
    private final Map<String, String> roles = new TreeMap<>();
    private final Reconciler reconciler;

    private Journal journal;
    private RiskGate gate;
    private InvariantMonitor monitor;
    private OrderManager oms;
    private StopEscalation escalation;
    /** The engine's entry door: the same session policy, news blackout and liquidation guard as a backtest's. */
    private ProtectedDesk desk;
    /** The role of the order manager's next flatten-sequence order (escalation exit, session flatten), or null. */
    private String nextFlatRole;
    private int journalSeen;
    private int tradesSeen;
    private int vetoesSeen;

    private boolean processUp = true;
    private boolean linkUp = true;
    private boolean feedUp = true;
    private boolean entriesBlockedByReconciliation;
    private long now = Long.MIN_VALUE;
    private long lastPrice = Fixed.UNDEF;
    private long nextTick = Long.MIN_VALUE;
    private long unprotectedSince = Long.MIN_VALUE;
    private long unprotectedNanos;
    private long maxExposure;
    private long checks;
    private long lostCommands;
    private long lostEvents;
    private int seq;
    private String lastSentStop;
    private long lastCheckTs = Long.MIN_VALUE;
    private boolean lastReachable = true;
    private long reachableSince = Long.MIN_VALUE;
    /** The venue's last print (what the matching engine knows, not what FLOF knows). */
    private long venueLast = Fixed.UNDEF;

    /**
     * @param breakerFactory creates a fresh breaker guard from its parameters (at start and after a restart)
     * @param breakerId      the breaker's id, for the gate's records
     */
    public Rig(Script script, String breakerId, Function<Map<String, String>, CircuitBreaker.Guard> breakerFactory) {
        this.script = script;
        this.inst = script.instrument();
        this.cfg = script.settings();
        this.breakerFactory = breakerFactory;
        this.breakerId = breakerId;
        boolean es = inst.profile() == MarketProfile.ES;
        VenueConfig vc = new VenueConfig(inst.venue(), cfg.sendLatencyNanos(), cfg.ackLatencyNanos(), 0,
                QueueModel.TRADE_THROUGH, cfg.equity(), es ? "USD" : "USDT");
        InstrumentTerms terms = es ? new InstrumentTerms(inst, FeeModel.PerContract.esInteractiveBrokers(), new MarginModel.None())
                : new InstrumentTerms(inst, FeeModel.MakerTaker.binanceUsdM(),
                new MarginModel.Leverage(Fixed.ofUnits(Math.max(1, cfg.leverage()))));
        this.venue = new SimulatedVenue(vc, List.of(terms), venueOut::offerLast);
        this.reconciler = new Reconciler(Math.abs(script.plan().entry() - script.plan().stop()));
        boot();
    }

    /** The breaker parameters the host would give the layered breaker for this instrument, plus the script's. */
    static Map<String, String> breakerParams(Instrument inst, RigSettings cfg) {
        Map<String, String> p = new TreeMap<>();
        String s = inst.symbol();
        p.put("overlord.equity", Fixed.format(cfg.equity()));
        p.put("overlord.maxPositionSize." + s, Fixed.format(cfg.maxPosition()));
        p.put("overlord.pointValue." + s, Fixed.format(inst.pointValue()));
        if (inst.profile() == MarketProfile.ES) {
            p.put("overlord.tradingDayZone", "America/New_York");
            p.put("overlord.tradingDayStart", "18:00");
        }
        p.put("quarantine.tickSize." + s, Fixed.format(inst.tickSize()));
        p.put("quarantine.minBaselineSeconds", "120");
        p.put("quarantine.baselineSeconds", "600");
        p.putAll(cfg.breakerParams());
        return p;
    }

    /** The entry ticket of a bracket with the settings' stop type; ids are {@code group-E/-S/-T}. */
    static EntryDesk.EntryTicket ticket(Instrument inst, RigSettings cfg, String g, Side side, OrderType entryType, long limitPrice,
                                        long quantity, long stop, long target) {
        String sym = inst.symbol();
        Order entry = new Order(g + "-E", sym, side, entryType, quantity, entryType == OrderType.LIMIT ? limitPrice : 0, 0,
                TimeInForce.GTC, false);
        Side exit = side.opposite();
        long lim = cfg.stopType() == OrderType.STOP_LIMIT ? (exit == Side.SELL ? stop - cfg.stopLimitOffset() : stop + cfg.stopLimitOffset()) : 0;
        Order st = new Order(g + "-S", sym, exit, cfg.stopType(), quantity, lim, stop, TimeInForce.GTC, true);
        Order tg = target == 0 ? null : new Order(g + "-T", sym, exit, OrderType.LIMIT, quantity, target, 0, TimeInForce.GTC, true);
        BracketOrder b = new BracketOrder(g, entry, st, tg);
        return new EntryDesk.EntryTicket(g, sym, side, "A", List.of(), "shocklab", "scripted", b, "planned 1R");
    }

    /** The planned trade's target: 3R beyond the entry. */
    static long plannedTarget(Script.Plan p) {
        return p.side() == Side.BUY ? p.entry() + 3 * (p.entry() - p.stop()) : p.entry() - 3 * (p.stop() - p.entry());
    }

    private void boot() {
        journal = new Journal();
        journalSeen = 0;
        tradesSeen = 0;
        vetoesSeen = 0;
        CircuitBreaker.Guard guard = breakerFactory.apply(breakerParams(inst, cfg));
        monitor = new InvariantMonitor(sym -> venue.position(sym).quantity(), () -> now);
        gate = new RiskGate(List.of(breakerId), List.of(guard), monitor.watch(this::toVenue));
        ExitManager.Manager holdBracket = (e, pos, map, flow) -> List.of();
        oms = new OrderManager(gate, journal, Map.of(inst.symbol(), inst), Map.of(inst.symbol(), holdBracket));
        escalation = new StopEscalation(Math.max(0, cfg.escalationGraceNanos()),
                sym -> processUp && linkUp ? venue.position(sym).quantity() : 0);
        desk = new ProtectedDesk(oms, cfg.protections(), Map.of(inst.symbol(), inst), sym -> cfg.leverage(), journal);
    }

    private void toVenue(OrderCommand c) {
        if (nextFlatRole != null && c instanceof OrderCommand.Submit s && s.order().clientOrderId().contains("-FLAT-")) {
            roles.putIfAbsent(s.order().clientOrderId(), nextFlatRole);
        }
        if (!processUp || !linkUp) {
            lostCommands++;
            mark("lost", "command not delivered (link down): " + describe(c));
            return;
        }
        if (cfg.binanceStopRules() && c instanceof OrderCommand.Submit s && wouldTriggerAtOnce(s.order())) {
            long ts = now + cfg.sendLatencyNanos() + cfg.ackLatencyNanos();
            pendingAnswers.addLast(new OrderEvent(inst.venue(), inst.symbol(), now + cfg.sendLatencyNanos(), ts, 0,
                    s.order().clientOrderId(), null, OrderEvent.Kind.REJECTED, s.order().side(), 0, 0, 0, 0,
                    "-2021 Order would immediately trigger."));
            return;
        }
        venue.send(c);
    }

    private boolean wouldTriggerAtOnce(Order o) {
        if (o.type() != OrderType.STOP && o.type() != OrderType.STOP_LIMIT) {
            return false;
        }
        long px = venueLast;
        return px != Fixed.UNDEF && (o.side() == Side.SELL ? px <= o.stopPrice() : px >= o.stopPrice());
    }

    // ------------------------------------------------------------------ the run

    /** Replays the script and returns the result. */
    public ScenarioResult run(Scenario scenario) {
        for (Event e : script.tape()) {
            while (nextTick != Long.MIN_VALUE && nextTick < e.tsRecv()) {
                process(new TimerEvent("flof.tick", nextTick, nextTick, 0));
            }
            if (nextTick == Long.MIN_VALUE) {
                nextTick = Math.floorDiv(e.tsRecv(), SECOND) * SECOND + SECOND;
            }
            process(e);
        }
        venue.advanceTo(now + cfg.ackLatencyNanos() + cfg.sendLatencyNanos());
        collect();
        check();
        return result(scenario);
    }

    private void process(Event e) {
        now = Math.max(now, e.tsRecv());
        if (e instanceof TimerEvent t && t.key().equals("flof.tick")) {
            nextTick = t.tsEvent() + SECOND;
        }
        if (e instanceof Trade t) {
            venueLast = t.price();
            prints.add(new Print(t.tsEvent(), t.price()));
        }
        venue.onEvent(e);
        boolean reconnect = false;
        switch (e) {
            case VenueStatus v when v.venue().equals(inst.venue()) -> {
                mark("venue", v.kind() + (v.detail().isEmpty() ? "" : ": " + v.detail()));
                if (v.kind() == VenueStatus.Kind.DISCONNECTED) {
                    linkUp = false;
                } else if (v.kind() == VenueStatus.Kind.RECONNECTED) {
                    reconnect = true;
                }
            }
            case FeedStatus f -> {
                mark("feed", f.kind() + (f.detail().isEmpty() ? "" : ": " + f.detail()));
                if (f.kind() == FeedStatus.Kind.DISCONNECTED) {
                    feedUp = false;
                } else if (f.kind() == FeedStatus.Kind.RECONNECTED || f.kind() == FeedStatus.Kind.CONNECTED) {
                    feedUp = true;
                }
            }
            default -> {
            }
        }
        collect();
        boolean market = e instanceof Trade || e instanceof Quote;
        if (processUp && (!market || feedUp)) {
            if (e instanceof Trade t) {
                lastPrice = t.price();
            }
            oms.observe(e);
            oms.manage(inst.symbol(), e, null, null);
            escalate(e);
            if (reconnect) {
                linkUp = true;
                reconcile("reconnect");
            }
            if (desk.mustBeFlat(inst.symbol(), now) && venue.position(inst.symbol()).quantity() != 0) {
                if (oms.position(inst.symbol()) != 0) {
                    // the trading loop's path: the order manager's protective exit, which does not halt trading
                    if (!oms.flattenInProgress()) {
                        protection("session policy: flat before the weekend");
                        nextFlatRole = "session flatten";
                        oms.protectiveExit(inst.symbol(), "session policy: flat before the weekend close", now);
                        nextFlatRole = null;
                    }
                } else if (!oms.flattened()) {
                    // a position order management does not know (after a restart): the breaker flatten
                    protection("session policy: flat before the weekend");
                    oms.onBreakerAction(new BreakerAction(BreakerAction.Kind.FLATTEN, "session-policy",
                            "flat before the weekend close", now));
                }
            }
            collect();
        } else if (reconnect) {
            linkUp = true;
        }
        if (e instanceof TimerEvent t && script.steps().containsKey(t.key())) {
            mark("step", t.key());
            script.steps().get(t.key()).accept(this);
            collect();
        }
        check();
    }

    /** Moves the venue's answers to FLOF (or loses them while the process is down, or keeps them while the link is down). */
    private void collect() {
        while (!pendingAnswers.isEmpty() && pendingAnswers.peekFirst().tsRecv() <= now) {
            venueOut.addLast(pendingAnswers.pollFirst());
        }
        while (!venueOut.isEmpty()) {
            Event ve = venueOut.pollFirst();
            if (ve instanceof OrderEvent oe) {
                markOrder(oe);
            }
            if (!processUp) {
                lostEvents++;
                continue;
            }
            if (!linkUp) {
                missed.add(ve);
                continue;
            }
            deliver(ve);
        }
        syncJournal();
    }

    private void deliver(Event ve) {
        if (ve instanceof OrderEvent oe) {
            oms.onOrderEvent(oe);
        }
        oms.observe(ve);
        oms.manage(inst.symbol(), ve, null, null);
        escalate(ve);
    }

    private void escalate(Event e) {
        if (cfg.escalationGraceNanos() < 0 || !processUp || !linkUp) {
            return;
        }
        for (StopEscalation.Escalation x : escalation.poll(e)) {
            OrderCommand c = x.exit();
            protection("stop escalation (marketable exit)");
            if (oms.position(x.symbol()) != 0) {
                // the trading loop's path: order management sends and tracks the exit (flatten sequence)
                mark("protect", "stop escalation: " + x.reason() + "; order management's protective exit");
                nextFlatRole = "escalation exit";
                oms.protectiveExit(x.symbol(), "stop escalation: " + x.reason(), now);
                nextFlatRole = null;
            } else {
                // order management does not know the position (after a restart): the exit goes through the gate
                mark("protect", "stop escalation: " + describe(c));
                roles.put(((OrderCommand.Submit) c).order().clientOrderId(), "escalation exit");
                gate.submit(c, now);
            }
        }
    }

    private void reconcile(String why) {
        long known = lastSentStop == null ? 0 : script.plan().stop();
        Reconciler.Plan plan = reconciler.reconcile(venue, s -> known, s -> lastPrice, s -> oms.position(s));
        protection("reconciliation (" + why + ")");
        for (String f : plan.findings()) {
            mark("reconcile", f);
        }
        for (OrderCommand c : plan.commands()) {
            Order o = ((OrderCommand.Submit) c).order();
            roles.put(o.clientOrderId(), o.type() == OrderType.STOP ? "reconciled stop" : "reconciled exit");
            gate.submit(c, now);
        }
        for (String id : plan.stopIds()) {
            escalation.watch(id, inst.symbol(), script.plan().side().opposite());
        }
        entriesBlockedByReconciliation = plan.blockEntries();
        if (!missed.isEmpty()) {
            mark("reconcile", missed.size() + " order events missed during the disconnect read back from the venue");
            List<Event> m = new ArrayList<>(missed);
            missed.clear();
            for (Event ve : m) {
                deliver(ve);
            }
        }
    }

    // ------------------------------------------------------------------ steps (the strategy and the fault injector)

    /** The engine's entry path: session policy, news blackout, liquidation guard, reconciliation block, then the OMS. */
    public String enter(String tag, Side side, OrderType entryType, long limitPrice, long quantity, long stop, long target) {
        if (!processUp) {
            return "process down";
        }
        String blocked = entryFilter(side, limitPrice == 0 ? lastPrice : limitPrice, stop);
        if (blocked != null) {
            mark("blocked", tag + ": " + blocked);
            return blocked;
        }
        String sym = inst.symbol();
        String g = sym + "-" + tag + "-" + (++seq);
        EntryDesk.EntryTicket ticket = ticket(inst, cfg, g, side, entryType, limitPrice, quantity, stop, target);
        BracketOrder b = ticket.bracket();
        Order entry = b.entry();
        Order st = b.stop();
        Order tg = b.target();
        Side exit = side.opposite();
        String why = oms.submitEntry(ticket, now);
        if (why != null) {
            mark("blocked", tag + ": " + why);
            if (!why.startsWith("vetoed by")) {
                protection("entry refused by order management (" + refusal(why) + ")");
            }
            return why;
        }
        roles.put(entry.clientOrderId(), "entry");
        roles.put(st.clientOrderId(), "bracket stop");
        if (tg != null) {
            roles.put(tg.clientOrderId(), "bracket target");
        }
        lastSentStop = st.clientOrderId();
        escalation.watch(st.clientOrderId(), sym, exit);
        mark("entry", "bracket " + g + ": " + side + " " + Fixed.format(quantity) + " " + entryType
                + (limitPrice != 0 ? " @ " + Fixed.format(limitPrice) : "") + ", " + cfg.stopType() + " " + Fixed.format(stop)
                + (target == 0 ? "" : ", target " + Fixed.format(target)));
        return null;
    }

    private static String refusal(String why) {
        if (why.startsWith("entries paused")) {
            return "quarantine pause";
        }
        if (why.startsWith("flattened")) {
            return "halted after a flatten";
        }
        if (why.startsWith("execution halted")) {
            return "oco halt";
        }
        if (why.startsWith("trading state")) {
            return "trading state";
        }
        return why;
    }

    /** Fault injection: a buggy exit or order path sends a command through the gate (no order-manager rules). */
    public void sendThroughGate(OrderCommand c) {
        mark("fault", "sent through the gate without the order manager: " + describe(c));
        gate.submit(c, now);
        collect();
    }

    /** A market entry of the planned trade. */
    public String enterPlanned(String tag) {
        Script.Plan p = script.plan();
        return enter(tag, p.side(), OrderType.MARKET, 0, p.quantity(), p.stop(), plannedTarget(p));
    }

    private String entryFilter(Side side, long price, long stop) {
        if (entriesBlockedByReconciliation && venue.position(inst.symbol()).quantity() != 0) {
            protection("reconciliation: entries blocked while an adopted position is open");
            return "reconciliation: the venue holds a position this process did not open";
        }
        // the same door as the engine's (ProtectedDesk): session policy, news blackout, liquidation guard
        String s = desk.blocked(inst.symbol(), side, price, stop, now);
        if (s != null) {
            protection(s.startsWith("blocked by session policy") ? "session policy"
                    : s.startsWith("blocked by news blackout") ? "news blackout" : "liquidation guard");
        }
        return s;
    }

    /** A strategy bug that bypasses the order manager and hammers the risk gate with brackets. */
    public void spam(int count, long limitPrice, long stop) {
        String sym = inst.symbol();
        int passed = 0;
        for (int i = 0; i < count; i++) {
            String g = sym + "-SPAM-" + (++seq);
            Order entry = new Order(g + "-E", sym, Side.BUY, OrderType.LIMIT, Fixed.ofUnits(1), limitPrice, 0, TimeInForce.GTC, false);
            Order st = new Order(g + "-S", sym, Side.SELL, OrderType.STOP, Fixed.ofUnits(1), 0, stop, TimeInForce.GTC, true);
            if (gate.submit(new OrderCommand.SubmitBracket(new BracketOrder(g, entry, st, null)), now)) {
                passed++;
                roles.put(entry.clientOrderId(), "spam entry");
            }
            oms.observe(new TimerEvent("flof.veto", now, now, 0));
            collect();
        }
        mark("step", "strategy bug sent " + count + " brackets in one burst; " + passed + " left the gate");
    }

    /** The process dies: FLOF's state is gone; the venue and its orders live on. */
    public void kill() {
        processUp = false;
        mark("process", "killed");
    }

    /** A new process starts: fresh order management and breakers, reconciliation before anything else. */
    public void restart() {
        processUp = true;
        linkUp = true;
        lastPrice = Fixed.UNDEF;
        lastSentStop = null;
        boot();
        mark("process", "restarted");
        reconcile("start");
    }

    /** Fault injection: a command reaches the venue without FLOF's gate (the previous process, another tool). */
    public void rawSend(OrderCommand c, String role) {
        if (c instanceof OrderCommand.Submit s) {
            roles.put(s.order().clientOrderId(), role);
        }
        venue.send(c);
        mark("fault", "sent past the gate: " + describe(c));
    }

    public long now() {
        return now;
    }

    // ------------------------------------------------------------------ bookkeeping

    private void markOrder(OrderEvent oe) {
        if (oe.kind() == OrderEvent.Kind.ACCEPTED || oe.kind() == OrderEvent.Kind.MODIFIED) {
            return;
        }
        String role = roles.getOrDefault(oe.clientOrderId(), "order");
        String text = role + " " + oe.clientOrderId() + " " + oe.kind()
                + (oe.isFill() ? " " + Fixed.format(oe.fillQty()) + " @ " + Fixed.format(oe.fillPrice()) : "")
                + (oe.reason().isEmpty() ? "" : " (" + oe.reason() + ")");
        timeline.add(new Mark(oe.tsEvent(), "order", text));
        if (oe.isFill()) {
            fills.add(new Fill(oe.tsEvent(), role, oe.clientOrderId(), oe.side(), oe.fillQty(), oe.fillPrice()));
            switch (role) {
                case "bracket stop" -> protection("bracket stop (venue-held)");
                case "bracket target" -> protection("bracket target");
                case "reconciled stop" -> protection("reconciled stop");
                default -> {
                }
            }
            if (oe.clientOrderId().contains("-FLAT-")) {
                protection("flatten sequence fill");
            }
        }
    }

    private void syncJournal() {
        List<Journal.BreakerEntry> entries = journal.breakerEntries();
        for (int i = journalSeen; i < entries.size(); i++) {
            Journal.BreakerEntry b = entries.get(i);
            timeline.add(new Mark(b.ts(), "breaker", b.breaker() + " " + b.action() + ": " + b.reason()));
            if (!b.breaker().equals("oms")) {
                protection(layerOf(b) + " " + b.action());
            }
        }
        journalSeen = entries.size();
        List<Journal.TradeRecord> trades = journal.trades();
        for (int i = tradesSeen; i < trades.size(); i++) {
            Journal.TradeRecord t = trades.get(i);
            timeline.add(new Mark(now, "trade", "order management booked " + t.tradeId() + ": " + Fixed.format(t.quantity())
                    + " @ " + Fixed.format(t.entryPrice()) + ", " + t.rMultiple() + "R, exit by " + t.exitRule()));
        }
        tradesSeen = trades.size();
        if (gate.vetoCount() > vetoesSeen) {
            List<RiskGate.Veto> v = gate.vetoes();
            for (int i = vetoesSeen; i < v.size(); i++) {
                protection("risk gate veto (" + v.get(i).by() + ")");
            }
            vetoesSeen = v.size();
        }
    }

    private static String layerOf(Journal.BreakerEntry b) {
        String r = b.reason().toLowerCase(java.util.Locale.ROOT);
        if (b.breaker().equals("session-policy")) {
            return "session policy";
        }
        return b.breaker() + (r.startsWith("overlord") ? "/overlord" : r.startsWith("quarantine") ? "/quarantine"
                : r.startsWith("oco") ? "/oco" : "");
    }

    private void protection(String what) {
        protections.merge(what, 1, Integer::sum);
    }

    private void mark(String kind, String text) {
        timeline.add(new Mark(now, kind, text));
    }

    private void check() {
        checks++;
        boolean reachableNow = processUp && linkUp;
        if (unprotectedSince != Long.MIN_VALUE && lastReachable && lastCheckTs != Long.MIN_VALUE) {
            unprotectedNanos += Math.max(0, now - lastCheckTs);
        }
        if (reachableNow && !lastReachable) {
            reachableSince = now;
        }
        lastReachable = reachableNow;
        lastCheckTs = now;
        String m = monitor.check(gate, List.of(venue));
        String pv = ProtectionInvariant.violation(venue);
        if (m != null && !m.equals(pv)) {
            violate(m);
        }
        long pos = venue.position(inst.symbol()).quantity();
        maxExposure = Math.max(maxExposure, Math.abs(pos));
        if (Math.abs(pos) > cfg.maxPosition()) {
            violate("exposure " + Fixed.format(Math.abs(pos)) + " above the configured maximum " + Fixed.format(cfg.maxPosition()));
        }
        boolean covered = pos == 0 || pv == null || exitWorking(pos);
        if (covered) {
            if (unprotectedSince != Long.MIN_VALUE) {
                long d = now - unprotectedSince;
                mark("protect", "position covered again after " + d / 1_000_000L + " ms without a resting stop or working exit");
                unprotectedSince = Long.MIN_VALUE;
            }
            return;
        }
        boolean reachable = processUp && linkUp;
        if (unprotectedSince == Long.MIN_VALUE) {
            unprotectedSince = now;
            mark("protect", "position " + Fixed.format(pos) + " has no resting protective stop and no working exit");
        }
        long reaction = Math.max(0, cfg.escalationGraceNanos()) + cfg.sendLatencyNanos() + cfg.ackLatencyNanos() + 2 * SECOND;
        long since = Math.max(unprotectedSince, reachableSince);
        if (reachable && now - since > reaction) {
            violate("position " + Fixed.format(pos) + " unprotected for " + (now - since) / 1_000_000L
                    + " ms while the venue was reachable");
        }
    }

    private boolean exitWorking(long pos) {
        Side closing = pos > 0 ? Side.SELL : Side.BUY;
        long q = 0;
        for (WorkingOrder w : venue.openOrders()) {
            Order o = w.order();
            if (o.side() == closing && o.reduceOnly() && (o.type() == OrderType.MARKET || o.type() == OrderType.LIMIT
                    && (closing == Side.SELL ? o.limitPrice() <= lastKnownOrUndef() : o.limitPrice() >= lastKnownOrUndef()))) {
                q += o.quantity() - w.filledQuantity();
            }
        }
        return q >= Math.abs(pos) || venue.commandsInFlight() > 0;
    }

    private long lastKnownOrUndef() {
        return venueLast == Fixed.UNDEF ? 0 : venueLast;
    }

    private void violate(String what) {
        String msg = what + " at " + now;
        if (!violations.contains(msg) && violations.stream().noneMatch(v -> v.startsWith(what.substring(0, Math.min(30, what.length()))))) {
            violations.add(msg);
        }
    }

    private ScenarioResult result(Scenario sc) {
        AccountSnapshot a = venue.account();
        long gross = a.realizedPnl() + a.unrealizedPnl();
        long loss = -gross;
        Script.Plan p = script.plan();
        long oneR = money(Math.abs(p.entry() - p.stop()), p.quantity());
        BigDecimal lossR = oneR == 0 ? BigDecimal.ZERO
                : new BigDecimal(BigInteger.valueOf(loss)).divide(new BigDecimal(BigInteger.valueOf(oneR)), 2, RoundingMode.HALF_EVEN);
        BigDecimal budget = BigDecimal.valueOf(p.budgetR());
        long allowance = money(cfg.gapAllowance(), p.quantity());
        BigDecimal bounded = oneR == 0 ? BigDecimal.ZERO : budget.add(new BigDecimal(BigInteger.valueOf(allowance))
                .divide(new BigDecimal(BigInteger.valueOf(oneR)), 2, RoundingMode.HALF_EVEN));
        long pos = venue.position(inst.symbol()).quantity();
        Verdict v;
        String why;
        if (!violations.isEmpty()) {
            v = Verdict.EXPOSED;
            why = "an invariant broke: " + violations.get(0);
        } else if (lossR.compareTo(budget) <= 0) {
            v = Verdict.PROTECTED;
            why = "loss " + lossR.toPlainString() + "R within the " + budget.stripTrailingZeros().toPlainString()
                    + "R the protections promise; acted: " + String.join(", ", protections.keySet());
        } else if (lossR.compareTo(bounded) <= 0) {
            v = Verdict.BOUNDED;
            why = "loss " + lossR.toPlainString() + "R above the planned " + budget.stripTrailingZeros().toPlainString()
                    + "R but within the gap allowance (" + Fixed.format(cfg.gapAllowance()) + " beyond the stop, up to "
                    + bounded.toPlainString() + "R): " + sc.cannotProtect();
        } else {
            v = Verdict.EXPOSED;
            why = "loss " + lossR.toPlainString() + "R beyond the gap allowance (up to " + bounded.toPlainString() + "R): "
                    + sc.cannotProtect();
        }
        if (pos != 0) {
            why += " (position " + Fixed.format(pos) + " still open at the end, marked at the last print)";
        }
        long survivors = venue.openOrders().stream()
                .filter(w -> !w.order().reduceOnly() && w.order().type() != OrderType.STOP && w.order().type() != OrderType.STOP_LIMIT)
                .count();
        if (survivors > 0 && gate.state() != dev.flof.spi.risk.TradingState.ACTIVE) {
            why += "; NOTE: " + survivors + " working entry order(s) survive at the venue after trading stopped: the flatten"
                    + " purges only the entries order management knows";
        }
        List<String> prot = new ArrayList<>();
        protections.forEach((k, n) -> prot.add(k + " x" + n));
        List<String> inv = List.of(
                "no vetoed command reaches the venue; no protective stop cancelled or widened while its position is open (" + checks + " checks)",
                "no open position without a resting protective stop or working exit beyond the reaction time while connected ("
                        + checks + " checks)",
                "venue position never above the configured maximum " + Fixed.format(cfg.maxPosition()) + " (" + checks + " checks)");
        List<Mark> tl = new ArrayList<>(timeline);
        tl.sort(java.util.Comparator.comparingLong(Mark::ts));
        String end = "position " + Fixed.format(pos) + ", open orders " + venue.openOrders().size() + ", trading state "
                + gate.state() + (lostCommands > 0 ? ", commands lost while disconnected " + lostCommands : "")
                + (lostEvents > 0 ? ", venue answers lost while the process was down " + lostEvents : "")
                + (oms.position(inst.symbol()) != pos ? ", order management believes " + Fixed.format(oms.position(inst.symbol()))
                + " (it did not see the fill of an exit it did not send)" : "");
        long gap = 0;
        for (Fill f : fills) {
            if (f.side() == p.side().opposite()) {
                gap = Math.max(gap, p.side() == Side.BUY ? p.stop() - f.price() : f.price() - p.stop());
            }
        }
        return new ScenarioResult(sc.name(), sc.family(), sc.title(), inst.symbol(), a.currency(), v, why, lossR, loss, a.fees(),
                oneR, maxExposure, prot, inv, violations, unprotectedNanos, end, tl, p, prints, fills, gap, cfg.gapAllowance());
    }

    private long money(long priceDist, long qty) {
        BigInteger s = BigInteger.valueOf(Fixed.SCALE);
        return BigInteger.valueOf(priceDist).multiply(BigInteger.valueOf(qty)).multiply(BigInteger.valueOf(inst.pointValue()))
                .divide(s).divide(s).longValueExact();
    }

    private static String describe(OrderCommand c) {
        return switch (c) {
            case OrderCommand.Submit s -> s.order().side() + " " + Fixed.format(s.order().quantity()) + " " + s.order().type()
                    + (s.order().stopPrice() != 0 ? " stop " + Fixed.format(s.order().stopPrice()) : "")
                    + (s.order().reduceOnly() ? " reduce-only" : "") + " " + s.order().clientOrderId();
            case OrderCommand.SubmitBracket b -> "bracket " + b.bracket().groupId();
            case OrderCommand.Cancel x -> "cancel " + x.clientOrderId();
            case OrderCommand.CancelAll x -> "cancel all " + x.symbol();
            case OrderCommand.Modify m -> "modify " + m.clientOrderId();
        };
    }
}
