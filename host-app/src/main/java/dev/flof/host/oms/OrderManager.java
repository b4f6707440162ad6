package dev.flof.host.oms;

import dev.flof.host.engine.EntryDesk;
import dev.flof.host.journal.Journal;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import dev.flof.spi.risk.BreakerAction;
import dev.flof.spi.risk.PositionView;
import dev.flof.spi.risk.TradingState;
import dev.flof.spi.structure.MarketMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Order management (issues 9 and 10, host side): tracks brackets, fills, positions and the resting protective
 * stop from the venue's {@link OrderEvent}s; hands the exit manager's commands to the {@link RiskGate} after
 * enforcing the rules every exit manager must keep (a stop never widens and always covers the position, exits
 * never exceed the actual position, the stop is never cancelled while the position is open); carries out the
 * circuit breakers' actions; journals trades (entry, scale-outs, exit with rule and R multiple, fees) and
 * breaker actions.
 *
 * <p>The flatten sequence: trading goes HALTED (nothing new; cancels and reduce-only pass); every working
 * order at the venue for the instrument that can add exposure is purged, whoever sent it (the entries this
 * manager placed, orders a buggy path sent past it through the gate, and what the {@link VenueView} lists);
 * the position is closed with a marketable reduce-only order (sized from the venue's position when the venue reports
 * one the book disagrees with), re-sent with backoff while it is rejected or the venue still holds a position; only
 * when the fills bring the position to flat, the venue agrees, and every purged entry has ended are the
 * remaining orders of the instrument (bracket children) cancelled, so the protective stops rest until flat is
 * confirmed. A venue whose open orders cannot be read is "unknown", not "empty": nothing is confirmed or forgotten
 * until it answers (asked again on every event). {@link #flattenComplete()} says when all of that is confirmed;
 * {@link #haltReport()} says what
 * tripped and what the flatten did. A flattened run stays HALTED (the operator clears it).
 *
 * <p>Fills of orders this manager did not send (a manual close, another tool, a fill recovered after a
 * disconnect) move its positions and are booked as trades like its own, so its picture and the breakers'
 * loss counters (which see the same order events) count them.
 *
 * <p>Called from the kernel thread only. Ids are counters: deterministic.
 */
public final class OrderManager implements EntryDesk {
    private enum Role { ENTRY, STOP, TARGET, EXIT, FLATTEN, EXTERNAL }

    /** The reason text of fills this manager recovered from the venue's execution history. */
    public static final String RECOVERED = "recovered by reconciliation";
    /**
     * The reason text of the fill by which order management shows the circuit breakers a position it adopted from
     * the venue ({@link #adopt}); its client order id starts with {@link #ADOPTED_ID_PREFIX}. No such order was sent.
     */
    public static final String ADOPTED_POSITION = "venue-reported position adopted at start-up (no order was sent)";
    /** Client order id prefix of the fill that shows the breakers an adopted position. */
    public static final String ADOPTED_ID_PREFIX = "FLOF-ADOPTED-";

    /**
     * What a venue holds now, read when a flatten starts and when flat is confirmed (live: the runner's picture
     * of its sessions; backtest: the simulated venue).
     */
    public interface VenueView {
        /**
         * Orders working at the venue for the symbol (bracket children included), or null when the venue could not
         * be asked (a failed query, a lost link). Null means "unknown", never "none": the flatten then neither
         * confirms flat nor forgets a tracked order, and asks again on the next event.
         */
        List<WorkingOrder> openOrders(String symbol);

        /** The venue's net position of the symbol (signed, fixed-point). */
        long position(String symbol);
    }

    /**
     * What tripped the flatten and what the flatten did.
     *
     * @param steps the flatten's orders, cancels and fills, one line each, in order
     */
    public record HaltReport(String breaker, String reason, long trippedAt, long completedAt, List<String> steps) {
    }

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
    private VenueView view;
    /** Orders that left through the gate (whoever sent them) or were found at the venue, not ended yet, by id. */
    private final Map<String, Order> working = new TreeMap<>();
    /** Fills seen from the event stream, by {@link #fillKey}, with their count. Lookup only. */
    private final Map<String, Integer> seenFills = new HashMap<>();
    /** Fills recovered from the venue's history whose own event may still arrive late. Lookup only. */
    private final Map<String, Integer> recoveredFills = new HashMap<>();
    private long lastFillTs = Long.MIN_VALUE;
    private BreakerAction trippedBy;
    /** Venues that reported a market halt and no resumption yet. */
    private final Set<String> haltedVenues = new TreeSet<>();
    private final List<String> flattenSteps = new ArrayList<>();
    private long completedAt = Long.MIN_VALUE;

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
        /** Orders cancelled by the flatten's purge, waiting for the venue to end them. */
        final Set<String> purged = new TreeSet<>();
        String flattenReason;
        String flattenOrderId;
        int flattenAttempts;
        long flattenRetryAt = Long.MAX_VALUE;
        /** The venue's open orders could not be read when the flatten began: its purge is still to be done. */
        boolean venuePurgePending;
        /** The venue's open orders were unknown during this flatten (journalled once per flatten). */
        boolean venueUnknownNoted;
        /**
         * A protective exit's orders: those of the flattened trade and those working when it began. Only these are
         * cancelled at flat confirmation (null: a breaker flatten, which cancels every order of the symbol).
         */
        Set<String> flattenScope;

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
        gate.onPassed(this::left);
    }

    /** Remembers every order that leaves through the gate, whoever sent it. */
    private void left(OrderCommand c) {
        switch (c) {
            case OrderCommand.SubmitBracket sb -> {
                working.put(sb.bracket().entry().clientOrderId(), sb.bracket().entry());
                working.put(sb.bracket().stop().clientOrderId(), sb.bracket().stop());
                if (sb.bracket().target() != null) {
                    working.put(sb.bracket().target().clientOrderId(), sb.bracket().target());
                }
            }
            case OrderCommand.Submit s -> working.put(s.order().clientOrderId(), s.order());
            default -> {
            }
        }
    }

    /**
     * The venue's picture for the flatten's purge and flat confirmation. Without one, the backtest's sessions
     * ({@link #reconcileWith}) serve; without either, only orders that left through the gate are known.
     */
    public void viewVenue(VenueView venueView) {
        this.view = venueView;
    }

    private VenueView venueView() {
        if (view != null) {
            return view;
        }
        if (sessions == null) {
            return null;
        }
        return new VenueView() {
            @Override
            public List<WorkingOrder> openOrders(String symbol) {
                return sessions.apply(symbol).openOrders().stream().filter(w -> w.order().symbol().equals(symbol)).toList();
            }

            @Override
            public long position(String symbol) {
                long q = 0;
                for (var p : sessions.apply(symbol).positions()) {
                    if (p.symbol().equals(symbol)) {
                        q += p.quantity();
                    }
                }
                return q;
            }
        };
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
        if (b.flattening) {
            return "a flatten of " + symbol + " is in progress (" + b.flattenReason + ")";
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
        return b != null && (b.position != 0 || b.entryWorking || b.flattening);
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

    // ------------------------------------------------------------------ adoption (live restart)

    /**
     * Takes over a position the venue holds that this process did not open (the live runner's reconciliation found
     * it after a restart, e.g. after kill -9) together with its resting protective stop and target: the book tracks
     * them as if it had placed them, so the exit manager manages the trade (scale-out, stop to breakeven, trailing),
     * a fill of the stop or the target closes it in the journal, the position counts against entries, and nothing is
     * sent (no duplicate order). The adopted stop is the trade's initial stop (1R = |average - stop|), and the trade
     * counts from {@code openedAt}: the exit manager acts on prices from then on.
     *
     * <p>The circuit breakers learn the adopted position too, through the one channel every
     * {@link CircuitBreaker.Guard} already observes: a {@code FILLED} {@link OrderEvent} marked as what it is (client
     * order id {@link #ADOPTED_ID_PREFIX}{@code <symbol>}, reason {@link #ADOPTED_POSITION}) for the venue's
     * quantity at the venue's average price, without fee. A guard that books positions from fills (the overlord's
     * capital pillar) therefore holds the position the venue reports, so the later fill of the adopted stop closes it
     * (a realized loss or gain against the venue's average) instead of opening a new position the other way. When the
     * recovered fills had already put the position in the book, the breakers saw those fills and nothing is added.
     *
     * <p>The venue's position is the baseline. When the recovered fills (a look-back window) do not explain it (the
     * fills that opened it are older than the window: e.g. they say short 1 while the venue holds long 1), the book
     * takes the venue's quantity and average, keeps the recovered fills in the trade's journal (as
     * {@code recovered ...} parts) and its open time (the earliest recovered execution, on the exchange clock), and
     * the breakers are shown the difference: the recovered position closed at its own average (no gain, no loss),
     * then the venue's position at the venue's average.
     *
     * @param venue         the venue session holding the position (the adoption fill's venue)
     * @param position      the venue's signed position, fixed-point
     * @param stopOrderId   client id of the resting protective stop (required: an unprotected position gets its
     *                      stop from reconciliation first)
     * @param stopLive      whether the venue has confirmed that stop (false for one just sent)
     * @param targetOrderId client id of the resting target, or null
     * @return why nothing was adopted, or null
     */
    public String adopt(String venue, String symbol, long position, long averagePrice, String stopOrderId, long stopPrice,
                        boolean stopLive, String targetOrderId, long targetPrice, long openedAt, long nowNanos) {
        advance(nowNanos);
        Book b = book(symbol);
        if (b == null) {
            return "no instrument " + symbol + " in order management";
        }
        if (b.entryWorking) {
            return symbol + " has a working entry in order management";
        }
        if (b.position != 0 && b.stopId != null) {
            return symbol + ": order management already tracks " + Fixed.format(b.position)
                    + " with stop " + b.stopId + " against " + Fixed.format(position) + " at the venue";
        }
        if (position == 0 || averagePrice <= 0) {
            return symbol + ": nothing to adopt (position " + Fixed.format(position) + ", average " + Fixed.format(averagePrice) + ")";
        }
        if (stopOrderId == null || stopPrice <= 0) {
            return symbol + ": no protective stop to adopt with the position";
        }
        // the recovered fills may already have put the position in the book (as fills of orders it did not send):
        // then only the bracket is attached and the trade's parts so far are kept
        boolean fresh = b.position == 0;
        // the recovered fills (a look-back window) may not explain the venue's position, e.g. the fills that opened
        // it are older than the window: the venue's position is the baseline, the recovered parts stay in the journal
        boolean rebased = !fresh && b.position != position;
        long seenPos = b.position;
        long seenAvg = b.avgPrice;
        if (rebased) {
            String what = symbol + ": the recovered fills explain " + Fixed.format(seenPos) + " @ " + Fixed.format(seenAvg)
                    + ", the venue holds " + Fixed.format(position) + " @ " + Fixed.format(averagePrice)
                    + "; the book takes the venue's position (the recovered fills stay in the trade's journal)";
            journal.breaker(new Journal.BreakerEntry(now, "oms", "RECONCILE", what));
            List<Journal.TradePart> kept = new ArrayList<>();
            for (Journal.TradePart p : b.parts) {
                kept.add(new Journal.TradePart(p.tradeId(), "recovered " + p.kind(), p.ts(), p.price(), p.quantity(), p.fee(),
                        p.rule(), p.rMultiple()));
            }
            kept.add(new Journal.TradePart(tradeId(b), "entry", openedAt, averagePrice, Math.abs(position), 0,
                    "adopted: the venue's position", 0.0));
            b.parts = kept;
            b.rWeighted = 0;
        }
        b.ticket = null;
        b.tradeTicket = null;
        b.entryId = null;
        b.entryWorking = false;
        b.entryFilled = 0;
        b.stopId = stopOrderId;
        b.stopPrice = stopPrice;
        b.pendingStopPrice = 0;
        b.stopLive = stopLive;
        b.targetId = targetOrderId;
        b.targetLive = targetOrderId != null;
        b.position = position;
        b.avgPrice = averagePrice;
        if (fresh) {
            b.openedAt = openedAt;
        }
        // else keep the open time the recovered fill gave the book: the venue's execution time, on the exchange
        // clock the prints use. Replacing it with the adoption time (local clock, later) made exit managers ignore
        // every print stamped before that instant, however it compares with the local clock.
        b.initialStop = stopPrice;
        b.target = targetOrderId == null ? 0 : targetPrice;
        b.maxQty = Math.abs(position);
        b.pendingExitQty = 0;
        b.exitLeaves.clear();
        if (fresh) {
            b.grossPnl = 0;
            b.fees = 0;
            b.rWeighted = 0;
            b.parts = new ArrayList<>();
            b.parts.add(new Journal.TradePart(tradeId(b), "entry", openedAt, averagePrice, Math.abs(position), 0, "adopted", 0.0));
        }
        tags.put(stopOrderId, new Tag(symbol, Role.STOP, "stop"));
        if (targetOrderId != null) {
            tags.put(targetOrderId, new Tag(symbol, Role.TARGET, "target"));
        }
        journal.count("oms: positions adopted from the venue", 1);
        if (fresh || rebased) {
            List<OrderEvent> shown = new ArrayList<>();
            if (rebased) {
                // the breakers booked the recovered fills (seenPos at seenAvg): close that at its own average (no gain,
                // no loss), then show the venue's position, so their position equals the venue's
                shown.add(new OrderEvent(venue, symbol, nowNanos, nowNanos, 0, ADOPTED_ID_PREFIX + symbol, null,
                        OrderEvent.Kind.FILLED, seenPos > 0 ? Side.SELL : Side.BUY, seenAvg, Math.abs(seenPos), 0, 0,
                        ADOPTED_POSITION));
            }
            shown.add(new OrderEvent(venue, symbol, nowNanos, nowNanos, 0, ADOPTED_ID_PREFIX + symbol, null,
                    OrderEvent.Kind.FILLED, position > 0 ? Side.BUY : Side.SELL, averagePrice, Math.abs(position), 0, 0,
                    ADOPTED_POSITION));
            for (OrderEvent ev : shown) {
                for (CircuitBreaker.Guard g : gate.guards()) {
                    for (BreakerAction a : g.onEvent(ev)) {
                        onBreakerAction(a);
                    }
                }
            }
            journal.count("oms: adopted positions shown to the circuit breakers", 1);
        }
        return null;
    }

    // ------------------------------------------------------------------ venue answers

    /**
     * A venue's answer about an order: one of ours, or (for fills) any order of a traded symbol, so exits
     * this manager did not send still move its position and are booked.
     */
    public void onOrderEvent(OrderEvent e) {
        advance(e.tsRecv());
        boolean recovered = e.reason().startsWith(RECOVERED);
        if (e.isFill()) {
            String key = fillKey(e.clientOrderId(), e.tsEvent(), e.fillPrice(), e.fillQty());
            if (recovered) {
                recoveredFills.merge(key, 1, Integer::sum);
            } else if (take(recoveredFills, key)) {
                journal.count("oms: fills already recovered from the venue's history (ignored)", 1);
                return;
            } else {
                seenFills.merge(key, 1, Integer::sum);
            }
            lastFillTs = Math.max(lastFillTs, e.tsEvent());
        }
        boolean ended = e.kind() == OrderEvent.Kind.CANCELLED || e.kind() == OrderEvent.Kind.EXPIRED
                || e.kind() == OrderEvent.Kind.REJECTED || e.kind() == OrderEvent.Kind.CANCEL_REJECTED
                || (e.isFill() && e.leavesQty() == 0);
        if (ended) {
            // a cancel the venue rejects names an order it no longer has working (unknown or closed)
            working.remove(e.clientOrderId());
        }
        apply(e);
        Book b = books.get(e.symbol());
        if (b != null) {
            progressFlatten(b);
        }
    }

    private void apply(OrderEvent e) {
        Tag tag = tags.get(e.clientOrderId());
        if (tag == null) {
            Book ext = books.get(e.symbol());
            if (ext != null && e.isFill() && e.side() != null && e.side().sign() != 0 && e.fillQty() > 0) {
                journal.count("oms: fills of orders order management did not send", 1);
                onFill(ext, new Tag(e.symbol(), Role.EXTERNAL, "outside order management"), e);
            } else {
                journal.count("oms: order events for unknown orders", 1);
            }
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
            case EXIT, FLATTEN, EXTERNAL -> {
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
        if (b.flattening) {
            step(e.tsEvent(), "fill " + e.clientOrderId() + " (" + tag.role().name().toLowerCase(java.util.Locale.ROOT) + ") "
                    + e.side() + " " + Fixed.format(q) + " " + b.instrument.symbol() + " @ " + Fixed.format(e.fillPrice()));
            boolean adds = b.position == 0 || Long.signum(b.position) == Long.signum(signed);
            if (adds && tag.role() != Role.FLATTEN && (b.flattenOrderId == null || !working.containsKey(b.flattenOrderId))) {
                b.flattenRetryAt = now; // an entry filled during the flatten: close it too, at once
            }
        }
        if (tag.role() == Role.FLATTEN && (b.position == 0 || Long.signum(b.position) == Long.signum(signed))) {
            // a flatten order is reduce-only: it can only have reduced a position the venue held and the book did not
            // (the flatten was sized from the venue's position); booking it would open a phantom position the other way
            Long left = b.exitLeaves.get(e.clientOrderId());
            if (left != null) {
                b.exitLeaves.put(e.clientOrderId(), left - q);
                b.pendingExitQty = Math.max(0, b.pendingExitQty - q);
            }
            journal.count("oms: flatten fills of a position only the venue held (not booked)", 1);
            return;
        }
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
            case EXTERNAL -> "closed outside order management (" + e.clientOrderId()
                    + (e.reason().startsWith(RECOVERED) ? ", " + RECOVERED : "") + ")";
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
        if (e instanceof VenueStatus v) {
            if (v.kind() == VenueStatus.Kind.HALTED && haltedVenues.add(v.venue()) && flattenInProgress()) {
                waiting("market halted at " + v.venue() + (v.detail().isEmpty() ? "" : " (" + v.detail() + ")"));
            } else if (v.kind() == VenueStatus.Kind.RESUMED) {
                haltedVenues.remove(v.venue());
            }
        }
        for (CircuitBreaker.Guard g : gate.guards()) {
            for (BreakerAction a : g.onEvent(e)) {
                onBreakerAction(a);
            }
        }
        for (Book b : books.values()) {
            if (b.flattening && (b.flattenOrderId == null || !working.containsKey(b.flattenOrderId)) && now >= b.flattenRetryAt) {
                sendFlatten(b);
            }
            progressFlatten(b);
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
                    // reconciling may book missed fills that trip a breaker's flatten: then trading stays halted
                    if ((sessions == null || reconcile(now)) && !flattened) {
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
            case FLATTEN -> {
                if (trippedBy == null) {
                    trippedBy = a;
                    step(a.tsEvent(), "tripped by " + a.breaker() + ": " + a.reason());
                }
                flattenAll(a.breaker() + ": " + a.reason());
            }
            default -> throw new IllegalStateException(a.kind().name());
        }
    }

    private void flattenAll(String reason) {
        flattened = true;
        tradingState(TradingState.HALTED, "flatten: " + reason);
        VenueView v = venueView();
        for (Book b : books.values()) {
            if (b.flattening) {
                continue;
            }
            String sym = b.instrument.symbol();
            Set<String> purge = new TreeSet<>();
            if (b.entryWorking) {
                purge.add(b.entryId);
            }
            for (Order o : working.values()) {
                if (o.symbol().equals(sym) && !o.reduceOnly()) {
                    purge.add(o.clientOrderId());
                }
            }
            if (v != null) {
                List<WorkingOrder> listed = v.openOrders(sym);
                if (listed == null) {
                    b.venuePurgePending = true;
                    venueUnknown(b, "the purge of entry orders working at the venue");
                } else {
                    for (WorkingOrder w : listed) {
                        if (!w.order().reduceOnly()) {
                            purge.add(w.order().clientOrderId());
                            working.putIfAbsent(w.order().clientOrderId(), w.order());
                        }
                    }
                }
            }
            for (String id : purge) {
                gate.submit(new OrderCommand.Cancel(sym, id), now);
                b.purged.add(id);
            }
            if (!purge.isEmpty()) {
                String what = "cancelled every working entry order of " + sym + " at the venue " + purge
                        + "; protective orders stay until flat is confirmed";
                journal.breaker(new Journal.BreakerEntry(now, "oms", "PURGE_ENTRIES", what));
                step(now, what);
            }
            boolean anyWorking = working.values().stream().anyMatch(o -> o.symbol().equals(sym));
            long venuePos = v == null ? 0 : v.position(sym);
            if (b.position != 0 || venuePos != 0 || !purge.isEmpty() || anyWorking || b.venuePurgePending) {
                b.flattening = true;
                b.flattenReason = reason;
                b.flattenAttempts = 0;
                b.flattenRetryAt = Long.MAX_VALUE;
                b.flattenScope = null;
            }
            if (b.position != 0 || venuePos != 0) {
                sendFlatten(b);
            } else {
                progressFlatten(b); // flat already: only leftover orders to cancel, once the venue agrees
            }
        }
    }

    /**
     * A protective exit that no exit manager asked for (issue 11): the stop escalation (a protective stop-limit
     * triggered but skipped by a gap, or a rejected protective stop) and the session policy's flatten before the
     * weekend. It runs the flatten sequence for this symbol (reduce-only market for the whole position, retried
     * with back-off when rejected; the protective stop rests until the venue confirms flat, then the leftover
     * bracket children are cancelled) but, unlike a breaker FLATTEN, does not halt trading: nothing is wrong with
     * the account, so no operator needs to clear it. While it runs, no entry goes out for the symbol
     * ({@link #entryBlocked} names the flatten, {@link #busy} is true), and flat confirmation cancels only the orders of
     * the flattened trade and those working when it began, never an order sent after it. The fills close the trade
     * with the rule {@code flatten: <reason>}. Null when the exit went (or one is already working), else why not.
     */
    public String protectiveExit(String symbol, String reason, long nowNanos) {
        advance(nowNanos);
        Book b = book(symbol);
        if (b == null) {
            return "no instrument " + symbol + " in order management";
        }
        if (b.position == 0) {
            return "no open position in " + symbol;
        }
        if (b.flattening) {
            return null;
        }
        if (b.entryWorking) {
            gate.submit(new OrderCommand.Cancel(symbol, b.entryId), now);
        }
        // what this flatten may cancel at flat confirmation: the trade's orders and what works now, nothing sent later
        Set<String> scope = new TreeSet<>();
        for (String id : new String[] {b.entryId, b.stopId, b.targetId}) {
            if (id != null) {
                scope.add(id);
            }
        }
        for (Order o : working.values()) {
            if (o.symbol().equals(symbol)) {
                scope.add(o.clientOrderId());
            }
        }
        VenueView v = venueView();
        List<WorkingOrder> listed = v == null ? null : v.openOrders(symbol);
        if (listed != null) {
            listed.forEach(w -> scope.add(w.order().clientOrderId()));
        }
        b.flattening = true;
        b.flattenReason = reason;
        b.flattenAttempts = 0;
        b.flattenScope = scope;
        sendFlatten(b);
        return null;
    }

    private void sendFlatten(Book b) {
        String sym = b.instrument.symbol();
        long pos = b.position;
        VenueView v = venueView();
        long venuePos = v == null ? 0 : v.position(sym);
        b.flattenRetryAt = Long.MAX_VALUE;
        if (venuePos != 0 && venuePos != pos) {
            // the venue holds what the order closes: size from it (the book missed fills, e.g. adoption was refused)
            String what = sym + ": the book holds " + Fixed.format(pos) + ", the venue " + Fixed.format(venuePos)
                    + "; the flatten order is sized from the venue's position";
            journal.breaker(new Journal.BreakerEntry(now, "oms", "FLATTEN_SIZED_FROM_VENUE", what));
            step(now, what);
            pos = venuePos;
        }
        if (pos == 0) {
            return;
        }
        long qty = Math.abs(pos);
        String id = sym + "-FLAT-" + (++seq);
        Side side = pos > 0 ? Side.SELL : Side.BUY;
        if (b.flattenScope != null) {
            b.flattenScope.add(id);
        }
        Order o = new Order(id, b.instrument.symbol(), side, OrderType.MARKET, qty, 0, 0, TimeInForce.GTC, true);
        tags.put(id, new Tag(b.instrument.symbol(), Role.FLATTEN, "flatten"));
        b.flattenOrderId = id;
        b.flattenRetryAt = Long.MAX_VALUE;
        b.exitLeaves.put(id, qty);
        b.pendingExitQty += qty;
        gate.submit(new OrderCommand.Submit(o), now);
        String what = "market reduce-only " + side + " " + Fixed.format(qty) + " " + b.instrument.symbol() + " (" + id
                + "); protective stop " + b.stopId + " stays until flat";
        journal.breaker(new Journal.BreakerEntry(now, "oms", "FLATTEN_ORDER", what));
        step(now, what);
        if (!haltedVenues.isEmpty()) {
            waiting("market halted at " + haltedVenues);
        }
    }

    /** Journals (as an alert) that the flatten cannot complete while the market is halted. */
    private void waiting(String why) {
        String what = why + ": the flatten order waits for the market to trade again; trading stays HALTED,"
                + " protective stops stay, no exit until flat";
        journal.breaker(new Journal.BreakerEntry(now, "oms", "FLATTEN_WAITING", what));
        step(now, what);
    }

    /**
     * Confirms flat once the fills say flat, the venue agrees, no flatten order and no purged entry is still
     * working; only then are the remaining orders of the instrument (the bracket children) cancelled.
     */
    private void progressFlatten(Book b) {
        if (!b.flattening) {
            return;
        }
        String sym = b.instrument.symbol();
        VenueView v = venueView();
        if (b.venuePurgePending && v != null) {
            List<WorkingOrder> listed = v.openOrders(sym);
            if (listed == null) {
                venueUnknown(b, "the purge of entry orders working at the venue");
            } else {
                b.venuePurgePending = false;
                Set<String> purge = new TreeSet<>();
                for (WorkingOrder w : listed) {
                    if (!w.order().reduceOnly() && !b.purged.contains(w.order().clientOrderId())) {
                        purge.add(w.order().clientOrderId());
                        working.putIfAbsent(w.order().clientOrderId(), w.order());
                    }
                }
                for (String id : purge) {
                    gate.submit(new OrderCommand.Cancel(sym, id), now);
                    b.purged.add(id);
                }
                String what = "the venue's open orders of " + sym + " readable again; cancelled its entry orders " + purge;
                journal.breaker(new Journal.BreakerEntry(now, "oms", "PURGE_ENTRIES", what));
                step(now, what);
            }
        }
        if (b.position != 0) {
            return;
        }
        if (b.flattenOrderId != null && working.containsKey(b.flattenOrderId)) {
            return;
        }
        for (String id : b.purged) {
            if (working.containsKey(id)) {
                return;
            }
        }
        long venuePos = v == null ? 0 : v.position(sym);
        if (venuePos != 0) {
            if (b.flattenRetryAt == Long.MAX_VALUE) {
                // the book is flat, the venue is not: close the venue's position too, with the flatten's back-off
                b.flattenAttempts++;
                long backoff = Math.min(MAX_BACKOFF, 1_000_000_000L << Math.min(6, b.flattenAttempts - 1));
                b.flattenRetryAt = now + backoff;
                journal.breaker(new Journal.BreakerEntry(now, "oms", "FLATTEN_RETRY", sym + ": flat by the fills seen, the venue"
                        + " still holds " + Fixed.format(venuePos) + "; protective stop kept, flatten again in "
                        + backoff / 1_000_000_000L + " s"));
            }
            return;
        }
        if (b.venuePurgePending) {
            return;
        }
        confirmFlat(b, v);
    }

    /** Journals (once per flatten, counted every time) that a flatten step waits because the venue could not be asked. */
    private void venueUnknown(Book b, String what) {
        journal.count("oms: flatten steps deferred: the venue's open orders unknown", 1);
        if (!b.venueUnknownNoted) {
            b.venueUnknownNoted = true;
            String line = b.instrument.symbol() + ": the venue's open orders could not be read for " + what
                    + "; not taken as none: flat is not confirmed and no order is forgotten until the venue answers";
            journal.breaker(new Journal.BreakerEntry(now, "oms", "VENUE_UNKNOWN", line));
            step(now, line);
        }
    }

    private void confirmFlat(Book b, VenueView v) {
        String sym = b.instrument.symbol();
        List<WorkingOrder> listed = v == null ? null : v.openOrders(sym);
        if (v != null && listed == null) {
            venueUnknown(b, "flat confirmation");
            return;
        }
        // a protective exit cancels only its own trade's orders and those that worked when it began; a breaker
        // flatten (trading halted, nothing new can leave) everything of the symbol
        Set<String> scope = flattened ? null : b.flattenScope;
        b.flattening = false;
        b.flattenOrderId = null;
        b.flattenRetryAt = Long.MAX_VALUE;
        b.purged.clear();
        b.flattenScope = null;
        b.venueUnknownNoted = false;
        Set<String> ids = new TreeSet<>();
        if (listed != null) {
            // what the venue no longer lists has ended (its answer was lost, e.g. during a disconnect)
            listed.forEach(w -> ids.add(w.order().clientOrderId()));
            working.entrySet().removeIf(en -> en.getValue().symbol().equals(sym) && !ids.contains(en.getKey())
                    && (scope == null || scope.contains(en.getKey())));
        }
        Set<String> leftovers = new LinkedHashSet<>();
        if (b.stopId != null && b.stopLive && (listed == null || ids.contains(b.stopId))
                && (scope == null || scope.contains(b.stopId))) {
            leftovers.add(b.stopId);
        }
        if (b.targetId != null && b.targetLive && (listed == null || ids.contains(b.targetId))
                && (scope == null || scope.contains(b.targetId))) {
            leftovers.add(b.targetId);
        }
        for (Order o : working.values()) {
            if (o.symbol().equals(sym) && (scope == null || scope.contains(o.clientOrderId()))) {
                leftovers.add(o.clientOrderId());
            }
        }
        if (listed != null) {
            for (WorkingOrder w : listed) {
                if (scope == null || scope.contains(w.order().clientOrderId())) {
                    leftovers.add(w.order().clientOrderId());
                    working.putIfAbsent(w.order().clientOrderId(), w.order());
                }
            }
        }
        for (String id : leftovers) {
            gate.submit(new OrderCommand.Cancel(sym, id), now);
        }
        String what = sym + " flat confirmed by the venue" + (leftovers.isEmpty() ? "" : "; then cancelled " + leftovers);
        journal.breaker(new Journal.BreakerEntry(now, "oms", "FLAT_CONFIRMED", what));
        step(now, what);
    }

    private void step(long ts, String what) {
        flattenSteps.add(ts + " " + what);
    }

    /**
     * Whether a breaker's flatten is done and confirmed: every symbol flat by its fills and at the venue, no
     * flatten in progress, and no order of any traded symbol still working (the purged entries and the
     * cancelled bracket children have all ended). Only then may a live process terminate.
     */
    public boolean flattenComplete() {
        if (!flattened) {
            return false;
        }
        VenueView v = venueView();
        for (Book b : books.values()) {
            if (b.flattening || b.position != 0) {
                return false;
            }
            if (v != null && v.position(b.instrument.symbol()) != 0) {
                return false;
            }
        }
        for (Order o : working.values()) {
            if (books.containsKey(o.symbol())) {
                return false;
            }
        }
        if (completedAt == Long.MIN_VALUE) {
            completedAt = now;
            step(now, "flatten complete: flat at the venue, no order of " + books.keySet() + " working");
        }
        return true;
    }

    /**
     * What tripped the flatten (the first FLATTEN action), when, and the flatten's orders, cancels and fills so far;
     * null when no breaker asked for a flatten. {@code completedAt} is {@link Long#MIN_VALUE} until
     * {@link #flattenComplete()} has seen the flatten done.
     */
    public HaltReport haltReport() {
        if (trippedBy == null) {
            return null;
        }
        return new HaltReport(trippedBy.breaker(), trippedBy.reason(), trippedBy.tsEvent(), completedAt, List.copyOf(flattenSteps));
    }

    /** Orders of traded symbols that left (or were found at the venue) and have not ended, by client id. */
    public List<String> workingOrderIds() {
        return List.copyOf(working.keySet());
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
            recoverFills(b, sessions.apply(b.instrument.symbol()));
        }
        for (Book b : books.values()) {
            String sym = b.instrument.symbol();
            ExecutionVenue.Session s = sessions.apply(sym);
            // orders the venue no longer lists ended while their answers were lost: forget them
            Set<String> listed = new TreeSet<>();
            s.openOrders().forEach(w -> listed.add(w.order().clientOrderId()));
            working.entrySet().removeIf(en -> en.getValue().symbol().equals(sym) && !listed.contains(en.getKey()));
            if (b.targetId != null && !listed.contains(b.targetId)) {
                b.targetLive = false;
            }
            if (b.stopId != null && !listed.contains(b.stopId)) {
                b.stopLive = false;
            }
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
                if (b.position == 0) {
                    // a position this process did not open (a restart): book it as a trade opened now at the venue's average
                    b.openedAt = now;
                    b.parts = new ArrayList<>();
                    b.grossPnl = 0;
                    b.fees = 0;
                    b.rWeighted = 0;
                    b.tradeTicket = null;
                    b.initialStop = 0;
                    b.target = 0;
                    b.parts.add(new Journal.TradePart(tradeId(b), "entry", now, venueAvg, Math.abs(venueQty), 0,
                            "reconciled: adopted from the venue", 0.0));
                }
                b.position = venueQty;
                b.avgPrice = venueAvg;
                b.maxQty = Math.max(b.maxQty, Math.abs(venueQty));
            }
            if (b.position == 0) {
                continue;
            }
            Side closing = b.position > 0 ? Side.SELL : Side.BUY;
            long covered = 0;
            WorkingOrder resting = null;
            for (var w : s.openOrders()) {
                Order o = w.order();
                working.putIfAbsent(o.clientOrderId(), o);
                if (o.symbol().equals(sym) && o.side() == closing
                        && (o.type() == OrderType.STOP || o.type() == OrderType.STOP_LIMIT)) {
                    covered += o.quantity() - w.filledQuantity();
                    resting = resting == null ? w : resting;
                }
            }
            if (resting != null && (b.stopId == null || !tags.containsKey(b.stopId) || !b.stopLive)) {
                // a stop resting at the venue that this process did not place (a restart): it is the position's
                // protective stop from now on, so its fill is booked as a stop and it is never cancelled while open
                Order o = resting.order();
                tags.put(o.clientOrderId(), new Tag(sym, Role.STOP, "stop"));
                b.stopId = o.clientOrderId();
                b.stopPrice = o.stopPrice();
                b.stopLive = true;
                if (b.initialStop == 0) {
                    b.initialStop = o.stopPrice();
                }
                journal.breaker(new Journal.BreakerEntry(now, "oms", "RECONCILE", sym + ": adopted the stop " + o.clientOrderId()
                        + " resting at " + Fixed.format(o.stopPrice()) + " as the protective stop of the position "
                        + Fixed.format(b.position)));
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

    /**
     * Hands on the fills of a symbol the venue reports that this manager did not see (they happened while the
     * link was down): to itself and to the breakers, whose loss counters must count them. Only fills after the
     * last one seen: a fresh process has no history to complete and adopts the venue's position instead.
     */
    private void recoverFills(Book b, ExecutionVenue.Session s) {
        if (lastFillTs == Long.MIN_VALUE) {
            return;
        }
        String sym = b.instrument.symbol();
        Set<String> open = new TreeSet<>();
        s.openOrders().forEach(w -> open.add(w.order().clientOrderId()));
        Map<String, Integer> seen = new HashMap<>(seenFills);
        recoveredFills.forEach((k, n) -> seen.merge(k, n, Integer::sum));
        List<OrderEvent> missed = new ArrayList<>();
        Map<String, Long> filledSoFar = new TreeMap<>();
        for (Execution x : s.executionsSince(lastFillTs)) {
            if (!x.symbol().equals(sym) || take(seen, fillKey(x.clientOrderId(), x.tsEvent(), x.price(), x.quantity()))) {
                continue;
            }
            long cum = filledSoFar.merge(x.clientOrderId(), x.quantity(), Long::sum);
            Order o = working.get(x.clientOrderId());
            long leaves = o == null || !open.contains(x.clientOrderId()) ? 0 : Math.max(0, o.quantity() - cum);
            missed.add(new OrderEvent(venueOf(s), x.symbol(), x.tsEvent(), now, 0, x.clientOrderId(), null,
                    leaves == 0 ? OrderEvent.Kind.FILLED : OrderEvent.Kind.PARTIALLY_FILLED, x.side(), x.price(), x.quantity(),
                    leaves, x.fee(), RECOVERED + " (execution " + x.executionId() + ")"));
        }
        for (OrderEvent oe : missed) {
            journal.breaker(new Journal.BreakerEntry(now, "oms", "RECOVERED_FILL", sym + ": " + oe.clientOrderId() + " "
                    + oe.side() + " " + Fixed.format(oe.fillQty()) + " @ " + Fixed.format(oe.fillPrice())
                    + " filled while the link was down; booked and shown to the breakers"));
            onOrderEvent(oe);
            observe(oe);
        }
    }

    private static String fillKey(String clientOrderId, long tsEvent, long price, long qty) {
        return clientOrderId + "|" + tsEvent + "|" + price + "|" + qty;
    }

    /** Takes one count of {@code key} from a multiset; false when there is none. */
    private static boolean take(Map<String, Integer> counts, String key) {
        Integer n = counts.get(key);
        if (n == null || n == 0) {
            return false;
        }
        if (n == 1) {
            counts.remove(key);
        } else {
            counts.put(key, n - 1);
        }
        return true;
    }

    private static String venueOf(ExecutionVenue.Session s) {
        return s instanceof dev.flof.host.venue.SimulatedVenue sim ? sim.config().venueId() : "";
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
