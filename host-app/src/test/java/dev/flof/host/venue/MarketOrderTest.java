package dev.flof.host.venue;

import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.OrderEvent.Kind;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.OrderCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketOrderTest {
    @Test
    void buyFillsAtTheAskAndSellAtTheBidOfTheLastQuote() {
        Sim sim = sim().feed(quote(0, "4500.00", 10, "4500.25", 10));
        sim.venue.send(new OrderCommand.Submit(market("B", Side.BUY, 2)));
        sim.venue.send(new OrderCommand.Submit(market("S", Side.SELL, 1)));
        sim.feed(quote(1, "4500.00", 10, "4500.25", 10));
        // buy 2 against the ask 4500.25; sell 1 against the bid 4500.00
        assertEquals(List.of(Kind.ACCEPTED, Kind.FILLED), sim.kinds("B"));
        assertEquals(px("4500.25"), sim.last("B").fillPrice());
        assertEquals(qty(2), sim.last("B").fillQty());
        assertEquals(px("4500.00"), sim.last("S").fillPrice());
        // net position 2 - 1 = 1
        assertEquals(qty(1), sim.position());
    }

    @Test
    void slippageTicksApplyAgainstUsOnTopOfBookFills() {
        Sim sim = new Sim(config(0, 0, 2, QueueModel.TRADE_THROUGH), List.of(esPlain()))
                .feed(quote(0, "4500.00", 10, "4500.25", 10));
        sim.venue.send(new OrderCommand.Submit(market("B", Side.BUY, 1)));
        sim.feed(quote(1, "4500.00", 10, "4500.25", 10));
        // ask 4500.25 + 2 ticks x 0.25 = 4500.75
        assertEquals(px("4500.75"), sim.last("B").fillPrice());
    }

    @Test
    void walksTheDepthAndFillsBeyondTheDeepestLevelOneTickWorse() {
        Sim sim = new Sim(config(0, 0, 3, QueueModel.TRADE_THROUGH), List.of(esPlain()))
                .feed(depth(0, new String[][] {{"4500.00", "9"}},
                        new String[][] {{"4500.25", "2"}, {"4500.50", "3"}, {"4500.75", "1"}}));
        sim.venue.send(new OrderCommand.Submit(market("B", Side.BUY, 8)));
        sim.feed(trade(1, "4500.25", 1));
        List<OrderEvent> fills = sim.fills("B");
        // 2 @ 4500.25, 3 @ 4500.50, 1 @ 4500.75, the remaining 2 one tick beyond: 4501.00 (depth ignores slippage)
        assertEquals(4, fills.size());
        assertFill(fills.get(0), Kind.PARTIALLY_FILLED, "4500.25", 2, 6);
        assertFill(fills.get(1), Kind.PARTIALLY_FILLED, "4500.50", 3, 3);
        assertFill(fills.get(2), Kind.PARTIALLY_FILLED, "4500.75", 1, 2);
        assertFill(fills.get(3), Kind.FILLED, "4501.00", 2, 0);
        // average (2x4500.25 + 3x4500.50 + 4500.75 + 2x4501.00) / 8 = 36004.75 / 8 = 4500.59375
        assertEquals(px("4500.59375"), sim.venue.position(ES).averagePrice());
    }

    @Test
    void withOnlyTradesFillsAtTheNextPrintPlusSlippage() {
        Sim sim = new Sim(config(0, 0, 1, QueueModel.TRADE_THROUGH), List.of(esPlain()))
                .feed(trade(0, "4500.00", 1));
        sim.venue.send(new OrderCommand.Submit(market("B", Side.BUY, 1)));
        assertEquals(List.of(), sim.events);
        sim.feed(trade(1, "4500.50", 1));
        // the next print 4500.50 + 1 tick = 4500.75, never the earlier 4500.00
        assertEquals(px("4500.75"), sim.last("B").fillPrice());
        assertEquals(ms(1), sim.last("B").tsEvent());
    }

    static void assertFill(OrderEvent e, Kind kind, String price, long q, long leaves) {
        assertEquals(kind, e.kind());
        assertEquals(px(price), e.fillPrice());
        assertEquals(qty(q), e.fillQty());
        assertEquals(qty(leaves), e.leavesQty());
    }
}
