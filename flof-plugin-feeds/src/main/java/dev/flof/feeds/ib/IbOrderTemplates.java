package dev.flof.feeds.ib;

import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;

/**
 * How FLOF's orders become IB orders. The rules here decide whether a protective order protects:
 * <ul>
 *   <li>every leg has {@code outsideRth=1}: IB simulates plain {@code STP} orders on US futures and,
 *       unless told otherwise, triggers them only during regular trading hours, so a stop without the
 *       flag does not protect the overnight session or the Sunday open;</li>
 *   <li>protective legs (stop, target) are {@code GTC}: a {@code DAY} stop would expire at the session
 *       end and leave the position naked;</li>
 *   <li>the stop and target share an OCA group ({@code FLOF-<groupId>}) with a reducing OCA type, so a
 *       partial fill of one shrinks the other and a full fill cancels it, in addition to IB's own bracket
 *       linkage through {@code parentId};</li>
 *   <li>FLOF's clientOrderId travels in {@code orderRef}, which IB echoes in openOrder and execDetails,
 *       so orders and fills can be matched after a restart.</li>
 * </ul>
 * Ids, parent ids and transmit flags are set by {@link TwsClient#placeBracket}.
 */
public final class IbOrderTemplates {
    /** OCA type used by default: reduce remaining size with overfill protection (block). */
    public static final int DEFAULT_OCA_TYPE = 2;

    /** The legs of a bracket, ids not yet assigned; {@code target} may be null. */
    public record Legs(IbOrder entry, IbOrder stop, IbOrder target) {
    }

    private IbOrderTemplates() {
    }

    public static Legs bracket(BracketOrder b, String account, int ocaType) {
        String oca = "FLOF-" + b.groupId();
        IbOrder entry = order(b.entry(), account, tif(b.entry().tif()), "", 0);
        IbOrder stop = order(b.stop(), account, "GTC", oca, ocaType);
        IbOrder target = b.target() == null ? null : order(b.target(), account, "GTC", oca, ocaType);
        return new Legs(entry, stop, target);
    }

    /** A stand-alone order (exit, flatten, replacement stop); stops are GTC. */
    public static IbOrder single(Order o, String account) {
        String tif = (o.type() == OrderType.STOP || o.type() == OrderType.STOP_LIMIT) ? "GTC" : tif(o.tif());
        return order(o, account, tif, "", 0).withTransmit(true);
    }

    private static IbOrder order(Order o, String account, String tif, String oca, int ocaType) {
        String type = orderType(o.type());
        Long lmt = (o.type() == OrderType.LIMIT || o.type() == OrderType.STOP_LIMIT) ? o.limitPrice() : null;
        Long aux = (o.type() == OrderType.STOP || o.type() == OrderType.STOP_LIMIT) ? o.stopPrice() : null;
        return new IbOrder(0, action(o.side()), o.quantity(), type, lmt, aux, tif, oca, oca.isEmpty() ? 0 : ocaType,
                account, o.clientOrderId(), false, 0, Boolean.TRUE);
    }

    public static String action(Side side) {
        return switch (side) {
            case BUY -> "BUY";
            case SELL -> "SELL";
            case NONE -> throw new IllegalArgumentException("an order needs a side");
        };
    }

    public static String orderType(OrderType t) {
        return switch (t) {
            case MARKET -> IbOrder.MKT;
            case LIMIT -> IbOrder.LMT;
            case STOP -> IbOrder.STP;
            case STOP_LIMIT -> IbOrder.STP_LMT;
        };
    }

    static String tif(TimeInForce t) {
        return t == null ? "DAY" : t.name();
    }

    /**
     * IB order type text back to FLOF's type. Types FLOF does not send (trailing, pegged, ...) map to the
     * closest kind rather than being hidden, so reconciliation still sees every resting order.
     */
    public static OrderType fromIbType(String ibType) {
        String t = ibType.toUpperCase(java.util.Locale.ROOT);
        boolean stop = t.contains("STP") || t.contains("TRAIL") || t.contains("STOP");
        boolean limit = t.contains("LMT") || t.contains("LIMIT");
        if (stop) {
            return limit ? OrderType.STOP_LIMIT : OrderType.STOP;
        }
        return limit ? OrderType.LIMIT : OrderType.MARKET;
    }

    public static TimeInForce fromIbTif(String tif) {
        return switch (tif) {
            case "DAY" -> TimeInForce.DAY;
            case "IOC", "FOK" -> TimeInForce.IOC;
            default -> TimeInForce.GTC;
        };
    }
}
