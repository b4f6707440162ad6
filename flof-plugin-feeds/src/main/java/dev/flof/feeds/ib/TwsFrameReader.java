package dev.flof.feeds.ib;

import java.util.List;

/**
 * Reassembles frames from a byte stream that arrives in arbitrary pieces (a socket read may end in the
 * middle of a length prefix or a field). Feed bytes with {@link #feed}, then drain complete frames with
 * {@link #next}. Not thread-safe: one reader thread owns it.
 */
public final class TwsFrameReader {
    private byte[] buf = new byte[8192];
    private int start;
    private int end;
    /** Stream offset of {@code buf[start]}. */
    private long consumed;
    private long frames;

    /** Appends bytes received from the stream. */
    public void feed(byte[] data, int off, int len) {
        if (end + len > buf.length) {
            int live = end - start;
            if (live + len > buf.length) {
                byte[] bigger = new byte[Math.max(buf.length * 2, live + len)];
                System.arraycopy(buf, start, bigger, 0, live);
                buf = bigger;
            } else {
                System.arraycopy(buf, start, buf, 0, live);
            }
            start = 0;
            end = live;
        }
        System.arraycopy(data, off, buf, end, len);
        end += len;
    }

    /**
     * The next complete frame's fields, or null when more bytes are needed.
     *
     * @throws TwsProtocolException for a length outside 0..{@link TwsFrames#MAX_PAYLOAD} or a payload
     *                              that does not end with a field terminator
     */
    public List<String> next() throws TwsProtocolException {
        if (end - start < 4) {
            return null;
        }
        int len = ((buf[start] & 0xFF) << 24) | ((buf[start + 1] & 0xFF) << 16)
                | ((buf[start + 2] & 0xFF) << 8) | (buf[start + 3] & 0xFF);
        if (len < 0 || len > TwsFrames.MAX_PAYLOAD) {
            throw new TwsProtocolException("frame #" + frames + " at stream offset " + consumed
                    + " declares length " + Integer.toUnsignedString(len) + ", above the maximum " + TwsFrames.MAX_PAYLOAD);
        }
        if (end - start < 4 + len) {
            return null;
        }
        List<String> fields = TwsFrames.split(buf, start + 4, len, consumed + 4);
        start += 4 + len;
        consumed += 4 + len;
        frames++;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return fields;
    }

    /** Bytes received but not yet returned as frames. */
    public int buffered() {
        return end - start;
    }

    /** Frames returned so far. */
    public long framesRead() {
        return frames;
    }
}
