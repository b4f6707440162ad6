package dev.flof.feeds.binance;

/** A message from Binance (or its fake) that does not have the documented shape. */
public final class BinanceProtocolException extends RuntimeException {
    public BinanceProtocolException(String message) {
        super(message);
    }

    public BinanceProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
