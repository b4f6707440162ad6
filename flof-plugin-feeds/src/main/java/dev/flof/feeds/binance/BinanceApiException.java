package dev.flof.feeds.binance;

/**
 * A Binance REST error, typed by {@link BinanceErrorKind}. The message names the endpoint and the venue's
 * code and text; it never contains the API key, the secret or the signature.
 *
 * @see BinanceErrorKind
 */
public final class BinanceApiException extends RuntimeException {
    private final BinanceErrorKind kind;
    private final int httpStatus;
    private final int code;
    private final long retryAfterMs;

    public BinanceApiException(BinanceErrorKind kind, int httpStatus, int code, String message, long retryAfterMs) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }

    public BinanceErrorKind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Binance's error code, e.g. -2021; 0 when the answer had none (HTTP-level failures). */
    public int code() {
        return code;
    }

    /** Milliseconds the venue asked us to wait (Retry-After), or 0. */
    public long retryAfterMs() {
        return retryAfterMs;
    }
}
