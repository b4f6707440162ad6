package dev.flof.feeds.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flof.spi.event.EventSink;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.Position;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code binance-usdm} session: FLOF's {@link OrderCommand}s as signed USD-M REST requests, and the
 * user-data stream ({@code ORDER_TRADE_UPDATE}, {@code ALGO_UPDATE}) as {@link OrderEvent}s.
 *
 * <p>A bracket is three requests in this order: the entry ({@code /fapi/v1/order}), then the protective stop
 * and the take-profit on the algo endpoint (USD-M REST has no server-side bracket). If the entry is rejected
 * the children are reported REJECTED ("entry rejected") and never sent. Rejections carry the typed kind first
 * in {@link OrderEvent#reason()}: {@code "WOULD_IMMEDIATELY_TRIGGER (-2021): ..."} tells the engine that the
 * stop's trigger is already through the market and the position must be exited with a reduce-only market
 * order instead; see {@link BinanceErrorKind}.
 *
 * <p>Unknown outcomes (5xx, timeouts) are resolved by querying the order by its client id before any retry;
 * only when the venue says the order does not exist is it sent once more. If even the query has no answer,
 * a {@code SERVER_ERROR} venue status names the order and the engine's reconciliation settles it.
 *
 * <p>Commands run in order on one command thread; {@link #send} returns at once. A modify of a conditional
 * (algo) order places the replacement first and cancels the old one only after, so a protective stop is never
 * absent. Cancel-all calls both {@code DELETE /fapi/v1/allOpenOrders} and {@code DELETE /fapi/v1/algoOpenOrders}.
 *
 * <p>Reconciliation queries block the caller; do not call them on the thread delivering this session's events.
 */
final class BinanceUsdmSession implements ExecutionVenue.Session {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceUsdmSession.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String VENUE = BinanceUsdmVenue.ID;
    private static final long MS = 1_000_000L;

    /**
     * @param wsBase       user-data stream host, e.g. {@code wss://fstream.binance.com}
     * @param symbols      symbols always covered by cancel-all "*" and executionsSince
     * @param keepAliveMs  listen-key keep-alive period (Binance: valid 60 minutes)
     */
    record Config(String wsBase, UsdmOrderTemplates.Settings templates, List<String> symbols, long keepAliveMs,
                  List<Long> backoffMs, Guard guard) {
        Config {
            symbols = List.copyOf(symbols);
            backoffMs = List.copyOf(backoffMs);
        }
    }

    /**
     * The liquidation-distance check before each exposure-adding bracket (isolated margin).
     *
     * @param leverage       the leverage FLOF trades at; 0 disables the check
     * @param bufferFraction required distance of the liquidation price beyond the stop, as a fraction of the
     *                       stop distance
     */
    record Guard(int leverage, java.math.BigDecimal bufferFraction) {
        static Guard off() {
            return new Guard(0, java.math.BigDecimal.ZERO);
        }
    }

    /** Reason prefix of a bracket refused because its liquidation price would come before its stop. */
    static final String LIQUIDATION_TOO_CLOSE = "LIQUIDATION_TOO_CLOSE";

    /** FLOF's view of one order at the venue. Guarded by {@code lock}. */
    private static final class Tracked {
        final String flofId;
        final String groupId;
        Order order;
        boolean algo;
        String venueClientId;
        String venueOrderId;
        boolean accepted;
        boolean terminal;
        long filled;
        int revision;
        /** The request that placed the current revision (a replacement copies it with new values). */
        UsdmOrderTemplates.Request request;

        Tracked(String flofId, String groupId, Order order, boolean algo) {
            this.flofId = flofId;
            this.groupId = groupId;
            this.order = order;
            this.algo = algo;
            this.venueClientId = flofId;
        }
    }

    private final Config cfg;
    private final EventSink sink;
    private final LongSupplier clockNs;
    private final BinanceRestClient rest;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final ExecutorService io;
    private final ExecutorService commands;
    private final Object lock = new Object();
    private final Map<String, Tracked> byFlofId = new TreeMap<>();
    private final Map<String, String> flofIdByVenueClientId = new TreeMap<>();
    private final Map<String, String> flofIdByVenueOrderId = new TreeMap<>();
    private final Set<String> seenTrades = new HashSet<>();
    /** Leverage last set per symbol by this session (POST /fapi/v1/leverage). Command thread only. */
    private final Map<String, Integer> leverageSet = new TreeMap<>();
    /** Maintenance tiers per symbol from /fapi/v1/leverageBracket. Command thread only. */
    private final Map<String, List<LiquidationGuard.Tier>> tiers = new TreeMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile String listenKey;
    private volatile BinanceWsConnection userStream;
    private volatile boolean closing;

    BinanceUsdmSession(Config cfg, EventSink sink, LongSupplier clockNs, BinanceRestClient rest, HttpClient http,
                       Sleeper sleeper, ExecutorService io) {
        this.cfg = cfg;
        this.sink = sink;
        this.clockNs = clockNs;
        this.rest = rest;
        this.http = http;
        this.sleeper = sleeper;
        this.io = io;
        this.commands = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "binance-usdm-commands");
            t.setDaemon(true);
            return t;
        });
    }

    /** Measures the server-time offset, opens the user-data stream and reports CONNECTED. */
    void start() {
        rest.syncTime();
        listenKey = newListenKey();
        BinanceWsConnection ws = new BinanceWsConnection("usdm/private", http, this::userStreamUri,
                new UserStreamHandler(), clockNs, sleeper, cfg.backoffMs(), Long.MAX_VALUE, io);
        userStream = ws;
        ws.start();
        venueStatus(VenueStatus.Kind.CONNECTED, "server time offset " + rest.offsetMs() + " ms");
    }

    private URI userStreamUri() {
        return URI.create(cfg.wsBase() + "/private/ws?listenKey=" + URLEncoder.encode(listenKey, StandardCharsets.UTF_8)
                + "&events=ORDER_TRADE_UPDATE/ACCOUNT_UPDATE/ALGO_UPDATE");
    }

    private String newListenKey() {
        JsonNode k = rest.keyedCall("POST", "/fapi/v1/listenKey", Map.of());
        String key = k.path("listenKey").asText("");
        if (key.isEmpty()) {
            throw new BinanceProtocolException("POST /fapi/v1/listenKey: no listenKey in answer");
        }
        return key;
    }

    /**
     * Extends the listen key's validity (the provider's timer calls this every {@code keepAliveMs}); if the key
     * has expired, a new one is created and the user-data stream reopened on it.
     */
    void keepAlive() {
        try {
            rest.keyedCall("PUT", "/fapi/v1/listenKey", Map.of());
        } catch (BinanceApiException e) {
            if (e.kind() == BinanceErrorKind.UNKNOWN_OUTCOME || e.kind() == BinanceErrorKind.RATE_LIMITED) {
                LOG.warn("Binance listen-key keep-alive failed ({}); will retry on the next tick", e.kind());
                return;
            }
            LOG.warn("Binance listen key no longer valid ({}); creating a new one", e.getMessage());
            renewListenKey();
        }
    }

    private void renewListenKey() {
        listenKey = newListenKey();
        BinanceWsConnection ws = userStream;
        if (ws != null) {
            ws.restart("new listen key");
        }
    }

    long keepAliveMs() {
        return cfg.keepAliveMs();
    }

    @Override
    public void send(OrderCommand command) {
        commands.execute(() -> {
            try {
                execute(command);
            } catch (RuntimeException e) {
                LOG.error("Binance command {} failed: {}", command.getClass().getSimpleName(), e.getMessage());
                venueStatus(VenueStatus.Kind.SERVER_ERROR, command.getClass().getSimpleName() + " " + command.symbol()
                        + ": " + e.getMessage());
            }
        });
    }

    /** Waits until every command sent so far has been executed (tests and orderly shutdown). */
    void flush() {
        try {
            commands.submit(() -> { }).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Binance command queue did not drain", e);
        }
    }

    private void execute(OrderCommand command) {
        switch (command) {
            case OrderCommand.SubmitBracket b -> submitBracket(b.bracket());
            case OrderCommand.Submit s -> submitSingle(s.order());
            case OrderCommand.Modify m -> modify(m);
            case OrderCommand.Cancel c -> cancel(c.symbol(), c.clientOrderId());
            case OrderCommand.CancelAll a -> cancelAll(a.symbol());
        }
    }

    private Tracked track(Order o, String groupId, boolean algo) {
        synchronized (lock) {
            if (byFlofId.containsKey(o.clientOrderId())) {
                throw new IllegalArgumentException("duplicate clientOrderId " + o.clientOrderId());
            }
            Tracked t = new Tracked(o.clientOrderId(), groupId, o, algo);
            byFlofId.put(t.flofId, t);
            flofIdByVenueClientId.put(t.venueClientId, t.flofId);
            return t;
        }
    }

    private void submitBracket(BracketOrder b) {
        Tracked entry = track(b.entry(), b.groupId(), UsdmOrderTemplates.isConditional(b.entry().type()));
        Tracked stop = track(b.stop(), b.groupId(), true);
        Tracked target = b.target() == null ? null : track(b.target(), b.groupId(), true);
        if (cfg.guard().leverage() > 0 && !b.entry().reduceOnly()) {
            String refusal = guardLiquidation(b);
            if (refusal != null) {
                reject(entry, refusal);
                reject(stop, refusal);
                if (target != null) {
                    reject(target, refusal);
                }
                return;
            }
        }
        if (!place(entry, UsdmOrderTemplates.order(b.entry()))) {
            reject(stop, "entry rejected");
            if (target != null) {
                reject(target, "entry rejected");
            }
            return;
        }
        place(stop, UsdmOrderTemplates.protectiveStop(b.stop(), stop.venueClientId, cfg.templates()));
        if (target != null) {
            place(target, UsdmOrderTemplates.takeProfit(b.target(), target.venueClientId, cfg.templates()));
        }
    }

    /**
     * Runs the {@link LiquidationGuard} for the bracket and sets the leverage it allows; returns null to go on,
     * or the rejection reason. Fails closed: if the venue cannot be asked, the exposure is not added.
     */
    private String guardLiquidation(BracketOrder b) {
        Order e = b.entry();
        String symbol = e.symbol();
        try {
            long entryPx = switch (e.type()) {
                case LIMIT -> e.limitPrice();
                case STOP, STOP_LIMIT -> e.stopPrice();
                case MARKET -> BinanceDecimals.rounded(rest.publicCall("GET", "/fapi/v1/premiumIndex",
                        Map.of("symbol", symbol)).path("markPrice").asText(), "premiumIndex.markPrice");
            };
            LiquidationGuard guard = new LiquidationGuard(tiersOf(symbol), cfg.guard().bufferFraction());
            LiquidationGuard.Decision d = guard.check(new LiquidationGuard.Proposal(e.side() == Side.BUY,
                    dev.flof.spi.market.Fixed.toDecimal(entryPx), dev.flof.spi.market.Fixed.toDecimal(b.stop().stopPrice()),
                    dev.flof.spi.market.Fixed.toDecimal(e.quantity()), cfg.guard().leverage()));
            switch (d.action()) {
                case OK, REDUCE_LEVERAGE -> {
                    if (d.action() == LiquidationGuard.Action.REDUCE_LEVERAGE) {
                        LOG.warn("Binance {}: leverage {} would put liquidation ({}) inside the stop buffer; using {}",
                                symbol, cfg.guard().leverage(), d.liquidationPrice().toPlainString(), d.leverage());
                    }
                    setLeverage(symbol, d.leverage());
                    return null;
                }
                default -> {
                    return LIQUIDATION_TOO_CLOSE + ": liquidation at " + d.liquidationPrice().toPlainString()
                            + " is not beyond stop " + Fixed.format(b.stop().stopPrice()) + " by the buffer"
                            + (d.action() == LiquidationGuard.Action.REDUCE_SIZE ? "; largest safe quantity "
                            + d.quantity().stripTrailingZeros().toPlainString() + " at leverage " + d.leverage() : "");
                }
            }
        } catch (BinanceApiException | BinanceProtocolException | IllegalArgumentException ex) {
            return LIQUIDATION_TOO_CLOSE + ": liquidation check failed, entry not sent: " + ex.getMessage();
        }
    }

    private void setLeverage(String symbol, int leverage) {
        if (Integer.valueOf(leverage).equals(leverageSet.get(symbol))) {
            return;
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol);
        p.put("leverage", Integer.toString(leverage));
        rest.signedCall("POST", "/fapi/v1/leverage", p);
        leverageSet.put(symbol, leverage);
    }

    private List<LiquidationGuard.Tier> tiersOf(String symbol) {
        List<LiquidationGuard.Tier> cached = tiers.get(symbol);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = rest.signedCall("GET", "/fapi/v1/leverageBracket", Map.of("symbol", symbol));
        JsonNode entry = answer;
        if (answer.isArray()) {
            entry = null;
            for (JsonNode n : answer) {
                if (n.path("symbol").asText().equals(symbol)) {
                    entry = n;
                }
            }
        }
        if (entry == null || !entry.path("brackets").isArray() || entry.path("brackets").isEmpty()) {
            throw new BinanceProtocolException("/fapi/v1/leverageBracket: no brackets for " + symbol);
        }
        List<LiquidationGuard.Tier> out = new ArrayList<>();
        for (JsonNode br : entry.path("brackets")) {
            out.add(new LiquidationGuard.Tier(new java.math.BigDecimal(br.path("notionalCap").asText()),
                    new java.math.BigDecimal(br.path("maintMarginRatio").asText()),
                    new java.math.BigDecimal(br.path("cum").asText("0"))));
        }
        out.sort(Comparator.comparing(LiquidationGuard.Tier::maxNotional));
        tiers.put(symbol, List.copyOf(out));
        return tiers.get(symbol);
    }

    private void submitSingle(Order o) {
        boolean conditional = UsdmOrderTemplates.isConditional(o.type());
        Tracked t = track(o, "", conditional);
        UsdmOrderTemplates.Request req = conditional && o.reduceOnly()
                ? UsdmOrderTemplates.protectiveStop(o, t.venueClientId, new UsdmOrderTemplates.Settings(
                        UsdmOrderTemplates.CloseMode.REDUCE_ONLY, cfg.templates().stopPriceProtect(),
                        cfg.templates().targetPriceProtect(), cfg.templates().workingType()))
                : UsdmOrderTemplates.order(o);
        place(t, req);
    }

    /** Sends one order; publishes ACCEPTED or REJECTED; returns whether it is at the venue. */
    private boolean place(Tracked t, UsdmOrderTemplates.Request req) {
        synchronized (lock) {
            t.request = req;
        }
        JsonNode answer;
        try {
            answer = sendResolvingUnknown(t, req);
        } catch (BinanceApiException e) {
            if (e.kind() == BinanceErrorKind.UNKNOWN_OUTCOME) {
                venueStatus(VenueStatus.Kind.SERVER_ERROR, "order " + t.flofId + " outcome unknown: " + e.getMessage());
                return false;
            }
            if (e.kind() == BinanceErrorKind.RATE_LIMITED || e.kind() == BinanceErrorKind.IP_BANNED) {
                venueStatus(VenueStatus.Kind.RATE_LIMITED, e.getMessage());
            }
            reject(t, reason(e));
            return false;
        }
        String venueId = req.algo() ? answer.path("algoId").asText("") : answer.path("orderId").asText("");
        synchronized (lock) {
            t.venueOrderId = venueId;
            if (!venueId.isEmpty()) {
                flofIdByVenueOrderId.put((req.algo() ? "algo:" : "") + venueId, t.flofId);
            }
            if (t.accepted) {
                return true;
            }
            t.accepted = true;
        }
        orderEvent(t, OrderEvent.Kind.ACCEPTED, clockNs.getAsLong(), 0, 0, t.order.quantity(), 0, "");
        return true;
    }

    private JsonNode sendResolvingUnknown(Tracked t, UsdmOrderTemplates.Request req) {
        try {
            return rest.signedCall(req.method(), req.path(), req.params());
        } catch (BinanceApiException e) {
            if (e.kind() != BinanceErrorKind.UNKNOWN_OUTCOME) {
                throw e;
            }
            LOG.warn("Binance {} for {}: outcome unknown; querying before any retry", req.path(), t.flofId);
            JsonNode found = query(t.order.symbol(), req.algo(), (String) req.params().get(
                    req.algo() ? "clientAlgoId" : "newClientOrderId"));
            if (found != null) {
                return found;
            }
            return rest.signedCall(req.method(), req.path(), req.params());
        }
    }

    /** The order as the venue has it, or null when it does not exist. */
    private JsonNode query(String symbol, boolean algo, String venueClientId) {
        Map<String, String> p = new LinkedHashMap<>();
        try {
            if (algo) {
                p.put("clientAlgoId", venueClientId);
                return rest.signedCall("GET", UsdmOrderTemplates.ALGO_PATH, p);
            }
            p.put("symbol", symbol);
            p.put("origClientOrderId", venueClientId);
            return rest.signedCall("GET", UsdmOrderTemplates.ORDER_PATH, p);
        } catch (BinanceApiException e) {
            if (e.kind() == BinanceErrorKind.NO_SUCH_ORDER) {
                return null;
            }
            throw e;
        }
    }

    private static String reason(BinanceApiException e) {
        return e.kind().name() + (e.code() != 0 ? " (" + e.code() + ")" : "") + ": " + e.getMessage();
    }

    private void reject(Tracked t, String reason) {
        synchronized (lock) {
            if (t.terminal) {
                return;
            }
            t.terminal = true;
        }
        orderEvent(t, OrderEvent.Kind.REJECTED, clockNs.getAsLong(), 0, 0, 0, 0, reason);
    }

    private void modify(OrderCommand.Modify m) {
        Tracked t;
        synchronized (lock) {
            t = byFlofId.get(m.clientOrderId());
        }
        if (t == null || t.terminal) {
            publish(new OrderEvent(VENUE, m.symbol(), now(), now(), sequence.incrementAndGet(), m.clientOrderId(), null,
                    OrderEvent.Kind.MODIFY_REJECTED, Side.NONE, 0, 0, 0, 0, "unknown or finished order"));
            return;
        }
        Order o = t.order;
        Order changed = new Order(o.clientOrderId(), o.symbol(), o.side(), o.type(),
                m.newQuantity() != 0 ? m.newQuantity() : o.quantity(),
                m.newLimitPrice() != 0 ? m.newLimitPrice() : o.limitPrice(),
                m.newStopPrice() != 0 ? m.newStopPrice() : o.stopPrice(), o.tif(), o.reduceOnly());
        try {
            if (!t.algo) {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("symbol", o.symbol());
                p.put("origClientOrderId", t.venueClientId);
                p.put("side", o.side().name());
                p.put("quantity", BinanceDecimals.text(changed.quantity()));
                p.put("price", BinanceDecimals.text(changed.limitPrice()));
                rest.signedCall("PUT", UsdmOrderTemplates.ORDER_PATH, p);
                synchronized (lock) {
                    t.order = changed;
                }
            } else {
                replaceAlgo(t, changed);
            }
        } catch (BinanceApiException e) {
            orderEvent(t, OrderEvent.Kind.MODIFY_REJECTED, now(), 0, 0, o.quantity() - t.filled, 0, reason(e));
            return;
        }
        orderEvent(t, OrderEvent.Kind.MODIFIED, now(), 0, 0, changed.quantity() - t.filled, 0, "");
    }

    /**
     * New conditional order first, then cancel the old one: the position is never without its stop. The
     * replacement is the original request (same type, close mode, priceProtect, workingType) with the new
     * trigger, limit and quantity under a new client id ({@code <id>-r<n>}).
     */
    private void replaceAlgo(Tracked t, Order changed) {
        String oldVenueClientId;
        int rev;
        Map<String, String> params;
        synchronized (lock) {
            oldVenueClientId = t.venueClientId;
            rev = t.revision + 1;
            params = new LinkedHashMap<>(t.request.params());
        }
        String newId = revisionId(t.flofId, rev);
        boolean takeProfit = params.getOrDefault("type", "").startsWith("TAKE_PROFIT");
        long trigger = takeProfit ? (changed.stopPrice() != 0 ? changed.stopPrice() : changed.limitPrice())
                : changed.stopPrice();
        params.put("triggerPrice", BinanceDecimals.text(trigger));
        if (params.containsKey("price")) {
            params.put("price", BinanceDecimals.text(changed.limitPrice()));
        }
        if (params.containsKey("quantity")) {
            params.put("quantity", BinanceDecimals.text(changed.quantity()));
        }
        params.put("clientAlgoId", newId);
        UsdmOrderTemplates.Request req = new UsdmOrderTemplates.Request("POST", UsdmOrderTemplates.ALGO_PATH, params);
        JsonNode answer = rest.signedCall(req.method(), req.path(), req.params());
        synchronized (lock) {
            t.revision = rev;
            t.venueClientId = newId;
            t.order = changed;
            t.request = req;
            flofIdByVenueClientId.put(newId, t.flofId);
            String algoId = answer.path("algoId").asText("");
            if (!algoId.isEmpty()) {
                t.venueOrderId = algoId;
                flofIdByVenueOrderId.put("algo:" + algoId, t.flofId);
            }
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("clientAlgoId", oldVenueClientId);
        try {
            rest.signedCall("DELETE", UsdmOrderTemplates.ALGO_PATH, p);
        } catch (BinanceApiException e) {
            if (e.kind() != BinanceErrorKind.NO_SUCH_ORDER) {
                venueStatus(VenueStatus.Kind.SERVER_ERROR, "replaced " + t.flofId + " but the old conditional order "
                        + oldVenueClientId + " was not cancelled: " + e.getMessage());
            }
        }
    }

    /** Binance client ids are at most 36 characters of {@code [.A-Z:/a-z0-9_-]}. */
    static String revisionId(String flofId, int rev) {
        String suffix = "-r" + rev;
        String base = flofId.length() + suffix.length() <= 36 ? flofId
                : flofId.substring(0, 36 - suffix.length());
        return base + suffix;
    }

    private void cancel(String symbol, String flofId) {
        Tracked t;
        synchronized (lock) {
            t = byFlofId.get(flofId);
        }
        try {
            if (t != null && t.algo) {
                cancelAlgo(t.venueClientId);
            } else {
                try {
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("symbol", symbol);
                    p.put("origClientOrderId", t != null ? t.venueClientId : flofId);
                    rest.signedCall("DELETE", UsdmOrderTemplates.ORDER_PATH, p);
                } catch (BinanceApiException e) {
                    if (t != null || e.kind() != BinanceErrorKind.NO_SUCH_ORDER) {
                        throw e;
                    }
                    cancelAlgo(flofId); // not known here (e.g. after a restart): it may be a conditional order
                }
            }
        } catch (BinanceApiException e) {
            publish(new OrderEvent(VENUE, symbol, now(), now(), sequence.incrementAndGet(), flofId,
                    t == null ? null : t.venueOrderId, OrderEvent.Kind.CANCEL_REJECTED, t == null ? Side.NONE
                    : t.order.side(), 0, 0, 0, 0, reason(e)));
            return;
        }
        if (t != null) {
            cancelled(t, "");
        } else {
            publish(new OrderEvent(VENUE, symbol, now(), now(), sequence.incrementAndGet(), flofId, null,
                    OrderEvent.Kind.CANCELLED, Side.NONE, 0, 0, 0, 0, ""));
        }
    }

    private void cancelAlgo(String venueClientId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("clientAlgoId", venueClientId);
        rest.signedCall("DELETE", UsdmOrderTemplates.ALGO_PATH, p);
    }

    private void cancelled(Tracked t, String reason) {
        synchronized (lock) {
            if (t.terminal) {
                return;
            }
            t.terminal = true;
        }
        orderEvent(t, OrderEvent.Kind.CANCELLED, now(), 0, 0, 0, 0, reason);
    }

    private void cancelAll(String symbol) {
        Set<String> symbols = new TreeSet<>();
        if (symbol.equals("*")) {
            symbols.addAll(knownSymbols());
        } else {
            symbols.add(symbol);
        }
        for (String s : symbols) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("symbol", s);
            BinanceApiException failure = null;
            try {
                rest.signedCall("DELETE", "/fapi/v1/allOpenOrders", p);
            } catch (BinanceApiException e) {
                failure = e;
            }
            try {
                rest.signedCall("DELETE", "/fapi/v1/algoOpenOrders", p);
            } catch (BinanceApiException e) {
                failure = failure == null ? e : failure;
            }
            if (failure != null) {
                venueStatus(VenueStatus.Kind.SERVER_ERROR, "cancel-all " + s + " incomplete: " + failure.getMessage());
                continue;
            }
            List<Tracked> open = new ArrayList<>();
            synchronized (lock) {
                for (Tracked t : byFlofId.values()) {
                    if (!t.terminal && t.order.symbol().equals(s)) {
                        open.add(t);
                    }
                }
            }
            open.forEach(t -> cancelled(t, "cancel-all"));
        }
    }

    private Set<String> knownSymbols() {
        Set<String> out = new TreeSet<>(cfg.symbols());
        synchronized (lock) {
            byFlofId.values().forEach(t -> out.add(t.order.symbol()));
        }
        return out;
    }

    // ---------------------------------------------------------------- reconciliation

    @Override
    public List<WorkingOrder> openOrders() {
        List<WorkingOrder> out = new ArrayList<>();
        JsonNode plain = rest.signedCall("GET", "/fapi/v1/openOrders", Map.of());
        for (JsonNode o : plain) {
            String cid = o.path("clientOrderId").asText();
            Side side = Side.valueOf(o.path("side").asText());
            OrderType type = switch (o.path("type").asText()) {
                case "MARKET" -> OrderType.MARKET;
                case "LIMIT" -> OrderType.LIMIT;
                default -> OrderType.LIMIT;
            };
            long qty = BinanceDecimals.exact(o.path("origQty").asText(), "openOrders.origQty");
            Order order = new Order(flofId(cid), o.path("symbol").asText(), side, type, qty,
                    BinanceDecimals.exact(o.path("price").asText("0"), "openOrders.price"), 0,
                    tifOf(o.path("timeInForce").asText()), o.path("reduceOnly").asBoolean(false));
            out.add(new WorkingOrder(order, o.path("orderId").asText(), groupOf(order.clientOrderId()),
                    BinanceDecimals.exact(o.path("executedQty").asText("0"), "openOrders.executedQty")));
        }
        JsonNode algos = rest.signedCall("GET", "/fapi/v1/openAlgoOrders", Map.of());
        Map<String, Long> positionQty = null;
        for (JsonNode o : algos) {
            String cid = o.path("clientAlgoId").asText();
            String symbol = o.path("symbol").asText();
            String type = o.path("orderType").asText(o.path("type").asText());
            long trigger = BinanceDecimals.exact(o.path("triggerPrice").asText("0"), "openAlgoOrders.triggerPrice");
            long qty = BinanceDecimals.exact(o.path("quantity").asText("0"), "openAlgoOrders.quantity");
            if (qty == 0) {
                if (positionQty == null) {
                    positionQty = new TreeMap<>();
                    for (Position p : positions()) {
                        positionQty.put(p.symbol(), Math.abs(p.quantity()));
                    }
                }
                // closePosition: it closes whatever is open; flat -> UNDEF (no size until a position exists)
                qty = positionQty.getOrDefault(symbol, 0L);
                if (qty == 0) {
                    qty = Fixed.UNDEF;
                }
            }
            boolean takeProfit = type.startsWith("TAKE_PROFIT");
            OrderType ft = type.equals("STOP") ? OrderType.STOP_LIMIT : takeProfit ? OrderType.LIMIT : OrderType.STOP;
            long limit = takeProfit ? trigger : BinanceDecimals.exact(o.path("price").asText("0"), "openAlgoOrders.price");
            Order order = new Order(flofId(cid), symbol, Side.valueOf(o.path("side").asText()), ft, qty, limit,
                    takeProfit ? 0 : trigger, TimeInForce.GTC, true);
            out.add(new WorkingOrder(order, o.path("algoId").asText(), groupOf(order.clientOrderId()), 0));
        }
        out.sort(Comparator.comparing((WorkingOrder w) -> w.order().symbol())
                .thenComparing(w -> w.order().clientOrderId()));
        return out;
    }

    private String flofId(String venueClientId) {
        synchronized (lock) {
            return flofIdByVenueClientId.getOrDefault(venueClientId, venueClientId);
        }
    }

    private String groupOf(String flofId) {
        synchronized (lock) {
            Tracked t = byFlofId.get(flofId);
            return t == null ? "" : t.groupId;
        }
    }

    private static TimeInForce tifOf(String s) {
        return s.equals("IOC") || s.equals("FOK") ? TimeInForce.IOC : TimeInForce.GTC;
    }

    @Override
    public List<Position> positions() {
        List<Position> out = new ArrayList<>();
        for (JsonNode p : rest.signedCall("GET", "/fapi/v3/positionRisk", Map.of())) {
            long qty = BinanceDecimals.exact(p.path("positionAmt").asText("0"), "positionRisk.positionAmt");
            if (qty == 0) {
                continue;
            }
            out.add(new Position(VENUE, p.path("symbol").asText(), qty,
                    BinanceDecimals.rounded(p.path("entryPrice").asText("0"), "positionRisk.entryPrice")));
        }
        out.sort(Comparator.comparing(Position::symbol));
        return out;
    }

    @Override
    public List<Execution> executionsSince(long tsNanos) {
        Set<String> symbols = knownSymbols();
        positions().forEach(p -> symbols.add(p.symbol()));
        List<Execution> out = new ArrayList<>();
        for (String s : symbols) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("symbol", s);
            p.put("startTime", Long.toString(Math.floorDiv(tsNanos, MS)));
            for (JsonNode t : rest.signedCall("GET", "/fapi/v1/userTrades", p)) {
                String orderId = t.path("orderId").asText();
                String flof;
                synchronized (lock) {
                    flof = flofIdByVenueOrderId.getOrDefault(orderId, "binance-order-" + orderId);
                }
                long ts = t.path("time").asLong() * MS;
                if (ts < tsNanos) {
                    continue;
                }
                out.add(new Execution(s + ":" + t.path("id").asText(), flof, s, Side.valueOf(t.path("side").asText()),
                        BinanceDecimals.exact(t.path("price").asText(), "userTrades.price"),
                        BinanceDecimals.exact(t.path("qty").asText(), "userTrades.qty"),
                        BinanceDecimals.rounded(t.path("commission").asText("0"), "userTrades.commission"), ts));
            }
        }
        out.sort(Comparator.comparingLong(Execution::tsEvent).thenComparing(Execution::executionId));
        return out;
    }

    @Override
    public void close() {
        closing = true;
        commands.shutdown();
        try {
            commands.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BinanceWsConnection ws = userStream;
        if (ws != null) {
            ws.close();
        }
        if (listenKey != null) {
            try {
                rest.keyedCall("DELETE", "/fapi/v1/listenKey", Map.of());
            } catch (RuntimeException e) {
                LOG.warn("Binance: closing the listen key failed: {}", e.getMessage());
            }
        }
        venueStatus(VenueStatus.Kind.DISCONNECTED, "session closed");
    }

    // ---------------------------------------------------------------- user-data stream

    /** Applies one user-data event (ORDER_TRADE_UPDATE, ALGO_UPDATE, listenKeyExpired); others are ignored. */
    void onUserData(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            LOG.warn("Binance user-data message is not JSON; skipped");
            return;
        }
        JsonNode d = root.has("data") ? root.get("data") : root;
        switch (d.path("e").asText()) {
            case "ORDER_TRADE_UPDATE" -> onOrderUpdate(d);
            case "ALGO_UPDATE" -> onAlgoUpdate(d);
            case "listenKeyExpired" -> io.execute(this::renewListenKey);
            default -> {
            }
        }
    }

    private void onOrderUpdate(JsonNode d) {
        JsonNode o = d.path("o");
        String cid = o.path("c").asText();
        String orderId = o.path("i").asText();
        long ts = d.path("T").asLong(d.path("E").asLong()) * MS;
        Tracked t;
        synchronized (lock) {
            String flof = flofIdByVenueClientId.get(cid);
            if (flof == null) {
                flof = flofIdByVenueOrderId.get(orderId);
            }
            t = flof == null ? null : byFlofId.get(flof);
            if (t == null) {
                t = triggeredAlgoFor(o.path("s").asText(), o.path("S").asText(), o.path("ot").asText());
            }
            if (t != null && t.venueOrderId == null) {
                t.venueOrderId = orderId;
            }
            if (t != null) {
                flofIdByVenueOrderId.put(orderId, t.flofId);
            }
        }
        String exec = o.path("x").asText();
        String status = o.path("X").asText();
        Side side = Side.valueOf(o.path("S").asText("BUY"));
        String symbol = o.path("s").asText();
        if (exec.equals("TRADE")) {
            String tradeKey = symbol + ":" + o.path("t").asText();
            synchronized (lock) {
                if (!seenTrades.add(tradeKey)) {
                    return;
                }
            }
            long px = BinanceDecimals.exact(o.path("L").asText(), "ORDER_TRADE_UPDATE.L");
            long q = BinanceDecimals.exact(o.path("l").asText(), "ORDER_TRADE_UPDATE.l");
            long orig = BinanceDecimals.exact(o.path("q").asText("0"), "ORDER_TRADE_UPDATE.q");
            long cum = BinanceDecimals.exact(o.path("z").asText("0"), "ORDER_TRADE_UPDATE.z");
            long fee = BinanceDecimals.rounded(o.path("n").asText("0"), "ORDER_TRADE_UPDATE.n");
            OrderEvent.Kind kind = status.equals("FILLED") ? OrderEvent.Kind.FILLED : OrderEvent.Kind.PARTIALLY_FILLED;
            if (t != null) {
                synchronized (lock) {
                    t.filled = cum;
                    if (kind == OrderEvent.Kind.FILLED) {
                        t.terminal = true;
                    }
                }
                orderEvent(t, kind, ts, px, q, Math.max(0, orig - cum), fee, "");
            } else {
                publish(new OrderEvent(VENUE, symbol, ts, now(), sequence.incrementAndGet(), cid, orderId, kind, side,
                        px, q, Math.max(0, orig - cum), fee, "not placed by this session"));
            }
            return;
        }
        if (t == null || t.algo) {
            return; // algo orders report their lifecycle through ALGO_UPDATE
        }
        switch (exec) {
            case "NEW" -> {
                synchronized (lock) {
                    if (t.accepted) {
                        return;
                    }
                    t.accepted = true;
                }
                orderEvent(t, OrderEvent.Kind.ACCEPTED, ts, 0, 0, t.order.quantity(), 0, "");
            }
            case "CANCELED" -> cancelled(t, "");
            case "EXPIRED" -> terminal(t, OrderEvent.Kind.EXPIRED, ts, "expired by venue");
            default -> {
            }
        }
    }

    /**
     * The order a triggered conditional order spawns has its own client id; its fills are attributed to the
     * one open FLOF conditional order of that symbol, side and type (e.g. the bracket's STOP_MARKET). With
     * none or several candidates the fill is reported under the venue's id.
     */
    private Tracked triggeredAlgoFor(String symbol, String side, String origType) {
        Tracked found = null;
        for (Tracked c : byFlofId.values()) {
            if (c.algo && !c.terminal && c.request != null && c.order.symbol().equals(symbol)
                    && c.order.side().name().equals(side) && origType.equals(c.request.params().get("type"))) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    private void onAlgoUpdate(JsonNode d) {
        JsonNode o = d.path("o");
        String caid = o.path("caid").asText();
        long ts = d.path("T").asLong(d.path("E").asLong()) * MS;
        Tracked t;
        synchronized (lock) {
            String flof = flofIdByVenueClientId.get(caid);
            t = flof == null ? null : byFlofId.get(flof);
            String actual = o.path("ai").asText("");
            if (t != null && !actual.isEmpty()) {
                flofIdByVenueOrderId.put(actual, t.flofId);
            }
            if (t != null && !t.venueClientId.equals(caid)) {
                return; // an update about a replaced revision
            }
        }
        if (t == null) {
            return;
        }
        switch (o.path("X").asText()) {
            case "NEW" -> {
                synchronized (lock) {
                    if (t.accepted) {
                        return;
                    }
                    t.accepted = true;
                }
                orderEvent(t, OrderEvent.Kind.ACCEPTED, ts, 0, 0, t.order.quantity(), 0, "");
            }
            case "TRIGGERED" -> orderEvent(t, OrderEvent.Kind.TRIGGERED, ts, 0, 0, t.order.quantity() - t.filled, 0, "");
            case "CANCELED" -> cancelled(t, "");
            case "EXPIRED" -> terminal(t, OrderEvent.Kind.EXPIRED, ts, "expired by venue (position closed)");
            case "REJECTED" -> terminal(t, OrderEvent.Kind.REJECTED, ts, "REJECTED: conditional order rejected at trigger");
            default -> {
            }
        }
    }

    private void terminal(Tracked t, OrderEvent.Kind kind, long ts, String reason) {
        synchronized (lock) {
            if (t.terminal) {
                return;
            }
            t.terminal = true;
        }
        orderEvent(t, kind, ts, 0, 0, 0, 0, reason);
    }

    private final class UserStreamHandler implements BinanceWsConnection.Handler {
        @Override
        public void onText(String message, long tsRecv) {
            onUserData(message);
        }

        @Override
        public void onOpen(boolean reconnect) {
            if (reconnect) {
                venueStatus(VenueStatus.Kind.RECONNECTED, "user-data stream reopened; reconcile before trading");
            }
        }

        @Override
        public void onStale(long silentNs) {
        }

        @Override
        public void onDown(String why) {
            if (!closing) {
                venueStatus(VenueStatus.Kind.DISCONNECTED, "user-data stream: " + why);
            }
        }
    }

    // ---------------------------------------------------------------- events

    private long now() {
        return clockNs.getAsLong();
    }

    private void orderEvent(Tracked t, OrderEvent.Kind kind, long tsEvent, long px, long qty, long leaves, long fee,
                            String reason) {
        publish(new OrderEvent(VENUE, t.order.symbol(), tsEvent, now(), sequence.incrementAndGet(), t.flofId,
                t.venueOrderId == null || t.venueOrderId.isEmpty() ? null : t.venueOrderId, kind, t.order.side(),
                px, qty, leaves, fee, reason));
    }

    private void venueStatus(VenueStatus.Kind kind, String detail) {
        long n = now();
        publish(new VenueStatus(VENUE, n, n, sequence.incrementAndGet(), kind, detail));
    }

    private void publish(dev.flof.spi.event.Event e) {
        if (!sink.publish(e)) {
            LOG.error("Binance: the event sink refused {}", e.getClass().getSimpleName());
        }
    }
}
