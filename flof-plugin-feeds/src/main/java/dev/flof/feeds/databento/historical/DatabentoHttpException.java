package dev.flof.feeds.databento.historical;

/**
 * An error answer of the historical API (HTTP status ≥ 400), carrying what the server said (§6.4 of the
 * Databento notes): {@code detail} as a string, or as an object with {@code case}, {@code message} and
 * {@code docs}. Subclasses let callers react by kind; the message never contains the API key.
 */
public class DatabentoHttpException extends RuntimeException {
    private final int status;
    private final String serverMessage;
    private final String errorCase;
    private final String docs;
    private final String requestId;

    public DatabentoHttpException(int status, String serverMessage, String errorCase, String docs, String requestId) {
        super(format(status, serverMessage, errorCase, requestId));
        this.status = status;
        this.serverMessage = serverMessage;
        this.errorCase = errorCase;
        this.docs = docs;
        this.requestId = requestId;
    }

    private static String format(int status, String message, String errorCase, String requestId) {
        StringBuilder sb = new StringBuilder("Databento HTTP ").append(status);
        if (errorCase != null) {
            sb.append(" (").append(errorCase).append(')');
        }
        sb.append(": ").append(message);
        if (requestId != null) {
            sb.append(" [request-id ").append(requestId).append(']');
        }
        return sb.toString();
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The server's human-readable message ({@code detail} or {@code detail.message}), or a summary of a non-JSON body. */
    public String serverMessage() {
        return serverMessage;
    }

    /** {@code detail.case}, e.g. {@code data_start_before_available_start}; null when the server gave none. */
    public String errorCase() {
        return errorCase;
    }

    /** {@code detail.docs} link; null when absent. */
    public String docs() {
        return docs;
    }

    /** The {@code request-id} response header; null when absent. */
    public String requestId() {
        return requestId;
    }

    /** 401/403: the key was refused (bad, deactivated, or without access to the dataset). */
    public static final class AuthenticationException extends DatabentoHttpException {
        public AuthenticationException(int status, String message, String errorCase, String docs, String requestId) {
            super(status, message, errorCase, docs, requestId);
        }
    }

    /** 400/422: the request's parameters were rejected (dates out of range, unknown symbols, …). */
    public static final class ValidationException extends DatabentoHttpException {
        public ValidationException(int status, String message, String errorCase, String docs, String requestId) {
            super(status, message, errorCase, docs, requestId);
        }
    }

    /** 429 that outlasted the retry policy. */
    public static final class RateLimitException extends DatabentoHttpException {
        public RateLimitException(int status, String message, String errorCase, String docs, String requestId) {
            super(status, message, errorCase, docs, requestId);
        }
    }

    /** 5xx that outlasted the retry policy. */
    public static final class ServerException extends DatabentoHttpException {
        public ServerException(int status, String message, String errorCase, String docs, String requestId) {
            super(status, message, errorCase, docs, requestId);
        }
    }

    /** Builds the subclass that fits {@code status}. */
    public static DatabentoHttpException of(int status, String message, String errorCase, String docs, String requestId) {
        if (status == 401 || status == 403) {
            return new AuthenticationException(status, message, errorCase, docs, requestId);
        }
        if (status == 400 || status == 422) {
            return new ValidationException(status, message, errorCase, docs, requestId);
        }
        if (status == 429) {
            return new RateLimitException(status, message, errorCase, docs, requestId);
        }
        if (status >= 500) {
            return new ServerException(status, message, errorCase, docs, requestId);
        }
        return new DatabentoHttpException(status, message, errorCase, docs, requestId);
    }
}
