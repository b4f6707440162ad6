package dev.flof.risk.breakers;

import dev.flof.spi.event.Event;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.Order;
import java.time.Instant;

/** Small helpers shared by the guards. */
final class Guards {
    static final long MS = 1_000_000L;
    static final long SEC = 1_000_000_000L;

    private Guards() {
    }

    /** The order that opens exposure: the bracket's entry or the single order. */
    static Order entryOf(OrderCommand c) {
        return switch (c) {
            case OrderCommand.SubmitBracket b -> b.bracket().entry();
            case OrderCommand.Submit s -> s.order();
            default -> null;
        };
    }

    /** The symbol of a market-data or order event, or null for events about a feed, a venue or a timer. */
    static String symbolOf(Event e) {
        return switch (e) {
            case dev.flof.spi.event.Trade t -> t.symbol();
            case dev.flof.spi.event.Quote q -> q.symbol();
            case dev.flof.spi.event.DepthSnapshot d -> d.symbol();
            case dev.flof.spi.event.Bar b -> b.symbol();
            case dev.flof.spi.event.OrderEvent o -> o.symbol();
            default -> null;
        };
    }

    static boolean isMarketData(Event e) {
        return e instanceof dev.flof.spi.event.Trade || e instanceof dev.flof.spi.event.Quote
                || e instanceof dev.flof.spi.event.DepthSnapshot;
    }

    static String time(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, SEC), Math.floorMod(nanos, SEC)).toString();
    }

    static String qty(long fixed) {
        return Fixed.format(fixed);
    }

    static long millis(dev.flof.spi.ext.Params p, String key, long dflt) {
        long v = p.integer(key, dflt);
        if (v <= 0) {
            throw new IllegalArgumentException(p.path() + "." + key + ": must be positive, got " + v);
        }
        return v * MS;
    }

    static double positive(dev.flof.spi.ext.Params p, String key, double dflt) {
        double v = p.decimal(key, dflt);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(p.path() + "." + key + ": must be positive, got " + v);
        }
        return v;
    }
}
