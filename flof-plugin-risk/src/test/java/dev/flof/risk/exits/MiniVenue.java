package dev.flof.risk.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.risk.PositionView;
import dev.flof.spi.structure.MarketMap;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny test venue for one position: a resting stop (fills at the first print at or through it, at that print),
 * a resting target (fills at its price), market exits fill at the last print. It applies what an exit manager
 * sends and checks the rules of issue 9 after every event: a modify never widens, exits are reduce-only and
 * never exceed the position, and while the position is open a stop covering it is resting.
 */
final class MiniVenue {
    final Instrument ins;
    final Side side;
    final long avg;
    final long initialStop;
    final long openedAt;
    long qty;
    long stop;
    long stopQty;
    long target;
    long lastPrice;
    /** Realised P&L in ticks x lots (exact for ES). */
    long pnlTicksLots;
    final List<String> fills = new ArrayList<>();
    final List<OrderCommand> sent = new ArrayList<>();

    MiniVenue(Instrument ins, Side side, long qty, long avg, long stop, long target, long openedAt) {
        this.ins = ins;
        this.side = side;
        this.qty = qty;
        this.avg = avg;
        this.initialStop = stop;
        this.stop = stop;
        this.stopQty = qty;
        this.target = target;
        this.openedAt = openedAt;
        this.lastPrice = avg;
    }

    PositionView view() {
        return new PositionView(ins.symbol(), side, qty, avg, initialStop, stop, "stop-1", openedAt);
    }

    void run(ExitManager.Manager m, List<Event> events, MarketMap map) {
        for (Event e : events) {
            if (e instanceof Trade t && qty > 0) {
                lastPrice = t.price();
                boolean stopHit = side == Side.BUY ? t.price() <= stop : t.price() >= stop;
                boolean targetHit = target != 0 && (side == Side.BUY ? t.price() >= target : t.price() <= target);
                if (stopHit) {
                    fill("stop", qty, t.price());
                } else if (targetHit) {
                    fill("target", qty, target);
                }
            }
            if (qty > 0) {
                for (OrderCommand c : m.onEvent(e, view(), map, null)) {
                    apply(c);
                }
            }
            if (qty > 0) {
                assertTrue(stopQty >= qty, "position " + qty + " not covered by stop qty " + stopQty + " after " + e);
            }
        }
    }

    private void apply(OrderCommand c) {
        sent.add(c);
        switch (c) {
            case OrderCommand.Modify mod -> {
                assertEquals("stop-1", mod.clientOrderId());
                if (mod.newStopPrice() != 0) {
                    assertTrue(side == Side.BUY ? mod.newStopPrice() > stop : mod.newStopPrice() < stop,
                            "stop widened or unchanged: " + stop + " -> " + mod.newStopPrice());
                    assertTrue(ins.onTickGrid(mod.newStopPrice()), "stop off the tick grid: " + mod.newStopPrice());
                    stop = mod.newStopPrice();
                }
                if (mod.newQuantity() != 0) {
                    assertTrue(mod.newQuantity() >= qty, "stop resized below the position");
                    stopQty = mod.newQuantity();
                }
            }
            case OrderCommand.Submit s -> {
                assertTrue(s.order().reduceOnly(), "exit not reduce-only");
                assertFalse(s.addsExposure());
                assertEquals(side.opposite(), s.order().side());
                assertEquals(OrderType.MARKET, s.order().type());
                assertTrue(s.order().quantity() <= qty, "exit larger than the position");
                assertEquals(0, s.order().quantity() % ins.lotSize(), "exit not a whole number of lots");
                fill(s.order().clientOrderId(), s.order().quantity(), lastPrice);
            }
            default -> fail("exit manager sent " + c);
        }
    }

    private void fill(String what, long q, long price) {
        long ticks = (price - avg) / ins.tickSize() * side.sign();
        pnlTicksLots += ticks * (q / ins.lotSize());
        qty -= q;
        fills.add(what + " " + q / ins.lotSize() + "@" + dev.flof.spi.market.Fixed.format(price));
    }
}
