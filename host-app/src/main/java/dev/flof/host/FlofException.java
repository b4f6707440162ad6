package dev.flof.host;

/**
 * A failure the user can act on: the message says what was wrong and where (file, key, plugin), and is
 * printed as is, without a stack trace. Programming errors stay ordinary exceptions.
 */
public class FlofException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FlofException(String message) {
        super(message);
    }

    public FlofException(String message, Throwable cause) {
        super(message, cause);
    }
}
