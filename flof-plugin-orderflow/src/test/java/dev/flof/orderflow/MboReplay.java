package dev.flof.orderflow;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test-only reader of a Databento DBN v1 MBO file (zstd): replays A/C/M/R per order id into a price-level book
 * (T and F records do not change the book: Databento follows fills with the C/M of the resting order) and
 * reports, after every record flagged F_LAST (end of an exchange event), the top of book, plus every trade
 * (action T, side = aggressor). Used to get the BBO at every book event, which the derived CSV (BBO at trades
 * only) cannot give.
 */
final class MboReplay {
    static final Path ES_MBO = RealData.MARKET.resolve("nautilus_trader/databento/esh4-glbx-mdp3-20231225.mbo.dbn.zst");

    interface Listener {
        /** Top of book after an event; prices fixed-point 1e-9, sizes in lots. */
        void book(long ts, long bid, long bidSize, long ask, long askSize);

        /** A trade; side +1 buy aggressor, -1 sell aggressor, 0 none; the BBO passed is the pre-trade book. */
        void trade(long ts, long price, long size, int side, long bid, long ask);
    }

    private final Map<Long, long[]> orders = new HashMap<>(); // id -> {side, price, size}
    private final TreeMap<Long, Long> bids = new TreeMap<>();
    private final TreeMap<Long, Long> asks = new TreeMap<>();
    long records;
    long trades;

    void replay(Path file, Listener l) throws IOException {
        try (InputStream in = new DataInputStream(new BufferedInputStream(
                new ZstdInputStream(new BufferedInputStream(Files.newInputStream(file))), 1 << 16))) {
            byte[] pre = in.readNBytes(8);
            if (pre.length < 8 || pre[0] != 'D' || pre[1] != 'B' || pre[2] != 'N' || pre[3] != 1) {
                throw new IOException(file + ": not a DBN v1 file");
            }
            long metaLen = ByteBuffer.wrap(pre, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            in.skipNBytes(metaLen);
            byte[] rec = new byte[256];
            while (true) {
                int len0 = in.read();
                if (len0 < 0) {
                    break;
                }
                int len = len0 * 4;
                rec[0] = (byte) len0;
                int got = in.readNBytes(rec, 1, len - 1);
                if (got != len - 1) {
                    throw new EOFException(file + ": truncated record after " + records + " records");
                }
                records++;
                ByteBuffer b = ByteBuffer.wrap(rec, 0, len).order(ByteOrder.LITTLE_ENDIAN);
                int rtype = rec[1] & 0xff;
                if (rtype != 0xA0) {
                    continue;
                }
                long tsEvent = b.getLong(8);
                long orderId = b.getLong(16);
                long price = b.getLong(24);
                long size = b.getInt(32) & 0xffffffffL;
                int flags = rec[36] & 0xff;
                char action = (char) rec[38];
                char side = (char) rec[39];
                switch (action) {
                    case 'A' -> add(orderId, side, price, size);
                    case 'C' -> cancel(orderId, size);
                    case 'M' -> {
                        long[] o = orders.get(orderId);
                        if (o != null) {
                            level(o[0] == 1 ? bids : asks, o[1], -o[2]);
                            orders.remove(orderId);
                        }
                        add(orderId, side, price, size);
                    }
                    case 'R' -> {
                        orders.clear();
                        bids.clear();
                        asks.clear();
                    }
                    case 'T' -> {
                        trades++;
                        l.trade(tsEvent, price, size, side == 'B' ? 1 : side == 'A' ? -1 : 0,
                                bids.isEmpty() ? Long.MIN_VALUE : bids.lastKey(),
                                asks.isEmpty() ? Long.MAX_VALUE : asks.firstKey());
                    }
                    default -> { }
                }
                if ((flags & 0x80) != 0 && !bids.isEmpty() && !asks.isEmpty()) {
                    l.book(tsEvent, bids.lastKey(), bids.lastEntry().getValue(), asks.firstKey(),
                            asks.firstEntry().getValue());
                }
            }
        }
    }

    private void add(long id, char side, long price, long size) {
        if (side != 'B' && side != 'A') {
            return;
        }
        int s = side == 'B' ? 1 : -1;
        orders.put(id, new long[] {s, price, size});
        level(s == 1 ? bids : asks, price, size);
    }

    private void cancel(long id, long size) {
        long[] o = orders.get(id);
        if (o == null) {
            return;
        }
        long c = Math.min(size, o[2]);
        o[2] -= c;
        level(o[0] == 1 ? bids : asks, o[1], -c);
        if (o[2] == 0) {
            orders.remove(id);
        }
    }

    private static void level(TreeMap<Long, Long> side, long price, long delta) {
        long v = side.getOrDefault(price, 0L) + delta;
        if (v <= 0) {
            side.remove(price);
        } else {
            side.put(price, v);
        }
    }
}
