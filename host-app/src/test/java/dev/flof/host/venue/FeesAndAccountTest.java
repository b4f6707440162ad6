package dev.flof.host.venue;

import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.OrderEvent.Kind;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeesAndAccountTest {
    static Sim es(long startingBalance) {
        VenueConfig c = new VenueConfig("CME", 0, 0, 0, QueueModel.TRADE_THROUGH, Fixed.ofUnits(startingBalance), "USD");
        return new Sim(c, List.of(InstrumentTerms.es(ES_INSTRUMENT, Fixed.ofUnits(15_000))));
    }

    @Test
    void esRoundTripPaysCommissionAndExchangeFeeOnBothSides() {
        Sim sim = es(100_000).feed(quote(0, "4499.75", 10, "4500.00", 10));
        sim.venue.send(new OrderCommand.Submit(market("B", Side.BUY, 2)));
        sim.feed(quote(1, "4502.50", 10, "4502.75", 10));
        sim.venue.send(new OrderCommand.Submit(market("S", Side.SELL, 2)));
        sim.feed(quote(2, "4502.50", 10, "4502.75", 10));
        // each side: 2 contracts x (0.85 + 1.38) = 4.46
        assertEquals(px("4.46"), sim.last("B").fee());
        assertEquals(px("4.46"), sim.last("S").fee());
        AccountSnapshot a = sim.venue.account();
        // realized (4502.50 - 4500.00) x 2 x 50 = 250.00; fees 8.92; balance 100000 + 250 - 8.92 = 100241.08
        assertEquals(px("250"), a.realizedPnl());
        assertEquals(px("8.92"), a.fees());
        assertEquals(px("100241.08"), a.balance());
        assertEquals(px("100241.08"), a.equity());
        assertEquals(0, a.unrealizedPnl());
        assertEquals(0, a.marginUsed());
    }

    @Test
    void unrealizedPnlEquityAndMarginOfAnOpenPosition() {
        Sim sim = es(100_000).feed(quote(0, "4499.75", 10, "4500.00", 10));
        sim.venue.send(new OrderCommand.Submit(market("B", Side.BUY, 1)));
        sim.feed(quote(1, "4499.75", 10, "4500.00", 10), trade(2, "4498.75", 1));
        AccountSnapshot a = sim.venue.account();
        // marked at the last print: (4498.75 - 4500.00) x 1 x 50 = -62.50
        assertEquals(px("-62.5"), a.unrealizedPnl());
        // balance 100000 - 2.23 = 99997.77; equity 99997.77 - 62.50 = 99935.27
        assertEquals(px("99997.77"), a.balance());
        assertEquals(px("99935.27"), a.equity());
        // 1 contract x 15000 initial margin; available 99935.27 - 15000 = 84935.27
        assertEquals(px("15000"), a.marginUsed());
        assertEquals(px("84935.27"), a.availableMargin());
    }

    @Test
    void ordersBeyondTheMarginAreRejected() {
        Sim sim = es(20_000).feed(quote(0, "4499.75", 10, "4500.00", 10));
        sim.venue.send(new OrderCommand.Submit(market("TWO", Side.BUY, 2)));
        sim.venue.send(new OrderCommand.Submit(market("ONE", Side.BUY, 1)));
        sim.venue.send(new OrderCommand.Submit(market("MORE", Side.BUY, 1)));
        sim.feed(quote(1, "4499.75", 10, "4500.00", 10));
        // 2 x 15000 = 30000 > 20000: rejected; 1 x 15000 fits; then 2 x 15000 > equity 19997.77: rejected
        assertEquals(List.of(Kind.REJECTED), sim.kinds("TWO"));
        assertTrue(sim.last("TWO").reason().startsWith("insufficient margin"), sim.last("TWO").reason());
        assertEquals(Kind.FILLED, sim.last("ONE").kind());
        assertEquals(List.of(Kind.REJECTED), sim.kinds("MORE"));
        // a reduce-only exit needs no margin
        sim.venue.send(new OrderCommand.Submit(reduceOnly(market("EXIT", Side.SELL, 1))));
        sim.feed(quote(2, "4499.75", 10, "4500.00", 10));
        assertEquals(Kind.FILLED, sim.last("EXIT").kind());
    }

    static Order btc(String id, Side side, OrderType type, String quantity, String limit, boolean reduceOnly) {
        return new Order(id, BTC, side, type, px(quantity), limit == null ? 0 : px(limit), 0, TimeInForce.GTC, reduceOnly);
    }

    @Test
    void cryptoPaysTakerAndMakerBasisPointsAndPnlIsInTheQuoteCurrency() {
        VenueConfig c = new VenueConfig("BINANCE", 0, 0, 0, QueueModel.TRADE_THROUGH, Fixed.ofUnits(10_000), "USDT");
        Sim sim = new Sim(c, List.of(InstrumentTerms.binanceUsdM(BTC_INSTRUMENT, Fixed.ofUnits(5))));
        sim.feed(trade(BTC, 0, "60000.0", qty(1)));
        sim.venue.send(new OrderCommand.Submit(btc("BIG", Side.BUY, OrderType.MARKET, "1", null, false)));
        sim.venue.send(new OrderCommand.Submit(btc("B", Side.BUY, OrderType.MARKET, "0.5", null, false)));
        sim.feed(trade(BTC, 1, "60000.0", qty(1)));
        // 1 BTC x 60000 / 5x leverage = 12000 > 10000: rejected; 0.5 BTC needs 6000
        assertEquals(List.of(Kind.REJECTED), sim.kinds("BIG"));
        // taker: 0.5 x 60000 = 30000 notional x 5 bps = 15.00
        assertEquals(px("15"), sim.last("B").fee());
        sim.venue.send(new OrderCommand.Submit(btc("S", Side.SELL, OrderType.LIMIT, "0.5", "60100.0", true)));
        sim.feed(trade(BTC, 2, "60100.1", qty(1)));
        // maker: 0.5 x 60100 = 30050 notional x 2 bps = 6.01
        assertEquals(px("6.01"), sim.last("S").fee());
        AccountSnapshot a = sim.venue.account();
        // realized (60100 - 60000) x 0.5 = 50 USDT; balance 10000 + 50 - 15 - 6.01 = 10028.99
        assertEquals("USDT", a.currency());
        assertEquals(px("50"), a.realizedPnl());
        assertEquals(px("10028.99"), a.balance());
        List<Execution> all = sim.venue.executionsSince(ms(0));
        assertEquals(2, all.size());
        assertEquals(new Execution("BINANCE-X1", "B", BTC, Side.BUY, px("60000"), px("0.5"), px("15"), ms(1)), all.get(0));
        assertEquals(List.of(all.get(1)), sim.venue.executionsSince(ms(2)));
    }

    @Test
    void feeModelsComputeExactly() {
        // 3 contracts x (0.85 + 1.38) = 6.69 whatever the price
        assertEquals(px("6.69"), FeeModel.PerContract.esInteractiveBrokers().fee(ES_INSTRUMENT, px("4500"), qty(3), true));
        // 0.001 BTC x 65432.1 = 65.4321 notional x 5 bps = 0.03271605
        assertEquals(px("0.03271605"), FeeModel.MakerTaker.binanceUsdM().fee(BTC_INSTRUMENT, px("65432.1"), px("0.001"), false));
        // 2 ES at 4500 with 5x leverage margin is notional 2 x 4500 x 50 = 450000 / 5 = 90000
        assertEquals(px("90000"), new MarginModel.Leverage(Fixed.ofUnits(5)).initialMargin(ES_INSTRUMENT, qty(2), px("4500")));
    }

    @Test
    void fundingIsPaidByLongsAndReceivedByShortsWhenTheRateIsPositive() {
        VenueConfig c = new VenueConfig("BINANCE", 0, 0, 0, QueueModel.TRADE_THROUGH, Fixed.ofUnits(10_000), "USDT");
        Sim sim = new Sim(c, List.of(InstrumentTerms.binanceUsdM(BTC_INSTRUMENT, Fixed.ofUnits(5))));
        sim.feed(trade(BTC, 0, "60000.0", qty(1)));
        sim.venue.send(new OrderCommand.Submit(btc("S", Side.SELL, OrderType.MARKET, "0.5", null, false)));
        sim.feed(trade(BTC, 1, "60000.0", qty(1)));
        // short 0.5 x mark 60000 x 0.01 % = 3.00 USDT received
        assertEquals(px("3"), sim.venue.applyFunding(BTC, px("0.0001"), px("60000"), ms(2)));
        // a negative rate: shorts pay 0.5 x 60000 x 0.02 % = 6.00
        assertEquals(px("-6"), sim.venue.applyFunding(BTC, px("-0.0002"), px("60000"), ms(3)));
        AccountSnapshot a = sim.venue.account();
        assertEquals(px("-3"), a.funding());
        // 10000 - taker fee 15.00 (30000 x 5 bps) - 3 funding = 9982
        assertEquals(px("9982"), a.balance());
        assertEquals(0, sim.venue.applyFunding(ES, px("0.0001"), px("4500"), ms(4))); // unknown here: nothing
    }
}
