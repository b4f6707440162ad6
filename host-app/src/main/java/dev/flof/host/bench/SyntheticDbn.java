package dev.flof.host.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's synthetic Databento files: DBN v3, GLBX.MDP3, one ES contract ({@code ESH4},
 * instrument id 5482), as a {@code trades} file (TradeMsg, 48 bytes a record, the layout of the C++ decoder
 * anchor) and a {@code tbbo} file (Mbp1Msg with action {@code T}, 80 bytes: each trade with the top of book
 * just before it, so replay yields quotes as well as trades).
 *
 * <p>Why the host writes the bytes itself rather than calling the codec's {@code DbnWriter}: the codec
 * lives in the feeds plugin, behind PF4J's class loader, and the SPI offers no writer. Reaching into the
 * plugin by reflection would couple the host to plugin internals; the format is public and small
 * (docs/databento.md §2-4), and these ~100 lines cover only the metadata and the two fixed layouts. The
 * plugin's reader then checks every byte written here (it rejects a bad prelude, length or rtype), so the
 * benchmark cannot silently measure garbage.
 *
 * <p>The stream is deterministic for a seed: a random walk on the 0.25 tick grid around 5100.00 with a
 * one-tick spread, buyers lifting the ask and sellers hitting the bid, 1-8 lots, exchange time from
 * Monday 2024-03-11 09:30 ET with exponential gaps of mean 8.4 ms (about 46.7 h for 20 M trades, so the
 * run crosses CME maintenance breaks like a real multi-day file). {@code ts_recv} is {@code ts_event}
 * plus 2-50 µs, kept strictly increasing.
 */
public final class SyntheticDbn {
    /** 2024-03-11T13:30:00Z = 09:30 New York (daylight time began 2024-03-10). */
    public static final long START_NANOS = 1_710_163_800_000_000_000L;
    public static final String SYMBOL = "ESH4";
    public static final int INSTRUMENT_ID = 5482;
    public static final int TRADE_RECORD = 48;
    public static final int TBBO_RECORD = 80;
    static final long TICK = 250_000_000L;
    static final int SCHEMA_TBBO = 3;
    static final int SCHEMA_TRADES = 4;
    private static final int SYMBOL_CSTR_LEN = 71;
    private static final long MEAN_GAP_NANOS = 8_400_000L;

    /** What was written: records, bytes, first and last exchange time. */
    public record Written(Path file, long records, long bytes, long firstTsEvent, long lastTsEvent) {
    }

    private SyntheticDbn() {
    }

    /** Writes {@code records} trades as a plain DBN {@code trades} file (atomically: temp name, then move). */
    public static Written trades(Path file, long records, long seed) throws IOException {
        return write(file, records, seed, SCHEMA_TRADES);
    }

    /** Writes {@code records} trades with their pre-trade top of book as a plain DBN {@code tbbo} file. */
    public static Written tbbo(Path file, long records, long seed) throws IOException {
        return write(file, records, seed, SCHEMA_TBBO);
    }

    private static Written write(Path file, long records, long seed, int schema) throws IOException {
        if (records < 1) {
            throw new IllegalArgumentException("records must be positive: " + records);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Walk walk = new Walk(seed);
        long first = 0;
        long last = 0;
        long bytes;
        int size = schema == SCHEMA_TBBO ? TBBO_RECORD : TRADE_RECORD;
        // End of the interval: a generous bound (records x 1 s) so the header never understates the data.
        long end = START_NANOS + records * 1_000_000_000L;
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer meta = metadata(schema, START_NANOS, end);
            bytes = meta.remaining();
            writeFully(ch, meta);
            ByteBuffer buf = ByteBuffer.allocateDirect(size * 16_384).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < records; i++) {
                walk.step();
                if (i == 0) {
                    first = walk.tsEvent;
                }
                last = walk.tsEvent;
                int o = buf.position();
                putTradeFields(buf, o, size, schema == SCHEMA_TBBO ? 0x01 : 0x00, walk, i);
                if (schema == SCHEMA_TBBO) {
                    buf.putLong(o + 48, walk.bidBefore);
                    buf.putLong(o + 56, walk.bidBefore + TICK);
                    buf.putInt(o + 64, walk.bidSizeBefore);
                    buf.putInt(o + 68, walk.askSizeBefore);
                    buf.putInt(o + 72, 1 + walk.bidSizeBefore / 8);
                    buf.putInt(o + 76, 1 + walk.askSizeBefore / 8);
                }
                buf.position(o + size);
                if (!buf.hasRemaining()) {
                    buf.flip();
                    writeFully(ch, buf);
                    buf.clear();
                }
                bytes += size;
            }
            buf.flip();
            writeFully(ch, buf);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Written(file, records, bytes, first, last);
    }

    /** The 48 bytes common to TradeMsg and Mbp1Msg (docs/databento.md §3-4). */
    private static void putTradeFields(ByteBuffer b, int o, int size, int rtype, Walk w, long i) {
        b.put(o, (byte) (size / 4));
        b.put(o + 1, (byte) rtype);
        b.putShort(o + 2, (short) 1); // publisher GLBX.MDP3 / GLBX
        b.putInt(o + 4, INSTRUMENT_ID);
        b.putLong(o + 8, w.tsEvent);
        b.putLong(o + 16, w.price);
        b.putInt(o + 24, w.size);
        b.put(o + 28, (byte) 'T');
        b.put(o + 29, (byte) (w.buy ? 'B' : 'A'));
        b.put(o + 30, (byte) 0x81);
        b.put(o + 31, (byte) 0);
        b.putLong(o + 32, w.tsRecv);
        b.putInt(o + 40, (int) (w.tsRecv - w.tsEvent));
        b.putInt(o + 44, (int) (i + 1));
    }

    /** DBN v3 prelude and metadata with one symbol mapping (raw symbol to instrument id), padded to 8 bytes. */
    static ByteBuffer metadata(int schema, long start, long end) {
        int variable = 4 + SYMBOL_CSTR_LEN // symbols
                + 4 + 4 // partial, not found
                + 4 + SYMBOL_CSTR_LEN + 4 + (4 + 4 + SYMBOL_CSTR_LEN); // one mapping with one interval
        int length = 104 + variable; // fixed fields incl. schema_definition_length end at byte 112
        length = (length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(8 + length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'D').put((byte) 'B').put((byte) 'N').put((byte) 3);
        b.putInt(length);
        putCstr(b, "GLBX.MDP3", 16);
        b.putShort((short) schema);
        b.putLong(start);
        b.putLong(end);
        b.putLong(0); // limit
        b.put((byte) 1); // stype_in raw_symbol
        b.put((byte) 0); // stype_out instrument_id
        b.put((byte) 0); // ts_out
        b.putShort((short) SYMBOL_CSTR_LEN);
        b.position(108);
        b.putInt(0); // schema_definition_length
        b.putInt(1);
        putCstr(b, SYMBOL, SYMBOL_CSTR_LEN);
        b.putInt(0);
        b.putInt(0);
        b.putInt(1);
        putCstr(b, SYMBOL, SYMBOL_CSTR_LEN);
        b.putInt(1);
        b.putInt(20240311);
        b.putInt(20240318);
        putCstr(b, Integer.toString(INSTRUMENT_ID), SYMBOL_CSTR_LEN);
        b.position(0);
        return b;
    }

    private static void putCstr(ByteBuffer b, String s, int len) {
        byte[] a = s.getBytes(StandardCharsets.US_ASCII);
        b.put(a);
        for (int i = a.length; i < len; i++) {
            b.put((byte) 0);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /**
     * The seeded market: one-tick spread, trades at the touch, book moving a tick after some trades.
     * Also the source of the live benchmark's ticks, so the live and replay runs see the same kind of tape.
     */
    static final class Walk {
        private final SplittableRandom rnd;
        long bid = 5100L * 1_000_000_000L;
        long bidBefore;
        int bidSize = 120;
        int askSize = 120;
        int bidSizeBefore;
        int askSizeBefore;
        long tsEvent = START_NANOS;
        long tsRecv;
        long price;
        int size;
        boolean buy;

        Walk(long seed) {
            rnd = new SplittableRandom(seed);
        }

        void step() {
            tsEvent += 1 + (long) (-Math.log(1.0 - rnd.nextDouble()) * MEAN_GAP_NANOS);
            // the receive clock never runs backwards: replay orders by ts_recv and refuses reordering
            tsRecv = Math.max(tsRecv + 1, tsEvent + 2_000 + rnd.nextInt(48_000));
            bidBefore = bid;
            bidSizeBefore = bidSize;
            askSizeBefore = askSize;
            buy = rnd.nextBoolean();
            size = 1 + Math.min(7, (int) (-Math.log(1.0 - rnd.nextDouble()) * 1.5));
            price = buy ? bid + TICK : bid;
            if (buy) {
                askSize -= size;
            } else {
                bidSize -= size;
            }
            if (askSize <= 0) {
                bid += TICK;
                bidSize = 20 + rnd.nextInt(200);
                askSize = 20 + rnd.nextInt(200);
            } else if (bidSize <= 0) {
                bid -= TICK;
                bidSize = 20 + rnd.nextInt(200);
                askSize = 20 + rnd.nextInt(200);
            } else {
                bidSize += rnd.nextInt(4);
                askSize += rnd.nextInt(4);
            }
        }
    }
}
