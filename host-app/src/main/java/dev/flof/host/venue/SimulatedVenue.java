package dev.flof.host.venue;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.DepthSnapshot;
import dev.flof.spi.event.DepthSnapshot.Level;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.EventSink;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.OrderEvent.Kind;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.Position;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * A deterministic simulated execution venue: the backtest's stand-in for CME (through IB) or Binance. It
 * exists so that the engine's orders, including the protective brackets the circuit breakers rely on, are
 * filled the way the real venue would fill them, and never more kindly.
 *
 * <h2>How a backtest drives it</h2>
 * Feed every market event in replay order ({@code tsRecv}, then sequence) through {@link #onEvent} (or the
 * typed {@code onTrade/onQuote/onDepth/onBar}) <em>before</em> dispatching the same event to the engine, and
 * send commands with {@link #send}. The venue's clock is the {@code tsRecv} of the last event it was given
 * (or {@link #advanceTo}); it never reads a wall clock and starts no thread. Order events are published to
 * the sink when the clock reaches their {@code tsRecv}, in {@code tsRecv} order, numbered by a venue sequence.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li><b>Latency.</b> A command sent at clock {@code t} reaches the matching engine at
 *       {@code t + sendLatency} and takes effect at the first market event with {@code tsEvent} at or after
 *       that time, against the book as it stood before that event. Every venue answer carries
 *       {@code tsEvent} = when it happened at the venue and {@code tsRecv = tsEvent + ackLatency}.</li>
 *   <li><b>Market orders</b> fill at arrival against the opposite side: walking the last depth snapshot
 *       (the quantity beyond the deepest visible level fills one tick worse than it), or at the best
 *       bid/ask of the last quote plus {@code slippageTicks}; without any book they fill at the next print
 *       plus {@code slippageTicks}. They are not limited by displayed size except when walking depth.</li>
 *   <li><b>Limit orders</b> marketable at arrival take liquidity like a market order but never beyond their
 *       limit; the rest rests. A resting limit fills only when a print goes through its price (a touch fills
 *       only under {@link QueueModel#QUEUE_POSITION}, after the volume queued ahead has traded), at its
 *       limit price, as maker, limited by the print's size; several resting orders share one print's size in
 *       price-time priority. Quotes never fill resting limits.</li>
 *   <li><b>Stops</b> trigger on the first print at or through the stop price and fill at that print or worse
 *       (the worse of the print and the book, plus slippage); a gap therefore fills at the gap price, never
 *       at the stop price. A stop-limit triggers the same way and fills only within its limit; skipped by a
 *       gap it reports {@code TRIGGERED} and rests as a limit.</li>
 *   <li><b>Bars only</b> (a symbol for which no trade or quote was ever seen): each bar is replayed as prints
 *       on the path open, the nearer of high/low to the open (high on a tie), the other, close, all stamped
 *       with the bar's close time. The move from the previous close to the open is a gap (stops fill at the
 *       open); moves within the bar are continuous (a stop inside a leg fills at its stop price, plus
 *       slippage). The bar's volume is split evenly over the four path points for limit fills (volume 0 =
 *       unlimited). Only the finest timeframe seen for a symbol is used; bars of a symbol that has ticks are
 *       ignored and counted.</li>
 *   <li><b>Brackets</b>: the stop and target are accepted with the entry but stay dormant until the entry
 *       fills; they always work the entry's filled quantity minus what the children already closed (so a
 *       partial entry fill is protected at once). A child fill reduces its sibling; when a child closes all
 *       that was filled, the sibling is cancelled (OCO) and so is any unfilled remainder of the entry. An
 *       entry cancelled before any fill cancels its children. Children are reduce-only; a child clipped by a
 *       position that other exits already reduced to zero also ends the bracket. A target activated when the
 *       price is already beyond it fills at its limit on the next print through it (no price improvement).</li>
 *   <li><b>Triggers come from prints only</b> (trades, or a bar's path): a quote-only tape never triggers a
 *       stop, so feed trades (the TAPE tier) or bars.</li>
 *   <li><b>Halts</b> ({@link VenueStatus} HALTED/RESUMED for this venue): nothing matches while halted;
 *       orders are accepted and cancelled; market orders wait for the first print after the halt.</li>
 *   <li><b>Reduce-only</b> orders are rejected when there is no opposite position, clipped to the position
 *       when they fill, and their remainder is cancelled once the position is flat: they never flip it.</li>
 *   <li><b>Account</b>: positions netted per symbol with an average price; realized P&amp;L gross, fees per
 *       fill from the instrument's {@link FeeModel}; unrealized P&amp;L marked at the last print; initial margin
 *       from the instrument's {@link MarginModel}, checked when an exposure-adding order arrives.</li>
 *   <li>{@code DAY} orders live until the caller, who knows the trading calendar, calls
 *       {@link #expireDayOrders}; {@code IOC} remainders expire at once.</li>
 * </ul>
 */
public final class SimulatedVenue implements ExecutionVenue.Session {
    private enum Role { SINGLE, ENTRY, STOP, TARGET }

    private enum State { WORKING, DORMANT, DONE }

    private static final long UNLIMITED = Long.MAX_VALUE;

    private final VenueConfig config;
    private final EventSink sink;
    private final LongSupplier engineClock;
    private final Map<String, SymbolState> symbols = new TreeMap<>();
    /** Lookup only; never iterated, so its order cannot leak into outputs. */
    private final Map<String, SimOrder> ordersById = new HashMap<>();
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final List<OrderEvent> outbox = new ArrayList<>();
    private final List<Execution> executions = new ArrayList<>();
    private long clock;
    private long eventSeq;
    private long venueOrderSeq;
    private long executionSeq;
    private long prioritySeq;
    private long realizedPnl;
    private long feesPaid;
    private long funding;
    private long ignoredBars;
    private long droppedEvents;
    private boolean closed;
    private boolean halted;

    /**
     * @param instruments the instruments this venue trades, with their fees and margin; orders for any other
     *                    symbol are rejected and market events for other symbols only advance the clock
     * @param sink        where order events go (the kernel's queue in a backtest)
     */
    public SimulatedVenue(VenueConfig config, Collection<InstrumentTerms> instruments, EventSink sink) {
        this(config, instruments, sink, null);
    }

    /**
     * @param engineClock the backtest kernel's simulated clock, or null. When given, {@link #send} fails if
     *                    the engine is ahead of the venue: the venue was fed an event after the engine had
     *                    already reacted to it, which would let an order act on the book before that event
     *                    (look-ahead). Do not pass a wall clock (paper trading): market data lags it.
     */
    public SimulatedVenue(VenueConfig config, Collection<InstrumentTerms> instruments, EventSink sink,
                          LongSupplier engineClock) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.engineClock = engineClock;
        for (InstrumentTerms t : instruments) {
            if (symbols.put(t.instrument().symbol(), new SymbolState(t)) != null) {
                throw new IllegalArgumentException("instrument " + t.instrument().symbol()
                        + " given twice to simulated venue " + config.venueId());
            }
        }
    }

    public VenueConfig config() {
        return config;
    }

    /** The venue's clock: the latest {@code tsRecv} it has seen, ns. */
    public long now() {
        return clock;
    }

    // ------------------------------------------------------------------ market data

    /**
     * Dispatches a market event (trade, quote, depth, bar); a timer only advances the clock; this venue's
     * {@code HALTED}/{@code RESUMED} status halts or resumes matching; other events are ignored.
     */
    public void onEvent(Event event) {
        switch (event) {
            case Trade t -> onTrade(t);
            case Quote q -> onQuote(q);
            case DepthSnapshot d -> onDepth(d);
            case Bar b -> onBar(b);
            case TimerEvent t -> advanceTo(t.tsRecv());
            case VenueStatus v -> onVenueStatus(v);
            default -> {
            }
        }
    }

    public void onTrade(Trade trade) {
        SymbolState s = begin(trade.symbol(), trade.tsEvent(), trade.tsRecv());
        if (s != null) {
            s.sawTicks = true;
            if (!halted) {
                onPrint(s, trade.price(), new long[] {trade.size()}, trade.tsEvent());
            }
            s.lastPrint = trade.price();
        }
        release();
    }

    public void onQuote(Quote quote) {
        SymbolState s = begin(quote.symbol(), quote.tsEvent(), quote.tsRecv());
        if (s != null) {
            s.sawTicks = true;
            s.quote(quote.bidPrice(), quote.bidSize(), quote.askPrice(), quote.askSize());
            s.depth = false;
            serveWaitingTakers(s, quote.tsEvent());
        }
        release();
    }

    public void onDepth(DepthSnapshot depth) {
        SymbolState s = begin(depth.symbol(), depth.tsEvent(), depth.tsRecv());
        if (s != null) {
            s.sawTicks = true;
            s.bids = depth.bids();
            s.asks = depth.asks();
            s.depth = true;
            serveWaitingTakers(s, depth.tsEvent());
        }
        release();
    }

    /** Bars drive matching only for a symbol without ticks; see the class comment for the path. */
    public void onBar(Bar bar) {
        SymbolState s = begin(bar.symbol(), bar.tsEvent(), bar.tsRecv());
        if (s != null) {
            if (s.sawTicks || (s.barTimeframe != null && bar.timeframe().compareTo(s.barTimeframe) > 0)) {
                ignoredBars++;
            } else {
                s.barTimeframe = bar.timeframe();
                if (!halted) {
                    replayBar(s, bar);
                }
                s.lastPrint = bar.close();
            }
        }
        release();
    }

    /**
     * Expires every working {@code DAY} order of {@code symbol} (or all symbols for {@code "*"}) at the
     * session close {@code tsNanos}, as the exchange does; the caller knows the calendar. An unfilled bracket
     * entry takes its dormant children with it; a partly filled one leaves them protecting the filled part.
     */
    public void expireDayOrders(String symbol, long tsNanos) {
        clock = Math.max(clock, tsNanos);
        for (SymbolState s : symbols.values()) {
            if ("*".equals(symbol) || s.instrument.symbol().equals(symbol)) {
                for (SimOrder o : new ArrayList<>(s.orders)) {
                    if (o.order.tif() == TimeInForce.DAY && o.state != State.DONE) {
                        cancel(o, tsNanos, "DAY order expired at the session close", Kind.EXPIRED);
                    }
                }
            }
        }
        release();
    }

    /**
     * A trading halt at this venue (CME circuit breaker, Velocity Logic pause, Binance maintenance) starts or
     * ends. While halted, orders are still accepted, modified and cancelled, but nothing matches: prints and
     * quotes during the halt are ignored for matching, market and marketable orders wait for the first print
     * after the halt. Commands arriving before the status are applied first.
     */
    public void onVenueStatus(VenueStatus status) {
        begin("", status.tsEvent(), status.tsRecv());
        if (status.venue().equals(config.venueId())) {
            if (status.kind() == VenueStatus.Kind.HALTED) {
                halted = true;
            } else if (status.kind() == VenueStatus.Kind.RESUMED) {
                halted = false;
            }
        }
        release();
    }

    public boolean halted() {
        return halted;
    }

    /**
     * Advances the clock (e.g. on a timer): commands whose latency has passed reach the matching engine
     * (a real venue accepts a resting order without waiting for a print; it acts on the book as last known),
     * and the order events due by then are published.
     */
    public void advanceTo(long tsNanos) {
        clock = Math.max(clock, tsNanos);
        while (!inFlight.isEmpty() && inFlight.peekFirst().arrival() <= tsNanos) {
            InFlight f = inFlight.pollFirst();
            arrive(f.command(), f.arrival());
        }
        release();
    }

    /** The {@code tsRecv} of the next order event waiting to be published, or {@link Fixed#UNDEF}. */
    public long nextEventTime() {
        return outbox.isEmpty() ? Fixed.UNDEF : outbox.get(0).tsRecv();
    }

    /** Commands sent but not yet arrived at the matching engine. */
    public int commandsInFlight() {
        return inFlight.size();
    }

    /** Bars ignored because the symbol has ticks or a finer bar timeframe. */
    public long ignoredBars() {
        return ignoredBars;
    }

    /** Order events the sink refused. */
    public long droppedEvents() {
        return droppedEvents;
    }

    // ------------------------------------------------------------------ session

    @Override
    public void send(OrderCommand command) {
        Objects.requireNonNull(command, "command");
        if (closed) {
            throw new IllegalStateException("simulated venue " + config.venueId() + " is closed");
        }
        if (engineClock != null && engineClock.getAsLong() > clock) {
            throw new IllegalStateException("simulated venue " + config.venueId() + " is behind the engine (venue at "
                    + clock + " ns, engine at " + engineClock.getAsLong() + " ns): feed each event to the venue before"
                    + " the engine sees it, or orders would act on a book from before that event");
        }
        inFlight.addLast(new InFlight(Math.addExact(clock, config.sendLatencyNanos()), command));
    }

    /** Orders at the venue (arrived and not done), dormant bracket children included, by symbol then arrival. */
    @Override
    public List<WorkingOrder> openOrders() {
        List<WorkingOrder> out = new ArrayList<>();
        for (SymbolState s : symbols.values()) {
            for (SimOrder o : s.orders) {
                Order shown = o.order;
                if (o.isChild() && o.state == State.WORKING && o.filled + o.leaves() > 0) {
                    shown = o.order.withQuantity(o.filled + o.leaves());
                }
                out.add(new WorkingOrder(shown, o.venueOrderId, o.group == null ? null : o.group.id, o.filled));
            }
        }
        return out;
    }

    /** Open (non-flat) positions, by symbol. */
    @Override
    public List<Position> positions() {
        List<Position> out = null; // checked after every event: no list while flat
        for (SymbolState s : symbols.values()) {
            if (s.position != 0) {
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(new Position(config.venueId(), s.instrument.symbol(), s.position, s.avgPrice));
            }
        }
        return out == null ? List.of() : out;
    }

    /** Fills with {@code tsEvent >= tsNanos}, in the order they happened. */
    @Override
    public List<Execution> executionsSince(long tsNanos) {
        List<Execution> out = new ArrayList<>();
        for (Execution e : executions) {
            if (e.tsEvent() >= tsNanos) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The net position of one symbol (flat when unknown). */
    public Position position(String symbol) {
        SymbolState s = symbols.get(symbol);
        return new Position(config.venueId(), symbol, s == null ? 0 : s.position, s == null ? 0 : s.avgPrice);
    }

    public AccountSnapshot account() {
        long unrealized = 0;
        long margin = 0;
        for (SymbolState s : symbols.values()) {
            unrealized += unrealized(s);
            if (s.position != 0) {
                long mark = markPrice(s);
                margin += s.terms.margin().initialMargin(s.instrument, Math.abs(s.position), mark == Fixed.UNDEF ? s.avgPrice : mark);
            }
        }
        long balance = config.startingBalance() + realizedPnl - feesPaid + funding;
        return new AccountSnapshot(config.currency(), balance, realizedPnl, feesPaid, funding, unrealized,
                balance + unrealized, margin);
    }

    /**
     * Settles a perpetual's funding for the open position of {@code symbol}, when the run is configured to
     * model funding (otherwise it is ignored, as the issue asks). Payment = position x mark x point value x
     * rate: with a positive rate longs pay and shorts receive, as on Binance.
     *
     * @param rate fixed-point funding rate, e.g. {@code Fixed.parse("0.0001")} for 0.01 %
     * @param mark fixed-point mark price the venue settles at
     * @return the amount credited to the account (negative when paid)
     */
    public long applyFunding(String symbol, long rate, long mark, long tsNanos) {
        clock = Math.max(clock, tsNanos);
        SymbolState s = symbols.get(symbol);
        if (s == null || s.position == 0) {
            return 0;
        }
        long notional = Money.mul3(mark, s.position, s.instrument.pointValue());
        long credit = -Money.mul(notional, rate);
        funding += credit;
        return credit;
    }

    /**
     * Working, untriggered protective-stop quantity on {@code side} for a symbol (for {@link ProtectionInvariant} and
     * the trading loop's stop-escalation grace).
     */
    public long restingStopQuantity(String symbol, Side side) {
        SymbolState s = symbols.get(symbol);
        long q = 0;
        for (SimOrder o : s.orders) {
            if (o.state == State.WORKING && o.order.side() == side && o.untriggeredStop() && !o.awaitingPrice) {
                q += o.leaves();
            }
        }
        return q;
    }

    // ------------------------------------------------------------------ commands

    private SymbolState begin(String symbol, long tsEvent, long tsRecv) {
        clock = Math.max(clock, tsRecv);
        while (!inFlight.isEmpty() && inFlight.peekFirst().arrival() <= tsEvent) {
            InFlight f = inFlight.pollFirst();
            arrive(f.command(), f.arrival());
        }
        return symbols.get(symbol);
    }

    private void arrive(OrderCommand command, long ts) {
        switch (command) {
            case OrderCommand.Submit s -> submitSingle(s.order(), ts);
            case OrderCommand.SubmitBracket b -> submitBracket(b.bracket(), ts);
            case OrderCommand.Modify m -> modify(m, ts);
            case OrderCommand.Cancel c -> cancelRequest(c, ts);
            case OrderCommand.CancelAll a -> cancelAll(a, ts);
        }
    }

    private void submitSingle(Order order, long ts) {
        String problem = validate(order);
        SymbolState s = symbols.get(order.symbol());
        if (problem == null && order.reduceOnly() && reducible(order.side(), s.position) == 0) {
            problem = "reduce-only order would open or increase a position";
        }
        if (problem == null && !order.reduceOnly()) {
            problem = marginProblem(s, order, order.quantity());
        }
        if (problem != null) {
            reject(order, ts, problem);
            return;
        }
        SimOrder o = register(order, s, Role.SINGLE, null, State.WORKING);
        emit(o, Kind.ACCEPTED, ts, 0, 0, o.leaves(), 0, "");
        work(o, ts);
    }

    private void submitBracket(BracketOrder b, long ts) {
        Order entry = b.entry();
        String problem = validate(entry);
        for (Order child : children(b)) {
            if (problem == null) {
                problem = validate(child);
            }
            if (problem == null && !child.symbol().equals(entry.symbol())) {
                problem = "bracket child " + child.clientOrderId() + " is for another symbol";
            }
            if (problem == null && (child.clientOrderId().equals(entry.clientOrderId())
                    || (b.target() != null && b.stop().clientOrderId().equals(b.target().clientOrderId())))) {
                problem = "bracket orders need distinct clientOrderIds";
            }
        }
        SymbolState s = symbols.get(entry.symbol());
        if (problem == null && entry.reduceOnly() && reducible(entry.side(), s.position) == 0) {
            problem = "reduce-only order would open or increase a position";
        }
        if (problem == null && !entry.reduceOnly()) {
            problem = marginProblem(s, entry, entry.quantity());
        }
        if (problem != null) {
            reject(entry, ts, problem);
            for (Order child : children(b)) {
                reject(child, ts, "bracket " + b.groupId() + " rejected: " + problem);
            }
            return;
        }
        Group g = new Group(b.groupId());
        g.entry = register(entry, s, Role.ENTRY, g, State.WORKING);
        g.stop = register(b.stop(), s, Role.STOP, g, State.DORMANT);
        g.target = b.target() == null ? null : register(b.target(), s, Role.TARGET, g, State.DORMANT);
        emit(g.entry, Kind.ACCEPTED, ts, 0, 0, g.entry.leaves(), 0, "");
        emit(g.stop, Kind.ACCEPTED, ts, 0, 0, 0, 0, "dormant until the entry fills");
        if (g.target != null) {
            emit(g.target, Kind.ACCEPTED, ts, 0, 0, 0, 0, "dormant until the entry fills");
        }
        work(g.entry, ts);
    }

    private static List<Order> children(BracketOrder b) {
        return b.target() == null ? List.of(b.stop()) : List.of(b.stop(), b.target());
    }

    private String validate(Order order) {
        SymbolState s = symbols.get(order.symbol());
        if (s == null) {
            return "unknown symbol " + order.symbol() + " at venue " + config.venueId();
        }
        if (ordersById.containsKey(order.clientOrderId())) {
            return "duplicate clientOrderId " + order.clientOrderId();
        }
        if (order.quantity() % s.instrument.lotSize() != 0) {
            return "quantity " + Fixed.format(order.quantity()) + " is not a multiple of the lot size "
                    + Fixed.format(s.instrument.lotSize());
        }
        return priceProblem(s, order.type(), order.limitPrice(), order.stopPrice());
    }

    private static String priceProblem(SymbolState s, OrderType type, long limit, long stop) {
        boolean needsLimit = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
        boolean needsStop = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
        if (needsLimit && (limit <= 0 || !s.instrument.onTickGrid(limit))) {
            return "limit price " + Fixed.format(limit) + " is not a positive price on the tick grid "
                    + Fixed.format(s.instrument.tickSize());
        }
        if (needsStop && (stop <= 0 || !s.instrument.onTickGrid(stop))) {
            return "stop price " + Fixed.format(stop) + " is not a positive price on the tick grid "
                    + Fixed.format(s.instrument.tickSize());
        }
        return null;
    }

    private SimOrder register(Order order, SymbolState s, Role role, Group g, State state) {
        SimOrder o = new SimOrder(order, config.venueId() + "-" + (++venueOrderSeq), role, g, s);
        o.state = state;
        o.priority = ++prioritySeq;
        ordersById.put(order.clientOrderId(), o);
        s.orders.add(o);
        return o;
    }

    private void modify(OrderCommand.Modify m, long ts) {
        SimOrder o = ordersById.get(m.clientOrderId());
        if (o == null || o.state == State.DONE || !o.order.symbol().equals(m.symbol())) {
            emitRaw(m.symbol(), m.clientOrderId(), o == null ? null : o.venueOrderId, Kind.MODIFY_REJECTED,
                    o == null ? Side.NONE : o.order.side(), ts, 0, 0, 0, 0, "unknown or closed order");
            return;
        }
        Order cur = o.order;
        long qty = m.newQuantity() == 0 ? cur.quantity() : m.newQuantity();
        long limit = m.newLimitPrice() == 0 ? cur.limitPrice() : m.newLimitPrice();
        long stop = m.newStopPrice() == 0 ? cur.stopPrice() : m.newStopPrice();
        String problem = null;
        if (qty < 0 || qty % o.sym.instrument.lotSize() != 0) {
            problem = "quantity " + Fixed.format(qty) + " is not a positive multiple of the lot size";
        } else if (qty <= o.filled) {
            problem = "new quantity " + Fixed.format(qty) + " does not exceed the filled " + Fixed.format(o.filled);
        } else if (m.newLimitPrice() != 0 && cur.type() != OrderType.LIMIT && cur.type() != OrderType.STOP_LIMIT) {
            problem = "a " + cur.type() + " order has no limit price";
        } else if (m.newStopPrice() != 0 && cur.type() != OrderType.STOP && cur.type() != OrderType.STOP_LIMIT) {
            problem = "a " + cur.type() + " order has no stop price";
        } else {
            problem = priceProblem(o.sym, cur.type(), limit, stop);
        }
        if (problem == null && qty > cur.quantity() && !o.reducing()) {
            problem = marginProblem(o.sym, cur, qty - cur.quantity());
        }
        if (problem != null) {
            emit(o, Kind.MODIFY_REJECTED, ts, 0, 0, o.leaves(), 0, problem);
            return;
        }
        boolean priceChanged = limit != cur.limitPrice() || stop != cur.stopPrice();
        o.order = new Order(cur.clientOrderId(), cur.symbol(), cur.side(), cur.type(), qty, limit, stop, cur.tif(),
                cur.reduceOnly());
        if (priceChanged || qty > cur.quantity()) {
            o.priority = ++prioritySeq; // loses its place in the queue, as at CME and Binance
        }
        if (priceChanged) {
            o.queueAhead = queueAhead(o);
        }
        emit(o, Kind.MODIFIED, ts, 0, 0, o.leaves(), 0, "");
        if (o.state == State.WORKING && !o.awaitingPrice && o.restingLimit() && priceChanged) {
            takeIfMarketable(o, ts);
        }
    }

    private void cancelRequest(OrderCommand.Cancel c, long ts) {
        SimOrder o = ordersById.get(c.clientOrderId());
        if (o == null || o.state == State.DONE || !o.order.symbol().equals(c.symbol())) {
            emitRaw(c.symbol(), c.clientOrderId(), o == null ? null : o.venueOrderId, Kind.CANCEL_REJECTED,
                    o == null ? Side.NONE : o.order.side(), ts, 0, 0, 0, 0, "unknown or closed order");
            return;
        }
        cancel(o, ts, "cancelled on request", Kind.CANCELLED);
    }

    private void cancelAll(OrderCommand.CancelAll a, long ts) {
        for (SymbolState s : symbols.values()) {
            if ("*".equals(a.symbol()) || s.instrument.symbol().equals(a.symbol())) {
                for (SimOrder o : new ArrayList<>(s.orders)) {
                    cancel(o, ts, "cancel-all", Kind.CANCELLED);
                }
            }
        }
    }

    // ------------------------------------------------------------------ matching

    /** Puts a just-accepted order to work: market takes, limits take what is marketable then rest, stops wait. */
    private void work(SimOrder o, long ts) {
        switch (o.order.type()) {
            case MARKET -> {
                if (halted || bookSide(o).isEmpty()) {
                    o.awaitingPrice = true;
                } else {
                    bookFill(o, ts, Fixed.UNDEF);
                }
            }
            case LIMIT -> {
                o.queueAhead = queueAhead(o);
                takeIfMarketable(o, ts);
            }
            case STOP, STOP_LIMIT -> {
            }
        }
    }

    /** A resting limit (new, modified or just triggered) that crosses the book takes liquidity up to its limit. */
    private void takeIfMarketable(SimOrder o, long ts) {
        boolean buy = o.order.side() == Side.BUY;
        if (halted) {
            o.awaitingPrice = true; // the first print after the halt decides whether it takes or rests
            return;
        }
        List<Level> book = bookSide(o);
        if (!book.isEmpty()) {
            if (within(buy, book.get(0).price(), o.order.limitPrice())) {
                bookFill(o, ts, Fixed.UNDEF);
            }
        } else if (o.sym.lastPrint != Fixed.UNDEF && within(buy, o.sym.lastPrint, o.order.limitPrice())) {
            o.awaitingPrice = true; // no book: take at the next print if it is still within the limit
            return;
        }
        expireIfIoc(o, ts);
    }

    private void expireIfIoc(SimOrder o, long ts) {
        if (o.order.tif() == TimeInForce.IOC && o.state == State.WORKING && o.leaves() > 0) {
            cancel(o, ts, "IOC remainder", Kind.EXPIRED);
        }
    }

    private List<Level> bookSide(SimOrder o) {
        return o.order.side() == Side.BUY ? o.sym.asks() : o.sym.bids();
    }

    /**
     * Takes liquidity from the book for {@code o}: walks depth level by level (beyond the deepest level one
     * tick worse), or fills at top of book plus slippage. {@code floor} is a print the price may not be
     * better than (a triggering stop's print), or UNDEF.
     */
    private void bookFill(SimOrder o, long ts, long floor) {
        SymbolState s = o.sym;
        boolean buy = o.order.side() == Side.BUY;
        boolean limited = o.order.type() == OrderType.LIMIT || o.order.type() == OrderType.STOP_LIMIT;
        long limit = o.order.limitPrice();
        List<Level> levels = bookSide(o);
        if (s.depth) {
            long deepest = Fixed.UNDEF;
            for (Level l : levels) {
                if (o.state != State.WORKING || o.leaves() == 0) {
                    return;
                }
                long px = worse(buy, l.price(), floor);
                if (limited && !within(buy, px, limit)) {
                    return;
                }
                if (l.size() > 0) {
                    fill(o, px, Math.min(o.leaves(), l.size()), false, ts);
                }
                deepest = l.price();
            }
            if (o.state == State.WORKING && o.leaves() > 0 && deepest != Fixed.UNDEF) {
                long px = worse(buy, deepest + (buy ? 1 : -1) * s.instrument.tickSize(), floor);
                if (!limited || within(buy, px, limit)) {
                    fill(o, px, o.leaves(), false, ts);
                }
            }
        } else {
            long base = worse(buy, levels.get(0).price(), floor);
            if (limited && !within(buy, base, limit)) {
                return;
            }
            long px = slip(s, buy, base);
            if (limited) {
                px = buy ? Math.min(px, limit) : Math.max(px, limit);
            }
            fill(o, px, o.leaves(), false, ts);
        }
    }

    /** Orders waiting for a price because there was no book at arrival take from a newly arrived quote/depth. */
    private void serveWaitingTakers(SymbolState s, long ts) {
        if (s.orders.isEmpty() || halted) {
            return;
        }
        for (SimOrder o : new ArrayList<>(s.orders)) {
            if (o.state == State.WORKING && o.awaitingPrice && !bookSide(o).isEmpty()) {
                o.awaitingPrice = false;
                if (o.order.type() == OrderType.MARKET) {
                    bookFill(o, ts, Fixed.UNDEF);
                } else {
                    takeIfMarketable(o, ts);
                }
            }
        }
    }

    /**
     * One print (a trade, or a point on a bar's path): waiting takers fill, resting limits traded through
     * fill from the print's size ({@code liquidity[0]}, consumed), stops trigger. Repeats while something
     * happened, so bracket children activated by this print are checked against it too.
     */
    private void onPrint(SymbolState s, long price, long[] liquidity, long ts) {
        boolean progress = anythingActsAt(s, price);
        while (progress) {
            progress = false;
            for (SimOrder o : new ArrayList<>(s.orders)) {
                if (o.state == State.WORKING && o.awaitingPrice) {
                    takeAtPrint(o, price, ts);
                    progress = true;
                }
            }
            // resting limits the print went through traded on the way to it, before stops triggered at it
            progress |= fillRestingLimits(s, price, liquidity, ts, Side.BUY);
            progress |= fillRestingLimits(s, price, liquidity, ts, Side.SELL);
            for (SimOrder o : new ArrayList<>(s.orders)) {
                if (o.state == State.WORKING && o.untriggeredStop() && o.leaves() > 0 && triggers(o, price)) {
                    trigger(o, price, ts);
                    progress = true;
                }
            }
        }
    }

    /** Cheap pre-check without allocation: most prints touch no order (the hot path of a long replay). */
    private boolean anythingActsAt(SymbolState s, long price) {
        boolean queue = config.queueModel() == QueueModel.QUEUE_POSITION;
        for (SimOrder o : s.orders) {
            if (o.state != State.WORKING) {
                continue;
            }
            if (o.awaitingPrice) {
                return true;
            }
            if (o.untriggeredStop()) {
                if (triggers(o, price)) {
                    return true;
                }
            } else if (o.restingLimit()) {
                long limit = o.order.limitPrice();
                if ((o.order.side() == Side.BUY ? price < limit : price > limit) || (queue && price == limit)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A buy stop triggers on a print at or above its stop price, a sell stop at or below. */
    private static boolean triggers(SimOrder o, long print) {
        return o.order.side() == Side.BUY ? print >= o.order.stopPrice() : print <= o.order.stopPrice();
    }

    private void takeAtPrint(SimOrder o, long price, long ts) {
        o.awaitingPrice = false;
        boolean buy = o.order.side() == Side.BUY;
        long px = slip(o.sym, buy, price);
        if (o.order.type() != OrderType.MARKET) {
            if (!within(buy, price, o.order.limitPrice())) {
                expireIfIoc(o, ts); // not marketable any more: rests
                return;
            }
            px = buy ? Math.min(px, o.order.limitPrice()) : Math.max(px, o.order.limitPrice());
        }
        fill(o, px, o.leaves(), false, ts);
        expireIfIoc(o, ts);
    }

    private void trigger(SimOrder o, long print, long ts) {
        o.triggered = true;
        emit(o, Kind.TRIGGERED, ts, 0, 0, o.leaves(), 0, "triggered by print " + Fixed.format(print));
        boolean buy = o.order.side() == Side.BUY;
        if (o.order.type() == OrderType.STOP_LIMIT) {
            o.queueAhead = queueAhead(o);
            if (!within(buy, print, o.order.limitPrice())) {
                return; // skipped by a gap: rests as a limit
            }
        }
        if (!bookSide(o).isEmpty()) {
            bookFill(o, ts, print);
        } else {
            long px = slip(o.sym, buy, print);
            if (o.order.type() == OrderType.STOP_LIMIT) {
                px = buy ? Math.min(px, o.order.limitPrice()) : Math.max(px, o.order.limitPrice());
            }
            fill(o, px, o.leaves(), false, ts);
        }
    }

    private boolean fillRestingLimits(SymbolState s, long price, long[] liquidity, long ts, Side side) {
        boolean buy = side == Side.BUY;
        List<SimOrder> resting = new ArrayList<>();
        for (SimOrder o : s.orders) {
            if (o.state == State.WORKING && !o.awaitingPrice && o.order.side() == side && o.restingLimit() && o.leaves() > 0) {
                resting.add(o);
            }
        }
        if (resting.isEmpty()) {
            return false;
        }
        Comparator<SimOrder> byPrice = Comparator.comparingLong(o -> o.order.limitPrice());
        resting.sort((buy ? byPrice.reversed() : byPrice).thenComparingLong(o -> o.priority));
        boolean progress = false;
        for (SimOrder o : resting) {
            if (liquidity[0] <= 0 || o.state != State.WORKING) {
                continue;
            }
            long limit = o.order.limitPrice();
            boolean through = buy ? price < limit : price > limit;
            boolean touch = price == limit && config.queueModel() == QueueModel.QUEUE_POSITION;
            if (!through && !touch) {
                continue;
            }
            if (!through) {
                long used = Math.min(o.queueAhead, liquidity[0]);
                o.queueAhead -= used;
                consume(liquidity, used);
            }
            long q = Math.min(o.leaves(), liquidity[0]);
            q -= q % s.instrument.lotSize(); // a bar's volume share need not be a whole lot
            if (q > 0) {
                long done = fill(o, limit, q, true, ts);
                consume(liquidity, done);
                progress |= done > 0;
            }
        }
        return progress;
    }

    private static void consume(long[] liquidity, long used) {
        if (liquidity[0] != UNLIMITED) {
            liquidity[0] -= used;
        }
    }

    private void replayBar(SymbolState s, Bar bar) {
        long ts = bar.tsEvent();
        long v = bar.volume();
        long quarter = v / 4;
        long[] legs = v == 0 ? new long[] {UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED}
                : new long[] {quarter, quarter, quarter, v - 3 * quarter};
        boolean highFirst = bar.high() - bar.open() <= bar.open() - bar.low();
        long first = highFirst ? bar.high() : bar.low();
        long second = highFirst ? bar.low() : bar.high();
        onPrint(s, bar.open(), new long[] {legs[0]}, ts); // the open: a gap from the previous close
        s.lastPrint = bar.open();
        moveTo(s, first, new long[] {legs[1]}, ts);
        moveTo(s, second, new long[] {legs[2]}, ts);
        moveTo(s, bar.close(), new long[] {legs[3]}, ts);
    }

    /** A continuous move: prints at every price where a working order would act, then at the target. */
    private void moveTo(SymbolState s, long target, long[] liquidity, long ts) {
        long cur = s.lastPrint;
        while (cur != target) {
            boolean up = target > cur;
            long next = target;
            for (SimOrder o : s.orders) {
                if (o.state != State.WORKING) {
                    continue;
                }
                long tick = s.instrument.tickSize();
                long[] interest = o.untriggeredStop() ? new long[] {o.order.stopPrice()}
                        : o.restingLimit() ? new long[] {o.order.limitPrice(),
                                o.order.limitPrice() + (o.order.side() == Side.BUY ? -tick : tick)}
                        : new long[0];
                for (long c : interest) {
                    if (up ? c > cur && c < next : c < cur && c > next) {
                        next = c;
                    }
                }
            }
            onPrint(s, next, liquidity, ts);
            s.lastPrint = next;
            cur = next;
        }
    }

    // ------------------------------------------------------------------ fills, positions, brackets

    /** Fills up to {@code qty} of {@code o}; returns the quantity actually filled (reduce-only may clip it). */
    private long fill(SimOrder o, long price, long qty, boolean maker, long ts) {
        SymbolState s = o.sym;
        Side side = o.order.side();
        if (o.reducing()) {
            long allowed = reducible(side, s.position);
            if (allowed == 0) {
                cancel(o, ts, "reduce-only: no opposite position left to reduce", Kind.CANCELLED);
                return 0;
            }
            qty = Math.min(qty, allowed);
        }
        if (qty <= 0) {
            return 0;
        }
        long fee = s.terms.fees().fee(s.instrument, price, qty, maker);
        applyToPosition(s, side, price, qty);
        feesPaid += fee;
        o.filled += qty;
        executions.add(new Execution(config.venueId() + "-X" + (++executionSeq), o.order.clientOrderId(),
                s.instrument.symbol(), side, price, qty, fee, ts));
        Group g = o.group;
        if (o.role == Role.ENTRY) {
            for (SimOrder child : g.children()) {
                if (child.state == State.DORMANT) {
                    child.state = State.WORKING;
                    child.priority = ++prioritySeq;
                    child.queueAhead = queueAhead(child);
                }
            }
        }
        if (o.isChild() && (g.protectedQty() == 0 || s.position == 0)) {
            // this child closed everything filled so far, or the position (other exits having reduced it
            // first): the bracket is over (OCO)
            finish(o);
            emit(o, Kind.FILLED, ts, price, qty, 0, fee, "");
            String why = "OCO: " + o.order.clientOrderId() + " filled";
            cancel(g.entry, ts, why, Kind.CANCELLED);
            for (SimOrder sibling : g.children()) {
                cancel(sibling, ts, why, Kind.CANCELLED);
            }
            return qty;
        }
        long leaves = o.leaves();
        if (leaves == 0) {
            finish(o);
        }
        emit(o, leaves == 0 ? Kind.FILLED : Kind.PARTIALLY_FILLED, ts, price, qty, leaves, fee, "");
        if (o.role == Role.SINGLE && o.order.reduceOnly() && o.state == State.WORKING && s.position == 0) {
            cancel(o, ts, "reduce-only: position closed", Kind.CANCELLED);
        }
        return qty;
    }

    private void finish(SimOrder o) {
        o.state = State.DONE;
        o.sym.orders.remove(o);
    }

    private void cancel(SimOrder o, long ts, String reason, Kind kind) {
        if (o.state == State.DONE) {
            return;
        }
        finish(o);
        emit(o, kind, ts, 0, 0, 0, 0, reason);
        if (o.role == Role.ENTRY && o.filled == 0) {
            for (SimOrder child : o.group.children()) {
                cancel(child, ts, "parent " + o.order.clientOrderId() + " cancelled before any fill", Kind.CANCELLED);
            }
        }
    }

    private void applyToPosition(SymbolState s, Side side, long price, long qty) {
        long signed = side == Side.BUY ? qty : -qty;
        long pos = s.position;
        if (pos == 0 || Long.signum(pos) == Long.signum(signed)) {
            s.avgPrice = pos == 0 ? price : Money.average(s.avgPrice, Math.abs(pos), price, qty);
        } else {
            long closing = Math.min(Math.abs(pos), qty);
            long perUnit = pos > 0 ? price - s.avgPrice : s.avgPrice - price;
            realizedPnl += Money.mul3(perUnit, closing, s.instrument.pointValue());
            long after = pos + signed;
            if (after == 0) {
                s.avgPrice = 0;
            } else if (Long.signum(after) != Long.signum(pos)) {
                s.avgPrice = price;
            }
        }
        s.position = pos + signed;
    }

    /** How much an order on {@code side} could reduce the position without flipping it. */
    private static long reducible(Side side, long position) {
        if (side == Side.BUY && position < 0) {
            return -position;
        }
        if (side == Side.SELL && position > 0) {
            return position;
        }
        return 0;
    }

    private long queueAhead(SimOrder o) {
        if (config.queueModel() != QueueModel.QUEUE_POSITION || !o.restingLimit()) {
            return 0;
        }
        List<Level> own = o.order.side() == Side.BUY ? o.sym.bids() : o.sym.asks();
        for (Level l : own) {
            if (l.price() == o.order.limitPrice()) {
                return l.size();
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------ account

    private String marginProblem(SymbolState target, Order order, long addQty) {
        long required = 0;
        for (SymbolState s : symbols.values()) {
            long worst = Math.abs(s.position);
            long ref = markPrice(s);
            if (s == target) {
                long buys = 0;
                long sells = 0;
                for (SimOrder o : s.orders) {
                    if (!o.reducing() && o.state != State.DONE) {
                        long open = o.order.quantity() - o.filled;
                        if (o.order.side() == Side.BUY) {
                            buys += open;
                        } else {
                            sells += open;
                        }
                    }
                }
                if (order.side() == Side.BUY) {
                    buys += addQty;
                } else {
                    sells += addQty;
                }
                worst = Math.max(Math.abs(s.position + buys), Math.abs(s.position - sells));
                if (ref == Fixed.UNDEF) {
                    ref = order.limitPrice() != 0 ? order.limitPrice() : order.stopPrice();
                }
            }
            if (worst != 0) {
                required += s.terms.margin().initialMargin(s.instrument, worst, ref == Fixed.UNDEF ? 0 : ref);
            }
        }
        long equity = account().equity();
        if (required > equity) {
            return "insufficient margin: needs " + Fixed.format(required) + " " + config.currency() + ", equity "
                    + Fixed.format(equity);
        }
        return null;
    }

    /** Last print, else the mid of a two-sided book, else UNDEF. */
    private static long markPrice(SymbolState s) {
        if (s.lastPrint != Fixed.UNDEF) {
            return s.lastPrint;
        }
        if (!s.bids().isEmpty() && !s.asks().isEmpty()) {
            return (s.bids().get(0).price() + s.asks().get(0).price()) / 2;
        }
        return Fixed.UNDEF;
    }

    private static long unrealized(SymbolState s) {
        long mark = markPrice(s);
        if (s.position == 0 || mark == Fixed.UNDEF) {
            return 0;
        }
        return Money.mul3(mark - s.avgPrice, s.position, s.instrument.pointValue());
    }

    // ------------------------------------------------------------------ events

    private void reject(Order order, long ts, String reason) {
        emitRaw(order.symbol(), order.clientOrderId(), null, Kind.REJECTED, order.side(), ts, 0, 0, 0, 0, reason);
    }

    private void emit(SimOrder o, Kind kind, long ts, long price, long qty, long leaves, long fee, String reason) {
        emitRaw(o.order.symbol(), o.order.clientOrderId(), o.venueOrderId, kind, o.order.side(), ts, price, qty,
                leaves, fee, reason);
    }

    private void emitRaw(String symbol, String clientOrderId, String venueOrderId, Kind kind, Side side, long ts,
                         long price, long qty, long leaves, long fee, String reason) {
        OrderEvent e = new OrderEvent(config.venueId(), symbol, ts, Math.addExact(ts, config.ackLatencyNanos()), 0,
                clientOrderId, venueOrderId, kind, side, price, qty, leaves, fee, reason);
        int i = outbox.size();
        while (i > 0 && outbox.get(i - 1).tsRecv() > e.tsRecv()) {
            i--;
        }
        outbox.add(i, e);
    }

    /** Publishes, in tsRecv order, every order event FLOF would have received by the clock. */
    private void release() {
        while (!outbox.isEmpty() && outbox.get(0).tsRecv() <= clock) {
            OrderEvent e = outbox.remove(0);
            OrderEvent numbered = new OrderEvent(e.venue(), e.symbol(), e.tsEvent(), e.tsRecv(), ++eventSeq,
                    e.clientOrderId(), e.venueOrderId(), e.kind(), e.side(), e.fillPrice(), e.fillQty(),
                    e.leavesQty(), e.fee(), e.reason());
            if (!sink.publish(numbered)) {
                droppedEvents++;
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Whether {@code price} is at or better than {@code bound} for a buyer ({@code buy}) or a seller. */
    private static boolean within(boolean buy, long price, long bound) {
        return buy ? price <= bound : price >= bound;
    }

    private static long worse(boolean buy, long price, long floor) {
        if (floor == Fixed.UNDEF) {
            return price;
        }
        return buy ? Math.max(price, floor) : Math.min(price, floor);
    }

    private long slip(SymbolState s, boolean buy, long price) {
        long d = Math.multiplyExact((long) config.slippageTicks(), s.instrument.tickSize());
        return buy ? price + d : price - d;
    }

    private record InFlight(long arrival, OrderCommand command) {
    }

    private static final class SymbolState {
        final InstrumentTerms terms;
        final Instrument instrument;
        /** Orders at the venue for this symbol, not done, in acceptance order. */
        final List<SimOrder> orders = new ArrayList<>();
        /**
         * The book: a depth snapshot's levels, or null after a quote, whose top of book is kept as numbers below and
         * turned into levels on first use (most quotes meet no order that needs the book).
         */
        List<Level> bids = List.of();
        List<Level> asks = List.of();
        long quoteBid;
        long quoteBidSize;
        long quoteAsk;
        long quoteAskSize;
        boolean depth;
        long lastPrint = Fixed.UNDEF;
        boolean sawTicks;
        Timeframe barTimeframe;
        long position;
        long avgPrice;

        SymbolState(InstrumentTerms terms) {
            this.terms = terms;
            this.instrument = terms.instrument();
        }

        /** A quote's top of book becomes the one-level book (the levels are built when first read). */
        void quote(long bid, long bidSize, long ask, long askSize) {
            quoteBid = bid;
            quoteBidSize = bidSize;
            quoteAsk = ask;
            quoteAskSize = askSize;
            bids = null;
            asks = null;
        }

        List<Level> bids() {
            if (bids == null) {
                bids = quoteBid == Fixed.UNDEF ? List.of() : List.of(new Level(quoteBid, quoteBidSize, 0));
            }
            return bids;
        }

        List<Level> asks() {
            if (asks == null) {
                asks = quoteAsk == Fixed.UNDEF ? List.of() : List.of(new Level(quoteAsk, quoteAskSize, 0));
            }
            return asks;
        }
    }

    private static final class Group {
        final String id;
        SimOrder entry;
        SimOrder stop;
        SimOrder target;

        Group(String id) {
            this.id = id;
        }

        List<SimOrder> children() {
            return target == null ? List.of(stop) : List.of(stop, target);
        }

        /** Entry quantity filled and not yet closed by a child. */
        long protectedQty() {
            return entry.filled - stop.filled - (target == null ? 0 : target.filled);
        }
    }

    private static final class SimOrder {
        Order order;
        final String venueOrderId;
        final Role role;
        final Group group;
        final SymbolState sym;
        State state;
        boolean triggered;
        boolean awaitingPrice;
        long filled;
        long priority;
        long queueAhead;

        SimOrder(Order order, String venueOrderId, Role role, Group group, SymbolState sym) {
            this.order = order;
            this.venueOrderId = venueOrderId;
            this.role = role;
            this.group = group;
            this.sym = sym;
        }

        boolean isChild() {
            return role == Role.STOP || role == Role.TARGET;
        }

        boolean reducing() {
            return order.reduceOnly() || isChild();
        }

        boolean untriggeredStop() {
            return (order.type() == OrderType.STOP || order.type() == OrderType.STOP_LIMIT) && !triggered;
        }

        boolean restingLimit() {
            return order.type() == OrderType.LIMIT || (order.type() == OrderType.STOP_LIMIT && triggered);
        }

        /** Quantity that can still fill now: a child works what its entry filled and no child has closed yet. */
        long leaves() {
            if (state != State.WORKING) {
                return 0;
            }
            long own = order.quantity() - filled;
            return isChild() ? Math.max(0, Math.min(own, group.protectedQty())) : own;
        }
    }
}
