package dev.flof.feeds.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Orderflow spec F0 and test vector T10. */
class AggressorClassifierTest {
    private static Trade trade(String px) {
        return new Trade("ES", 1, 1, 0, Fixed.parse(px), Fixed.ofUnits(1), Side.NONE, AggressorRule.UNKNOWN);
    }

    private static Quote quote(String bid, String ask) {
        return new Quote("ES", 1, 1, 0, Fixed.parse(bid), Fixed.ofUnits(10), Fixed.parse(ask), Fixed.ofUnits(10));
    }

    @Test
    void t10QuoteRuleThenTickRuleAtTheMid() {
        AggressorClassifier c = new AggressorClassifier();
        c.onQuote(quote("5000.00", "5000.25"));
        Trade a = c.classify(trade("5000.25"));
        assertEquals(Side.BUY, a.aggressor());
        assertEquals(AggressorRule.QUOTE, a.rule());
        Trade b = c.classify(trade("5000.00"));
        assertEquals(Side.SELL, b.aggressor());
        assertEquals(AggressorRule.QUOTE, b.rule());
        c.onQuote(quote("5000.00", "5000.50"));
        Trade m1 = c.classify(trade("5000.25"));
        assertEquals(Side.BUY, m1.aggressor(), "mid, previous trade 5000.00 -> up-tick");
        assertEquals(AggressorRule.TICK, m1.rule());
        Trade m2 = c.classify(trade("5000.25"));
        assertEquals(Side.BUY, m2.aggressor(), "zero tick keeps the sign");
        assertEquals(AggressorRule.TICK, m2.rule());
        assertEquals(Map.of(AggressorRule.QUOTE, 2L, AggressorRule.TICK, 2L), c.counts());
    }

    @Test
    void t10VenueFlags() {
        assertEquals(Side.SELL, AggressorClassifier.fromCmeAggressorSide(2));
        assertEquals(Side.BUY, AggressorClassifier.fromCmeAggressorSide(1));
        assertEquals(Side.NONE, AggressorClassifier.fromCmeAggressorSide(0));
        assertEquals(Side.SELL, AggressorClassifier.fromBinanceBuyerIsMaker(true));
        assertEquals(Side.SELL, AggressorClassifier.fromCoinbaseMakerSide("buy"));
        assertEquals(Side.SELL, AggressorClassifier.fromDbnSide('A'));
        // A venue side wins over a quote that would say otherwise.
        AggressorClassifier c = new AggressorClassifier();
        c.onQuote(quote("5000.00", "5000.25"));
        Trade t = c.classify(trade("5000.25").withAggressor(AggressorClassifier.fromCmeAggressorSide(2), AggressorRule.VENUE));
        assertEquals(Side.SELL, t.aggressor());
        assertEquals(AggressorRule.VENUE, t.rule());
    }

    @Test
    void insideTheSpreadUsesTheMidAndFirstZeroTickIsUnknown() {
        AggressorClassifier c = new AggressorClassifier();
        Trade first = c.classify(trade("100.00"));
        assertEquals(Side.NONE, first.aggressor());
        assertEquals(AggressorRule.UNKNOWN, first.rule());
        c.onQuote(quote("100.00", "101.00"));
        assertEquals(Side.BUY, c.classify(trade("100.75")).aggressor());
        assertEquals(Side.SELL, c.classify(trade("100.25")).aggressor());
        // Crossed quote: not usable -> tick rule (100.25 -> 100.50 is an up-tick).
        c.onQuote(quote("101.00", "100.00"));
        Trade x = c.classify(trade("100.50"));
        assertEquals(AggressorRule.TICK, x.rule());
        assertEquals(Side.BUY, x.aggressor());
    }
}
