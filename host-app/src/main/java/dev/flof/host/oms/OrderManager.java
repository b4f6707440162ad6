package dev.flof.host.oms;

import dev.flof.host.engine.EntryDesk;
import dev.flof.host.journal.Journal;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.risk.BreakerAction;
import dev.flof.spi.risk.PositionView;
import dev.flof.spi.risk.TradingState;
import dev.flof.spi.structure.MarketMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Order management (issues 9 and 10, host side): tracks brackets, fills, positions and the resting protective
 * stop from the venue's {@link OrderEvent}s; hands the exit manager's commands to the {@link RiskGate} after
 * enforcing the rules every exit manager must keep (a stop never widens and always covers the position, exits
 * never exceed the actual position, the stop is never cancelled while the position is open); carries out the
 * circuit breakers' actions; journals trades (entry, scale-outs, exit with rule and R multiple, fees) and
 * breaker actions.
 *
 * <p>The flatten sequence: trading goes HALTED (nothing new; cancels and reduce-only pass); working entries
 * are purged; the position is closed with a marketable reduce-only order, re-sent with backoff while it is
 * rejected; only when the fills bring the position to flat are the remaining bracket children cancelled, so
 * the protective stop rests until flat is confirmed. A flattened run stays HALTED (the operator clears it).
 *
 * <p>Called from the kernel thread only. Ids are counters: deterministic.
 */
public final class OrderManager implements EntryDesk {
    private enum Role { ENTRY, STOP, TARGET, EXIT, FLATTEN }

    private record Tag(String symbol, Role role, String rule) {
    }

    /** An exit-manager command the manager refused, and why. */
    public record RejectedExit(long ts, String symbol, OrderCommand command, String reason) {
    }

    private static final long MAX_BACKOFF = 60_000_000_000L;

    private final RiskGate gate;
    private final Journal journal;
    private final Map<String, Book> books = new TreeMap<>();
    /** Lookup only; never iterated. */
    private final Map<String, Tag> tags = new HashMap<>();
    private final List<RejectedExit> rejectedExits = new ArrayList<>();
    private boolean paused;
    private String pauseReason = "";
    private boolean executionHalted;
    private boolean flattened;
    private long now = Long.MIN_VALUE;
    private long seq;
    private Function<String, ExecutionVenue.Session> sessions;

    /** One instrument's orders and position. */
    private static final class Book {
        final Instrument instrument;
        final ExitManager.Manager exits;
        EntryTicket ticket;
        String entryId;
        String stopId;
        String targetId;
        boolean entryWorking;
        long entryFilled;
        boolean stopLive;
        boolean targetLive;
        long stopPrice;
        long pendingStopPrice;
        long position;
        long avgPrice;
        // the trade in progress
        long openedAt;
        long initialStop;
        long target;
        long maxQty;
        long grossPnl;
        long fees;
        double rWeighted;
        List<Journal.TradePart> parts = new ArrayList<>();
        EntryTicket tradeTicket;
        long pendingExitQty;
        final Map<String, Long> exitLeaves = new TreeMap<>();
        // flatten
        boolean flattening;
        String flattenReason;
        String flattenOrderId;
        int flattenAttempts;
        long flattenRetryAt = Long.MAX_VALUE;

        Book(Instrument instrument, ExitManager.Manager exits) {
            this.instrument = instrument;
            this.exits = exits;
        }
    }

    /**
     * @param exits the exit manager of each instrument, by symbol (every traded symbol needs one)
     */
    public OrderManager(RiskGate gate, Journal journal, Map<String, Instrument> instruments,
                        Map<String, ExitManager.Manager> exits) {
        this.gate = gate;
        this.journal = journal;
        new TreeMap<>(instruments).forEach((sym, inst) -> {
            ExitManager.Manager m = exits.get(sym);
            if (m == null) {
                throw new IllegalArgumentException("no exit manager for " + sym);
            }
            books.put(sym, new Book(inst, m));
        });
    }

    public RiskGate gate() {
        return gate;
    }

    // ------------------------------------------------------------------ EntryDesk

    @Override
    public String entryBlocked(String symbol) {
        Book b = book(symbol);
        if (b == null) {
            return "no instrument " + symbol + " in order management";
        }
        if (flattened) {
            return "flattened by a circuit breaker: trading stays halted until the operator clears it";
        }
        if (executionHalted) {
            return "execution halted (OCO dead-man): the venue's brackets are in charge";
        }
        if (gate.state() != TradingState.ACTIVE) {
            return "trading state " + gate.state() + ": " + gate.stateReason();
        }
        if (paused) {
            return "entries paused: " + pauseReason;
        }
        if (b.position != 0) {
            return "a position is open";
        }
        if (b.entryWorking) {
            return "an entry is working";
        }
        return null;
    }

    @Override
    public boolean busy(String symbol) {
        Book b = book(symbol);
        return b != null && (b.position != 0 || b.entryWorking);
    }

    @Override
    public String submitEntry(EntryTicket ticket, long nowNanos) {
        advance(nowNanos);
        String blocked = entryBlocked(ticket.symbol());
        if (blocked != null) {
            return blocked;
        }
        Book b = book(ticket.symbol());
        var br = ticket.bracket();
        if (!gate.submit(new OrderCommand.SubmitBracket(br), now)) {
            RiskGate.Veto v = gate.lastVeto();
            journal.breaker(new Journal.BreakerEntry(now, v.by(), "VETO", v.reason()));
            return "vetoed by " + v.by() + ": " + v.reason();
        }
        b.ticket = ticket;
        b.entryId = br.entry().clientOrderId();
        b.stopId = br.stop().clientOrderId();
        b.targetId = br.target() == null ? null : br.target().clientOrderId();
        b.entryWorking = true;
        b.entryFilled = 0;
        b.stopLive = false;
        b.targetLive = false;
        b.stopPrice = br.stop().stopPrice();
        b.pendingStopPrice = 0;
        tags.put(b.entryId, new Tag(ticket.symbol(), Role.ENTRY, "entry"));
        tags.put(b.stopId, new Tag(ticket.symbol(), Role.STOP, "stop"));
        if (b.targetId != null) {
            tags.put(b.targetId, new Tag(ticket.symbol(), Role.TARGET, "target"));
        }
        return null;
    }

    @Override
    public void cancelUnfilledEntry(String symbol, String reason, long nowNanos) {
        advance(nowNanos);
        Book b = book(symbol);
        if (b != null && b.entryWorking) {
            gate.submit(new OrderCommand.Cancel(symbol, b.entryId), now);
            journal.count("oms: entries cancelled (" + reason.replaceAll("[0-9]+", "N") + ")", 1);
        }
    }

    // ------------------------------------------------------------------ venue answers

    /** A venue's answer about one of our orders. */
    public void onOrderEvent(OrderEvent e) {
        advance(e.tsRecv());
        Tag tag = tags.get(e.clientOrderId());
        if (tag == null) {
            journal.count("oms: order events for unknown orders", 1);
            return;
        }
        Book b = books.get(tag.symbol());
        if (e.isFill()) {
            onFill(b, tag, e);
        }
        boolean done = e.kind() == OrderEvent.Kind.CANCELLED || e.kind() == OrderEvent.Kind.EXPIRED
                || e.kind() == OrderEvent.Kind.REJECTED || (e.isFill() && e.leavesQty() == 0);
        switch (tag.role()) {
            case ENTRY -> {
                if (done && e.clientOrderId().equals(b.entryId)) {
                    b.entryWorking = false;
                    if (b.entryFilled == 0 && !e.isFill()) {
                        journal.count("oms: entries ended unfilled (" + e.kind()
                                + (e.reason().isEmpty() ? "" : ": " + e.reason().replaceAll("[0-9][0-9.,]*", "N")) + ")", 1);
                    }
                    if (b.position == 0) {
                        clearBracket(b);
                    }
                }
            }
            case STOP -> {
                if (!e.clientOrderId().equals(b.stopId)) {
                    return;
                }
                switch (e.kind()) {
                    case ACCEPTED -> b.stopLive = true;
                    case MODIFIED -> {
                        if (b.pendingStopPrice != 0) {
                            b.stopPrice = b.pendingStopPrice;
                            b.pendingStopPrice = 0;
                        }
                    }
                    case MODIFY_REJECTED -> {
                        b.pendingStopPrice = 0;
                        journal.count("oms: stop modifies rejected by the venue", 1);
                    }
                    default -> {
                    }
                }
                if (done) {
                    b.stopLive = false;
                }
            }
            case TARGET -> {
                if (e.clientOrderId().equals(b.targetId)) {
                    if (e.kind() == OrderEvent.Kind.ACCEPTED) {
                        b.targetLive = true;
                    }
                    if (done) {
                        b.targetLive = false;
                    }
                }
            }
            case EXIT, FLATTEN -> {
                if (done) {
                    Long left = b.exitLeaves.remove(e.clientOrderId());
                    if (left != null && !e.isFill()) {
                        b.pendingExitQty -= Math.min(left, b.pendingExitQty);
                    }
                    if (tag.role() == Role.FLATTEN && e.clientOrderId().equals(b.flattenOrderId) && b.position != 0
                            && b.flattening) {
                        b.flattenAttempts++;
                        long backoff = Math.min(MAX_BACKOFF, 1_000_000_000L << Math.min(6, b.flattenAttempts - 1));
                        b.flattenRetryAt = now + backoff;
                        b.flattenOrderId = null;
                        journal.breaker(new Journal.BreakerEntry(now, "oms", "FLATTEN_RETRY", "flatten order " + e.clientOrderId()
                                + " " + e.kind() + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")") + "; still "
                                + Fixed.format(b.position) + " " + b.instrument.symbol() + ", protective stop kept, retry in "
                                + backoff / 1_000_000_000L + " s"));
                    }
                }
            }
            default -> throw new IllegalStateException(tag.role().name());
        }
    }

    private void onFill(Book b, Tag tag, OrderEvent e) {
        long q = e.fillQty();
        long signed = e.side().sign() * q;
        b.fees += e.fee();
        if (tag.role() == Role.ENTRY) {
            b.entryFilled += q;
        }
        if (tag.role() == Role.EXIT || tag.role() == Role.FLATTEN) {
            Long left = b.exitLeaves.get(e.clientOrderId());
            if (left != null) {
                b.exitLeaves.put(e.clientOrderId(), left - q);
                b.pendingExitQty = Math.max(0, b.pendingExitQty - q);
            }
        }
        if (b.position == 0 || Long.signum(b.position) == Long.signum(signed)) {
            if (b.position == 0) {
                b.openedAt = e.tsEvent();
                b.parts = new ArrayList<>();
                b.grossPnl = 0;
                b.rWeighted = 0;
                b.maxQty = 0;
                b.fees = e.fee();
                b.tradeTicket = b.ticket;
                b.initialStop = b.ticket == null ? 0 : b.ticket.bracket().stop().stopPrice();
                b.target = b.ticket == null || b.ticket.bracket().target() == null ? 0 : b.ticket.bracket().target().limitPrice();
            }
            long abs = Math.abs(b.position);
            b.avgPrice = abs == 0 ? e.fillPrice() : weighted(b.avgPrice, abs, e.fillPrice(), q);
            b.position += signed;
            b.maxQty = Math.max(b.maxQty, Math.abs(b.position));
            b.parts.add(new Journal.TradePart(tradeId(b), "entry", e.tsEvent(), e.fillPrice(), q, e.fee(), tag.rule(), 0.0));
            return;
        }
        long close = Math.min(q, Math.abs(b.position));
        int sign = Long.signum(b.position);
        long pnl = money(e.fillPrice() - b.avgPrice, close, b.instrument.pointValue()) * sign;
        b.grossPnl += pnl;
        long risk = Math.abs(b.avgPrice - b.initialStop);
        double r = risk == 0 ? 0.0 : (double) (e.fillPrice() - b.avgPrice) * sign / risk;
        b.rWeighted += r * close;
        String rule = switch (tag.role()) {
            case STOP -> stopRule(b);
            case TARGET -> "target";
            case FLATTEN -> "flatten: " + b.flattenReason;
            default -> tag.rule();
        };
        b.position -= sign * close;
        b.parts.add(new Journal.TradePart(tradeId(b), b.position == 0 ? "exit" : "scale-out", e.tsEvent(), e.fillPrice(), close,
                e.fee(), rule, round2(r)));
        if (q > close) {
            journal.count("oms: fill quantity beyond the position (ignored)", 1);
        }
        if (b.position == 0) {
            closeTrade(b, e.tsEvent(), rule);
        }
    }

    private String stopRule(Book b) {
        if (b.stopPrice == b.initialStop) {
            return "stop";
        }
        boolean beyondEntry = b.position > 0 ? b.stopPrice >= b.avgPrice : b.stopPrice <= b.avgPrice;
        return beyondEntry ? "trailed stop (breakeven or better)" : "moved stop";
    }

    private void closeTrade(Book b, long ts, String rule) {
        EntryTicket t = b.tradeTicket;
        long entryAvg = entryAverage(b.parts);
        double rTotal = b.maxQty == 0 ? 0 : b.rWeighted / b.maxQty;
        journal.trade(new Journal.TradeRecord(tradeId(b), t == null ? "" : t.setupId(), b.instrument.symbol(),
                t == null ? Side.NONE : t.side(), t == null ? "" : t.grade(), t == null ? List.of() : t.factors(),
                t == null ? null : t.killZone(), b.openedAt, entryAvg, b.maxQty, b.initialStop, b.target, ts,
                b.grossPnl - b.fees, b.fees, round2(rTotal), rule, b.parts));
        b.avgPrice = 0;
        b.pendingExitQty = 0;
        b.exitLeaves.clear();
        if (b.flattening) {
            confirmFlat(b);
        }
        if (!b.entryWorking) {
            clearBracket(b);
        }
    }

    private static long entryAverage(List<Journal.TradePart> parts) {
        long qty = 0;
        long avg = 0;
        for (Journal.TradePart p : parts) {
            if ("entry".equals(p.kind())) {
                avg = qty == 0 ? p.price() : weighted(avg, qty, p.price(), p.quantity());
                qty += p.quantity();
            }
        }
        return avg;
    }

    private void clearBracket(Book b) {
        b.ticket = null;
        b.entryId = null;
        b.entryWorking = false;
        b.entryFilled = 0;
    }

    private String tradeId(Book b) {
        return b.tradeTicket != null ? b.tradeTicket.setupId() : b.instrument.symbol() + "-T" + b.openedAt;
    }

    // ------------------------------------------------------------------ exit management

    /**
     * Lets the symbol's exit manager act on an event while a position is open, and sends what passes the
     * rules. Not while the execution loop is halted or a flatten runs (the venue's brackets and the flatten
     * are in charge then).
     */
    public void manage(String symbol, Event e, MarketMap map, FlowAnalyzer.Engine flow) {
        advance(e.tsRecv());
        Book b = book(symbol);
        if (b == null || b.position == 0 || executionHalted || b.flattening || b.stopId == null) {
            return;
        }
        List<OrderCommand> cmds = b.exits.onEvent(e, view(b), map, flow);
        for (OrderCommand c : cmds) {
            String why = vetExit(b, c);
            if (why != null) {
                rejectedExits.add(new RejectedExit(now, symbol, c, why));
                journal.count("oms: exit commands rejected", 1);
            } else {
                gate.submit(c, now);
            }
        }
    }

    /** The open position of a symbol as an exit manager sees it, or null when flat. */
    public PositionView positionView(String symbol) {
        Book b = book(symbol);
        return b == null || b.position == 0 ? null : view(b);
    }

    private PositionView view(Book b) {
        return new PositionView(b.instrument.symbol(), b.position > 0 ? Side.BUY : Side.SELL, Math.abs(b.position), b.avgPrice,
                b.initialStop, b.stopPrice, b.stopId, b.openedAt);
    }

    /** Why an exit-manager command breaks a rule, or null when it may go. Records what it lets through. */
    private String vetExit(Book b, OrderCommand c) {
        if (!c.symbol().equals(b.instrument.symbol())) {
            return "command for " + c.symbol() + " from the exit manager of " + b.instrument.symbol();
        }
        long pos = Math.abs(b.position);
        switch (c) {
            case OrderCommand.Modify m -> {
                if (m.clientOrderId().equals(b.stopId)) {
                    if (!b.stopLive) {
                        return "the protective stop " + b.stopId + " is not resting";
                    }
                    long cur = b.pendingStopPrice != 0 ? b.pendingStopPrice : b.stopPrice;
                    if (m.newStopPrice() != 0 && (b.position > 0 ? m.newStopPrice() < cur : m.newStopPrice() > cur)) {
                        return "would widen the stop from " + Fixed.format(cur) + " to " + Fixed.format(m.newStopPrice());
                    }
                    if (m.newQuantity() != 0 && m.newQuantity() < pos) {
                        return "would leave " + Fixed.format(pos - m.newQuantity()) + " of the " + Fixed.format(pos)
                                + " position without a stop";
                    }
                    if (m.newStopPrice() != 0) {
                        b.pendingStopPrice = m.newStopPrice();
                    }
                    return null;
                }
                if (m.clientOrderId().equals(b.targetId) || b.exitLeaves.containsKey(m.clientOrderId())) {
                    if (m.newQuantity() > pos) {
                        return "would size an exit at " + Fixed.format(m.newQuantity()) + ", above the position " + Fixed.format(pos);
                    }
                    return null;
                }
                return "modify of an order that is not this position's: " + m.clientOrderId();
            }
            case OrderCommand.Submit s -> {
                Order o = s.order();
                if (!o.reduceOnly()) {
                    return "exit managers may only send reduce-only orders";
                }
                if (o.side() == (b.position > 0 ? Side.BUY : Side.SELL)) {
                    return "an exit on the side of the position would add to it";
                }
                if (o.type() == OrderType.STOP || o.type() == OrderType.STOP_LIMIT) {
                    return "a second stop order: move the resting stop with a modify instead";
                }
                if (o.quantity() > pos - b.pendingExitQty) {
                    return "exit of " + Fixed.format(o.quantity()) + " exceeds the actual position " + Fixed.format(pos)
                            + (b.pendingExitQty > 0 ? " less " + Fixed.format(b.pendingExitQty) + " already on its way out" : "");
                }
                String rule = o.clientOrderId().substring(o.clientOrderId().lastIndexOf('-') + 1);
                tags.put(o.clientOrderId(), new Tag(b.instrument.symbol(), Role.EXIT, rule));
                b.exitLeaves.put(o.clientOrderId(), o.quantity());
                b.pendingExitQty += o.quantity();
                return null;
            }
            case OrderCommand.Cancel x -> {
                if (x.clientOrderId().equals(b.stopId)) {
                    return "would cancel the protective stop of an open position";
                }
                return null;
            }
            case OrderCommand.CancelAll x -> {
                return "cancel-all would cancel the protective stop of an open position";
            }
            case OrderCommand.SubmitBracket x -> {
                return "exit managers may not open positions";
            }
        }
    }

    public List<RejectedExit> rejectedExits() {
        return List.copyOf(rejectedExits);
    }

    // ------------------------------------------------------------------ breakers

    /**
     * Shows the event to every breaker of the gate and carries out their actions; also drives flatten
     * retries. Call for every event (and for timers).
     */
    public void observe(Event e) {
        advance(e.tsRecv());
        for (CircuitBreaker.Guard g : gate.guards()) {
            for (BreakerAction a : g.onEvent(e)) {
                onBreakerAction(a);
            }
        }
        for (Book b : books.values()) {
            if (b.flattening && b.flattenOrderId == null && b.position != 0 && now >= b.flattenRetryAt) {
                sendFlatten(b);
            }
        }
    }

    /** Carries out one breaker action and journals it. */
    public void onBreakerAction(BreakerAction a) {
        journal.breaker(new Journal.BreakerEntry(a.tsEvent(), a.breaker(), a.kind().name(), a.reason()));
        switch (a.kind()) {
            case PAUSE -> {
                paused = true;
                pauseReason = a.breaker() + ": " + a.reason();
                for (Book b : books.values()) {
                    if (b.entryWorking && b.entryFilled == 0) {
                        gate.submit(new OrderCommand.Cancel(b.instrument.symbol(), b.entryId), now);
                    }
                }
            }
            case RESUME -> {
                paused = false;
                if (executionHalted && !flattened) {
                    if (sessions == null || reconcile(now)) {
                        executionHalted = false;
                        tradingState(TradingState.ACTIVE, "resumed by " + a.breaker() + ": " + a.reason());
                    }
                }
            }
            case REDUCE_ONLY -> {
                if (gate.state() == TradingState.ACTIVE) {
                    tradingState(TradingState.REDUCING, a.breaker() + ": " + a.reason());
                }
            }
            case HALT -> {
                executionHalted = true;
                tradingState(TradingState.HALTED, a.breaker() + ": " + a.reason());
            }
            case FLATTEN -> flattenAll(a.breaker() + ": " + a.reason());
            default -> throw new IllegalStateException(a.kind().name());
        }
    }

    private void flattenAll(String reason) {
        flattened = true;
        tradingState(TradingState.HALTED, "flatten: " + reason);
        for (Book b : books.values()) {
            if (b.flattening) {
                continue;
            }
            if (b.entryWorking) {
                gate.submit(new OrderCommand.Cancel(b.instrument.symbol(), b.entryId), now);
                journal.breaker(new Journal.BreakerEntry(now, "oms", "PURGE_ENTRY", "cancelled working entry " + b.entryId));
            }
            if (b.position != 0) {
                b.flattening = true;
                b.flattenReason = reason;
                b.flattenAttempts = 0;
                sendFlatten(b);
            }
        }
    }

    private void sendFlatten(Book b) {
        long qty = Math.abs(b.position);
        String id = b.instrument.symbol() + "-FLAT-" + (++seq);
        Side side = b.position > 0 ? Side.SELL : Side.BUY;
        Order o = new Order(id, b.instrument.symbol(), side, OrderType.MARKET, qty, 0, 0, TimeInForce.GTC, true);
        tags.put(id, new Tag(b.instrument.symbol(), Role.FLATTEN, "flatten"));
        b.flattenOrderId = id;
        b.flattenRetryAt = Long.MAX_VALUE;
        b.exitLeaves.put(id, qty);
        b.pendingExitQty += qty;
        gate.submit(new OrderCommand.Submit(o), now);
        journal.breaker(new Journal.BreakerEntry(now, "oms", "FLATTEN_ORDER", "market reduce-only " + side + " "
                + Fixed.format(qty) + " " + b.instrument.symbol() + " (" + id + "); protective stop " + b.stopId + " stays until flat"));
    }

    private void confirmFlat(Book b) {
        b.flattening = false;
        b.flattenOrderId = null;
        List<String> cancelled = new ArrayList<>();
        if (b.stopId != null && b.stopLive) {
            gate.submit(new OrderCommand.Cancel(b.instrument.symbol(), b.stopId), now);
            cancelled.add(b.stopId);
        }
        if (b.targetId != null && b.targetLive) {
            gate.submit(new OrderCommand.Cancel(b.instrument.symbol(), b.targetId), now);
            cancelled.add(b.targetId);
        }
        journal.breaker(new Journal.BreakerEntry(now, "oms", "FLAT_CONFIRMED", b.instrument.symbol() + " flat confirmed by the venue"
                + (cancelled.isEmpty() ? "" : "; then cancelled " + cancelled)));
    }

    // ------------------------------------------------------------------ reconciliation

    /**
     * The venue session of each symbol, for {@link #reconcile}. Without it a RESUME after a halt resumes at
     * once (a backtest's simulated venue cannot disconnect).
     */
    public void reconcileWith(Function<String, ExecutionVenue.Session> sessionOfSymbol) {
        this.sessions = sessionOfSymbol;
    }

    /**
     * Rebuilds each symbol's book from what the venue holds (start, or after a halt or reconnect): the venue's
     * net position wins over the fills seen; a position whose resting stops do not cover it gets a reduce-only
     * stop for the uncovered part at once, at the last known stop price, before anything else. Returns false
     * (trading stays halted, with an alert in the journal) when a position cannot be protected because no stop
     * price is known for it.
     */
    public boolean reconcile(long nowNanos) {
        advance(nowNanos);
        if (sessions == null) {
            throw new IllegalStateException("reconcile needs the venue sessions (reconcileWith)");
        }
        boolean ok = true;
        for (Book b : books.values()) {
            String sym = b.instrument.symbol();
            ExecutionVenue.Session s = sessions.apply(sym);
            long venueQty = 0;
            long venueAvg = 0;
            for (var p : s.positions()) {
                if (p.symbol().equals(sym)) {
                    venueQty += p.quantity();
                    venueAvg = p.averagePrice();
                }
            }
            if (venueQty != b.position) {
                journal.breaker(new Journal.BreakerEntry(now, "oms", "RECONCILE", sym + ": the fills seen say "
                        + Fixed.format(b.position) + ", the venue holds " + Fixed.format(venueQty) + "; adopted the venue's position"));
                if (venueQty == 0 && b.position != 0) {
                    b.parts.add(new Journal.TradePart(tradeId(b), "exit", now, 0, Math.abs(b.position), 0,
                            "reconciled: flat at the venue (exit fills not seen)", 0.0));
                    b.position = 0;
                    closeTrade(b, now, "reconciled: flat at the venue (exit fills not seen)");
                    continue;
                }
                b.position = venueQty;
                b.avgPrice = venueAvg;
            }
            if (b.position == 0) {
                continue;
            }
            Side closing = b.position > 0 ? Side.SELL : Side.BUY;
            long covered = 0;
            for (var w : s.openOrders()) {
                Order o = w.order();
                if (o.symbol().equals(sym) && o.side() == closing
                        && (o.type() == OrderType.STOP || o.type() == OrderType.STOP_LIMIT)) {
                    covered += o.quantity() - w.filledQuantity();
                }
            }
            long need = Math.abs(b.position) - covered;
            if (need <= 0) {
                continue;
            }
            long price = b.stopPrice > 0 ? b.stopPrice : b.initialStop;
            if (price <= 0) {
                journal.breaker(new Journal.BreakerEntry(now, "oms", "RECONCILE_ALERT", sym + ": position "
                        + Fixed.format(b.position) + " has no resting stop and no known stop price; trading stays halted"));
                ok = false;
                continue;
            }
            String id = sym + "-RSTOP-" + (++seq);
            Order stop = new Order(id, sym, closing, OrderType.STOP, need, 0, price, TimeInForce.GTC, true);
            tags.put(id, new Tag(sym, Role.STOP, "stop"));
            b.stopId = id;
            b.stopPrice = price;
            b.stopLive = false;
            gate.submit(new OrderCommand.Submit(stop), now);
            journal.breaker(new Journal.BreakerEntry(now, "oms", "RECONCILE", sym + ": position " + Fixed.format(b.position)
                    + " had stops for " + Fixed.format(covered) + " only; placed protective stop " + id + " for "
                    + Fixed.format(need) + " at " + Fixed.format(price)));
        }
        return ok;
    }

    /** Changes the gate's trading state and journals the change (symbol {@code *}: the whole account). */
    private void tradingState(TradingState to, String reason) {
        TradingState from = gate.state();
        gate.setState(to, reason);
        if (from != to) {
            journal.transition(new Journal.Transition("*", now, from.name(), to.name(), reason));
        }
    }

    /** Whether a breaker flattened the account (trading stays halted). */
    public boolean flattened() {
        return flattened;
    }

    /** Whether a flatten is still in progress for any symbol. */
    public boolean flattenInProgress() {
        for (Book b : books.values()) {
            if (b.flattening) {
                return true;
            }
        }
        return false;
    }

    /** Net position of a symbol as the fills say (fixed-point, signed). */
    public long position(String symbol) {
        Book b = book(symbol);
        return b == null ? 0 : b.position;
    }

    // ------------------------------------------------------------------ helpers

    private Book book(String symbol) {
        return books.get(symbol);
    }

    private void advance(long ts) {
        now = Math.max(now, ts);
    }

    private static long weighted(long p1, long q1, long p2, long q2) {
        BigInteger num = BigInteger.valueOf(p1).multiply(BigInteger.valueOf(q1))
                .add(BigInteger.valueOf(p2).multiply(BigInteger.valueOf(q2)));
        return num.divide(BigInteger.valueOf(q1).add(BigInteger.valueOf(q2))).longValueExact();
    }

    /** price distance x quantity x point value, all fixed-point, to fixed-point currency (rounded toward zero). */
    static long money(long priceDiff, long qty, long pointValue) {
        BigInteger s = BigInteger.valueOf(Fixed.SCALE);
        return BigInteger.valueOf(priceDiff).multiply(BigInteger.valueOf(qty)).multiply(BigInteger.valueOf(pointValue))
                .divide(s).divide(s).longValueExact();
    }

    private static double round2(double r) {
        return Math.round(r * 100.0) / 100.0;
    }
}
