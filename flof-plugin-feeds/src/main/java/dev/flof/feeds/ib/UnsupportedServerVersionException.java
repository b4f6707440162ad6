package dev.flof.feeds.ib;

/**
 * TWS answered the handshake with a server version outside {@link TwsVersions#MIN_SERVER_VERSION}..
 * {@link TwsVersions#MAX_SERVER_VERSION}. Refused rather than guessed at: from 187 cancel and error
 * layouts change, from 201 message ids become binary and from 203 orders go protobuf, so talking text
 * at such a version would send orders the server misreads.
 */
public final class UnsupportedServerVersionException extends TwsProtocolException {
    private static final long serialVersionUID = 1L;
    private final int serverVersion;

    public UnsupportedServerVersionException(int serverVersion) {
        super("TWS server version " + serverVersion + " is outside the supported range "
                + TwsVersions.MIN_SERVER_VERSION + ".." + TwsVersions.MAX_SERVER_VERSION
                + "; refusing to talk to it");
        this.serverVersion = serverVersion;
    }

    public int serverVersion() {
        return serverVersion;
    }
}
