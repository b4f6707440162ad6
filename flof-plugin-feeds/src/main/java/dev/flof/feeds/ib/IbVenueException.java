package dev.flof.feeds.ib;

/**
 * The IB venue could not do what was asked: connect (the cause says why, e.g.
 * {@link UnsupportedServerVersionException}), or answer a reconciliation query in time. Unchecked because
 * the SPI's methods declare none; callers treat it as "the venue's state is unknown".
 */
public final class IbVenueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IbVenueException(String message, Throwable cause) {
        super(message, cause);
    }
}
