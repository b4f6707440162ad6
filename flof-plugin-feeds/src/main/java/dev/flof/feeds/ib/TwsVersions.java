package dev.flof.feeds.ib;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protocol versions this client speaks and the thresholds at which layouts change. Pinned to the
 * pure-text protocol: the handshake advertises {@code v157..178} (as ib_async does) and any other
 * negotiated version is refused (see {@link UnsupportedServerVersionException}).
 */
public final class TwsVersions {
    public static final int MIN_SERVER_VERSION = 157;
    public static final int MAX_SERVER_VERSION = 178;

    /** placeOrder gains {@code duration}. */
    static final int DURATION = 158;
    /** placeOrder gains {@code postToAts}. */
    static final int POST_TO_ATS = 160;
    /** placeOrder gains {@code autoCancelParent}. */
    static final int AUTO_CANCEL_PARENT = 162;
    /** placeOrder gains {@code advancedErrorOverride}; error messages gain {@code advancedOrderRejectJson}. */
    static final int ADVANCED_ORDER_REJECT = 166;
    /** placeOrder gains {@code manualOrderTime}; cancelOrder gains {@code manualOrderCancelTime}. */
    static final int MANUAL_ORDER_TIME = 169;
    /** faProfile is no longer sent in placeOrder nor received in openOrder. */
    static final int FA_PROFILE_DESUPPORT = 177;
    /** execDetails gains {@code pendingPriceRevision}. */
    static final int PENDING_PRICE_REVISION = 178;

    private TwsVersions() {
    }

    /** The version range string sent in the handshake, e.g. {@code v157..178}. */
    public static String advertisedRange() {
        return "v" + MIN_SERVER_VERSION + ".." + MAX_SERVER_VERSION;
    }

    /** {@code "API\0"}, then the 4-byte big-endian length of the range string, then the string. */
    public static byte[] handshakeBytes() {
        byte[] range = advertisedRange().getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'A', 'P', 'I', 0});
        out.write(range.length >>> 24);
        out.write(range.length >>> 16);
        out.write(range.length >>> 8);
        out.write(range.length);
        out.writeBytes(range);
        return out.toByteArray();
    }

    /** Throws unless the server version is one this client implements. */
    public static int requireSupported(int serverVersion) throws UnsupportedServerVersionException {
        if (serverVersion < MIN_SERVER_VERSION || serverVersion > MAX_SERVER_VERSION) {
            throw new UnsupportedServerVersionException(serverVersion);
        }
        return serverVersion;
    }
}
