package dev.flof.feeds.databento.dbn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A live socket delivers the stream piece by piece and blocks in between: the decoder must return every record
 * whose bytes have arrived without asking the source for more (plain and zstd, where the gateway flushes zstd
 * blocks inside one endless frame). The source here refuses any read beyond what has been "sent" so far.
 */
class IncrementalStreamTest {

  /** Hands out released chunks; reading past them is a test failure (a real socket would block forever). */
  static final class ScriptedSource extends InputStream {
    private final Deque<byte[]> pending = new ArrayDeque<>();
    private byte[] cur = new byte[0];
    private int at;
    private boolean ended;

    void release(byte[] chunk) {
      pending.add(chunk);
    }

    void end() {
      ended = true;
    }

    private boolean fill() {
      while (at == cur.length && !pending.isEmpty()) {
        cur = pending.poll();
        at = 0;
      }
      return at < cur.length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int r = read(one, 0, 1);
      return r < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        if (ended) {
          return -1;
        }
        throw new AssertionError("decoder read beyond the bytes received so far (would block a live socket)");
      }
      int n = Math.min(len, cur.length - at);
      System.arraycopy(cur, at, b, off, n);
      at += n;
      return n;
    }

    @Override
    public int available() {
      fill();
      return cur.length - at;
    }
  }

  private static DbnMetadata liveMetadata() {
    return new DbnMetadata(3, "GLBX.MDP3", Dbn.SCHEMA_NONE, 0, Dbn.UNDEF_TIMESTAMP, 0, Dbn.STYPE_NONE, 0, false, 71,
        Dbn.UNDEF_TIMESTAMP, List.of(), List.of(), List.of(), List.of());
  }

  private static TradeMsg trade(long seq) {
    return new TradeMsg(RecordHeader.of(RType.MBP_0, 1, 5482, 1000 + seq), 3720250000000L, 1, 'T', 'B', 0x81, 0,
        2000 + seq, 10, seq);
  }

  private static byte[] recordBytes(TradeMsg t) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DbnWriter w = DbnWriter.fragment(out, 3, false, DbnWriter.Compression.NONE)) {
      w.write(t);
    }
    return out.toByteArray();
  }

  @Test
  void plainStreamReturnsEachRecordAsItArrives() throws Exception {
    ScriptedSource src = new ScriptedSource();
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    DbnWriter.open(meta, liveMetadata(), DbnWriter.Compression.NONE).close();
    byte[] rec1 = recordBytes(trade(1));
    byte[] rec2 = recordBytes(trade(2));
    src.release(meta.toByteArray());
    src.release(java.util.Arrays.copyOf(rec1, 20)); // a record split across two TCP reads
    src.release(java.util.Arrays.copyOfRange(rec1, 20, rec1.length));
    try (DbnDecoder d = DbnDecoder.open(src, "socket")) {
      assertEquals(Dbn.SCHEMA_NONE, d.metadata().schemaRaw());
      assertEquals(1, ((TradeMsg) d.next()).sequence());
      src.release(rec2);
      assertEquals(2, ((TradeMsg) d.next()).sequence());
      src.end();
      assertNull(d.next());
    }
  }

  @Test
  void zstdStreamReturnsEachRecordAsItsBlockArrives() throws Exception {
    ScriptedSource src = new ScriptedSource();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    ZstdOutputStream z = new ZstdOutputStream(wire, 3);
    z.write(DbnMetadataCodec.encode(liveMetadata()));
    z.write(recordBytes(trade(1)));
    z.flush(); // the gateway flushes; the frame stays open
    src.release(wire.toByteArray());
    wire.reset();
    try (DbnDecoder d = DbnDecoder.open(src, "zstd socket")) {
      assertInstanceOf(TradeMsg.class, d.next());
      z.write(recordBytes(trade(2)));
      z.flush();
      src.release(wire.toByteArray());
      wire.reset();
      assertEquals(2, ((TradeMsg) d.next()).sequence());
      z.close();
      src.release(wire.toByteArray());
      src.end();
      assertNull(d.next());
    }
  }
}
