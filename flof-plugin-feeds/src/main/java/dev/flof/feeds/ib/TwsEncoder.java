package dev.flof.feeds.ib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Outbound message layouts at a negotiated server version (157..178). Each method returns the message's
 * fields; {@link TwsFrames#frame} turns them into bytes. Layouts follow
 * {@code shared/docs/execution-venues.md} §2.3 and are verified byte for byte against the golden captures
 * at 157, 176 and 178.
 */
public final class TwsEncoder {
    static final String START_API = "71";
    static final String PLACE_ORDER = "3";
    static final String CANCEL_ORDER = "4";
    static final String REQ_OPEN_ORDERS = "5";
    static final String REQ_EXECUTIONS = "7";
    static final String REQ_IDS = "8";
    static final String REQ_AUTO_OPEN_ORDERS = "15";
    static final String REQ_ALL_OPEN_ORDERS = "16";
    static final String REQ_CURRENT_TIME = "49";
    static final String REQ_GLOBAL_CANCEL = "58";
    static final String REQ_POSITIONS = "61";
    static final String CANCEL_POSITIONS = "64";

    private final int serverVersion;

    /**
     * @throws UnsupportedServerVersionException when the version is outside the supported range
     */
    public TwsEncoder(int serverVersion) throws UnsupportedServerVersionException {
        this.serverVersion = TwsVersions.requireSupported(serverVersion);
    }

    public int serverVersion() {
        return serverVersion;
    }

    /** {@code [71, 2, clientId, optionalCapabilities]}. */
    public List<String> startApi(int clientId, String optionalCapabilities) {
        return List.of(START_API, "2", Integer.toString(clientId), optionalCapabilities == null ? "" : optionalCapabilities);
    }

    /** {@code [8, 1, numIds]}. */
    public List<String> reqIds(int numIds) {
        return List.of(REQ_IDS, "1", Integer.toString(numIds));
    }

    /** No version field since server version 145; 114 fields at 178, 115 at 176, 110 at 157. */
    public List<String> placeOrder(IbContract c, IbOrder o) {
        Fields f = new Fields();
        f.add(PLACE_ORDER).add(o.orderId());
        contract(f, c, true);
        f.empty(2); // secIdType, secId
        f.add(o.action())
                .add(IbWire.price(o.totalQuantity()))
                .add(o.orderType())
                .add(IbWire.price(o.lmtPrice()))
                .add(IbWire.price(o.auxPrice()))
                .add(o.tif())
                .add(o.ocaGroup())
                .add(o.account())
                .empty(2) // openClose, origin
                .add(o.orderRef())
                .add(IbWire.bool(o.transmit()))
                .add(o.parentId() == 0 ? "" : Integer.toString(o.parentId()))
                .empty(4) // blockOrder, sweepToFill, displaySize, triggerMethod
                .add(o.outsideRth() == null ? "" : IbWire.bool(o.outsideRth()))
                .empty(1) // hidden
                .empty(1) // deprecated sharesAllocation
                .empty(3) // discretionaryAmt, goodAfterTime, goodTillDate
                .empty(3); // faGroup, faMethod, faPercentage
        if (serverVersion < TwsVersions.FA_PROFILE_DESUPPORT) {
            f.empty(1); // faProfile
        }
        f.empty(4) // modelCode, shortSaleSlot, designatedLocation, exemptCode
                .add(o.ocaType() == 0 ? "" : Integer.toString(o.ocaType()))
                .empty(4) // rule80A, settlingFirm, allOrNone, minQty
                .empty(1) // percentOffset
                .empty(3) // eTradeOnly, firmQuoteOnly, nbboPriceCap
                .empty(1) // auctionStrategy
                .empty(3) // startingPrice, stockRefPrice, delta
                .empty(2) // stockRangeLower, stockRangeUpper
                .empty(1) // overridePercentageConstraints
                .empty(2) // volatility, volatilityType
                .empty(2) // deltaNeutralOrderType (empty: no delta-neutral block follows), deltaNeutralAuxPrice
                .empty(2) // continuousUpdate, referencePriceType
                .empty(2) // trailStopPrice, trailingPercent
                .empty(3) // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement (empty: no scale block)
                .empty(3) // scaleTable, activeStartTime, activeStopTime
                .empty(1) // hedgeType (empty: no hedgeParam)
                .empty(4) // optOutSmartRouting, clearingAccount, clearingIntent, notHeld
                .add("0") // no delta-neutral contract
                .empty(1) // algoStrategy (empty: no algo params)
                .empty(1) // algoId
                .empty(1) // whatIf
                .empty(1) // orderMiscOptions
                .empty(1) // solicited
                .empty(2) // randomizeSize, randomizePrice
                .add("0") // number of conditions
                .empty(7) // adjustedOrderType, triggerPrice, lmtPriceOffset, adjustedStopPrice,
                          // adjustedStopLimitPrice, adjustedTrailingAmount, adjustableTrailingUnit
                .empty(1) // extOperator
                .empty(2) // softDollarTier name, value
                .empty(1) // cashQty
                .empty(4) // mifid2 decisionMaker, decisionAlgo, executionTrader, executionAlgo
                .empty(1) // dontUseAutoPriceForHedge
                .empty(1) // isOmsContainer
                .empty(1) // discretionaryUpToLimitPrice
                .empty(1); // usePriceMgmtAlgo
        if (serverVersion >= TwsVersions.DURATION) {
            f.empty(1);
        }
        if (serverVersion >= TwsVersions.POST_TO_ATS) {
            f.empty(1);
        }
        if (serverVersion >= TwsVersions.AUTO_CANCEL_PARENT) {
            f.empty(1);
        }
        if (serverVersion >= TwsVersions.ADVANCED_ORDER_REJECT) {
            f.empty(1); // advancedErrorOverride
        }
        if (serverVersion >= TwsVersions.MANUAL_ORDER_TIME) {
            f.empty(1); // manualOrderTime
        }
        return f.list();
    }

    /** {@code [4, 1, orderId]} below 169, {@code [4, 1, orderId, manualOrderCancelTime]} from 169. */
    public List<String> cancelOrder(int orderId) {
        if (serverVersion >= TwsVersions.MANUAL_ORDER_TIME) {
            return List.of(CANCEL_ORDER, "1", Integer.toString(orderId), "");
        }
        return List.of(CANCEL_ORDER, "1", Integer.toString(orderId));
    }

    /** {@code [58, 1]}: cancels every open order of every client, including manual TWS orders. */
    public List<String> reqGlobalCancel() {
        return List.of(REQ_GLOBAL_CANCEL, "1");
    }

    /** {@code [61, 1]}. */
    public List<String> reqPositions() {
        return List.of(REQ_POSITIONS, "1");
    }

    /** {@code [64, 1]}. */
    public List<String> cancelPositions() {
        return List.of(CANCEL_POSITIONS, "1");
    }

    /** {@code [5, 1]}: open orders placed by this client id. */
    public List<String> reqOpenOrders() {
        return List.of(REQ_OPEN_ORDERS, "1");
    }

    /** {@code [16, 1]}: open orders of every API client and TWS. */
    public List<String> reqAllOpenOrders() {
        return List.of(REQ_ALL_OPEN_ORDERS, "1");
    }

    /** {@code [7, 3, reqId, clientId, acctCode, time, symbol, secType, exchange, side]}. */
    public List<String> reqExecutions(int reqId, ExecutionFilter filter) {
        return List.of(REQ_EXECUTIONS, "3", Integer.toString(reqId),
                filter.clientId() == null ? "" : Integer.toString(filter.clientId()),
                filter.account(), filter.time(), filter.symbol(), filter.secType(), filter.exchange(), filter.side());
    }

    /** {@code [49, 1]}. */
    public List<String> reqCurrentTime() {
        return List.of(REQ_CURRENT_TIME, "1");
    }

    private static void contract(Fields f, IbContract c, boolean withPrimaryExchange) {
        f.add(c.conId() == 0 ? "" : Integer.toString(c.conId()))
                .add(c.symbol())
                .add(c.secType())
                .add(c.lastTradeDateOrContractMonth())
                .add(c.strike())
                .add(c.right())
                .add(c.multiplier())
                .add(c.exchange());
        if (withPrimaryExchange) {
            f.add(c.primaryExchange());
        }
        f.add(c.currency())
                .add(c.localSymbol())
                .add(c.tradingClass());
    }

    /** Small append-only field list. */
    private static final class Fields {
        private final List<String> list = new ArrayList<>(120);

        Fields add(String s) {
            list.add(s);
            return this;
        }

        Fields add(int i) {
            list.add(Integer.toString(i));
            return this;
        }

        Fields empty(int n) {
            for (int i = 0; i < n; i++) {
                list.add("");
            }
            return this;
        }

        List<String> list() {
            return Collections.unmodifiableList(list);
        }
    }
}
