package dev.flof.feeds.ib;

import dev.flof.spi.event.EventSink;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.Position;
import dev.flof.spi.order.WorkingOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ibkr} venue session: translates FLOF's {@link OrderCommand}s into TWS messages and TWS's
 * answers into {@link OrderEvent}s and {@link VenueStatus}es.
 *
 * <p>Event rules: ACCEPTED on the first PreSubmitted/Submitted status of an order; fills come from
 * execDetails (deduplicated by execId, so a fill recovered after a gap is reported exactly once);
 * CANCELLED from a Cancelled status or error 202; REJECTED from error 201, other order errors before
 * acceptance, or an Inactive status. Connectivity: 1100/2110 publish DISCONNECTED; 1101/1102 first
 * recover the fills missed during the gap (reqExecutions, off the reader thread) and publish them, then
 * publish RECONNECTED, so the engine's reconciliation starts from a complete fill history. Farm notices
 * (2103/2104/...) change nothing. A lost socket publishes DISCONNECTED and reconnects with the same
 * client id after the configured delays, then recovers the same way.
 *
 * <p>The reconciliation queries ({@link #openOrders}, {@link #positions}, {@link #executionsSince}) block
 * the caller until TWS answers or the timeout passes; they must not be called on the thread that delivers
 * this session's events to the sink.
 */
final class IbVenueSession implements ExecutionVenue.Session, TwsClient.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(IbVenueSession.class);

    /**
     * @param reconnectDelaysMs waits before successive reconnect attempts after the socket is lost; the last
     *                          one repeats. Empty disables reconnecting.
     */
    record Config(String account, Duration timeout, int ocaType, ZoneId execTimeZone, List<Long> reconnectDelaysMs) {
        Config {
            reconnectDelaysMs = List.copyOf(reconnectDelaysMs);
        }
    }

    /** FLOF's view of one IB order. Guarded by the session lock. */
    private static final class Tracked {
        final int ibId;
        final String clientOrderId;
        final String symbol;
        final String groupId;
        final IbContract contract;
        IbOrder ib;
        IbOrder pendingModify;
        boolean pendingCancel;
        boolean accepted;
        boolean terminal;
        long filled;
        String lastError = "";

        Tracked(int ibId, String clientOrderId, String symbol, String groupId, IbContract contract, IbOrder ib) {
            this.ibId = ibId;
            this.clientOrderId = clientOrderId;
            this.symbol = symbol;
            this.groupId = groupId;
            this.contract = contract;
            this.ib = ib;
        }

        Side side() {
            return ib.action().equals("BUY") ? Side.BUY : Side.SELL;
        }
    }

    private final EventSink sink;
    private final LongSupplier clock;
    private final IbContractResolver resolver;
    private final Config cfg;
    private final TwsClient client;
    private final AtomicLong sequence = new AtomicLong();
    private final Object lock = new Object();
    private final Map<Integer, Tracked> byIbId = new TreeMap<>();
    private final Map<String, Tracked> byClientId = new TreeMap<>();
    private final Set<String> seenExecIds = new HashSet<>();
    private final ScheduledExecutorService recovery;
    private final AtomicLong skippedOpenOrders = new AtomicLong();
    private volatile boolean closing;
    private volatile String host;
    private volatile int port;
    private volatile int clientId;

    IbVenueSession(EventSink sink, LongSupplier clock, IbContractResolver resolver, Config cfg, TwsPacer pacer) {
        this.sink = sink;
        this.clock = clock;
        this.resolver = resolver;
        this.cfg = cfg;
        this.client = new TwsClient(this, cfg.timeout(), pacer);
        this.recovery = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ibkr-recovery");
            t.setDaemon(true);
            return t;
        });
    }

    void connect(String host, int port, int clientId) throws IOException, TwsProtocolException {
        this.host = host;
        this.port = port;
        this.clientId = clientId;
        client.connect(host, port, clientId);
        status(VenueStatus.Kind.CONNECTED, "TWS " + host + ":" + port + " server version " + client.serverVersion()
                + " accounts " + String.join(",", client.managedAccounts()));
    }

    /** Open orders TWS reported that FLOF's order model cannot express (e.g. quantity 0); counted, logged. */
    long skippedOpenOrders() {
        return skippedOpenOrders.get();
    }

    /** The underlying client (tests and diagnostics). */
    TwsClient client() {
        return client;
    }

    // ------------------------------------------------------------------ commands

    @Override
    public void send(OrderCommand command) {
        synchronized (lock) {
            switch (command) {
                case OrderCommand.SubmitBracket sb -> submitBracket(sb);
                case OrderCommand.Submit s -> submit(s.order());
                case OrderCommand.Modify m -> modify(m);
                case OrderCommand.Cancel c -> cancel(c.clientOrderId(), c.symbol());
                case OrderCommand.CancelAll ca -> cancelAll(ca.symbol());
            }
        }
    }

    private void submitBracket(OrderCommand.SubmitBracket sb) {
        var b = sb.bracket();
        List<Order> legs = new ArrayList<>(List.of(b.entry(), b.stop()));
        if (b.target() != null) {
            legs.add(b.target());
        }
        IbContract contract;
        try {
            contract = resolver.resolve(b.entry().symbol());
        } catch (IllegalArgumentException e) {
            legs.forEach(o -> orderEvent(o.clientOrderId(), null, o.symbol(), OrderEvent.Kind.REJECTED, o.side(), 0, 0, 0,
                    e.getMessage(), now()));
            return;
        }
        if (!client.isConnected()) {
            legs.forEach(o -> orderEvent(o.clientOrderId(), null, o.symbol(), OrderEvent.Kind.REJECTED, o.side(), 0, 0, 0,
                    "not connected to TWS", now()));
            return;
        }
        if (legs.stream().anyMatch(o -> duplicate(o.clientOrderId()))) {
            return;
        }
        IbOrderTemplates.Legs t = IbOrderTemplates.bracket(b, cfg.account(), cfg.ocaType());
        int base = client.peekNextOrderId();
        // track before sending: TWS may answer before placeBracket returns
        int n = legs.size();
        List<Tracked> tracked = new ArrayList<>();
        IbOrder[] ibLegs = {t.entry(), t.stop(), t.target()};
        try {
            int first = client.allocateOrderIds(n);
            for (int i = 0; i < n; i++) {
                IbOrder leg = ibLegs[i].asLeg(first + i, i == 0 ? 0 : first, i == n - 1);
                Tracked tr = new Tracked(first + i, legs.get(i).clientOrderId(), legs.get(i).symbol(), b.groupId(), contract, leg);
                tracked.add(tr);
                byIbId.put(tr.ibId, tr);
                byClientId.put(tr.clientOrderId, tr);
            }
            for (Tracked tr : tracked) {
                client.placeOrder(contract, tr.ib);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.warn("IB: sending bracket {} (first id {}) failed: {}; outcome resolved by reconciliation",
                    b.groupId(), base, e.getMessage());
            if (tracked.isEmpty()) {
                legs.forEach(o -> orderEvent(o.clientOrderId(), null, o.symbol(), OrderEvent.Kind.REJECTED, o.side(), 0, 0,
                        0, "send failed: " + e.getMessage(), now()));
            }
        }
    }

    private void submit(Order o) {
        IbContract contract;
        try {
            contract = resolver.resolve(o.symbol());
        } catch (IllegalArgumentException e) {
            orderEvent(o.clientOrderId(), null, o.symbol(), OrderEvent.Kind.REJECTED, o.side(), 0, 0, 0, e.getMessage(), now());
            return;
        }
        if (!client.isConnected()) {
            orderEvent(o.clientOrderId(), null, o.symbol(), OrderEvent.Kind.REJECTED, o.side(), 0, 0, 0,
                    "not connected to TWS", now());
            return;
        }
        if (duplicate(o.clientOrderId())) {
            return;
        }
        try {
            int id = client.allocateOrderIds(1);
            IbOrder leg = IbOrderTemplates.single(o, cfg.account()).asLeg(id, 0, true);
            Tracked tr = new Tracked(id, o.clientOrderId(), o.symbol(), null, contract, leg);
            byIbId.put(id, tr);
            byClientId.put(o.clientOrderId(), tr);
            client.placeOrder(contract, leg);
        } catch (IOException | IllegalStateException e) {
            LOG.warn("IB: sending order {} failed: {}; outcome resolved by reconciliation", o.clientOrderId(), e.getMessage());
        }
    }

    /**
     * A clientOrderId FLOF already used (in this session or adopted from TWS) is never sent again: the
     * id is the idempotency key, and a second order under it would double the exposure. No event is
     * published, because the existing order's events keep coming under that id.
     */
    private boolean duplicate(String clientOrderId) {
        Tracked t = byClientId.get(clientOrderId);
        if (t != null) {
            LOG.warn("IB: clientOrderId {} is already IB order {}; not sent again", clientOrderId, t.ibId);
            return true;
        }
        return false;
    }

    private void modify(OrderCommand.Modify m) {
        Tracked t = byClientId.get(m.clientOrderId());
        if (t == null || t.terminal) {
            orderEvent(m.clientOrderId(), t == null ? null : Integer.toString(t.ibId), m.symbol(),
                    OrderEvent.Kind.MODIFY_REJECTED, t == null ? Side.NONE : t.side(), 0, 0, 0,
                    t == null ? "unknown order" : "order is no longer working", now());
            return;
        }
        IbOrder next = t.ib.modified(m.newQuantity() == 0 ? null : m.newQuantity(),
                m.newLimitPrice() == 0 || t.ib.lmtPrice() == null ? null : m.newLimitPrice(),
                m.newStopPrice() == 0 || t.ib.auxPrice() == null ? null : m.newStopPrice());
        t.pendingModify = next;
        try {
            client.placeOrder(t.contract, next);
        } catch (IOException | IllegalStateException e) {
            t.pendingModify = null;
            orderEvent(t, OrderEvent.Kind.MODIFY_REJECTED, 0, 0, "send failed: " + e.getMessage(), now());
        }
    }

    private void cancel(String clientOrderId, String symbol) {
        Tracked t = byClientId.get(clientOrderId);
        if (t == null || t.terminal) {
            orderEvent(clientOrderId, t == null ? null : Integer.toString(t.ibId), symbol, OrderEvent.Kind.CANCEL_REJECTED,
                    t == null ? Side.NONE : t.side(), 0, 0, 0, t == null ? "unknown order" : "order is no longer working", now());
            return;
        }
        t.pendingCancel = true;
        try {
            client.cancelOrder(t.ibId);
        } catch (IOException | IllegalStateException e) {
            t.pendingCancel = false;
            orderEvent(t, OrderEvent.Kind.CANCEL_REJECTED, 0, 0, "send failed: " + e.getMessage(), now());
        }
    }

    private void cancelAll(String symbol) {
        if (symbol.equals("*")) {
            try {
                byIbId.values().forEach(t -> t.pendingCancel = !t.terminal);
                client.globalCancel();
            } catch (IOException | IllegalStateException e) {
                status(VenueStatus.Kind.SERVER_ERROR, "global cancel not sent: " + e.getMessage());
            }
            return;
        }
        for (Tracked t : List.copyOf(byIbId.values())) {
            if (!t.terminal && t.symbol.equals(symbol)) {
                cancel(t.clientOrderId, symbol);
            }
        }
    }

    // ------------------------------------------------------------------ inbound

    @Override
    public void onMessage(TwsMessage message) {
        switch (message) {
            case TwsMessage.OrderStatus s -> {
                synchronized (lock) {
                    onStatus(s);
                }
            }
            case TwsMessage.OpenOrder o -> {
                synchronized (lock) {
                    onOpenOrder(o);
                }
            }
            case TwsMessage.ExecDetails x -> {
                if (x.reqId() == -1) {
                    synchronized (lock) {
                        onExec(x);
                    }
                }
            }
            case TwsMessage.Error e -> onError(e);
            default -> {
            }
        }
    }

    private void onStatus(TwsMessage.OrderStatus s) {
        Tracked t = byIbId.get(s.orderId());
        if (t == null) {
            return;
        }
        switch (s.status()) {
            case "PreSubmitted", "Submitted" -> {
                if (!t.accepted && !t.terminal) {
                    t.accepted = true;
                    orderEvent(t, OrderEvent.Kind.ACCEPTED, 0, 0, "", now());
                }
            }
            case "Cancelled", "ApiCancelled" -> {
                if (!t.terminal) {
                    t.terminal = true;
                    orderEvent(t, OrderEvent.Kind.CANCELLED, 0, 0, t.lastError.isEmpty() ? s.status() : t.lastError, now());
                }
            }
            case "Inactive" -> {
                if (!t.terminal) {
                    t.terminal = true;
                    String why = !t.lastError.isEmpty() ? t.lastError : s.whyHeld().isEmpty() ? "Inactive" : s.whyHeld();
                    orderEvent(t, OrderEvent.Kind.REJECTED, 0, 0, why, now());
                }
            }
            default -> {
            }
        }
    }

    private void onOpenOrder(TwsMessage.OpenOrder o) {
        Tracked t = byIbId.get(o.orderId());
        if (t == null) {
            adopt(o);
            return;
        }
        IbOrder pm = t.pendingModify;
        if (pm != null && pm.totalQuantity() == o.totalQuantity() && samePrice(pm.lmtPrice(), o.lmtPrice())
                && samePrice(pm.auxPrice(), o.auxPrice())) {
            t.ib = pm;
            t.pendingModify = null;
            orderEvent(t, OrderEvent.Kind.MODIFIED, 0, 0, "", now());
        }
    }

    private static boolean samePrice(Long mine, long theirs) {
        return mine == null ? theirs == Fixed.UNDEF || theirs == 0 : mine == theirs;
    }

    /** Starts tracking an order FLOF did not place in this session (e.g. before a restart). */
    private Tracked adopt(TwsMessage.OpenOrder o) {
        if (o.totalQuantity() <= 0 || !(o.action().equals("BUY") || o.action().equals("SELL"))) {
            return null;
        }
        String coid = o.orderRef().isEmpty() ? "ib-" + o.orderId() : o.orderRef();
        Tracked existing = byClientId.get(coid);
        if (existing != null) {
            return existing;
        }
        dev.flof.spi.order.OrderType type = IbOrderTemplates.fromIbType(o.orderType());
        boolean hasLmt = type == dev.flof.spi.order.OrderType.LIMIT || type == dev.flof.spi.order.OrderType.STOP_LIMIT;
        boolean hasAux = type == dev.flof.spi.order.OrderType.STOP || type == dev.flof.spi.order.OrderType.STOP_LIMIT;
        IbOrder ib = new IbOrder(o.orderId(), o.action(), o.totalQuantity(), IbOrderTemplates.orderType(type),
                hasLmt ? definedOrZero(o.lmtPrice()) : null, hasAux ? definedOrZero(o.auxPrice()) : null,
                o.tif(), o.ocaGroup(), o.ocaType(), o.account(), o.orderRef(), true, o.parentId(), o.outsideRth());
        String group = o.ocaGroup().startsWith("FLOF-") ? o.ocaGroup().substring(5) : o.ocaGroup().isEmpty() ? null : o.ocaGroup();
        Tracked t = new Tracked(o.orderId(), coid, o.contract().flofSymbol(), group, o.contract(), ib);
        t.accepted = true;
        byIbId.put(t.ibId, t);
        byClientId.put(coid, t);
        return t;
    }

    private static Long definedOrZero(long v) {
        return v == Fixed.UNDEF ? 0L : v;
    }

    /** Publishes a fill once per execId. Caller holds the lock. Returns true when it was new. */
    private boolean onExec(TwsMessage.ExecDetails x) {
        if (!seenExecIds.add(x.execId())) {
            return false;
        }
        long ts = execTime(x);
        Side side = x.side().equals("BOT") ? Side.BUY : x.side().equals("SLD") ? Side.SELL : Side.NONE;
        Tracked t = byIbId.get(x.orderId());
        if (t == null && !x.orderRef().isEmpty()) {
            t = byClientId.get(x.orderRef());
        }
        if (t == null) {
            String coid = x.orderRef().isEmpty() ? "ib-" + x.orderId() : x.orderRef();
            orderEvent(coid, Integer.toString(x.orderId()), x.contract().flofSymbol(), OrderEvent.Kind.FILLED, side,
                    x.price(), x.shares(), 0, "fill of an order unknown to this session", ts);
            return true;
        }
        t.filled += x.shares();
        long leaves = Math.max(0, t.ib.totalQuantity() - t.filled);
        if (leaves == 0) {
            t.terminal = true;
        }
        orderEvent(t, leaves == 0 ? OrderEvent.Kind.FILLED : OrderEvent.Kind.PARTIALLY_FILLED, x.price(), x.shares(), "", ts);
        return true;
    }

    private long execTime(TwsMessage.ExecDetails x) {
        try {
            return IbTime.parseExecTime(x.time(), cfg.execTimeZone());
        } catch (IllegalArgumentException e) {
            LOG.warn("IB: execution {}: {}; using receive time", x.execId(), e.getMessage());
            return now();
        }
    }

    private void onError(TwsMessage.Error e) {
        IbErrorKind kind = e.kind();
        switch (kind) {
            case CONNECTIVITY_LOST -> status(VenueStatus.Kind.DISCONNECTED, e.code() + ": " + e.message());
            case CONNECTIVITY_RESTORED, CONNECTIVITY_RESTORED_DATA_LOST -> {
                runRecovery(() -> recover(e.code() + ": " + e.message()));
            }
            case CLIENT_ID_IN_USE, NOT_CONNECTED -> status(VenueStatus.Kind.SERVER_ERROR, e.code() + ": " + e.message());
            case PACING_VIOLATION -> status(VenueStatus.Kind.RATE_LIMITED, e.code() + ": " + e.message());
            case FARM_BROKEN, FARM_OK -> LOG.info("IB notice {}: {}", e.code(), e.message());
            default -> {
                synchronized (lock) {
                    onOrderError(e, kind);
                }
            }
        }
    }

    private void onOrderError(TwsMessage.Error e, IbErrorKind kind) {
        Tracked t = byIbId.get(e.reqId());
        if (t == null) {
            if (kind != IbErrorKind.WARNING) {
                LOG.warn("IB error {} (id {}): {}", e.code(), e.reqId(), e.message());
            }
            return;
        }
        String text = e.code() + ": " + e.message();
        switch (kind) {
            case WARNING -> LOG.info("IB order {} warning {}", t.clientOrderId, text);
            case ORDER_CANCELLED -> {
                t.lastError = text;
                if (!t.terminal) {
                    t.terminal = true;
                    orderEvent(t, OrderEvent.Kind.CANCELLED, 0, 0, text, now());
                }
            }
            case CANCEL_REJECTED -> {
                t.pendingCancel = false;
                orderEvent(t, OrderEvent.Kind.CANCEL_REJECTED, 0, 0, text, now());
            }
            default -> {
                t.lastError = text;
                if (t.pendingModify != null) {
                    t.pendingModify = null;
                    orderEvent(t, OrderEvent.Kind.MODIFY_REJECTED, 0, 0, text, now());
                } else if (t.pendingCancel) {
                    t.pendingCancel = false;
                    orderEvent(t, OrderEvent.Kind.CANCEL_REJECTED, 0, 0, text, now());
                } else if (!t.terminal && (!t.accepted || kind == IbErrorKind.ORDER_REJECTED)) {
                    t.terminal = true;
                    orderEvent(t, OrderEvent.Kind.REJECTED, 0, 0, text, now());
                } else {
                    LOG.warn("IB order {} error {}", t.clientOrderId, text);
                }
            }
        }
    }

    private void runRecovery(Runnable r) {
        if (closing) {
            return;
        }
        try {
            recovery.execute(r);
        } catch (RejectedExecutionException e) {
            LOG.debug("IB: session closing, recovery not started");
        }
    }

    /**
     * After 1101/1102 or a reconnect: publish the fills missed during the gap (once per execId, in
     * execution-time order), then CANCELLED for orders that were working before the gap and are no longer
     * open at TWS without having filled (e.g. an OCA sibling cancelled by a fill during the gap), then
     * RECONNECTED. Runs off the reader thread.
     */
    private void recover(String why) {
        int recovered = 0;
        int vanished = 0;
        String problem = "";
        try {
            List<TwsClient.ExecutionReport> execs = await(client.requestExecutions(ExecutionFilter.all()), "executions");
            List<TwsMessage.ExecDetails> sorted = execs.stream().map(TwsClient.ExecutionReport::execution)
                    .sorted(Comparator.comparingLong(this::execTime).thenComparing(TwsMessage.ExecDetails::execId)).toList();
            List<Integer> workingBefore = new ArrayList<>();
            synchronized (lock) {
                for (TwsMessage.ExecDetails x : sorted) {
                    if (onExec(x)) {
                        recovered++;
                    }
                }
                byIbId.values().stream().filter(t -> !t.terminal && t.accepted).forEach(t -> workingBefore.add(t.ibId));
            }
            List<TwsClient.OpenOrderReport> open = await(client.requestOpenOrders(true), "open orders");
            Set<Integer> stillOpen = new HashSet<>();
            open.stream().filter(r -> r.status() == null || !r.status().isTerminal())
                    .forEach(r -> stillOpen.add(r.order().orderId()));
            synchronized (lock) {
                for (int id : workingBefore) {
                    Tracked t = byIbId.get(id);
                    if (t != null && !t.terminal && !stillOpen.contains(id)) {
                        t.terminal = true;
                        vanished++;
                        orderEvent(t, OrderEvent.Kind.CANCELLED, 0, 0,
                                "no longer open at TWS after the connection gap (not filled)", now());
                    }
                }
            }
        } catch (IOException | RuntimeException ex) {
            problem = "; recovery incomplete: " + ex.getMessage();
        }
        status(VenueStatus.Kind.RECONNECTED, why + "; missed fills recovered: " + recovered
                + "; orders gone during the gap: " + vanished + problem);
    }

    @Override
    public void onDisconnected(Throwable cause) {
        if (closing) {
            return;
        }
        status(VenueStatus.Kind.DISCONNECTED, "socket to TWS closed" + (cause == null ? "" : ": " + cause.getMessage()));
        scheduleReconnect(0);
    }

    private void scheduleReconnect(int attempt) {
        List<Long> delays = cfg.reconnectDelaysMs();
        if (closing || delays.isEmpty()) {
            return;
        }
        long delay = delays.get(Math.min(attempt, delays.size() - 1));
        try {
            recovery.schedule(() -> reconnect(attempt), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("IB: session closing, no reconnect");
        }
    }

    private void reconnect(int attempt) {
        if (closing) {
            return;
        }
        try {
            client.connect(host, port, clientId);
        } catch (UnsupportedServerVersionException e) {
            status(VenueStatus.Kind.SERVER_ERROR, "reconnect refused: " + e.getMessage() + "; not retrying");
            return;
        } catch (IOException | TwsProtocolException | IllegalStateException e) {
            LOG.warn("IB: reconnect attempt {} to {}:{} failed: {}", attempt + 1, host, port, e.getMessage());
            scheduleReconnect(attempt + 1);
            return;
        }
        recover("socket reconnected (attempt " + (attempt + 1) + ", server version " + client.serverVersion() + ")");
    }

    // ------------------------------------------------------------------ reconciliation

    @Override
    public List<WorkingOrder> openOrders() {
        List<TwsClient.OpenOrderReport> reports;
        try {
            reports = await(client.requestOpenOrders(true), "open orders");
        } catch (IOException e) {
            throw new IbVenueException("IB: open orders not available: " + e.getMessage(), e);
        }
        List<WorkingOrder> out = new ArrayList<>();
        synchronized (lock) {
            for (TwsClient.OpenOrderReport r : reports) {
                TwsMessage.OpenOrder o = r.order();
                if (r.status() != null && r.status().isTerminal()) {
                    continue;
                }
                if (o.totalQuantity() <= 0 || !(o.action().equals("BUY") || o.action().equals("SELL"))) {
                    skippedOpenOrders.incrementAndGet();
                    LOG.warn("IB: open order {} ({} {}) cannot be expressed as a FLOF order; not reported",
                            o.orderId(), o.action(), o.totalQuantity());
                    continue;
                }
                Tracked t = byIbId.get(o.orderId());
                if (t == null) {
                    t = adopt(o);
                }
                if (t == null) {
                    continue;
                }
                dev.flof.spi.order.OrderType type = IbOrderTemplates.fromIbType(o.orderType());
                long lmt = o.lmtPrice() == Fixed.UNDEF ? 0 : o.lmtPrice();
                long aux = o.auxPrice() == Fixed.UNDEF ? 0 : o.auxPrice();
                Order order = new Order(t.clientOrderId, o.contract().flofSymbol(), o.action().equals("BUY") ? Side.BUY : Side.SELL,
                        type, o.totalQuantity(), type == dev.flof.spi.order.OrderType.LIMIT
                        || type == dev.flof.spi.order.OrderType.STOP_LIMIT ? lmt : 0,
                        type == dev.flof.spi.order.OrderType.STOP || type == dev.flof.spi.order.OrderType.STOP_LIMIT ? aux : 0,
                        IbOrderTemplates.fromIbTif(o.tif()), o.parentId() != 0);
                String group = t.groupId != null ? t.groupId : o.parentId() != 0 ? "ib-" + o.parentId() : null;
                long filled = r.status() == null ? 0 : r.status().filled();
                out.add(new WorkingOrder(order, Integer.toString(o.orderId()), group, filled));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Position> positions() {
        List<TwsMessage.Position> ps;
        try {
            ps = await(client.requestPositions(), "positions");
        } catch (IOException e) {
            throw new IbVenueException("IB: positions not available: " + e.getMessage(), e);
        }
        List<Position> out = new ArrayList<>();
        for (TwsMessage.Position p : ps) {
            if (!cfg.account().isEmpty() && !cfg.account().equals(p.account())) {
                continue;
            }
            long avg = p.avgCost() == Fixed.UNDEF ? 0 : BigDecimal.valueOf(p.avgCost(), 9)
                    .divide(p.contract().multiplierValue(), 9, RoundingMode.HALF_EVEN).movePointRight(9).longValueExact();
            out.add(new Position(IbExecutionVenue.ID, p.contract().flofSymbol(), p.position(), avg));
        }
        out.sort(Comparator.comparing(Position::symbol));
        return List.copyOf(out);
    }

    @Override
    public List<Execution> executionsSince(long tsNanos) {
        List<TwsClient.ExecutionReport> reports;
        try {
            reports = await(client.requestExecutions(ExecutionFilter.since(tsNanos)), "executions");
        } catch (IOException e) {
            throw new IbVenueException("IB: executions not available: " + e.getMessage(), e);
        }
        List<Execution> out = new ArrayList<>();
        synchronized (lock) {
            for (TwsClient.ExecutionReport r : reports) {
                TwsMessage.ExecDetails x = r.execution();
                long ts = execTime(x);
                if (ts < tsNanos) {
                    continue;
                }
                Tracked t = byIbId.get(x.orderId());
                String coid = t != null ? t.clientOrderId : x.orderRef().isEmpty() ? "ib-" + x.orderId() : x.orderRef();
                var commission = r.commission() != null ? r.commission() : client.commission(x.execId()).orElse(null);
                long fee = commission == null || commission.commission() == Fixed.UNDEF ? 0 : commission.commission();
                Side side = x.side().equals("BOT") ? Side.BUY : x.side().equals("SLD") ? Side.SELL : Side.NONE;
                out.add(new Execution(x.execId(), coid, x.contract().flofSymbol(), side, x.price(), x.shares(), fee, ts));
            }
        }
        out.sort(Comparator.comparingLong(Execution::tsEvent).thenComparing(Execution::executionId));
        return List.copyOf(out);
    }

    private <T> T await(CompletableFuture<T> f, String what) throws IOException {
        try {
            return f.get(cfg.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("TWS did not answer the " + what + " query within " + cfg.timeout().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + what, e);
        }
    }

    // ------------------------------------------------------------------ events

    private long now() {
        return clock.getAsLong();
    }

    private void orderEvent(Tracked t, OrderEvent.Kind kind, long price, long qty, String reason, long tsEvent) {
        long leaves = Math.max(0, t.ib.totalQuantity() - t.filled);
        if (kind == OrderEvent.Kind.CANCELLED || kind == OrderEvent.Kind.REJECTED) {
            leaves = 0;
        }
        publish(new OrderEvent(IbExecutionVenue.ID, t.symbol, tsEvent, now(), sequence.incrementAndGet(), t.clientOrderId,
                Integer.toString(t.ibId), kind, t.side(), price, qty, leaves, 0, reason));
    }

    private void orderEvent(String clientOrderId, String venueOrderId, String symbol, OrderEvent.Kind kind, Side side,
                            long price, long qty, long leaves, String reason, long tsEvent) {
        publish(new OrderEvent(IbExecutionVenue.ID, symbol, tsEvent, now(), sequence.incrementAndGet(), clientOrderId,
                venueOrderId, kind, side, price, qty, leaves, 0, reason));
    }

    private void status(VenueStatus.Kind kind, String detail) {
        long t = now();
        publish(new VenueStatus(IbExecutionVenue.ID, t, t, sequence.incrementAndGet(), kind, detail));
    }

    private void publish(dev.flof.spi.event.Event e) {
        if (!sink.publish(e)) {
            LOG.error("IB: event sink refused {}", e);
        }
    }

    @Override
    public void close() {
        closing = true;
        recovery.shutdownNow();
        client.close();
    }
}
