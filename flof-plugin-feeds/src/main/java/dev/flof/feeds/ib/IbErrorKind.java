package dev.flof.feeds.ib;

/**
 * What an IB error/notice code means for FLOF. The distinction that matters most: 1100 means IB's
 * servers are unreachable from TWS (orders keep working at IB, but fills stop arriving), 1101/1102 mean
 * the link is back (then missed fills must be recovered), while 2103/2105/2157 are transient data-farm
 * flaps that must not be treated as a disconnect.
 */
public enum IbErrorKind {
    /** 1100, 2110: connectivity between TWS and IB lost. */
    CONNECTIVITY_LOST,
    /** 1101: restored, market-data subscriptions lost (resubscribe). */
    CONNECTIVITY_RESTORED_DATA_LOST,
    /** 1102: restored, data maintained. */
    CONNECTIVITY_RESTORED,
    /** 2103, 2105, 2157: a data farm is broken; transient, not a disconnect. */
    FARM_BROKEN,
    /** 2104, 2106, 2107, 2108, 2119, 2158: a data farm is OK. */
    FARM_OK,
    /** 201: order rejected. */
    ORDER_REJECTED,
    /** 202: order cancelled. */
    ORDER_CANCELLED,
    /** 10147, 10148: cancel of an unknown or already final order. */
    CANCEL_REJECTED,
    /** 399 and the 21xx informational range: the order stands, with a warning. */
    WARNING,
    /** 326: the client id is already in use. */
    CLIENT_ID_IN_USE,
    /** 502, 504: not connected. */
    NOT_CONNECTED,
    /** 100: more than 50 messages per second. */
    PACING_VIOLATION,
    /** Anything else (for an order id: most are rejections of the order or of its modification). */
    OTHER;

    public static IbErrorKind of(int code) {
        return switch (code) {
            case 1100, 2110 -> CONNECTIVITY_LOST;
            case 1101 -> CONNECTIVITY_RESTORED_DATA_LOST;
            case 1102 -> CONNECTIVITY_RESTORED;
            case 2103, 2105, 2157 -> FARM_BROKEN;
            case 2104, 2106, 2107, 2108, 2119, 2158 -> FARM_OK;
            case 201 -> ORDER_REJECTED;
            case 202 -> ORDER_CANCELLED;
            case 10147, 10148 -> CANCEL_REJECTED;
            case 326 -> CLIENT_ID_IN_USE;
            case 502, 504 -> NOT_CONNECTED;
            case 100 -> PACING_VIOLATION;
            default -> (code == 399 || (code >= 2100 && code < 2200)) ? WARNING : OTHER;
        };
    }

    /** True for notices that change whether FLOF's view of the venue is live. */
    public boolean isConnectivity() {
        return this == CONNECTIVITY_LOST || this == CONNECTIVITY_RESTORED || this == CONNECTIVITY_RESTORED_DATA_LOST;
    }
}
