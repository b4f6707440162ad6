package dev.flof.feeds.ib;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * TWS framing: a 4-byte big-endian payload length, then the payload, which is a sequence of fields each
 * terminated by {@code \0}. Fields are ASCII/UTF-8 text; an empty field means "unset".
 */
public final class TwsFrames {
    /** Largest payload TWS accepts or sends. */
    public static final int MAX_PAYLOAD = 0xFFFFFF;

    private TwsFrames() {
    }

    /** Encodes fields into one complete frame, length prefix included. */
    public static byte[] frame(List<String> fields) {
        byte[][] encoded = new byte[fields.size()][];
        int len = 0;
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (f == null) {
                throw new IllegalArgumentException("field " + i + " is null; use \"\" for unset");
            }
            if (f.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("field " + i + " contains a NUL character");
            }
            encoded[i] = f.getBytes(StandardCharsets.UTF_8);
            len += encoded[i].length + 1;
        }
        if (len > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + len + " bytes exceeds " + MAX_PAYLOAD);
        }
        byte[] out = new byte[4 + len];
        out[0] = (byte) (len >>> 24);
        out[1] = (byte) (len >>> 16);
        out[2] = (byte) (len >>> 8);
        out[3] = (byte) len;
        int p = 4;
        for (byte[] e : encoded) {
            System.arraycopy(e, 0, out, p, e.length);
            p += e.length;
            out[p++] = 0;
        }
        return out;
    }

    /**
     * Splits a payload into fields. The payload must end with the terminator of its last field.
     *
     * @param streamOffset where the payload starts in the stream, for the error message
     */
    public static List<String> split(byte[] buf, int off, int len, long streamOffset) throws TwsProtocolException {
        if (len == 0) {
            return List.of();
        }
        if (buf[off + len - 1] != 0) {
            throw new TwsProtocolException("frame at stream offset " + streamOffset + " (" + len
                    + " bytes) does not end with a NUL field terminator");
        }
        List<String> fields = new ArrayList<>();
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (buf[i] == 0) {
                fields.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return fields;
    }

    /** Hex of bytes, lower case, for diagnostics and golden comparisons. */
    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >>> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
