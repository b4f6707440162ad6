package dev.flof.feeds.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.market.Fixed;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inbound frames built by hand from the layouts and example frames in
 * shared/docs/execution-venues.md §2.4 (payload text with explicit NULs, length prefix computed here).
 */
class TwsDecoderTest {

    /** A frame from payload text whose fields are separated and terminated by '|'. */
    static byte[] frame(String pipeSeparated) {
        byte[] p = pipeSeparated.replace('|', '\0').getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[4 + p.length];
        f[0] = (byte) (p.length >>> 24);
        f[1] = (byte) (p.length >>> 16);
        f[2] = (byte) (p.length >>> 8);
        f[3] = (byte) p.length;
        System.arraycopy(p, 0, f, 4, p.length);
        return f;
    }

    static TwsMessage decode(int sv, String pipeSeparated) throws Exception {
        TwsFrameReader r = new TwsFrameReader();
        byte[] f = frame(pipeSeparated);
        r.feed(f, 0, f.length);
        return new TwsDecoder(sv).decode(r.next());
    }

    @Test
    void nextValidIdAndManagedAccounts() throws Exception {
        assertEquals(new TwsMessage.NextValidId(1000), decode(178, "9|1|1000|"));
        assertEquals(new TwsMessage.ManagedAccounts(List.of("DU000000")), decode(178, "15|1|DU000000|"));
        assertEquals(new TwsMessage.ManagedAccounts(List.of("DU1", "DU2")), decode(178, "15|1|DU1,DU2,|"));
    }

    @Test
    void orderStatusAsInTheDocs() throws Exception {
        var s = assertInstanceOf(TwsMessage.OrderStatus.class,
                decode(178, "3|1001|PreSubmitted|0|1|0|123456789|1000|0|7|trigger|0|"));
        assertEquals(1001, s.orderId());
        assertEquals("PreSubmitted", s.status());
        assertEquals(0, s.filled());
        assertEquals(Fixed.ofUnits(1), s.remaining());
        assertEquals(123456789L, s.permId());
        assertEquals(1000, s.parentId());
        assertEquals(7, s.clientId());
        assertEquals("trigger", s.whyHeld());
        assertFalse(s.isTerminal());
        var filled = assertInstanceOf(TwsMessage.OrderStatus.class,
                decode(178, "3|1000|Filled|1|0|6000.25|123456790|0|6000.25|7||0|"));
        assertEquals(Fixed.parse("6000.25"), filled.avgFillPrice());
        assertTrue(filled.isTerminal());
    }

    @Test
    void errorsWithConnectivityCodesAndOrderWarnings() throws Exception {
        var w = assertInstanceOf(TwsMessage.Error.class,
                decode(178, "4|2|1001|399|Order Message: Warning: simulated stop||"));
        assertEquals(1001, w.reqId());
        assertEquals(399, w.code());
        assertEquals(IbErrorKind.WARNING, w.kind());
        var lost = assertInstanceOf(TwsMessage.Error.class,
                decode(178, "4|2|-1|1100|Connectivity between IBKR and Trader Workstation has been lost.||"));
        assertEquals(-1, lost.reqId());
        assertEquals(IbErrorKind.CONNECTIVITY_LOST, lost.kind());
        assertEquals(IbErrorKind.CONNECTIVITY_RESTORED_DATA_LOST, IbErrorKind.of(1101));
        assertEquals(IbErrorKind.CONNECTIVITY_RESTORED, IbErrorKind.of(1102));
        assertEquals(IbErrorKind.FARM_BROKEN, IbErrorKind.of(2103));
        assertFalse(IbErrorKind.of(2103).isConnectivity(), "a data-farm flap is not a disconnect");
        assertEquals(IbErrorKind.FARM_OK, IbErrorKind.of(2104));
        assertEquals(IbErrorKind.FARM_OK, IbErrorKind.of(2106));
        assertEquals(IbErrorKind.ORDER_REJECTED, IbErrorKind.of(201));
        assertEquals(IbErrorKind.CANCEL_REJECTED, IbErrorKind.of(10147));
        assertEquals(IbErrorKind.OTHER, IbErrorKind.of(110));
        var rej = assertInstanceOf(TwsMessage.Error.class,
                decode(178, "4|2|1002|201|Order rejected - reason:Margin|{\"rejectCode\":\"X\"}|"));
        assertEquals(IbErrorKind.ORDER_REJECTED, rej.kind());
        assertEquals("{\"rejectCode\":\"X\"}", rej.advancedOrderRejectJson());
        // below 166 there is no advancedOrderRejectJson field
        var old = assertInstanceOf(TwsMessage.Error.class, decode(157, "4|2|1002|201|Order rejected|"));
        assertEquals("", old.advancedOrderRejectJson());
        assertEquals("Order rejected", old.message());
    }

    @Test
    void positionAndEnds() throws Exception {
        var p = assertInstanceOf(TwsMessage.Position.class, decode(178,
                "61|3|DU000000|495512563|ES|FUT|20261218|0||50||USD|ESZ6|ES|1|300012.5|"));
        assertEquals("DU000000", p.account());
        assertEquals(495512563, p.contract().conId());
        assertEquals("ES", p.contract().symbol());
        assertEquals("FUT", p.contract().secType());
        assertEquals("20261218", p.contract().lastTradeDateOrContractMonth());
        assertEquals("ESZ6", p.contract().localSymbol());
        assertEquals("ESZ6", p.contract().flofSymbol());
        assertEquals(Fixed.ofUnits(1), p.position());
        assertEquals(Fixed.parse("300012.5"), p.avgCost());
        assertEquals(new TwsMessage.PositionEnd(), decode(178, "62|1|"));
        assertEquals(new TwsMessage.OpenOrderEnd(), decode(178, "53|1|"));
        assertEquals(new TwsMessage.ExecDetailsEnd(4), decode(178, "55|1|4|"));
        assertEquals(new TwsMessage.CurrentTime(1795636800L), decode(178, "49|1|1795636800|"));
    }

    /** openOrder prefix: orderId, contract 11, action ... faPercentage, [faProfile < 177], ... parentId. */
    static String openOrder(int sv, String tail) {
        return "5|1001|495512563|ES|FUT|20261218|0||50|CME|USD|ESZ6|ES|"
                + "SELL|1|STP|0.0|5990.0|GTC|FLOF-g1|DU000000||0|s1|7|901001|1|0|0|||||"
                + (sv < 177 ? "|" : "")
                + "|||||0||-1|0|||||||" + "|0|0|0||" + "2|0|0||1000|0|" + tail;
    }

    @Test
    void openOrderPrefixAtEachVersion() throws Exception {
        for (int sv : new int[] {157, 176, 178}) {
            var o = assertInstanceOf(TwsMessage.OpenOrder.class, decode(sv, openOrder(sv, "||||0|||||")));
            assertEquals(1001, o.orderId(), "sv" + sv);
            assertEquals("ES", o.contract().symbol());
            assertEquals("FUT", o.contract().secType());
            assertEquals("ESZ6", o.contract().localSymbol());
            assertEquals("SELL", o.action());
            assertEquals(Fixed.ofUnits(1), o.totalQuantity());
            assertEquals("STP", o.orderType());
            assertEquals(0, o.lmtPrice());
            assertEquals(Fixed.parse("5990"), o.auxPrice());
            assertEquals("GTC", o.tif());
            assertEquals("FLOF-g1", o.ocaGroup());
            assertEquals("DU000000", o.account());
            assertEquals("s1", o.orderRef());
            assertEquals(7, o.clientId());
            assertEquals(901001L, o.permId());
            assertTrue(o.outsideRth());
            assertEquals(2, o.ocaType(), "sv" + sv);
            assertEquals(1000, o.parentId(), "sv" + sv);
        }
    }

    @Test
    void execDetailsWithAndWithoutPendingPriceRevision() throws Exception {
        String body = "11|-1|1000|495512563|ES|FUT|20261218|0||50|CME|USD|ESZ6|ES|"
                + "0000e0d5.00000001.01.01|20261125-20:15:01|DU000000|CME|BOT|1|6000.25|901000|7|0|1|6000.25|e1|||"
                + "|2|";
        var x178 = assertInstanceOf(TwsMessage.ExecDetails.class, decode(178, body + "1|"));
        assertEquals(-1, x178.reqId());
        assertEquals(1000, x178.orderId());
        assertEquals("0000e0d5.00000001.01.01", x178.execId());
        assertEquals("BOT", x178.side());
        assertEquals(Fixed.ofUnits(1), x178.shares());
        assertEquals(Fixed.parse("6000.25"), x178.price());
        assertEquals("e1", x178.orderRef());
        assertEquals(2, x178.lastLiquidity());
        assertTrue(x178.pendingPriceRevision());
        var x176 = assertInstanceOf(TwsMessage.ExecDetails.class, decode(176, body));
        assertFalse(x176.pendingPriceRevision());
        assertEquals(Fixed.parse("6000.25"), x176.avgPrice());
        assertEquals(1_795_637_701L * 1_000_000_000L, IbTime.parseExecTime(x176.time(), ZoneId.of("UTC")));
    }

    @Test
    void commissionReportWithUnsetSentinels() throws Exception {
        var c = assertInstanceOf(TwsMessage.CommissionReport.class,
                decode(178, "59|1|0000e0d5.00000001.01.01|2.25|USD|1.7976931348623157E308|1.7976931348623157E308||"));
        assertEquals(Fixed.parse("2.25"), c.commission());
        assertEquals("USD", c.currency());
        assertEquals(Fixed.UNDEF, c.realizedPnl());
    }

    @Test
    void unknownMessageIsSkippedNotFatal() throws Exception {
        assertEquals(new TwsMessage.Unhandled("1", 7), decode(178, "1|6|1|1|6000.25|3|0|"));
    }

    @Test
    void malformedFieldsNameTheMessageAndField() {
        TwsProtocolException bad = assertThrows(TwsProtocolException.class, () -> decode(178, "9|1|abc|"));
        assertTrue(bad.getMessage().contains("message 9") && bad.getMessage().contains("field 2"), bad.getMessage());
        TwsProtocolException shortMsg = assertThrows(TwsProtocolException.class, () -> decode(178, "3|1001|Submitted|"));
        assertTrue(shortMsg.getMessage().contains("message 3"), shortMsg.getMessage());
    }

    @Test
    void execTimesInTheFormsTwsSends() {
        ZoneId ny = ZoneId.of("America/New_York");
        long utc = 1_795_637_701L * 1_000_000_000L; // 2026-11-25 20:15:01 UTC
        assertEquals(utc, IbTime.parseExecTime("20261125-20:15:01", ny));
        assertEquals(utc, IbTime.parseExecTime("20261125 20:15:01", ZoneId.of("UTC")));
        assertEquals(utc, IbTime.parseExecTime("20261125  15:15:01", ny), "EST is UTC-5 in November");
        assertEquals(utc, IbTime.parseExecTime("20261125 15:15:01 US/Eastern", ZoneId.of("UTC")));
        assertThrows(IllegalArgumentException.class, () -> IbTime.parseExecTime("yesterday", ny));
    }
}
