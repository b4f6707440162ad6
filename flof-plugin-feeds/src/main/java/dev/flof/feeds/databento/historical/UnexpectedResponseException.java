package dev.flof.feeds.databento.historical;

import java.io.IOException;

/** A 2xx answer whose body is not what the endpoint documents (e.g. a cost that is not a number). */
public final class UnexpectedResponseException extends IOException {
    public UnexpectedResponseException(String message) {
        super(message);
    }
}
