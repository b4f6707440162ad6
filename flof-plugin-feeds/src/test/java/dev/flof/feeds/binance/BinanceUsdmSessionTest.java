package dev.flof.feeds.binance;

import static dev.flof.feeds.binance.BinanceTestSupport.KEY;
import static dev.flof.feeds.binance.BinanceTestSupport.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.Position;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinanceUsdmSessionTest {
    private final BinanceTestSupport t = new BinanceTestSupport();
    private FakeBinance fake;
    private BinanceUsdmSession session;
    private ExecutorService io;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeBinance(KEY, SECRET, null, t::nowMs);
        fake.markPrice.put("BTCUSDT", new BigDecimal("61800"));
        io = Executors.newCachedThreadPool();
        open(BinanceUsdmSession.Guard.off());
    }

    private void open(BinanceUsdmSession.Guard guard) throws Exception {
        BinanceUsdmSession.Config cfg = new BinanceUsdmSession.Config(fake.ws.baseUrl(),
                new UsdmOrderTemplates.Settings(UsdmOrderTemplates.CloseMode.CLOSE_POSITION, false, true, "MARK_PRICE"),
                List.of("BTCUSDT"), 1_800_000, List.of(0L), guard);
        session = new BinanceUsdmSession(cfg, t.events::add, t.clockNs::get, t.rest(fake.restUrl(), SECRET, 3), t.http,
                t.sleeper(), io);
        session.start();
        FakeWsServer.Conn user = fake.ws.nextConnection();
        assertEquals("/private/ws", user.path);
        assertEquals("ORDER_TRADE_UPDATE/ACCOUNT_UPDATE/ALGO_UPDATE", user.params.get("events"));
        t.await(VenueStatus.class, s -> s.kind() == VenueStatus.Kind.CONNECTED);
    }

    @AfterEach
    void stop() {
        session.close();
        io.shutdownNow();
        fake.close();
    }

    private static Order order(String id, Side side, OrderType type, String qty, String limit, String stop) {
        return new Order(id, "BTCUSDT", side, type, Fixed.parse(qty), limit == null ? 0 : Fixed.parse(limit),
                stop == null ? 0 : Fixed.parse(stop), TimeInForce.GTC, side == Side.SELL);
    }

    private static BracketOrder bracket(String entryType, String stopTrigger) {
        OrderType et = OrderType.valueOf(entryType);
        return new BracketOrder("g1", order("e1", Side.BUY, et, "0.010", et == OrderType.LIMIT ? "61700" : null, null),
                order("s1", Side.SELL, OrderType.STOP, "0.010", null, stopTrigger),
                order("t1", Side.SELL, OrderType.LIMIT, "0.010", "64000", null));
    }

    private OrderEvent awaitOrder(String id, OrderEvent.Kind kind) throws InterruptedException {
        return t.await(OrderEvent.class, e -> e.clientOrderId().equals(id) && e.kind() == kind);
    }

    @Test
    void bracketIsEntryThenAlgoStopThenAlgoTakeProfitAndAFillArrivesFromTheUserStream() throws Exception {
        session.send(new OrderCommand.SubmitBracket(bracket("MARKET", "60000")));
        session.flush();
        List<FakeBinance.Req> sent = fake.log.stream().filter(r -> r.method().equals("POST")
                && r.path().startsWith("/fapi/v1/") && !r.path().endsWith("listenKey")).toList();
        assertEquals(List.of("/fapi/v1/order", "/fapi/v1/algoOrder", "/fapi/v1/algoOrder"),
                sent.stream().map(FakeBinance.Req::path).toList());
        assertEquals("MARKET", sent.get(0).params().get("type"));
        assertEquals("e1", sent.get(0).params().get("newClientOrderId"));
        Map<String, String> stop = sent.get(1).params();
        assertEquals("STOP_MARKET", stop.get("type"));
        assertEquals("CONDITIONAL", stop.get("algoType"));
        assertEquals("60000", stop.get("triggerPrice"));
        assertEquals("false", stop.get("priceProtect"));
        assertEquals("true", stop.get("closePosition"));
        assertEquals("s1", stop.get("clientAlgoId"));
        assertEquals("TAKE_PROFIT_MARKET", sent.get(2).params().get("type"));
        assertEquals("64000", sent.get(2).params().get("triggerPrice"));
        OrderEvent e1 = awaitOrder("e1", OrderEvent.Kind.ACCEPTED);
        assertEquals(fake.orders.get("e1").get("orderId").asText(), e1.venueOrderId());
        assertEquals(fake.algoOrders.get("s1").get("algoId").asText(), awaitOrder("s1", OrderEvent.Kind.ACCEPTED).venueOrderId());
        awaitOrder("t1", OrderEvent.Kind.ACCEPTED);

        fake.fill("e1", "61800.3");
        OrderEvent fill = awaitOrder("e1", OrderEvent.Kind.FILLED);
        assertEquals(Fixed.parse("61800.3"), fill.fillPrice());
        assertEquals(Fixed.parse("0.010"), fill.fillQty());
        assertEquals(0, fill.leavesQty());
        assertEquals(Fixed.parse("0.3090015"), fill.fee()); // 0.010 * 61800.3 * 0.0005
        assertEquals(Side.BUY, fill.side());

        assertEquals(List.of(new Position("binance-usdm", "BTCUSDT", Fixed.parse("0.010"), Fixed.parse("61800.3"))),
                session.positions());
        List<Execution> ex = session.executionsSince(BinanceTestSupport.T0_MS * 1_000_000L);
        assertEquals(1, ex.size());
        assertEquals("e1", ex.get(0).clientOrderId());
        assertEquals(Fixed.parse("61800.3"), ex.get(0).price());
        List<WorkingOrder> open = session.openOrders();
        assertEquals(List.of("s1", "t1"), open.stream().map(w -> w.order().clientOrderId()).toList());
        WorkingOrder s1 = open.get(0);
        assertEquals(OrderType.STOP, s1.order().type());
        assertEquals(Fixed.parse("60000"), s1.order().stopPrice());
        assertEquals(Fixed.parse("0.010"), s1.order().quantity()); // closePosition: the open position's size
        assertEquals("g1", s1.parentGroupId());
        assertEquals(OrderType.LIMIT, open.get(1).order().type());
        assertEquals(Fixed.parse("64000"), open.get(1).order().limitPrice());
    }

    @Test
    void aStopThatWouldTriggerImmediatelyIsATypedRejection() throws Exception {
        session.send(new OrderCommand.SubmitBracket(bracket("MARKET", "62000"))); // sell stop above the mark 61800
        awaitOrder("e1", OrderEvent.Kind.ACCEPTED);
        OrderEvent rej = awaitOrder("s1", OrderEvent.Kind.REJECTED);
        assertTrue(rej.reason().startsWith("WOULD_IMMEDIATELY_TRIGGER (-2021): "), rej.reason());
        awaitOrder("t1", OrderEvent.Kind.ACCEPTED);
    }

    @Test
    void aRejectedEntryNeverSendsItsChildren() throws Exception {
        fake.script(new FakeBinance.Scripted("POST", "/fapi/v1/order", 400,
                "{\"code\":-2019,\"msg\":\"Margin is insufficient.\"}", Map.of(), false));
        session.send(new OrderCommand.SubmitBracket(bracket("LIMIT", "60000")));
        assertTrue(awaitOrder("e1", OrderEvent.Kind.REJECTED).reason().startsWith("REJECTED (-2019)"));
        assertEquals("entry rejected", awaitOrder("s1", OrderEvent.Kind.REJECTED).reason());
        assertEquals("entry rejected", awaitOrder("t1", OrderEvent.Kind.REJECTED).reason());
        session.flush();
        assertTrue(fake.requests("POST", "/fapi/v1/algoOrder").isEmpty());
    }

    @Test
    void cancelAllCancelsPlainAndAlgoOrders() throws Exception {
        session.send(new OrderCommand.SubmitBracket(bracket("LIMIT", "60000")));
        session.send(new OrderCommand.CancelAll("*"));
        session.flush();
        assertEquals(1, fake.requests("DELETE", "/fapi/v1/allOpenOrders").size());
        assertEquals(1, fake.requests("DELETE", "/fapi/v1/algoOpenOrders").size());
        assertEquals("BTCUSDT", fake.requests("DELETE", "/fapi/v1/algoOpenOrders").get(0).params().get("symbol"));
        assertEquals("CANCELED", fake.orders.get("e1").get("status").asText());
        assertEquals("CANCELED", fake.algoOrders.get("s1").get("algoStatus").asText());
        assertEquals("CANCELED", fake.algoOrders.get("t1").get("algoStatus").asText());
        awaitOrder("e1", OrderEvent.Kind.CANCELLED);
        awaitOrder("s1", OrderEvent.Kind.CANCELLED);
        awaitOrder("t1", OrderEvent.Kind.CANCELLED);
        assertTrue(session.openOrders().isEmpty());
    }

    @Test
    void unknownOutcomeIsResolvedByQueryingBeforeAnyRetry() throws Exception {
        // the venue executed the order but answered 503: the query finds it, nothing is sent twice
        fake.script(new FakeBinance.Scripted("POST", "/fapi/v1/order", 503, "", Map.of(), true));
        session.send(new OrderCommand.Submit(order("x1", Side.BUY, OrderType.LIMIT, "0.002", "61000", null)));
        awaitOrder("x1", OrderEvent.Kind.ACCEPTED);
        assertEquals(1, fake.requests("POST", "/fapi/v1/order").size());
        assertEquals("x1", fake.requests("GET", "/fapi/v1/order").get(0).params().get("origClientOrderId"));
        // the venue did not execute it: the query says -2013, and it is sent once more
        fake.script(new FakeBinance.Scripted("POST", "/fapi/v1/order", 503, "", Map.of(), false));
        session.send(new OrderCommand.Submit(order("x2", Side.BUY, OrderType.LIMIT, "0.002", "61000", null)));
        awaitOrder("x2", OrderEvent.Kind.ACCEPTED);
        assertEquals(3, fake.requests("POST", "/fapi/v1/order").size());
        assertNotNull(fake.orders.get("x2"));
    }

    @Test
    void movingAStopPlacesTheReplacementBeforeCancellingTheOldOne() throws Exception {
        session.send(new OrderCommand.SubmitBracket(bracket("MARKET", "60000")));
        awaitOrder("s1", OrderEvent.Kind.ACCEPTED);
        session.send(new OrderCommand.Modify("BTCUSDT", "s1", 0, 0, Fixed.parse("61000")));
        OrderEvent mod = awaitOrder("s1", OrderEvent.Kind.MODIFIED);
        assertEquals("", mod.reason());
        List<String> algoCalls = fake.log.stream().filter(r -> r.path().equals("/fapi/v1/algoOrder"))
                .map(r -> r.method() + " " + r.params().get("clientAlgoId")).toList();
        assertEquals(List.of("POST s1", "POST t1", "POST s1-r1", "DELETE s1"), algoCalls);
        assertEquals("61000", fake.algoOrders.get("s1-r1").get("triggerPrice").asText());
        assertEquals("CANCELED", fake.algoOrders.get("s1").get("algoStatus").asText());
        // a stream update about the replacement is attributed to FLOF's id
        fake.pushUserData("{\"e\":\"ALGO_UPDATE\",\"T\":1764000001000,\"E\":1764000001001,\"o\":{\"caid\":\"s1-r1\","
                + "\"aid\":1,\"at\":\"CONDITIONAL\",\"o\":\"STOP_MARKET\",\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"X\":\"TRIGGERED\"}}");
        assertEquals(1_764_000_001_000_000_000L, awaitOrder("s1", OrderEvent.Kind.TRIGGERED).tsEvent());
    }

    @Test
    void theFillOfATriggeredStopIsAttributedToTheBracketStop() throws Exception {
        session.send(new OrderCommand.SubmitBracket(bracket("MARKET", "60000")));
        awaitOrder("t1", OrderEvent.Kind.ACCEPTED);
        // the order the triggered STOP_MARKET spawns carries the venue's own client id
        fake.pushUserData("{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1764000100001,\"T\":1764000100000,\"o\":{"
                + "\"s\":\"BTCUSDT\",\"c\":\"autoclose-1764000100000\",\"S\":\"SELL\",\"o\":\"MARKET\",\"f\":\"GTC\","
                + "\"q\":\"0.010\",\"p\":\"0\",\"ap\":\"59990.1\",\"sp\":\"60000\",\"x\":\"TRADE\",\"X\":\"FILLED\","
                + "\"i\":8389765999,\"l\":\"0.010\",\"z\":\"0.010\",\"L\":\"59990.1\",\"N\":\"USDT\",\"n\":\"0.29995050\","
                + "\"T\":1764000100000,\"t\":698759999,\"m\":false,\"R\":true,\"wt\":\"MARK_PRICE\",\"ot\":\"STOP_MARKET\","
                + "\"ps\":\"BOTH\",\"cp\":true,\"rp\":\"-18.1\"}}");
        OrderEvent fill = awaitOrder("s1", OrderEvent.Kind.FILLED);
        assertEquals(Fixed.parse("59990.1"), fill.fillPrice());
        assertEquals(Fixed.parse("0.29995050"), fill.fee());
        assertEquals(1_764_000_100_000_000_000L, fill.tsEvent());
        assertEquals(fake.algoOrders.get("s1").get("algoId").asText(), fill.venueOrderId()); // FLOF's order is the algo order
    }

    private static final String ONE_TIER = "[{\"bracket\":1,\"initialLeverage\":125,\"notionalCap\":50000,"
            + "\"notionalFloor\":0,\"maintMarginRatio\":0.004,\"cum\":0.0}]";

    @Test
    void liquidationGuardLowersLeverageBeforeTheEntry() throws Exception {
        session.close();
        open(new BinanceUsdmSession.Guard(20, new BigDecimal("0.5")));
        fake.markPrice.put("BTCUSDT", new BigDecimal("60000"));
        fake.leverageBrackets.put("BTCUSDT", ONE_TIER);
        // long 0.5 @ mark 60000, stop 57000: at 20x liquidation is 57228.9 (inside 57000 - 1500); 12x gives 55220.9
        session.send(new OrderCommand.SubmitBracket(new BracketOrder("g2",
                order("e2", Side.BUY, OrderType.MARKET, "0.5", null, null),
                order("s2", Side.SELL, OrderType.STOP, "0.5", null, "57000"), null)));
        awaitOrder("s2", OrderEvent.Kind.ACCEPTED);
        assertEquals(12, fake.leverage.get("BTCUSDT"));
        List<String> calls = fake.log.stream().map(r -> r.method() + " " + r.path())
                .filter(c -> c.startsWith("POST /fapi/v1/l") || c.startsWith("POST /fapi/v1/order")).toList();
        assertEquals(List.of("POST /fapi/v1/listenKey", "POST /fapi/v1/listenKey", "POST /fapi/v1/leverage",
                "POST /fapi/v1/order"), calls);
    }

    @Test
    void liquidationGuardRefusesABracketThatOnlyASmallerSizeCouldMakeSafe() throws Exception {
        session.close();
        open(new BinanceUsdmSession.Guard(3, new BigDecimal("0.5")));
        fake.markPrice.put("BTCUSDT", new BigDecimal("100"));
        fake.leverageBrackets.put("BTCUSDT", "[{\"bracket\":1,\"initialLeverage\":50,\"notionalCap\":10000,"
                + "\"notionalFloor\":0,\"maintMarginRatio\":0.01,\"cum\":0.0},{\"bracket\":2,\"initialLeverage\":1,"
                + "\"notionalCap\":1000000000,\"notionalFloor\":10000,\"maintMarginRatio\":0.5,\"cum\":4900.0}]");
        session.send(new OrderCommand.SubmitBracket(new BracketOrder("g3",
                new Order("e3", "BTCUSDT", Side.SELL, OrderType.MARKET, Fixed.parse("1000"), 0, 0, TimeInForce.GTC, false),
                order("s3", Side.BUY, OrderType.STOP, "1000", null, "140"), null)));
        OrderEvent r = awaitOrder("e3", OrderEvent.Kind.REJECTED);
        assertTrue(r.reason().startsWith("LIQUIDATION_TOO_CLOSE: "), r.reason());
        assertTrue(r.reason().endsWith("largest safe quantity 100 at leverage 1"), r.reason());
        assertTrue(awaitOrder("s3", OrderEvent.Kind.REJECTED).reason().startsWith("LIQUIDATION_TOO_CLOSE"));
        session.flush();
        assertTrue(fake.requests("POST", "/fapi/v1/order").isEmpty());
        assertTrue(fake.requests("POST", "/fapi/v1/leverage").isEmpty());
    }

    @Test
    void singleCancelsAndALimitModifyUseTheRightEndpoints() throws Exception {
        session.send(new OrderCommand.SubmitBracket(bracket("LIMIT", "60000")));
        awaitOrder("t1", OrderEvent.Kind.ACCEPTED);
        session.send(new OrderCommand.Modify("BTCUSDT", "e1", Fixed.parse("0.020"), Fixed.parse("61650.5"), 0));
        OrderEvent mod = awaitOrder("e1", OrderEvent.Kind.MODIFIED);
        assertEquals(Fixed.parse("0.020"), mod.leavesQty());
        Map<String, String> put = fake.requests("PUT", "/fapi/v1/order").get(0).params();
        assertEquals("61650.5", put.get("price"));
        assertEquals("0.02", put.get("quantity"));
        assertEquals("e1", put.get("origClientOrderId"));
        session.send(new OrderCommand.Cancel("BTCUSDT", "t1"));
        session.send(new OrderCommand.Cancel("BTCUSDT", "e1"));
        awaitOrder("t1", OrderEvent.Kind.CANCELLED);
        awaitOrder("e1", OrderEvent.Kind.CANCELLED);
        assertEquals("t1", fake.requests("DELETE", "/fapi/v1/algoOrder").get(0).params().get("clientAlgoId"));
        assertEquals("e1", fake.requests("DELETE", "/fapi/v1/order").get(0).params().get("origClientOrderId"));
        // cancelling again: the venue no longer has it
        session.send(new OrderCommand.Cancel("BTCUSDT", "t1"));
        OrderEvent again = awaitOrder("t1", OrderEvent.Kind.CANCEL_REJECTED);
        assertTrue(again.reason().startsWith("NO_SUCH_ORDER (-2011)"), again.reason());
        // the venue expires the closePosition stop when the position is gone
        fake.pushUserData("{\"e\":\"ALGO_UPDATE\",\"T\":1764000200000,\"E\":1764000200001,\"o\":{\"caid\":\"s1\","
                + "\"aid\":2,\"at\":\"CONDITIONAL\",\"o\":\"STOP_MARKET\",\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"X\":\"EXPIRED\"}}");
        assertEquals(1_764_000_200_000_000_000L, awaitOrder("s1", OrderEvent.Kind.EXPIRED).tsEvent());
    }

    @Test
    void expiredListenKeyIsReplacedAndTheUserStreamReopened() throws Exception {
        session.keepAlive();
        assertEquals(1, fake.requests("PUT", "/fapi/v1/listenKey").size());
        fake.expireListenKey("Xk7pq2newlistenkey000000000000000000000000000000000000000000000000");
        fake.pushUserData("{\"e\":\"listenKeyExpired\",\"E\":1764000000000,\"listenKey\":\"old\"}");
        FakeWsServer.Conn again = fake.ws.nextConnection();
        assertEquals("Xk7pq2newlistenkey000000000000000000000000000000000000000000000000", again.params.get("listenKey"));
        assertEquals(2, fake.requests("POST", "/fapi/v1/listenKey").size());
    }
}
