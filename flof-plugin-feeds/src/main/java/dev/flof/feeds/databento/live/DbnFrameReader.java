package dev.flof.feeds.databento.live;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a DBN byte stream into its metadata block and its records by the framing alone (§2: 8-byte
 * prelude with the metadata length, then records whose first byte is their length in 4-byte words),
 * without interpreting record bodies. That is all the live client needs to meter usage and hand records
 * on; decoding them is the codec's job.
 */
public final class DbnFrameReader {
    /** Metadata larger than this is treated as corrupt rather than allocated. */
    static final int MAX_METADATA = 64 << 20;

    private final InputStream in;
    private long offset;
    private int version = -1;

    public DbnFrameReader(InputStream in) {
        this.in = in;
    }

    /** DBN version from the prelude; -1 before {@link #readMetadata()}. */
    public int version() {
        return version;
    }

    /** Bytes consumed so far (offset of the next frame in the decompressed stream). */
    public long offset() {
        return offset;
    }

    /** Reads the prelude and metadata; returns them as one block (prelude included). */
    public byte[] readMetadata() throws IOException {
        byte[] prelude = readFully(8, "DBN prelude");
        if (prelude[0] != 'D' || prelude[1] != 'B' || prelude[2] != 'N') {
            throw new LiveGatewayException.ProtocolViolation(String.format(
                    "DBN stream does not start with magic 'DBN' (got %02x %02x %02x at offset 0)",
                    prelude[0], prelude[1], prelude[2]));
        }
        version = prelude[3] & 0xFF;
        long length = (prelude[4] & 0xFFL) | (prelude[5] & 0xFFL) << 8 | (prelude[6] & 0xFFL) << 16 | (prelude[7] & 0xFFL) << 24;
        if (length > MAX_METADATA) {
            throw new LiveGatewayException.ProtocolViolation("DBN metadata length " + length + " at offset 4 exceeds "
                    + MAX_METADATA + " bytes");
        }
        byte[] body = readFully((int) length, "DBN metadata");
        byte[] all = new byte[8 + body.length];
        System.arraycopy(prelude, 0, all, 0, 8);
        System.arraycopy(body, 0, all, 8, body.length);
        return all;
    }

    /** The next whole record, or null at a clean end of stream (between records). */
    public byte[] next() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int size = first * 4;
        if (size < 16) {
            throw new LiveGatewayException.ProtocolViolation("DBN record at offset " + offset
                    + " has impossible length " + size + " bytes (header is 16)");
        }
        byte[] rec = new byte[size];
        rec[0] = (byte) first;
        offset++;
        int n = in.readNBytes(rec, 1, size - 1);
        offset += n;
        if (n < size - 1) {
            throw new EOFException("DBN record at offset " + (offset - n - 1) + " cut short: " + (n + 1) + " of " + size + " bytes");
        }
        return rec;
    }

    private byte[] readFully(int len, String what) throws IOException {
        byte[] b = in.readNBytes(len);
        if (b.length < len) {
            throw new EOFException(what + " cut short at offset " + (offset + b.length) + ": " + b.length + " of " + len + " bytes");
        }
        offset += len;
        return b;
    }

    /** The rtype of a record returned by {@link #next()}. */
    public static int rtype(byte[] record) {
        return record[1] & 0xFF;
    }
}
