package dev.flof.feeds.binance;

/**
 * What a Binance error means for FLOF. The engine acts on the kind, not on the number: a
 * {@link #WOULD_IMMEDIATELY_TRIGGER} stop means "exit now with a reduce-only market order", an
 * {@link #UNKNOWN_OUTCOME} means "query by client id before any retry".
 */
public enum BinanceErrorKind {
    /** -1021: timestamp outside recvWindow or ahead of the server; resync server time. */
    TIMESTAMP,
    /** -2021: a stop/take-profit whose trigger is already through the market. */
    WOULD_IMMEDIATELY_TRIGGER,
    /** -4120: conditional order types must use the algo-order endpoint (since 2025-12-09). */
    USE_ALGO_ENDPOINT,
    /** HTTP 429 / -1003 / -1015: back off. */
    RATE_LIMITED,
    /** HTTP 418: the IP is banned for a while; do not call again before the ban ends. */
    IP_BANNED,
    /** -1022 / -2014 / -2015: bad signature or key; never retried. */
    AUTH,
    /** HTTP 5xx, -1006, -1007, -1008, client timeouts: the request may or may not have been executed. */
    UNKNOWN_OUTCOME,
    /** -2013 / -2011 / unknown algo order: the order does not exist. */
    NO_SUCH_ORDER,
    /** Any other rejection: the request was not executed. */
    REJECTED;

    /** Classifies a Binance error code and HTTP status. */
    public static BinanceErrorKind of(int httpStatus, int code) {
        if (httpStatus == 418) {
            return IP_BANNED;
        }
        if (httpStatus == 429 || code == -1003 || code == -1015) {
            return RATE_LIMITED;
        }
        if (httpStatus >= 500 || code == -1006 || code == -1007 || code == -1008) {
            return UNKNOWN_OUTCOME;
        }
        return switch (code) {
            case -1021 -> TIMESTAMP;
            case -2021 -> WOULD_IMMEDIATELY_TRIGGER;
            case -4120 -> USE_ALGO_ENDPOINT;
            case -1022, -2014, -2015 -> AUTH;
            case -2013, -2011 -> NO_SUCH_ORDER;
            default -> REJECTED;
        };
    }
}
