package dev.flof.feeds.ib;

/**
 * The peer sent something this client cannot accept: a malformed frame, a field that is not what the
 * layout says, or a server version outside the supported range. Messages name the message id, field
 * index and stream offset where known, so a capture can be located.
 */
public class TwsProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public TwsProtocolException(String message) {
        super(message);
    }

    public TwsProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
