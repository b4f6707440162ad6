package dev.flof.risk.breakers;

import dev.flof.risk.ParamKeys;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.BreakerAction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The risk overlord (issue 10, protocol 2, "nuclear flatten"): protection against FLOF's own code. Once a
 * pillar trips, the guard stays tripped for the life of the process: every new exposure is vetoed, and the
 * host runs its flatten sequence. Clearing it is an operator decision (restart after clearing the halt).
 * <ul>
 *   <li><b>anti-spam</b>: at most {@code shortWindowOrders} (3) new-exposure orders per rolling
 *       {@code shortWindowSeconds} (60) and {@code longWindowOrders} (10) per {@code longWindowSeconds} (3600);
 *       the next one is vetoed and trips FLATTEN. Measured on the host clock ({@code nowNanos});</li>
 *   <li><b>fat finger</b>: an order above {@code maxPositionSize} (whole units, e.g. 2 contracts or 0.5 BTC; per
 *       symbol {@code maxPositionSize.<SYMBOL>} wins) is vetoed and trips FLATTEN. An order within the size
 *       that would take the tracked position beyond it is only vetoed. A symbol without a configured size is
 *       refused (fail closed);</li>
 *   <li><b>capital</b>: today's realized (fills, after fees) plus unrealized (open positions marked at the last
 *       trade, or the bid/ask they would exit at) loss beyond {@code dailyLossLimit} (currency) or
 *       {@code dailyLossPct} (3.0) % of {@code equity}, whichever is smaller, or {@code maxConsecutiveLosses} (5)
 *       losing round trips in a row, trips FLATTEN. Currency per point per unit is {@code pointValue.<SYMBOL>}
 *       (default 1, i.e. quote currency for crypto; set 50 for ES). The day rolls at {@code tradingDayStart}
 *       (00:00) in {@code tradingDayZone} (UTC); ES: 18:00 America/New_York. At least one of {@code equity} and
 *       {@code dailyLossLimit} is required. Positions are booked from fills only: a position the host adopted from
 *       the venue after a restart reaches this guard as a {@code FILLED} event of the venue's quantity at the venue's
 *       average price, marked as such (client order id {@code FLOF-ADOPTED-<symbol>}), so its stop's fill closes it;</li>
 *   <li><b>zombie feed</b>: market data whose exchange time is older than its receive time by more than
 *       {@code maxFeedLagMs} (500; per symbol {@code maxFeedLagMs.<SYMBOL>}) trips FLATTEN. Where a venue's
 *       timestamps are too coarse (IB: whole seconds), set {@code feedLagMode.<SYMBOL>=arrival}: staleness is then
 *       a gap between arrivals longer than {@code maxArrivalGapMs} (5000). While any venue reports HALTED the
 *       zombie pillar asks for REDUCE_ONLY instead: a market flatten into a halted market is not sent blindly;</li>
 *   <li><b>order-ack latency</b>: an entry not acknowledged within {@code maxAckLatencyMs} (2000) trips
 *       {@code ackLatencyAction} (REDUCE_ONLY; or FLATTEN). The clock starts when this guard passes the command,
 *       so the overlord must be the last gate before the venue (the {@code layered} breaker tells it when another
 *       layer vetoed).</li>
 * </ul>
 */
@org.pf4j.Extension
public final class OverlordBreaker implements CircuitBreaker {
    public static final String ID = "overlord";
    static final ParamKeys KEYS = new ParamKeys(
            Set.of("shortWindowOrders", "shortWindowSeconds", "longWindowOrders", "longWindowSeconds", "maxPositionSize",
                    "dailyLossLimit", "dailyLossPct", "equity", "maxConsecutiveLosses", "tradingDayZone",
                    "tradingDayStart", "maxFeedLagMs", "maxArrivalGapMs", "maxAckLatencyMs", "ackLatencyAction"),
            Set.of("maxPositionSize.", "pointValue.", "maxFeedLagMs.", "feedLagMode.", "maxArrivalGapMs."));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "nuclear flatten: order spam, fat finger, daily loss / loss streak, zombie feed, slow acks";
    }

    @Override
    public Guard create(Params params) {
        KEYS.check(params);
        return new Overlord(params);
    }

    /** One running overlord. */
    static final class Overlord implements Guard {
        private final Params params;
        private final int shortOrders;
        private final long shortWindow;
        private final int longOrders;
        private final long longWindow;
        private final BigDecimal dailyLimit;
        private final int maxLosses;
        private final ZoneId dayZone;
        private final Duration dayStart;
        private final long ackLatency;
        private final BreakerAction.Kind ackAction;

        private final ArrayDeque<Long> sent = new ArrayDeque<>();
        private final Map<String, Long> awaitingAck = new LinkedHashMap<>();
        private final Map<String, Book> books = new TreeMap<>();
        private final Map<String, Long> lastArrival = new TreeMap<>();
        private final Set<String> haltedVenues = new TreeSet<>();
        private final List<BreakerAction> pending = new ArrayList<>();
        private BigDecimal realizedToday = BigDecimal.ZERO;
        private String day;
        private int lossStreak;
        private BreakerAction.Kind tripped;
        private String tripReason;

        Overlord(Params p) {
            this.params = p;
            this.shortOrders = (int) count(p, "shortWindowOrders", 3);
            this.shortWindow = seconds(p, "shortWindowSeconds", 60);
            this.longOrders = (int) count(p, "longWindowOrders", 10);
            this.longWindow = seconds(p, "longWindowSeconds", 3600);
            this.maxLosses = (int) count(p, "maxConsecutiveLosses", 5);
            double pct = Guards.positive(p, "dailyLossPct", 3.0);
            BigDecimal limit = null;
            if (p.values().containsKey("equity")) {
                limit = BigDecimal.valueOf(Guards.positive(p, "equity", 1)).multiply(BigDecimal.valueOf(pct))
                        .divide(BigDecimal.valueOf(100), 9, RoundingMode.HALF_EVEN);
            }
            if (p.values().containsKey("dailyLossLimit")) {
                BigDecimal abs = BigDecimal.valueOf(Guards.positive(p, "dailyLossLimit", 1));
                limit = limit == null ? abs : limit.min(abs);
            }
            if (limit == null) {
                throw new IllegalArgumentException(p.path() + ": set equity (for dailyLossPct) or dailyLossLimit;"
                        + " the overlord does not run without a daily loss limit");
            }
            this.dailyLimit = limit;
            try {
                this.dayZone = ZoneId.of(p.string("tradingDayZone", "UTC"));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException(p.path() + ".tradingDayZone: " + e.getMessage(), e);
            }
            try {
                this.dayStart = Duration.ofNanos(LocalTime.parse(p.string("tradingDayStart", "00:00")).toNanoOfDay());
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException(p.path() + ".tradingDayStart: expected HH:mm, got '"
                        + p.string("tradingDayStart", "") + "'", e);
            }
            this.ackLatency = Guards.millis(p, "maxAckLatencyMs", 2000);
            String action = p.string("ackLatencyAction", "REDUCE_ONLY").trim().toUpperCase(Locale.ROOT);
            if (!action.equals("REDUCE_ONLY") && !action.equals("FLATTEN")) {
                throw new IllegalArgumentException(p.path() + ".ackLatencyAction: expected REDUCE_ONLY or FLATTEN, got '" + action + "'");
            }
            this.ackAction = BreakerAction.Kind.valueOf(action);
            for (String key : p.values().keySet()) {
                if (key.startsWith("feedLagMode.")) {
                    String m = p.string(key, "").trim();
                    if (!m.equals("exchange") && !m.equals("arrival")) {
                        throw new IllegalArgumentException(p.path() + "." + key + ": expected exchange or arrival, got '" + m + "'");
                    }
                }
                if (key.startsWith("maxPositionSize")) {
                    Guards.positive(p, key, 1);
                }
                if (key.startsWith("pointValue.")) {
                    Guards.positive(p, key, 1);
                }
                if (key.startsWith("maxFeedLagMs") || key.startsWith("maxArrivalGapMs")) {
                    Guards.millis(p, key, 1);
                }
            }
        }

        private static long count(Params p, String key, long dflt) {
            long v = p.integer(key, dflt);
            if (v < 1) {
                throw new IllegalArgumentException(p.path() + "." + key + ": must be at least 1, got " + v);
            }
            return v;
        }

        private static long seconds(Params p, String key, long dflt) {
            return count(p, key, dflt) * Guards.SEC;
        }

        @Override
        public String vet(OrderCommand command, long now) {
            if (command == null || !command.addsExposure()) {
                return null;
            }
            if (tripped != null) {
                return "overlord tripped (" + tripReason + "): no new exposure";
            }
            Order entry = Guards.entryOf(command);
            if (entry == null) {
                return null;
            }
            BigDecimal max = maxPositionSize(entry.symbol());
            if (max == null) {
                return "overlord: no maxPositionSize configured for " + entry.symbol() + " (fail closed)";
            }
            BigDecimal size = Fixed.toDecimal(entry.quantity());
            if (size.compareTo(max) > 0) {
                trip(BreakerAction.Kind.FLATTEN, "fat finger: " + entry.clientOrderId() + " for " + size.toPlainString()
                        + " " + entry.symbol() + " above maxPositionSize " + max.toPlainString(), now);
                return "overlord: " + tripReason;
            }
            Book b = books.get(entry.symbol());
            if (b != null) {
                BigDecimal after = b.qty.add(size.multiply(BigDecimal.valueOf(entry.side().sign()))).abs();
                if (after.compareTo(max) > 0) {
                    return "overlord: " + entry.clientOrderId() + " would take the " + entry.symbol() + " position to "
                            + after.toPlainString() + ", above maxPositionSize " + max.toPlainString();
                }
            }
            while (!sent.isEmpty() && sent.peekFirst() <= now - longWindow) {
                sent.pollFirst();
            }
            int inShort = 0;
            for (Iterator<Long> it = sent.descendingIterator(); it.hasNext(); ) {
                if (it.next() > now - shortWindow) {
                    inShort++;
                } else {
                    break;
                }
            }
            if (inShort >= shortOrders || sent.size() >= longOrders) {
                String which = inShort >= shortOrders
                        ? inShort + " new-exposure orders in the last " + shortWindow / Guards.SEC + " s"
                        : sent.size() + " new-exposure orders in the last " + longWindow / Guards.SEC + " s";
                trip(BreakerAction.Kind.FLATTEN, "order spam: " + entry.clientOrderId() + " after " + which, now);
                return "overlord: " + tripReason;
            }
            sent.addLast(now);
            awaitingAck.put(entry.clientOrderId(), now);
            return null;
        }

        /**
         * The command this guard passed was vetoed by another layer and never left: stop waiting for its
         * acknowledgement (it still counts towards the order rate: hammering a closed gate is a bug too).
         */
        void notSent(OrderCommand command) {
            Order entry = Guards.entryOf(command);
            if (entry != null) {
                awaitingAck.remove(entry.clientOrderId());
            }
        }

        private BigDecimal maxPositionSize(String symbol) {
            String key = params.values().containsKey("maxPositionSize." + symbol) ? "maxPositionSize." + symbol : "maxPositionSize";
            return params.values().containsKey(key) ? BigDecimal.valueOf(params.decimal(key, 0)) : null;
        }

        private BigDecimal pointValue(String symbol) {
            return BigDecimal.valueOf(params.decimal("pointValue." + symbol, 1.0));
        }

        private void trip(BreakerAction.Kind kind, String reason, long ts) {
            if (tripped == BreakerAction.Kind.FLATTEN || (tripped != null && kind != BreakerAction.Kind.FLATTEN)) {
                return;
            }
            tripped = kind;
            tripReason = reason;
            pending.add(new BreakerAction(kind, ID, reason, ts));
        }

        @Override
        public List<BreakerAction> onEvent(Event e) {
            switch (e) {
                case OrderEvent o -> onOrder(o);
                case Trade t -> {
                    zombie(t.symbol(), t.tsEvent(), t.tsRecv());
                    Book b = books.get(t.symbol());
                    if (b != null) {
                        b.lastTrade = Fixed.toDecimal(t.price());
                        b.mark = b.lastTrade;
                    }
                    capital(t.tsEvent());
                }
                case Quote q -> {
                    zombie(q.symbol(), q.tsEvent(), q.tsRecv());
                    Book b = books.get(q.symbol());
                    if (b != null && q.twoSided() && b.qty.signum() != 0) {
                        b.mark = Fixed.toDecimal(b.qty.signum() > 0 ? q.bidPrice() : q.askPrice());
                    }
                    capital(q.tsEvent());
                }
                case dev.flof.spi.event.DepthSnapshot d -> zombie(d.symbol(), d.tsEvent(), d.tsRecv());
                case VenueStatus v -> {
                    if (v.kind() == VenueStatus.Kind.HALTED) {
                        haltedVenues.add(v.venue());
                    } else if (v.kind() == VenueStatus.Kind.RESUMED) {
                        haltedVenues.remove(v.venue());
                    }
                }
                case TimerEvent t -> arrivalGaps(t.tsRecv());
                default -> {
                }
            }
            ackTimeouts(e.tsRecv());
            if (pending.isEmpty()) {
                return List.of();
            }
            List<BreakerAction> out = List.copyOf(pending);
            pending.clear();
            return out;
        }

        private void onOrder(OrderEvent o) {
            Long sentAt = awaitingAck.remove(o.clientOrderId());
            if (sentAt != null) {
                long lat = o.tsRecv() - sentAt;
                if (lat > ackLatency) {
                    trip(ackAction, "order ack latency: " + o.clientOrderId() + " answered after " + lat / Guards.MS
                            + " ms (limit " + ackLatency / Guards.MS + " ms)", o.tsEvent());
                }
            }
            if (!o.isFill() || o.fillQty() <= 0 || o.side() == null || o.side().sign() == 0) {
                return; // a fill without a side cannot be booked; venues always report it
            }
            rollDay(o.tsEvent());
            Book b = books.computeIfAbsent(o.symbol(), s -> new Book());
            BigDecimal q = Fixed.toDecimal(o.fillQty()).multiply(BigDecimal.valueOf(o.side().sign()));
            BigDecimal px = Fixed.toDecimal(o.fillPrice());
            BigDecimal fee = Fixed.toDecimal(o.fee());
            BigDecimal realized = fee.negate();
            BigDecimal before = b.qty;
            boolean closes = false;
            if (before.signum() == 0 || before.signum() == q.signum()) {
                BigDecimal total = before.add(q);
                b.avg = b.avg.multiply(before.abs()).add(px.multiply(q.abs())).divide(total.abs(), 12, RoundingMode.HALF_EVEN);
                b.qty = total;
            } else {
                BigDecimal closing = q.abs().min(before.abs());
                realized = realized.add(px.subtract(b.avg).multiply(closing)
                        .multiply(BigDecimal.valueOf(before.signum())).multiply(pointValue(o.symbol())));
                BigDecimal left = before.add(q);
                closes = left.signum() != before.signum();
                if (left.signum() != 0 && closes) {
                    b.avg = px; // flipped through flat: the rest opens at the fill price
                }
                b.qty = left;
            }
            b.tripPnl = b.tripPnl.add(realized);
            realizedToday = realizedToday.add(realized);
            b.mark = px;
            if (closes) {
                closeTrip(b, o);
            }
            capital(o.tsEvent());
        }

        private void closeTrip(Book b, OrderEvent o) {
            if (b.tripPnl.signum() < 0) {
                lossStreak++;
                if (lossStreak >= maxLosses) {
                    trip(BreakerAction.Kind.FLATTEN, lossStreak + " consecutive losing trades (limit " + maxLosses + "), last on "
                            + o.symbol() + " " + b.tripPnl.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), o.tsEvent());
                }
            } else {
                lossStreak = 0;
            }
            b.tripPnl = BigDecimal.ZERO;
        }

        private void rollDay(long ts) {
            ZonedDateTime z = java.time.Instant.ofEpochSecond(Math.floorDiv(ts, Guards.SEC), Math.floorMod(ts, Guards.SEC))
                    .atZone(dayZone).minus(dayStart);
            String d = z.toLocalDate().toString();
            if (!d.equals(day)) {
                day = d;
                realizedToday = BigDecimal.ZERO;
            }
        }

        private void capital(long ts) {
            if (books.isEmpty()) {
                return;
            }
            rollDay(ts);
            BigDecimal unrealized = BigDecimal.ZERO;
            for (Map.Entry<String, Book> en : books.entrySet()) {
                Book b = en.getValue();
                if (b.qty.signum() != 0 && b.mark != null) {
                    unrealized = unrealized.add(b.mark.subtract(b.avg).multiply(b.qty).multiply(pointValue(en.getKey())));
                }
            }
            BigDecimal pnl = realizedToday.add(unrealized);
            if (pnl.negate().compareTo(dailyLimit) > 0) {
                trip(BreakerAction.Kind.FLATTEN, "daily loss " + pnl.setScale(2, RoundingMode.HALF_EVEN).toPlainString()
                        + " (realized " + realizedToday.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + ", unrealized "
                        + unrealized.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + ") beyond the limit "
                        + dailyLimit.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), ts);
            }
        }

        /** Staleness settings of one symbol, resolved once (this runs on every tick). */
        private record FeedCfg(boolean arrival, long maxLag, long maxGap) {
        }

        private final Map<String, FeedCfg> feedCfg = new TreeMap<>();

        // the settings of the last symbol looked up (this runs on every tick)
        private String lastCfgSymbol;
        private FeedCfg lastCfg;

        private FeedCfg feedCfg(String symbol) {
            if (symbol == lastCfgSymbol && symbol != null) {
                return lastCfg;
            }
            FeedCfg c = feedCfg.get(symbol);
            if (c == null) {
                c = newFeedCfg(symbol);
                feedCfg.put(symbol, c);
            }
            lastCfgSymbol = symbol;
            lastCfg = c;
            return c;
        }

        private FeedCfg newFeedCfg(String s) {
            return new FeedCfg(
                    "arrival".equals(params.string("feedLagMode." + s, "exchange").trim()),
                    params.values().containsKey("maxFeedLagMs." + s)
                            ? Guards.millis(params, "maxFeedLagMs." + s, 500) : Guards.millis(params, "maxFeedLagMs", 500),
                    params.values().containsKey("maxArrivalGapMs." + s)
                            ? Guards.millis(params, "maxArrivalGapMs." + s, 5000) : Guards.millis(params, "maxArrivalGapMs", 5000));
        }

        private void zombie(String symbol, long tsEvent, long tsRecv) {
            FeedCfg cfg = feedCfg(symbol);
            if (cfg.arrival()) {
                Long prev = lastArrival.put(symbol, tsRecv);
                if (prev != null && tsRecv - prev > cfg.maxGap()) {
                    stale(symbol + ": no data for " + (tsRecv - prev) / Guards.MS + " ms (arrival-gap limit "
                            + cfg.maxGap() / Guards.MS + " ms)", tsEvent);
                }
                return;
            }
            long lag = tsRecv - tsEvent;
            if (lag > cfg.maxLag()) {
                stale(symbol + ": exchange time " + lag / Guards.MS + " ms behind receive time (limit "
                        + cfg.maxLag() / Guards.MS + " ms)", tsEvent);
            }
        }

        private long maxArrivalGap(String symbol) {
            return feedCfg(symbol).maxGap();
        }

        private void arrivalGaps(long now) {
            for (Map.Entry<String, Long> en : lastArrival.entrySet()) {
                long gap = maxArrivalGap(en.getKey());
                if (now - en.getValue() > gap) {
                    stale(en.getKey() + ": no data for " + (now - en.getValue()) / Guards.MS + " ms (arrival-gap limit "
                            + gap / Guards.MS + " ms)", now);
                }
            }
        }

        private void stale(String what, long ts) {
            if (haltedVenues.isEmpty()) {
                trip(BreakerAction.Kind.FLATTEN, "zombie feed: " + what, ts);
            } else {
                trip(BreakerAction.Kind.REDUCE_ONLY, "zombie feed while venue halted " + haltedVenues
                        + " (no market flatten into a halted market): " + what, ts);
            }
        }

        private void ackTimeouts(long now) {
            if (awaitingAck.isEmpty()) {
                return; // every event: no iterator while nothing awaits an acknowledgement
            }
            Iterator<Map.Entry<String, Long>> it = awaitingAck.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Long> en = it.next();
                if (now - en.getValue() <= ackLatency) {
                    break; // insertion order is send order
                }
                it.remove();
                trip(ackAction, "order ack latency: no answer to " + en.getKey() + " after " + (now - en.getValue()) / Guards.MS
                        + " ms (limit " + ackLatency / Guards.MS + " ms)", now);
            }
        }
    }

    /** Position and P&L bookkeeping of one symbol from fills, in whole units and currency. */
    static final class Book {
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal avg = BigDecimal.ZERO;
        BigDecimal mark;
        BigDecimal lastTrade;
        BigDecimal tripPnl = BigDecimal.ZERO;
    }
}
