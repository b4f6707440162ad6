package dev.flof.feeds.ib;

import java.util.List;

/**
 * Inbound TWS messages this client understands, decoded by {@link TwsDecoder}. Fixed-point values use
 * {@link dev.flof.spi.market.Fixed} (1e-9) with {@link dev.flof.spi.market.Fixed#UNDEF} for IB's unset.
 */
public sealed interface TwsMessage {

    /** {@code [9, 1, orderId]}: the next order id this client may use. */
    record NextValidId(int orderId) implements TwsMessage {
    }

    /** {@code [15, 1, "acct1,acct2"]}. */
    record ManagedAccounts(List<String> accounts) implements TwsMessage {
    }

    /** {@code [49, 1, epochSeconds]}: TWS's clock. */
    record CurrentTime(long epochSeconds) implements TwsMessage {
    }

    /**
     * {@code [3, orderId, status, filled, remaining, avgFillPrice, permId, parentId, lastFillPrice, clientId,
     * whyHeld, mktCapPrice]}. Status is IB's text: PendingSubmit, PreSubmitted, Submitted, ApiCancelled,
     * Cancelled, Filled, Inactive, PendingCancel, ApiPending.
     */
    record OrderStatus(int orderId, String status, long filled, long remaining, long avgFillPrice, long permId,
                       int parentId, long lastFillPrice, int clientId, String whyHeld, long mktCapPrice)
            implements TwsMessage {
        public boolean isTerminal() {
            return status.equals("Cancelled") || status.equals("ApiCancelled") || status.equals("Filled")
                    || status.equals("Inactive");
        }
    }

    /** The prefix of an openOrder message: enough to reconcile a working order with FLOF's view. */
    record OpenOrder(int orderId, IbContract contract, String action, long totalQuantity, String orderType,
                     long lmtPrice, long auxPrice, String tif, String ocaGroup, String account, String orderRef,
                     int clientId, long permId, boolean outsideRth, int ocaType, int parentId)
            implements TwsMessage {
    }

    /** {@code [53, 1]}: end of the answer to reqOpenOrders / reqAllOpenOrders. */
    record OpenOrderEnd() implements TwsMessage {
    }

    /**
     * One execution. {@code reqId} is -1 for live fills and the request id for reqExecutions answers.
     * {@code side} is IB's {@code BOT} or {@code SLD}; {@code time} is IB's text, see {@link IbTime}.
     */
    record ExecDetails(int reqId, int orderId, IbContract contract, String execId, String time, String account,
                       String exchange, String side, long shares, long price, long permId, int clientId,
                       int liquidation, long cumQty, long avgPrice, String orderRef, int lastLiquidity,
                       boolean pendingPriceRevision) implements TwsMessage {
    }

    /** {@code [55, 1, reqId]}. */
    record ExecDetailsEnd(int reqId) implements TwsMessage {
    }

    /** {@code [59, 1, execId, commission, currency, realizedPNL, yield, yieldRedemptionDate]}. */
    record CommissionReport(String execId, long commission, String currency, long realizedPnl)
            implements TwsMessage {
    }

    /** {@code [61, 3, account, <contract>, position, avgCost]}; avgCost of futures includes the multiplier. */
    record Position(String account, IbContract contract, long position, long avgCost) implements TwsMessage {
    }

    /** {@code [62, 1]}. */
    record PositionEnd() implements TwsMessage {
    }

    /**
     * {@code [4, 2, reqId, code, message, advancedOrderRejectJson]}. For order errors {@code reqId} is the
     * order id; -1 for notices about the connection.
     */
    record Error(int reqId, int code, String message, String advancedOrderRejectJson) implements TwsMessage {
        public IbErrorKind kind() {
            return IbErrorKind.of(code);
        }
    }

    /** A message id this client does not decode; counted and skipped (framing makes that safe). */
    record Unhandled(String msgId, int fieldCount) implements TwsMessage {
    }
}
