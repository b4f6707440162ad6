package dev.flof.risk.exits;

import dev.flof.risk.Ticks;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.risk.PositionView;
import java.util.Optional;

/**
 * The few primitives every exit manager here is built from. Keeping them in one place is what makes "a stop
 * never widens" and "exits are sized to the actual position" true for all managers at once.
 */
public final class Exits {
    private Exits() {
    }

    /** Whether {@code candidate} is strictly tighter (closer to the market, in the position's favour) than {@code current}. */
    public static boolean tighter(Side side, long candidate, long current) {
        return side == Side.BUY ? candidate > current : candidate < current;
    }

    /**
     * A modify that moves the stop to {@code newStop}, or empty when it would not tighten the resting stop (never
     * widen) or there is no stop order to modify.
     */
    public static Optional<OrderCommand> tightenStop(PositionView p, long newStop) {
        if (p.stopOrderId() == null || !tighter(p.side(), newStop, p.currentStop())) {
            return Optional.empty();
        }
        return Optional.of(new OrderCommand.Modify(p.symbol(), p.stopOrderId(), 0, 0, newStop));
    }

    /** Resizes the resting stop to the actual position quantity (price unchanged). */
    public static OrderCommand resizeStop(PositionView p) {
        return new OrderCommand.Modify(p.symbol(), p.stopOrderId(), p.quantity(), 0, 0);
    }

    /**
     * A reduce-only market exit of {@code quantity}, clamped to the actual position; empty below one lot.
     * The client order id is derived from the position's open time and {@code tag}, so it is deterministic and
     * a replay gives the same ids.
     */
    public static Optional<OrderCommand> reduceOnlyExit(PositionView p, Instrument ins, long quantity, String tag) {
        long q = Ticks.floorLots(Math.min(quantity, p.quantity()), ins.lotSize());
        if (q < ins.lotSize()) {
            return Optional.empty();
        }
        Order o = new Order(p.symbol() + "-" + p.openedAt() + "-" + tag, p.symbol(), p.side().opposite(),
                OrderType.MARKET, q, 0, 0, TimeInForce.IOC, true);
        return Optional.of(new OrderCommand.Submit(o));
    }

    /**
     * Breakeven plus one full tick: for a long the first grid price at or above the average price, plus a tick
     * (mirror for a short). An average off the grid (partial fills at different prices) still locks a full tick.
     */
    public static long breakevenPlusTick(PositionView p, long tick) {
        return p.side() == Side.BUY
                ? Ticks.ceil(p.averagePrice(), tick) + tick
                : Ticks.floor(p.averagePrice(), tick) - tick;
    }

    /** Price {@code r} multiples of 1R from the average price in the position's favour. */
    public static long rLevel(PositionView p, double r) {
        long dist = Math.round(r * p.riskPerUnit());
        return p.side() == Side.BUY ? p.averagePrice() + dist : p.averagePrice() - dist;
    }

    /**
     * The most favourable price the event shows for the position, or empty: a trade's price, a bar's high for a
     * long (low for a short). Only events at or after the position opened count, so a bar that began before
     * the entry cannot fake a move.
     */
    public static Optional<Long> favourable(Event e, PositionView p) {
        if (e instanceof Trade t && t.symbol().equals(p.symbol()) && t.tsEvent() >= p.openedAt()) {
            return Optional.of(t.price());
        }
        if (e instanceof Bar b && b.symbol().equals(p.symbol()) && b.openTime() >= p.openedAt()) {
            return Optional.of(p.side() == Side.BUY ? b.high() : b.low());
        }
        return Optional.empty();
    }

    /** The last traded price the event shows: a trade's price or a closed bar's close. */
    public static Optional<Long> lastPrice(Event e, PositionView p) {
        if (e instanceof Trade t && t.symbol().equals(p.symbol())) {
            return Optional.of(t.price());
        }
        if (e instanceof Bar b && b.symbol().equals(p.symbol())) {
            return Optional.of(b.close());
        }
        return Optional.empty();
    }

    /** Whether {@code price} reached {@code level} in the position's favour. */
    public static boolean reached(Side side, long price, long level) {
        return side == Side.BUY ? price >= level : price <= level;
    }
}
