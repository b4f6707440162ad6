package dev.flof.risk.breakers;

import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.util.List;

/** Commands and events for breaker tests; times are seconds after T0 unless said otherwise. */
final class Cmds {
    static final long T0 = 1_763_000_000_000_000_000L;
    static final long SEC = 1_000_000_000L;
    static final long MS = 1_000_000L;

    private Cmds() {
    }

    static long px(String d) {
        return Fixed.parse(d);
    }

    static OrderCommand.SubmitBracket bracket(String id, String symbol, Side side, long qty) {
        Side exit = side.opposite();
        long stopPx = side == Side.BUY ? px("4490") : px("4510");
        Order entry = new Order(id, symbol, side, OrderType.MARKET, qty, 0, 0, TimeInForce.DAY, false);
        Order stop = new Order(id + "-sl", symbol, exit, OrderType.STOP, qty, 0, stopPx, TimeInForce.GTC, true);
        return new OrderCommand.SubmitBracket(new BracketOrder(id, entry, stop, null));
    }

    static OrderCommand.SubmitBracket bracket(String id, long qty) {
        return bracket(id, "ESZ5", Side.BUY, qty);
    }

    static OrderCommand.Submit naked(String id, long qty) {
        return new OrderCommand.Submit(new Order(id, "ESZ5", Side.BUY, OrderType.MARKET, qty, 0, 0, TimeInForce.DAY, false));
    }

    /** Commands that never add exposure: the host never asks a breaker about them, and breakers pass them anyway. */
    static List<OrderCommand> nonExposure() {
        Order exit = new Order("x1", "ESZ5", Side.SELL, OrderType.MARKET, Fixed.ofUnits(50), 0, 0, TimeInForce.IOC, true);
        Order entry = new Order("r1", "ESZ5", Side.SELL, OrderType.MARKET, Fixed.ofUnits(50), 0, 0, TimeInForce.IOC, true);
        Order stop = new Order("r1-sl", "ESZ5", Side.BUY, OrderType.STOP, Fixed.ofUnits(50), 0, px("4510"), TimeInForce.GTC, true);
        return List.of(new OrderCommand.Submit(exit), new OrderCommand.Cancel("ESZ5", "o1"),
                new OrderCommand.CancelAll("*"), new OrderCommand.Modify("ESZ5", "o1-sl", 0, 0, px("4495")),
                new OrderCommand.SubmitBracket(new BracketOrder("r1", entry, stop, null)));
    }

    static Trade trade(String symbol, long tsEvent, long tsRecv, String price) {
        return new Trade(symbol, tsEvent, tsRecv, 0, px(price), Fixed.ofUnits(1), Side.BUY, AggressorRule.VENUE);
    }

    static Trade trade(long t, String price) {
        return trade("ESZ5", t, t, price);
    }

    static Quote quote(String symbol, long t, String bid, String ask) {
        return new Quote(symbol, t, t, 0, px(bid), Fixed.ofUnits(10), px(ask), Fixed.ofUnits(10));
    }

    static OrderEvent fill(long t, String id, Side side, String price, long qty) {
        return new OrderEvent("SIM", "ESZ5", t, t, 0, id, "v-" + id, OrderEvent.Kind.FILLED, side, px(price), qty, 0, 0, "");
    }

    static OrderEvent accepted(long t, String id) {
        return new OrderEvent("SIM", "ESZ5", t, t, 0, id, "v-" + id, OrderEvent.Kind.ACCEPTED, Side.BUY, 0, 0, 1, 0, "");
    }

    static FeedStatus feed(long t, FeedStatus.Kind kind) {
        return new FeedStatus("databento", "ESZ5", t, t, 0, kind, "");
    }

    static VenueStatus venue(long t, VenueStatus.Kind kind) {
        return new VenueStatus("IB", t, t, 0, kind, "");
    }

    static TimerEvent timer(long t) {
        return new TimerEvent("tick", t, t, 0);
    }

    static long at(double seconds) {
        return T0 + Math.round(seconds * SEC);
    }
}
