package dev.flof.feeds.ib;

import java.util.Objects;

/**
 * The subset of an IB order FLOF sends. Fields not modelled here are sent as IB's "unset" (empty
 * field). Prices and quantity are FLOF fixed-point (1e-9, {@link dev.flof.spi.market.Fixed}) and are
 * written as exact decimal text, so {@code 6000.25} never becomes {@code 6000.2500000001}.
 *
 * @param orderId    IB order id (from nextValidId / reqIds; a modify re-sends the same id)
 * @param action     {@code BUY} or {@code SELL}
 * @param totalQuantity fixed-point quantity
 * @param orderType  {@code MKT}, {@code LMT}, {@code STP} or {@code STP LMT}
 * @param lmtPrice   fixed-point limit price, or null for unset
 * @param auxPrice   fixed-point stop trigger price, or null for unset
 * @param tif        {@code DAY}, {@code GTC}, {@code IOC}
 * @param ocaGroup   one-cancels-all group name, empty for none
 * @param ocaType    1 cancel with block, 2 reduce with block, 3 reduce without block; 0 = unset
 * @param account    IB account, empty for the default
 * @param orderRef   free text IB echoes in openOrder and execDetails: FLOF puts its clientOrderId here
 * @param transmit   false holds the order in TWS until a later order of the group transmits
 * @param parentId   parent order id for bracket children, 0 for none
 * @param outsideRth true lets the order trigger/fill outside regular trading hours; null = unset
 */
public record IbOrder(int orderId, String action, long totalQuantity, String orderType, Long lmtPrice,
                      Long auxPrice, String tif, String ocaGroup, int ocaType, String account, String orderRef,
                      boolean transmit, int parentId, Boolean outsideRth) {
    public static final String MKT = "MKT";
    public static final String LMT = "LMT";
    public static final String STP = "STP";
    public static final String STP_LMT = "STP LMT";

    public IbOrder {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(orderType, "orderType");
        if (!action.equals("BUY") && !action.equals("SELL")) {
            throw new IllegalArgumentException("order " + orderId + ": action must be BUY or SELL, got " + action);
        }
        if (!orderType.equals(MKT) && !orderType.equals(LMT) && !orderType.equals(STP) && !orderType.equals(STP_LMT)) {
            throw new IllegalArgumentException("order " + orderId + ": unsupported order type " + orderType);
        }
        if (totalQuantity <= 0) {
            throw new IllegalArgumentException("order " + orderId + ": quantity must be positive");
        }
        if ((orderType.equals(LMT) || orderType.equals(STP_LMT)) && lmtPrice == null) {
            throw new IllegalArgumentException("order " + orderId + ": " + orderType + " needs a limit price");
        }
        if ((orderType.equals(STP) || orderType.equals(STP_LMT)) && auxPrice == null) {
            throw new IllegalArgumentException("order " + orderId + ": " + orderType + " needs a stop (aux) price");
        }
        if (ocaType < 0 || ocaType > 3) {
            throw new IllegalArgumentException("order " + orderId + ": ocaType must be 0..3");
        }
        tif = tif == null ? "" : tif;
        ocaGroup = ocaGroup == null ? "" : ocaGroup;
        account = account == null ? "" : account;
        orderRef = orderRef == null ? "" : orderRef;
    }

    public IbOrder withOrderId(int id) {
        return new IbOrder(id, action, totalQuantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, ocaType,
                account, orderRef, transmit, parentId, outsideRth);
    }

    /** This order as a leg of a group: given id, parent id (0 for none) and transmit flag. */
    public IbOrder asLeg(int id, int parent, boolean t) {
        return new IbOrder(id, action, totalQuantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, ocaType,
                account, orderRef, t, parent, outsideRth);
    }

    public IbOrder withTransmit(boolean t) {
        return new IbOrder(orderId, action, totalQuantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, ocaType,
                account, orderRef, t, parentId, outsideRth);
    }

    /** A modification: same id, new quantity/prices (null keeps the current value). */
    public IbOrder modified(Long newQuantity, Long newLmt, Long newAux) {
        return new IbOrder(orderId, action, newQuantity == null ? totalQuantity : newQuantity, orderType,
                newLmt == null ? lmtPrice : newLmt, newAux == null ? auxPrice : newAux, tif, ocaGroup, ocaType,
                account, orderRef, true, parentId, outsideRth);
    }

    public boolean isStop() {
        return orderType.equals(STP) || orderType.equals(STP_LMT);
    }
}
