package dev.flof.host.live;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.Position;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import dev.flof.spi.risk.BreakerAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Brings FLOF's picture of one venue session in line with what the venue holds, at start-up and after every
 * reconnect, before any new entry may leave ("Failure is normal"). It asks the venue for its open orders,
 * positions and the executions since the last one it knew; fills FLOF did not see (they happened while it
 * was dead or disconnected) are handed on as {@link OrderEvent}s so order management and the circuit
 * breakers' loss counters see them; an open position found without a resting protective stop gets a
 * reduce-only STOP first (through the risk gate, which always passes risk-reducing orders); positions and
 * working orders the engine did not place itself are <em>adopted</em>: tracked from their fills, handed by the
 * runner to order management with their resting stop and target (so the exit manager manages the trade), and
 * no new entry on that symbol leaves until they are done.
 *
 * <p>The gate is enforced by {@link #guard()}, a {@link CircuitBreaker.Guard} the runner puts in the risk
 * gate: it vetoes every exposure-adding command of this venue's symbols until reconciliation succeeded,
 * while the session is disconnected, while a symbol holds an adopted position or an unconfirmed emergency
 * stop, and beyond the configured maximum position. Called from the kernel thread only.
 */
public final class Reconciler {
    /** What one reconciliation found and did. */
    public record Result(long tsNanos, String venue, String why, boolean ok, List<Position> positions,
                         List<WorkingOrder> openOrders, int executions, int missedFills, List<String> stopsPlaced,
                         List<String> adopted, List<String> notes) {
    }

    /** One symbol's holding as the venue reports it, with its protection. */
    public record Holding(String symbol, long quantity, long averagePrice, long protectedQuantity, long stopPrice,
                          boolean adopted, String emergencyStopId, boolean emergencyStopConfirmed) {
        public String protection() {
            if (quantity == 0) {
                return "flat";
            }
            if (protectedQuantity >= Math.abs(quantity)) {
                return "stop " + Fixed.format(stopPrice) + " x" + Fixed.format(protectedQuantity);
            }
            return emergencyStopId != null ? "stop " + Fixed.format(stopPrice) + " sent" + (emergencyStopConfirmed ? "" : " (unconfirmed)")
                    : "UNPROTECTED";
        }
    }

    /** Where the reconciler sends commands (the risk gate) and what it asks of order management. */
    public interface Desk {
        /** Hands a command to the risk gate; true when it left. */
        boolean submit(OrderCommand command);

        /** The engine's own net position of a symbol (signed fixed-point), from its order management. */
        long enginePosition(String symbol);

        /** Whether order management placed this order itself (in this process). */
        boolean knows(String clientOrderId);
    }

    /** The reason text of fills the reconciler recovered from the venue's execution history. */
    public static final String RECOVERED = "recovered by reconciliation";

    private final String venueId;
    private final ExecutionVenue.Session session;
    private final Map<String, Instrument> instruments;
    private final RunnerSettings settings;
    private final LongSupplier clock;
    private final ExecutionStore store;
    private final Consumer<Event> missedFills;
    private final Consumer<String> log;
    private Desk desk;
    private Predicate<String> halted = s -> false;
    /** The position cap per symbol, fixed-point (0 = none: entries refused); {@link #capsFrom}. */
    private java.util.function.ToLongFunction<String> maxPosition;

    private boolean reconciled;
    private boolean connected = true;
    private String blockReason = "not reconciled yet";
    private long lastExecTs;
    private long stopSeq;
    private Result last;
    /** Filled quantity seen per client order id (from the event stream and from recovered executions). */
    private final Map<String, Long> seenFilled = new TreeMap<>();
    private final Map<String, Holding> holdings = new TreeMap<>();
    /**
     * Orders resting at the venue for this venue's symbols, by client id: what the last reconciliation found,
     * plus emergency stops sent since, kept current from the order events (fills, cancels).
     */
    private final Map<String, WorkingOrder> working = new TreeMap<>();
    /** Client ids of working orders the engine did not place in this process. */
    private final Set<String> adoptedOrders = new java.util.TreeSet<>();
    /** Emergency stops sent, by client id -> symbol; and those the venue has not confirmed yet. */
    private final Map<String, String> emergencyStops = new TreeMap<>();
    private final Set<String> unconfirmed = new java.util.TreeSet<>();
    /** Symbols whose position or orders were adopted at the last reconciliation and are not done yet. */
    private final Set<String> adoptedSymbols = new java.util.TreeSet<>();
    /** The venue's net position per symbol as fills move it (between reconciliations). */
    private final Map<String, Long> venuePosition = new TreeMap<>();
    /** The venue's average price per symbol at the last reconciliation. */
    private final Map<String, Long> averages = new TreeMap<>();

    /**
     * @param missedFills where recovered fills go (the runner dispatches them on the kernel thread after the
     *                    current event)
     */
    public Reconciler(String venueId, ExecutionVenue.Session session, Map<String, Instrument> instruments,
                      RunnerSettings settings, LongSupplier clock, ExecutionStore store, Consumer<Event> missedFills,
                      Consumer<String> log) {
        this.venueId = venueId;
        this.session = session;
        this.instruments = new TreeMap<>(instruments);
        this.settings = settings;
        this.clock = clock;
        this.store = store;
        this.missedFills = missedFills;
        this.log = log;
        this.lastExecTs = store.lastExecutionTs().orElse(Long.MIN_VALUE);
        this.maxPosition = settings::maxPositionOf;
    }

    /**
     * Where the position caps come from: by default only the runner's {@code live.maxPosition} (live trading
     * refuses to start without it); a paper session falls back to the engine configuration's
     * {@code risk.maxPositionSize}, as the backtest does.
     */
    public void capsFrom(java.util.function.ToLongFunction<String> fixedPointCap) {
        this.maxPosition = fixedPointCap;
    }

    /** Connects the reconciler to the risk gate and order management (they are built after the guard). */
    public void attach(Desk desk, Predicate<String> haltedSymbol) {
        this.desk = desk;
        this.halted = haltedSymbol;
    }

    public String venueId() {
        return venueId;
    }

    public Set<String> symbols() {
        return instruments.keySet();
    }

    public boolean reconciled() {
        return reconciled;
    }

    public boolean connected() {
        return connected;
    }

    public Result last() {
        return last;
    }

    /** The holdings of the last reconciliation, as fills have moved them since. */
    public Map<String, Holding> holdings() {
        return java.util.Collections.unmodifiableMap(holdings);
    }

    /** Orders resting at the venue for {@code symbol} as the reconciler knows them (by client id). */
    public List<WorkingOrder> workingOrders(String symbol) {
        List<WorkingOrder> out = new ArrayList<>();
        for (WorkingOrder w : working.values()) {
            if (w.order().symbol().equals(symbol)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Whether {@code clientOrderId} is a stop this reconciler sent that the venue has not confirmed yet. */
    public boolean unconfirmed(String clientOrderId) {
        return unconfirmed.contains(clientOrderId);
    }

    /** The venue's average price of a symbol at the last reconciliation (0 when flat). */
    public long averagePrice(String symbol) {
        return averages.getOrDefault(symbol, 0L);
    }

    /** The venue's net position of a symbol as the reconciler knows it (signed fixed-point). */
    public long venuePosition(String symbol) {
        return venuePosition.getOrDefault(symbol, 0L);
    }

    // ------------------------------------------------------------------ events

    /** Tracks fills and the session's connection; reconciles again on RECONNECTED. */
    public void onEvent(Event e) {
        switch (e) {
            case OrderEvent oe when oe.venue().equals(venueId) || instruments.containsKey(oe.symbol()) -> onOrderEvent(oe);
            case VenueStatus vs when vs.venue().equals(venueId) -> {
                switch (vs.kind()) {
                    case DISCONNECTED -> {
                        connected = false;
                        blockReason = "venue " + venueId + " disconnected: " + vs.detail();
                        log.accept("venue " + venueId + " disconnected (" + vs.detail() + "): new entries blocked");
                    }
                    case RECONNECTED -> {
                        connected = true;
                        reconciled = false;
                        blockReason = "reconciling after reconnect";
                        reconcile("reconnect: " + vs.detail());
                    }
                    case CONNECTED -> connected = true;
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
    }

    private void onOrderEvent(OrderEvent oe) {
        if (oe.isFill() && oe.reason().startsWith(RECOVERED)) {
            // already in the positions the reconciliation read: count it as seen, move nothing
            seenFilled.merge(oe.clientOrderId(), oe.fillQty(), Long::sum);
            lastExecTs = Math.max(lastExecTs, oe.tsEvent());
            return;
        }
        String sym = oe.symbol();
        WorkingOrder w = working.get(oe.clientOrderId());
        if (oe.isFill()) {
            seenFilled.merge(oe.clientOrderId(), oe.fillQty(), Long::sum);
            venuePosition.merge(sym, oe.side().sign() * oe.fillQty(), Long::sum);
            lastExecTs = Math.max(lastExecTs, oe.tsEvent());
            if (w != null) {
                working.put(oe.clientOrderId(), new WorkingOrder(w.order(), w.venueOrderId(), w.parentGroupId(),
                        w.filledQuantity() + oe.fillQty()));
            }
            if (adoptedOrders.contains(oe.clientOrderId()) || emergencyStops.containsKey(oe.clientOrderId())) {
                log.accept("adopted order " + oe.clientOrderId() + " filled " + Fixed.format(oe.fillQty()) + " @ "
                        + Fixed.format(oe.fillPrice()) + "; " + sym + " at " + venueId + " now " + Fixed.format(venuePosition(sym)));
            }
        }
        String stopSymbol = emergencyStops.get(oe.clientOrderId());
        if (stopSymbol != null && oe.kind() == OrderEvent.Kind.ACCEPTED && unconfirmed.remove(oe.clientOrderId())) {
            log.accept("emergency stop " + oe.clientOrderId() + " for " + stopSymbol + " is resting at " + venueId);
        } else if (stopSymbol != null && (oe.kind() == OrderEvent.Kind.REJECTED || oe.kind() == OrderEvent.Kind.CANCELLED)
                && venuePosition(stopSymbol) != 0) {
            log.accept("emergency stop " + oe.clientOrderId() + " for " + stopSymbol + " was " + oe.kind()
                    + " by " + venueId + " (" + oe.reason() + "); the position stays UNPROTECTED and blocked");
        }
        boolean done = oe.kind() == OrderEvent.Kind.CANCELLED || oe.kind() == OrderEvent.Kind.EXPIRED
                || oe.kind() == OrderEvent.Kind.REJECTED || (oe.isFill() && oe.leavesQty() == 0);
        if (done) {
            working.remove(oe.clientOrderId());
            adoptedOrders.remove(oe.clientOrderId());
            unconfirmed.remove(oe.clientOrderId());
        }
        if (instruments.containsKey(sym) && (holdings.containsKey(sym) || w != null || venuePosition(sym) != 0)) {
            long before = holdings.containsKey(sym) ? holdings.get(sym).quantity() : 0;
            refresh(sym);
            if (before != 0 && venuePosition(sym) == 0) {
                log.accept(sym + " at " + venueId + " is flat again (" + oe.clientOrderId() + " filled)");
            }
        }
    }

    /** Recomputes a symbol's holding from the venue position and the working orders. */
    private void refresh(String sym) {
        long qty = venuePosition(sym);
        Side exitSide = qty > 0 ? Side.SELL : Side.BUY;
        long protectedQty = 0;
        long stopPrice = 0;
        String emergency = null;
        boolean pendingStop = false;
        boolean foreign = false;
        for (WorkingOrder w : working.values()) {
            Order o = w.order();
            if (!o.symbol().equals(sym)) {
                continue;
            }
            foreign |= adoptedOrders.contains(o.clientOrderId());
            if (emergencyStops.containsKey(o.clientOrderId())) {
                emergency = o.clientOrderId();
                pendingStop |= unconfirmed.contains(o.clientOrderId());
            }
            if (qty != 0 && o.side() == exitSide && (o.type() == OrderType.STOP || o.type() == OrderType.STOP_LIMIT)
                    && !unconfirmed.contains(o.clientOrderId())) {
                protectedQty += o.quantity() - w.filledQuantity();
                stopPrice = stopPrice == 0 ? o.stopPrice()
                        : qty > 0 ? Math.max(stopPrice, o.stopPrice()) : Math.min(stopPrice, o.stopPrice());
            }
        }
        if (qty != 0 && stopPrice == 0 && emergency != null) {
            stopPrice = working.get(emergency).order().stopPrice();
        }
        if (qty == 0 && !foreign) {
            adoptedSymbols.remove(sym);
        }
        holdings.put(sym, new Holding(sym, qty, qty == 0 ? 0 : averages.getOrDefault(sym, 0L), protectedQty, stopPrice,
                adoptedSymbols.contains(sym), qty == 0 ? null : emergency, !pendingStop));
    }

    /**
     * Marks the picture as stale (e.g. events were lost in an overflowing queue): new entries are blocked
     * until the next reconciliation.
     */
    public void invalidate(String why) {
        reconciled = false;
        blockReason = why;
    }

    // ------------------------------------------------------------------ reconciliation

    /** Runs one reconciliation now; on failure new entries stay blocked and the result says why. */
    public Result reconcile(String why) {
        long now = clock.getAsLong();
        List<String> notes = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        List<String> adopted = new ArrayList<>();
        List<Position> positions;
        List<WorkingOrder> open;
        List<Execution> execs;
        long since = lastExecTs != Long.MIN_VALUE ? lastExecTs
                : now - settings.executionLookbackHours() * 3_600_000_000_000L;
        try {
            positions = session.positions();
            open = session.openOrders();
            execs = session.executionsSince(since);
        } catch (RuntimeException ex) {
            reconciled = false;
            blockReason = "reconciliation with " + venueId + " failed: " + ex.getMessage();
            last = new Result(now, venueId, why, false, List.of(), List.of(), 0, 0, List.of(), List.of(), List.of(blockReason));
            log.accept(blockReason + "; new entries stay blocked, retrying");
            return last;
        }
        int missed = recoverFills(execs, open, now);
        for (Execution x : execs) {
            lastExecTs = Math.max(lastExecTs, x.tsEvent());
        }
        if (lastExecTs != Long.MIN_VALUE) {
            store.saveLastExecutionTs(lastExecTs);
        }
        Map<String, Position> bySymbol = new TreeMap<>();
        for (Position p : positions) {
            if (instruments.containsKey(p.symbol())) {
                bySymbol.put(p.symbol(), p);
            } else if (!p.flat()) {
                notes.add("position " + Fixed.format(p.quantity()) + " " + p.symbol() + " at " + venueId
                        + " is not a configured symbol: left alone");
            }
        }
        holdings.clear();
        venuePosition.clear();
        working.clear();
        adoptedOrders.clear();
        adoptedSymbols.clear();
        unconfirmed.clear();
        averages.clear();
        for (String sym : instruments.keySet()) {
            Position p = bySymbol.get(sym);
            long qty = p == null ? 0 : p.quantity();
            venuePosition.put(sym, qty);
            averages.put(sym, p == null ? 0 : p.averagePrice());
            boolean foreign = false;
            for (WorkingOrder w : open) {
                if (!w.order().symbol().equals(sym)) {
                    continue;
                }
                working.put(w.order().clientOrderId(), w);
                if (desk == null || !desk.knows(w.order().clientOrderId())) {
                    foreign = true;
                    adoptedOrders.add(w.order().clientOrderId());
                    adopted.add(w.order().clientOrderId() + " (" + w.order().side() + " " + w.order().type() + " "
                            + Fixed.format(w.order().quantity() - w.filledQuantity()) + " " + sym + ")");
                }
            }
            if (qty != 0 ? desk == null || desk.enginePosition(sym) != qty : foreign) {
                adoptedSymbols.add(sym);
            }
            refresh(sym);
            Holding h = holdings.get(sym);
            long missing = Math.abs(qty) - h.protectedQuantity();
            if (qty != 0 && missing > 0) {
                Order stop = emergencyStop(sym, qty, missing, p.averagePrice(), notes);
                if (stop != null) {
                    emergencyStops.put(stop.clientOrderId(), sym);
                    unconfirmed.add(stop.clientOrderId());
                    working.put(stop.clientOrderId(), new WorkingOrder(stop, null, null, 0));
                    boolean left = desk != null && desk.submit(new OrderCommand.Submit(stop));
                    placed.add(stop.clientOrderId() + " " + stop.side() + " STOP " + Fixed.format(missing) + " " + sym + " @ "
                            + Fixed.format(stop.stopPrice()) + (left ? "" : " (NOT sent: no gate)"));
                    refresh(sym);
                }
            }
        }
        reconciled = true;
        blockReason = "";
        last = new Result(now, venueId, why, true, List.copyOf(positions), List.copyOf(open), execs.size(), missed,
                placed, adopted, notes);
        log.accept(summary(last));
        return last;
    }

    /** Hands on fills the venue reports that the event stream did not carry. */
    private int recoverFills(List<Execution> execs, List<WorkingOrder> open, long now) {
        Map<String, List<Execution>> byOrder = new LinkedHashMap<>();
        for (Execution x : execs) {
            byOrder.computeIfAbsent(x.clientOrderId(), k -> new ArrayList<>()).add(x);
        }
        int missed = 0;
        for (Map.Entry<String, List<Execution>> en : byOrder.entrySet()) {
            long seen = seenFilled.getOrDefault(en.getKey(), 0L);
            long total = en.getValue().stream().mapToLong(Execution::quantity).sum();
            if (total <= seen) {
                continue;
            }
            WorkingOrder stillOpen = open.stream().filter(w -> w.order().clientOrderId().equals(en.getKey())).findFirst().orElse(null);
            long cum = 0;
            for (Execution x : en.getValue()) {
                long before = cum;
                cum += x.quantity();
                if (cum <= seen) {
                    continue;
                }
                long q = cum - Math.max(before, seen);
                boolean lastOne = cum == total;
                long leaves = stillOpen == null || !lastOne ? (lastOne ? 0 : total - cum)
                        : Math.max(0, stillOpen.order().quantity() - stillOpen.filledQuantity());
                OrderEvent.Kind kind = lastOne && leaves == 0 ? OrderEvent.Kind.FILLED : OrderEvent.Kind.PARTIALLY_FILLED;
                OrderEvent oe = new OrderEvent(venueId, x.symbol(), x.tsEvent(), now, 0, x.clientOrderId(), null, kind, x.side(),
                        x.price(), q, leaves, x.fee(), RECOVERED + " (execution " + x.executionId() + ")");
                missedFills.accept(oe);
                missed++;
            }
        }
        return missed;
    }

    private Order emergencyStop(String sym, long qty, long missing, long avg, List<String> notes) {
        Instrument inst = instruments.get(sym);
        long dist = settings.emergencyStopOf(sym);
        if (dist <= 0 || avg <= 0) {
            notes.add(sym + ": position " + Fixed.format(qty) + " has no protective stop and "
                    + (dist <= 0 ? "no emergencyStop distance is configured" : "the venue reports no average price")
                    + ": UNPROTECTED, new entries blocked");
            return null;
        }
        long tick = inst.tickSize();
        long raw = qty > 0 ? avg - dist : avg + dist;
        long price = qty > 0 ? Math.floorDiv(raw, tick) * tick : -Math.floorDiv(-raw, tick) * tick;
        String id = "FLOF-RS-" + sym + "-" + clock.getAsLong() / 1_000_000L + "-" + (++stopSeq);
        return new Order(id, sym, qty > 0 ? Side.SELL : Side.BUY, OrderType.STOP, missing, 0, price, TimeInForce.GTC, true);
    }

    private static String summary(Result r) {
        StringBuilder b = new StringBuilder("reconciled ").append(r.venue()).append(" (").append(r.why()).append("): ");
        List<String> pos = new ArrayList<>();
        for (Position p : r.positions()) {
            if (!p.flat()) {
                pos.add(Fixed.format(p.quantity()) + " " + p.symbol() + " @ " + Fixed.format(p.averagePrice()));
            }
        }
        b.append("positions ").append(pos.isEmpty() ? "none" : String.join(", ", pos));
        b.append("; open orders ").append(r.openOrders().size());
        b.append("; executions ").append(r.executions()).append(" (missed fills recovered ").append(r.missedFills()).append(")");
        if (!r.adopted().isEmpty()) {
            b.append("; adopted ").append(r.adopted());
        }
        if (!r.stopsPlaced().isEmpty()) {
            b.append("; protective stops placed first ").append(r.stopsPlaced());
        }
        if (!r.notes().isEmpty()) {
            b.append("; ").append(String.join("; ", r.notes()));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ the guard

    /** Why an exposure-adding command for {@code symbol} may not leave now, or null. */
    public String blocked(String symbol, long addQty) {
        if (!instruments.containsKey(symbol) && !"*".equals(symbol)) {
            return null;
        }
        if (!reconciled || !connected) {
            return "venue " + venueId + ": " + (blockReason.isEmpty() ? "not reconciled" : blockReason);
        }
        if (halted.test(symbol)) {
            return "halt marker present";
        }
        Holding h = holdings.get(symbol);
        if (h != null && h.emergencyStopId() != null && !h.emergencyStopConfirmed() && h.quantity() != 0) {
            return "emergency stop " + h.emergencyStopId() + " of " + symbol + " not yet confirmed by " + venueId;
        }
        if (h != null && h.quantity() != 0 && h.protectedQuantity() < Math.abs(h.quantity())) {
            return symbol + " position " + Fixed.format(h.quantity()) + " is not fully protected";
        }
        if (h != null && h.adopted()) {
            return symbol + " holds an adopted position/bracket from the venue (" + h.protection()
                    + "); order management manages it, no new entry until it is done";
        }
        long max = maxPosition.applyAsLong(symbol);
        long pos = Math.max(Math.abs(venuePosition(symbol)), desk == null ? 0 : Math.abs(desk.enginePosition(symbol)));
        if (max <= 0) {
            return "no maximum position configured for " + symbol;
        }
        if (pos + addQty > max) {
            return "would take " + symbol + " to " + Fixed.format(pos + addQty) + ", beyond the maximum position " + Fixed.format(max);
        }
        return null;
    }

    /** The risk-gate guard enforcing {@link #blocked}; it never sees cancels or reduce-only orders. */
    public CircuitBreaker.Guard guard() {
        return new CircuitBreaker.Guard() {
            @Override
            public String vet(OrderCommand command, long nowNanos) {
                long qty = switch (command) {
                    case OrderCommand.SubmitBracket sb -> sb.bracket().entry().quantity();
                    case OrderCommand.Submit s -> s.order().quantity();
                    default -> 0;
                };
                return blocked(command.symbol(), qty);
            }

            @Override
            public List<BreakerAction> onEvent(Event event) {
                return List.of();
            }
        };
    }
}
