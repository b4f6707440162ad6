package dev.flof.host.venue;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.DepthSnapshot;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.EventSink;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.util.ArrayList;
import java.util.List;

/** Hand-made tapes for the venue's known-answer tests: ES (tick 0.25, $50/pt) and BTCUSDT (tick 0.1). */
final class Tape {
    static final String ES = "ESZ6";
    static final String BTC = "BTCUSDT";
    static final long T0 = 1_790_000_000_000_000_000L;
    static final Instrument ES_INSTRUMENT = new Instrument(ES, "CME", Fixed.parse("0.25"), Fixed.ofUnits(50),
            Fixed.ofUnits(1), MarketProfile.ES, "CME_GLOBEX_EQUITY");
    static final Instrument BTC_INSTRUMENT = new Instrument(BTC, "BINANCE", Fixed.parse("0.1"), Fixed.ofUnits(1),
            Fixed.parse("0.001"), MarketProfile.CRYPTO, "CRYPTO_24_7");

    private Tape() {
    }

    /** Time {@code m} milliseconds after T0. */
    static long ms(long m) {
        return T0 + m * 1_000_000L;
    }

    static long px(String decimal) {
        return Fixed.parse(decimal);
    }

    static long qty(long units) {
        return Fixed.ofUnits(units);
    }

    static Trade trade(long atMs, String price, long size) {
        return trade(ES, atMs, price, Fixed.ofUnits(size));
    }

    static Trade trade(String symbol, long atMs, String price, long size) {
        return new Trade(symbol, ms(atMs), ms(atMs), 0, px(price), size, Side.NONE, AggressorRule.VENUE);
    }

    static Quote quote(long atMs, String bid, long bidSize, String ask, long askSize) {
        return new Quote(ES, ms(atMs), ms(atMs), 0, px(bid), Fixed.ofUnits(bidSize), px(ask), Fixed.ofUnits(askSize));
    }

    static DepthSnapshot depth(long atMs, String[][] bids, String[][] asks) {
        return new DepthSnapshot(ES, ms(atMs), ms(atMs), 0, levels(bids), levels(asks));
    }

    private static List<DepthSnapshot.Level> levels(String[][] rows) {
        List<DepthSnapshot.Level> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(new DepthSnapshot.Level(px(r[0]), Fixed.ofUnits(Long.parseLong(r[1])), 1));
        }
        return out;
    }

    /** A 1-minute ES bar closing at {@code closeMs}. */
    static Bar bar(long closeMs, String o, String h, String l, String c, long volume) {
        return new Bar(ES, Timeframe.M1, ms(closeMs - 60_000), ms(closeMs), ms(closeMs), 0, px(o), px(h), px(l), px(c),
                Fixed.ofUnits(volume), 0, 0, 0, px(c));
    }

    static Order market(String id, Side side, long units) {
        return new Order(id, ES, side, OrderType.MARKET, qty(units), 0, 0, TimeInForce.GTC, false);
    }

    static Order limit(String id, Side side, long units, String price) {
        return new Order(id, ES, side, OrderType.LIMIT, qty(units), px(price), 0, TimeInForce.GTC, false);
    }

    static Order stop(String id, Side side, long units, String stop) {
        return new Order(id, ES, side, OrderType.STOP, qty(units), 0, px(stop), TimeInForce.GTC, true);
    }

    static Order stopLimit(String id, Side side, long units, String stop, String limit) {
        return new Order(id, ES, side, OrderType.STOP_LIMIT, qty(units), px(limit), px(stop), TimeInForce.GTC, true);
    }

    static Order reduceOnly(Order o) {
        return new Order(o.clientOrderId(), o.symbol(), o.side(), o.type(), o.quantity(), o.limitPrice(), o.stopPrice(),
                o.tif(), true);
    }

    static BracketOrder bracket(String group, Order entry, Order stop, Order target) {
        return new BracketOrder(group, entry, stop, target);
    }

    static VenueConfig config(long sendLatencyMs, long ackLatencyMs, int slippageTicks, QueueModel queue) {
        return new VenueConfig("CME", sendLatencyMs * 1_000_000L, ackLatencyMs * 1_000_000L, slippageTicks, queue,
                Fixed.ofUnits(100_000), "USD");
    }

    /** ES without fees or margin, so tests about matching assert only matching. */
    static InstrumentTerms esPlain() {
        return new InstrumentTerms(ES_INSTRUMENT, new FeeModel.None(), new MarginModel.None());
    }

    /** A venue with no latency, no slippage, trade-through limits, plain ES. */
    static Sim sim() {
        return new Sim(config(0, 0, 0, QueueModel.TRADE_THROUGH), List.of(esPlain()));
    }

    /** The venue plus the order events it published, in publication order. */
    static final class Sim implements EventSink {
        final SimulatedVenue venue;
        final List<OrderEvent> events = new ArrayList<>();

        Sim(VenueConfig config, List<InstrumentTerms> terms) {
            this.venue = new SimulatedVenue(config, terms, this);
        }

        @Override
        public boolean publish(Event event) {
            events.add((OrderEvent) event);
            return true;
        }

        Sim feed(Event... tape) {
            for (Event e : tape) {
                venue.onEvent(e);
            }
            return this;
        }

        List<OrderEvent> of(String clientOrderId) {
            return events.stream().filter(e -> e.clientOrderId().equals(clientOrderId)).toList();
        }

        List<OrderEvent> fills(String clientOrderId) {
            return events.stream().filter(e -> e.clientOrderId().equals(clientOrderId) && e.isFill()).toList();
        }

        List<OrderEvent.Kind> kinds(String clientOrderId) {
            return of(clientOrderId).stream().map(OrderEvent::kind).toList();
        }

        OrderEvent last(String clientOrderId) {
            List<OrderEvent> l = of(clientOrderId);
            return l.get(l.size() - 1);
        }

        long position() {
            return venue.position(ES).quantity();
        }
    }
}
