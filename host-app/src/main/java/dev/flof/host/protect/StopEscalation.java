package dev.flof.host.protect;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Escalates a protective stop that stopped protecting: a stop-limit that TRIGGERED but did not fill (skipped
 * by a gap, CME Stop Logic, a limit-locked market) or a stop (replacement) the venue REJECTED (Binance
 * {@code -2021 ORDER_WOULD_IMMEDIATELY_TRIGGER}). Either way the position is open with nothing resting that
 * will close it, so a reduce-only marketable exit for the whole position goes out at once (rejects) or after
 * {@code graceNanos} without a fill (triggers). The stop itself is never cancelled here: it stays until the
 * venue confirms flat, and the venue cancels a reduce-only remainder once the position is flat.
 *
 * <p>Wired in {@link dev.flof.host.backtest.TradingLoop#protect}: the loop {@link #watch}es the protective stop of
 * every open position, shows {@link #poll} every event (order events included) and hands each escalation to
 * {@link dev.flof.host.oms.OrderManager#protectiveExit} (reduce-only, so no breaker can block it). The shock lab
 * runs the same class. Deterministic: ids are counters; the clock is the events' {@code tsRecv}.
 */
public final class StopEscalation {
    private record Watched(String symbol, Side exitSide) {
    }

    /** One escalation: the reduce-only market exit for the whole position of {@code symbol}, and why. */
    public record Escalation(String symbol, OrderCommand.Submit exit, String reason) {
    }

    private final long graceNanos;
    private final ToLongFunction<String> position;
    private final Map<String, Watched> watched = new TreeMap<>();
    private final Map<String, Long> triggeredAt = new TreeMap<>();
    private final Map<String, String> escalatedSymbols = new TreeMap<>();
    private final List<String> log = new ArrayList<>();
    private long seq;

    /**
     * @param graceNanos how long a triggered stop-limit may rest unfilled before the marketable exit goes
     * @param position   FLOF's signed position of a symbol (fixed-point)
     */
    public StopEscalation(long graceNanos, ToLongFunction<String> position) {
        this.graceNanos = graceNanos;
        this.position = position;
    }

    /** Starts watching a protective stop on the closing side {@code exitSide}. */
    public void watch(String stopId, String symbol, Side exitSide) {
        watched.put(stopId, new Watched(symbol, exitSide));
        escalatedSymbols.remove(symbol);
    }

    /** The commands to send now (usually none). */
    public List<OrderCommand> onEvent(Event e) {
        return poll(e).stream().map(x -> (OrderCommand) x.exit()).toList();
    }

    /**
     * The escalations due at this event (usually none), with their reasons. The trading loop hands each to the
     * order manager's protective exit so order management tracks the exit's fills; the shock lab sends the
     * command itself when order management does not know the position (after a restart).
     */
    public List<Escalation> poll(Event e) {
        if (triggeredAt.isEmpty() && !(e instanceof OrderEvent)) {
            return List.of(); // nothing triggered and no order news: the usual case, on every tick
        }
        List<Escalation> out = new ArrayList<>();
        long now = e.tsRecv();
        if (e instanceof OrderEvent oe && watched.containsKey(oe.clientOrderId())) {
            Watched w = watched.get(oe.clientOrderId());
            switch (oe.kind()) {
                case TRIGGERED -> triggeredAt.putIfAbsent(oe.clientOrderId(), now);
                case FILLED, CANCELLED, EXPIRED -> triggeredAt.remove(oe.clientOrderId());
                case REJECTED -> {
                    triggeredAt.remove(oe.clientOrderId());
                    escalate(w, "protective stop " + oe.clientOrderId() + " rejected (" + oe.reason() + ")", now, out);
                }
                default -> {
                }
            }
        }
        for (Map.Entry<String, Long> t : triggeredAt.entrySet()) {
            if (now - t.getValue() >= graceNanos) {
                Watched w = watched.get(t.getKey());
                escalate(w, "protective stop " + t.getKey() + " triggered " + (now - t.getValue()) / 1_000_000L
                        + " ms ago and is not filled", now, out);
            }
        }
        return out;
    }

    private void escalate(Watched w, String why, long now, List<Escalation> out) {
        long pos = position.applyAsLong(w.symbol());
        if (pos == 0 || escalatedSymbols.containsKey(w.symbol())) {
            return;
        }
        Side side = pos > 0 ? Side.SELL : Side.BUY;
        String id = w.symbol() + "-ESC-" + (++seq);
        escalatedSymbols.put(w.symbol(), id);
        out.add(new Escalation(w.symbol(), new OrderCommand.Submit(new Order(id, w.symbol(), side, OrderType.MARKET,
                Math.abs(pos), 0, 0, TimeInForce.GTC, true)), why));
        log.add(now + " " + why + ": marketable reduce-only exit " + id);
    }

    /** Whether {@code stopId} is watched. */
    public boolean watching(String stopId) {
        return watched.containsKey(stopId);
    }

    /** The grace a triggered stop-limit gets before the exit goes, ns. */
    public long graceNanos() {
        return graceNanos;
    }

    /**
     * When the oldest watched stop of {@code symbol} triggered without filling (event time, ns), or
     * {@link Long#MIN_VALUE} when none is in that state. The trading loop excuses the unprotected-position
     * invariant for that symbol only during the grace plus the reaction time that follows.
     */
    public long unfilledTriggerSince(String symbol) {
        long since = Long.MIN_VALUE;
        for (Map.Entry<String, Long> t : triggeredAt.entrySet()) {
            if (watched.get(t.getKey()).symbol().equals(symbol) && (since == Long.MIN_VALUE || t.getValue() < since)) {
                since = t.getValue();
            }
        }
        return since;
    }

    /** The exit order sent for a symbol, or null. */
    public String escalatedExit(String symbol) {
        return escalatedSymbols.get(symbol);
    }

    /** What it did, with the event time in ns. */
    public List<String> log() {
        return List.copyOf(log);
    }
}
