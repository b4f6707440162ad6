package dev.flof.feeds.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The order templates decide whether a protective order protects; these tests pin them. */
class IbOrderTemplatesTest {
    static final long NOV_25_2026 = 1_795_636_800L * 1_000_000_000L;

    static BracketOrder esBracket(OrderType stopType) {
        Order entry = new Order("e1", "ESZ6", Side.BUY, OrderType.LIMIT, Fixed.ofUnits(1), Fixed.parse("6000.25"), 0,
                TimeInForce.DAY, false);
        Order stop = new Order("s1", "ESZ6", Side.SELL, stopType, Fixed.ofUnits(1),
                stopType == OrderType.STOP_LIMIT ? Fixed.parse("5985") : 0, Fixed.parse("5990"), TimeInForce.DAY, true);
        Order target = new Order("t1", "ESZ6", Side.SELL, OrderType.LIMIT, Fixed.ofUnits(1), Fixed.parse("6020"), 0,
                TimeInForce.DAY, true);
        return new BracketOrder("g1", entry, stop, target);
    }

    @Test
    void esProtectiveStopIsOutsideRthGtcAndOcaLinked() {
        IbOrderTemplates.Legs legs = IbOrderTemplates.bracket(esBracket(OrderType.STOP), "", 2);
        IbOrder stop = legs.stop();
        assertEquals(Boolean.TRUE, stop.outsideRth(), "IB-simulated futures stops only trigger in RTH without outsideRth=1");
        assertEquals("STP", stop.orderType());
        assertEquals(Fixed.parse("5990"), stop.auxPrice());
        assertNull(stop.lmtPrice());
        assertEquals("GTC", stop.tif(), "a DAY protective stop would expire with the session");
        assertEquals("FLOF-g1", stop.ocaGroup());
        assertEquals(2, stop.ocaType());
        assertEquals("s1", stop.orderRef());
        assertEquals("SELL", stop.action());

        IbOrder target = legs.target();
        assertEquals("LMT", target.orderType());
        assertEquals(Fixed.parse("6020"), target.lmtPrice());
        assertEquals("GTC", target.tif());
        assertEquals("FLOF-g1", target.ocaGroup());
        assertEquals(Boolean.TRUE, target.outsideRth());

        IbOrder entry = legs.entry();
        assertEquals("LMT", entry.orderType());
        assertEquals("DAY", entry.tif());
        assertEquals("", entry.ocaGroup(), "the entry is not in the children's OCA group");
        assertEquals("e1", entry.orderRef());
    }

    @Test
    void stopLimitProtectiveLegCarriesBothPricesAndOutsideRth() {
        IbOrder stop = IbOrderTemplates.bracket(esBracket(OrderType.STOP_LIMIT), "", 2).stop();
        assertEquals("STP LMT", stop.orderType());
        assertEquals(Fixed.parse("5990"), stop.auxPrice());
        assertEquals(Fixed.parse("5985"), stop.lmtPrice());
        assertEquals(Boolean.TRUE, stop.outsideRth());
    }

    @Test
    void onTheWireTheEsStopHasOutsideRthOneAndBracketFlags() throws Exception {
        IbOrderTemplates.Legs legs = IbOrderTemplates.bracket(esBracket(OrderType.STOP), "", 2);
        IbContract es = new IbContractResolver(() -> NOV_25_2026).resolve("ESZ6");
        TwsEncoder enc = new TwsEncoder(178);
        List<String> parent = enc.placeOrder(es, legs.entry().asLeg(1000, 0, false));
        List<String> stop = enc.placeOrder(es, legs.stop().asLeg(1001, 1000, false));
        List<String> target = enc.placeOrder(es, legs.target().asLeg(1002, 1000, true));
        // indices per shared/docs/execution-venues.md §2.3: 27 transmit, 28 parentId, 33 outsideRth, 46 ocaType
        assertEquals("1", stop.get(33));
        assertEquals("0", parent.get(27));
        assertEquals("0", stop.get(27));
        assertEquals("1", target.get(27));
        assertEquals("", parent.get(28));
        assertEquals("1000", stop.get(28));
        assertEquals("1000", target.get(28));
        assertEquals("FLOF-g1", stop.get(22));
        assertEquals("FLOF-g1", target.get(22));
        assertEquals("2", stop.get(46));
        assertEquals("5990", stop.get(20));
        assertEquals("6000.25", parent.get(19));

        // Against the golden stop child (an unprotected-overnight template), FLOF's differs exactly in
        // OCA group, orderRef, outsideRth and ocaType.
        List<String> golden = GoldenIb.load(178).frames().get(2).fields();
        TreeSet<Integer> diff = new TreeSet<>();
        for (int i = 0; i < golden.size(); i++) {
            if (!golden.get(i).equals(stop.get(i))) {
                diff.add(i);
            }
        }
        assertEquals(new TreeSet<>(List.of(22, 26, 33, 46)), diff);
        assertEquals("", golden.get(33), "the golden stop leaves outsideRth unset");
    }

    @Test
    void stopOnlyBracketAndSingleOrders() {
        Order exit = new Order("x1", "ESZ6", Side.SELL, OrderType.STOP, Fixed.ofUnits(2), 0, Fixed.parse("5990.5"),
                TimeInForce.DAY, true);
        IbOrder o = IbOrderTemplates.single(exit, "DU1");
        assertEquals(Boolean.TRUE, o.outsideRth());
        assertEquals("GTC", o.tif(), "replacement stops are GTC too");
        assertTrue(o.transmit());
        assertEquals("DU1", o.account());
        assertEquals(Fixed.ofUnits(2), o.totalQuantity());
    }

    @Test
    void pricesGoOnTheWireAsExactDecimals() {
        assertEquals("6000.25", IbWire.price(Fixed.parse("6000.25")));
        assertEquals("5990", IbWire.price(Fixed.parse("5990.000")));
        assertEquals("0.1", IbWire.price(Fixed.parse("0.1")));
        assertEquals("12345.123456789", IbWire.price(Fixed.parse("12345.123456789")));
        assertEquals("-3.5", IbWire.price(Fixed.parse("-3.5")));
        assertEquals("", IbWire.price((Long) null));
        assertThrows(IllegalArgumentException.class, () -> IbWire.price(Fixed.UNDEF));
    }

    @Test
    void contractResolverParsesCmeCodesAgainstTheClock() {
        IbContractResolver r = new IbContractResolver(() -> NOV_25_2026);
        IbContract z6 = r.resolve("ESZ6");
        assertEquals("ES", z6.symbol());
        assertEquals("FUT", z6.secType());
        assertEquals("202612", z6.lastTradeDateOrContractMonth());
        assertEquals("CME", z6.exchange());
        assertEquals("50", z6.multiplier());
        assertEquals("USD", z6.currency());
        assertEquals("202503", r.resolve("ESH5").lastTradeDateOrContractMonth(), "last year's digit stays last year");
        assertEquals("203409", r.resolve("ESU4").lastTradeDateOrContractMonth(), "4 is 2034 seen from 2026");
        assertEquals("202706", r.resolve("MESM27").lastTradeDateOrContractMonth());
        assertEquals("5", r.resolve("MESM27").multiplier());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.resolve("BTCUSDT"));
        assertTrue(e.getMessage().contains("BTCUSDT"));
        assertThrows(IllegalArgumentException.class, () -> r.resolve("ZZZZ6"));
    }

    @Test
    void ibOrderRefusesWhatTwsWouldMisread() {
        assertThrows(IllegalArgumentException.class, () -> new IbOrder(1, "BUY", 1, "TRAIL", null, null, "DAY", "", 0, "",
                "", true, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new IbOrder(1, "BUY", 1, "STP", null, null, "DAY", "", 0, "",
                "", true, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new IbOrder(1, "BUY", 1, "LMT", null, null, "DAY", "", 0, "",
                "", true, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new IbOrder(1, "HOLD", 1, "MKT", null, null, "DAY", "", 0, "",
                "", true, 0, null));
    }
}
