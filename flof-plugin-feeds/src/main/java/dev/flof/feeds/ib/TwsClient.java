package dev.flof.feeds.ib;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TWS API client for FLOF's order subset: connect (handshake, startApi, wait for nextValidId and
 * managedAccounts), allocate order ids, place brackets, cancel, global cancel, and the reconciliation
 * queries (open orders, positions, executions, current time) as futures that complete when TWS sends
 * the matching end message.
 *
 * <p>Threading: inbound messages are decoded on the connection's reader thread and handed to the
 * {@link Listener} there, after the client has updated its own state (ids, pending queries). Outbound
 * calls may come from any thread. Listener code must not block on this client's futures.
 */
public final class TwsClient implements AutoCloseable {
    /**
     * Receives every decoded inbound message and the end of a connection that had become ready (reader
     * thread). A connect attempt that fails before ready is reported by {@link #connect} alone.
     */
    public interface Listener {
        void onMessage(TwsMessage message);

        /** The socket ended; cause is null after {@link #close()}. */
        default void onDisconnected(Throwable cause) {
        }
    }

    /** Ids given to the legs of a bracket; {@code target} is 0 for a stop-only bracket. */
    public record BracketIds(int parent, int stop, int target) {
    }

    /** An open order with the status TWS sent alongside it (null if none arrived before the end). */
    public record OpenOrderReport(TwsMessage.OpenOrder order, TwsMessage.OrderStatus status) {
    }

    /** An execution with its commission report when TWS sent one before the answer completed. */
    public record ExecutionReport(TwsMessage.ExecDetails execution, TwsMessage.CommissionReport commission) {
    }

    private final Listener listener;
    private final TwsPacer pacer;
    private final AtomicLong listenerErrors = new AtomicLong();
    private final Duration timeout;
    private final Object lock = new Object();
    private final AtomicInteger nextOrderId = new AtomicInteger(-1);
    private final AtomicInteger nextReqId = new AtomicInteger(1);
    private final AtomicLong unhandled = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private final Map<String, TwsMessage.CommissionReport> commissions = new ConcurrentHashMap<>();

    private volatile TwsConnection connection;
    /** The connection that reached "ready"; only its loss is reported to the listener. */
    private volatile TwsConnection readyConnection;
    private volatile TwsEncoder encoder;
    private volatile TwsDecoder decoder;
    private volatile List<String> accounts = List.of();
    private volatile int clientId;

    // guarded by lock
    private CompletableFuture<Void> ready;
    private boolean gotNextId;
    private boolean gotAccounts;
    private CompletableFuture<List<OpenOrderReport>> openOrdersPending;
    private final TreeMap<Integer, TwsMessage.OpenOrder> openOrdersSeen = new TreeMap<>();
    private final TreeMap<Integer, TwsMessage.OrderStatus> statusesSeen = new TreeMap<>();
    private CompletableFuture<List<TwsMessage.Position>> positionsPending;
    private final List<TwsMessage.Position> positionsSeen = new ArrayList<>();
    private final Map<Integer, CompletableFuture<List<ExecutionReport>>> execPending = new TreeMap<>();
    private final Map<Integer, List<TwsMessage.ExecDetails>> execSeen = new TreeMap<>();
    private final List<CompletableFuture<Long>> timePending = new ArrayList<>();

    /**
     * @param timeout how long {@link #connect} waits for the handshake and for nextValidId/managedAccounts
     */
    public TwsClient(Listener listener, Duration timeout) {
        this(listener, timeout, TwsPacer.unlimited());
    }

    /** @param pacer keeps sends under TWS's 50 messages per second */
    public TwsClient(Listener listener, Duration timeout, TwsPacer pacer) {
        this.listener = listener;
        this.timeout = timeout;
        this.pacer = pacer;
    }

    /**
     * Connects and waits until TWS is ready (nextValidId and managedAccounts received).
     *
     * @throws UnsupportedServerVersionException when TWS negotiates a version outside 157..178
     * @throws IOException                       when the socket fails or TWS is not ready in time
     */
    public void connect(String host, int port, int clientId) throws IOException, TwsProtocolException {
        TwsConnection old = connection;
        if (old != null && old.isOpen()) {
            throw new IllegalStateException("already connected");
        }
        CompletableFuture<Void> r = new CompletableFuture<>();
        synchronized (lock) {
            ready = r;
            gotNextId = false;
            gotAccounts = false;
        }
        TwsConnection c = TwsConnection.open(host, port, clientId, timeout);
        this.clientId = clientId;
        this.encoder = new TwsEncoder(c.serverVersion());
        this.decoder = new TwsDecoder(c.serverVersion());
        this.connection = c;
        c.start(new TwsConnection.Handler() {
            @Override
            public void onFrame(List<String> fields) {
                dispatch(fields);
            }

            @Override
            public void onClosed(Throwable cause) {
                disconnected(cause, c);
            }
        }, "tws-reader-" + clientId);
        try {
            r.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            c.close();
            throw new IOException("TWS at " + host + ":" + port + " did not send nextValidId and managedAccounts within "
                    + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            c.close();
            throw new IOException("TWS at " + host + ":" + port + " closed before it was ready", e.getCause());
        } catch (InterruptedException e) {
            c.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for TWS", e);
        }
    }

    public boolean isConnected() {
        TwsConnection c = connection;
        return c != null && c.isOpen();
    }

    public int serverVersion() {
        return requireConnection().serverVersion();
    }

    public int clientId() {
        return clientId;
    }

    /** Accounts from managedAccounts, in TWS's order. */
    public List<String> managedAccounts() {
        return accounts;
    }

    /** Reserves {@code n} consecutive order ids and returns the first. */
    public int allocateOrderIds(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        int first = nextOrderId.getAndAdd(n);
        if (first < 0) {
            nextOrderId.getAndAdd(-n);
            throw new IllegalStateException("no nextValidId received yet");
        }
        return first;
    }

    /** The next id {@link #allocateOrderIds} would hand out, -1 before nextValidId. */
    public int peekNextOrderId() {
        return nextOrderId.get();
    }

    public void placeOrder(IbContract contract, IbOrder order) throws IOException {
        send(encoder().placeOrder(contract, order));
    }

    /**
     * Places an IB bracket: ids N, N+1, N+2; children carry {@code parentId=N}; transmit flags
     * false/false/true, so TWS releases the group only when the last leg has arrived. The legs' own ids,
     * parent ids and transmit flags are replaced.
     *
     * @param target null for a stop-only bracket (then the stop transmits)
     */
    public BracketIds placeBracket(IbContract contract, IbOrder entry, IbOrder stop, IbOrder target) throws IOException {
        int n = target == null ? 2 : 3;
        int id = allocateOrderIds(n);
        IbOrder p = entry.asLeg(id, 0, false);
        IbOrder s = stop.asLeg(id + 1, id, target == null);
        placeOrder(contract, p);
        placeOrder(contract, s);
        if (target != null) {
            placeOrder(contract, target.asLeg(id + 2, id, true));
        }
        return new BracketIds(id, id + 1, target == null ? 0 : id + 2);
    }

    public void cancelOrder(int orderId) throws IOException {
        send(encoder().cancelOrder(orderId));
    }

    /** Cancels all open orders of the account, from any client (reqGlobalCancel). */
    public void globalCancel() throws IOException {
        send(encoder().reqGlobalCancel());
    }

    /** Asks TWS for a fresh nextValidId. */
    public void requestIds() throws IOException {
        send(encoder().reqIds(1));
    }

    /**
     * Open orders: of this client ({@code allClients=false}, reqOpenOrders) or of every client and TWS
     * (reqAllOpenOrders). One query at a time: a second call while one is outstanding returns the same
     * future. Completes at openOrderEnd, sorted by order id.
     */
    public CompletableFuture<List<OpenOrderReport>> requestOpenOrders(boolean allClients) throws IOException {
        CompletableFuture<List<OpenOrderReport>> f;
        synchronized (lock) {
            if (openOrdersPending != null) {
                return openOrdersPending;
            }
            f = new CompletableFuture<>();
            openOrdersPending = f;
            openOrdersSeen.clear();
            statusesSeen.clear();
        }
        sendOrFail(allClients ? encoder().reqAllOpenOrders() : encoder().reqOpenOrders(), f);
        return f;
    }

    /** Positions of all accounts; completes at positionEnd (the subscription is then cancelled). */
    public CompletableFuture<List<TwsMessage.Position>> requestPositions() throws IOException {
        CompletableFuture<List<TwsMessage.Position>> f;
        synchronized (lock) {
            if (positionsPending != null) {
                return positionsPending;
            }
            f = new CompletableFuture<>();
            positionsPending = f;
            positionsSeen.clear();
        }
        sendOrFail(encoder().reqPositions(), f);
        return f;
    }

    /** Executions matching the filter; completes at execDetailsEnd for this request id. */
    public CompletableFuture<List<ExecutionReport>> requestExecutions(ExecutionFilter filter) throws IOException {
        int reqId = nextReqId.getAndIncrement();
        CompletableFuture<List<ExecutionReport>> f = new CompletableFuture<>();
        synchronized (lock) {
            execPending.put(reqId, f);
            execSeen.put(reqId, new ArrayList<>());
        }
        sendOrFail(encoder().reqExecutions(reqId, filter), f);
        return f;
    }

    /** TWS's clock in epoch seconds. */
    public CompletableFuture<Long> requestCurrentTime() throws IOException {
        CompletableFuture<Long> f = new CompletableFuture<>();
        synchronized (lock) {
            timePending.add(f);
        }
        sendOrFail(encoder().reqCurrentTime(), f);
        return f;
    }

    /** The commission report for an execution, once TWS has sent it. */
    public Optional<TwsMessage.CommissionReport> commission(String execId) {
        return Optional.ofNullable(commissions.get(execId));
    }

    /** Inbound messages of ids this client does not decode (skipped). */
    public long unhandledMessages() {
        return unhandled.get();
    }

    /** Inbound frames that failed to decode (skipped, reported as a protocol error to the listener log). */
    public long decodeErrors() {
        return decodeErrors.get();
    }

    private void sendOrFail(List<String> fields, CompletableFuture<?> f) throws IOException {
        try {
            send(fields);
        } catch (IOException e) {
            f.completeExceptionally(e);
            clearPending(f);
            throw e;
        }
    }

    private void clearPending(CompletableFuture<?> f) {
        synchronized (lock) {
            if (openOrdersPending == f) {
                openOrdersPending = null;
            }
            if (positionsPending == f) {
                positionsPending = null;
            }
            execPending.values().removeIf(x -> x == f);
            timePending.remove(f);
        }
    }

    private void send(List<String> fields) throws IOException {
        TwsConnection c = requireConnection();
        try {
            pacer.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pacing a message to TWS", e);
        }
        c.send(fields);
    }

    private TwsConnection requireConnection() {
        TwsConnection c = connection;
        if (c == null) {
            throw new IllegalStateException("not connected");
        }
        return c;
    }

    private TwsEncoder encoder() {
        TwsEncoder e = encoder;
        if (e == null) {
            throw new IllegalStateException("not connected");
        }
        return e;
    }

    private void dispatch(List<String> fields) {
        TwsMessage m;
        try {
            m = decoder.decode(fields);
        } catch (TwsProtocolException e) {
            decodeErrors.incrementAndGet();
            org.slf4j.LoggerFactory.getLogger(TwsClient.class).warn("skipping undecodable TWS message: {}", e.getMessage());
            return;
        }
        handle(m);
        try {
            listener.onMessage(m);
        } catch (RuntimeException e) {
            // a bug in the listener must not tear down the socket and with it every later fill report
            listenerErrors.incrementAndGet();
            org.slf4j.LoggerFactory.getLogger(TwsClient.class).error("TWS listener failed on {}", m, e);
        }
    }

    /** Listener failures caught on the reader thread. */
    public long listenerErrors() {
        return listenerErrors.get();
    }

    private void handle(TwsMessage m) {
        switch (m) {
            case TwsMessage.NextValidId n -> {
                nextOrderId.accumulateAndGet(n.orderId(), Math::max);
                readyPart(true, false);
            }
            case TwsMessage.ManagedAccounts a -> {
                accounts = a.accounts();
                readyPart(false, true);
            }
            case TwsMessage.OpenOrder o -> {
                synchronized (lock) {
                    if (openOrdersPending != null) {
                        openOrdersSeen.put(o.orderId(), o);
                    }
                }
            }
            case TwsMessage.OrderStatus s -> {
                synchronized (lock) {
                    if (openOrdersPending != null) {
                        statusesSeen.put(s.orderId(), s);
                    }
                }
            }
            case TwsMessage.OpenOrderEnd e -> {
                CompletableFuture<List<OpenOrderReport>> f;
                List<OpenOrderReport> out = new ArrayList<>();
                synchronized (lock) {
                    f = openOrdersPending;
                    openOrdersPending = null;
                    for (TwsMessage.OpenOrder o : openOrdersSeen.values()) {
                        out.add(new OpenOrderReport(o, statusesSeen.get(o.orderId())));
                    }
                }
                if (f != null) {
                    f.complete(List.copyOf(out));
                }
            }
            case TwsMessage.Position p -> {
                synchronized (lock) {
                    if (positionsPending != null) {
                        positionsSeen.add(p);
                    }
                }
            }
            case TwsMessage.PositionEnd e -> {
                CompletableFuture<List<TwsMessage.Position>> f;
                List<TwsMessage.Position> out;
                synchronized (lock) {
                    f = positionsPending;
                    positionsPending = null;
                    out = List.copyOf(positionsSeen);
                }
                if (f != null) {
                    try {
                        send(encoder().cancelPositions());
                    } catch (IOException | IllegalStateException ex) {
                        // the answer is complete; failing to unsubscribe only means more updates arrive
                    }
                    f.complete(out);
                }
            }
            case TwsMessage.ExecDetails x -> {
                synchronized (lock) {
                    List<TwsMessage.ExecDetails> l = execSeen.get(x.reqId());
                    if (l != null) {
                        l.add(x);
                    }
                }
            }
            case TwsMessage.ExecDetailsEnd e -> {
                CompletableFuture<List<ExecutionReport>> f;
                List<TwsMessage.ExecDetails> l;
                synchronized (lock) {
                    f = execPending.remove(e.reqId());
                    l = execSeen.remove(e.reqId());
                }
                if (f != null) {
                    List<ExecutionReport> out = new ArrayList<>();
                    for (TwsMessage.ExecDetails x : l) {
                        out.add(new ExecutionReport(x, commissions.get(x.execId())));
                    }
                    f.complete(List.copyOf(out));
                }
            }
            case TwsMessage.CommissionReport c -> commissions.put(c.execId(), c);
            case TwsMessage.CurrentTime t -> {
                CompletableFuture<Long> f = null;
                synchronized (lock) {
                    if (!timePending.isEmpty()) {
                        f = timePending.remove(0);
                    }
                }
                if (f != null) {
                    f.complete(t.epochSeconds());
                }
            }
            case TwsMessage.Error err -> {
                CompletableFuture<List<ExecutionReport>> f;
                synchronized (lock) {
                    f = execPending.remove(err.reqId());
                    execSeen.remove(err.reqId());
                }
                if (f != null) {
                    f.completeExceptionally(new IOException("TWS error " + err.code() + " for reqExecutions "
                            + err.reqId() + ": " + err.message()));
                }
            }
            case TwsMessage.Unhandled u -> unhandled.incrementAndGet();
        }
    }

    private void readyPart(boolean nextId, boolean accts) {
        CompletableFuture<Void> r = null;
        synchronized (lock) {
            gotNextId |= nextId;
            gotAccounts |= accts;
            if (gotNextId && gotAccounts && ready != null) {
                r = ready;
                ready = null;
                readyConnection = connection;
            }
        }
        if (r != null) {
            r.complete(null);
        }
    }

    private void disconnected(Throwable cause, TwsConnection which) {
        IOException ex = new IOException("connection to TWS ended", cause);
        List<CompletableFuture<?>> toFail = new ArrayList<>();
        synchronized (lock) {
            if (ready != null) {
                toFail.add(ready);
                ready = null;
            }
            if (openOrdersPending != null) {
                toFail.add(openOrdersPending);
                openOrdersPending = null;
            }
            if (positionsPending != null) {
                toFail.add(positionsPending);
                positionsPending = null;
            }
            toFail.addAll(execPending.values());
            execPending.clear();
            execSeen.clear();
            toFail.addAll(timePending);
            timePending.clear();
        }
        for (CompletableFuture<?> f : toFail) {
            f.completeExceptionally(ex);
        }
        if (which == readyConnection) {
            listener.onDisconnected(cause);
        }
    }

    @Override
    public void close() {
        TwsConnection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
