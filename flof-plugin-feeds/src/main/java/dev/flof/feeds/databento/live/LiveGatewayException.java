package dev.flof.feeds.databento.live;

import java.io.IOException;

/**
 * A failure of the live gateway session. The subclasses tell the reconnect logic what to do: an
 * {@link AuthenticationFailed} is final (retrying a refused key only burns the connection limit), a
 * {@link HeartbeatTimeout} or a {@link ProtocolViolation} ends the session and is retried.
 */
public class LiveGatewayException extends IOException {
    public LiveGatewayException(String message) {
        super(message);
    }

    public LiveGatewayException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The gateway answered {@code success=0} (or no success) to the auth request; carries its {@code error}. */
    public static final class AuthenticationFailed extends LiveGatewayException {
        private final String gatewayError;

        public AuthenticationFailed(String gatewayError) {
            super("Databento live gateway refused authentication: " + gatewayError);
            this.gatewayError = gatewayError;
        }

        public String gatewayError() {
            return gatewayError;
        }
    }

    /** No byte arrived within heartbeat interval + margin: the connection is considered dead. */
    public static final class HeartbeatTimeout extends LiveGatewayException {
        public HeartbeatTimeout(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The gateway sent something the protocol does not allow at that point (bad line, bad DBN framing). */
    public static final class ProtocolViolation extends LiveGatewayException {
        public ProtocolViolation(String message) {
            super(message);
        }
    }
}
