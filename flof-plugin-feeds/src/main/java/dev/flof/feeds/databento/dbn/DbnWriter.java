package dev.flof.feeds.databento.dbn;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes DBN: metadata then records, plain or zstd, in the record layouts of the metadata's version. Used to store
 * fetched and recorded data and to build test fixtures; what it writes decodes back to equal values
 * ({@link DbnDecoder}).
 *
 * <pre>{@code
 * try (DbnWriter w = DbnWriter.create(path, DbnMetadata.of("GLBX.MDP3", Schema.TRADES, start, end,
 *     SType.RAW_SYMBOL, SType.INSTRUMENT_ID, List.of("ESH1"), List.of()), DbnWriter.Compression.ZSTD)) {
 *   w.write(new TradeMsg(RecordHeader.of(RType.MBP_0, 1, 5482, tsEvent), price, 1, 'T', 'B', 0x80, 0,
 *       tsRecv, 0, seq));
 * }
 * }</pre>
 *
 * <p>The header length is computed from the struct (the given one is ignored); the rtype must be one the struct is
 * used for. Reserved bytes are zero. Records must be of the versioned layout matching the metadata version (e.g.
 * {@link StatMsgV3} in a v3 stream); with {@code ts_out} in the metadata every record must be a {@link WithTsOut}.
 * Not thread-safe. {@link #create} writes the file in place; callers who need atomicity write to a temporary name
 * and move it.
 */
public final class DbnWriter implements Closeable, Flushable {
  /** Output compression. */
  public enum Compression {
    /** Plain DBN. */
    NONE,
    /** One zstd stream over the whole DBN stream (level 3, as Databento). */
    ZSTD
  }

  private static final int BUFFER = 1 << 16;

  private final OutputStream out;
  private final ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
  private final int version;
  private final boolean tsOut;
  private long records;
  private long bytes;
  private boolean closed;

  private DbnWriter(OutputStream out, int version, boolean tsOut) {
    this.out = out;
    this.version = version;
    this.tsOut = tsOut;
  }

  /** Creates (or replaces) {@code file} and writes the metadata. */
  public static DbnWriter create(Path file, DbnMetadata md, Compression compression) throws IOException {
    OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
    try {
      return open(raw, md, compression);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** Writes the metadata to {@code out}; closing the writer closes {@code out}. */
  public static DbnWriter open(OutputStream out, DbnMetadata md, Compression compression) throws IOException {
    byte[] meta = DbnMetadataCodec.encode(md);
    DbnWriter w = new DbnWriter(wrap(out, compression), md.version(), md.tsOut());
    w.out.write(meta);
    w.bytes = meta.length;
    return w;
  }

  /** A writer of records without metadata (a DBN fragment) in the layouts of {@code version}. */
  public static DbnWriter fragment(OutputStream out, int version, boolean tsOut, Compression compression)
      throws IOException {
    return new DbnWriter(wrap(out, compression), version, tsOut);
  }

  private static OutputStream wrap(OutputStream out, Compression compression) throws IOException {
    if (compression == Compression.ZSTD) {
      ZstdOutputStreamNoFinalizer z = new ZstdOutputStreamNoFinalizer(out, 3);
      return z;
    }
    return out;
  }

  /**
   * Appends one record.
   *
   * @throws IllegalArgumentException if the record does not fit the stream (rtype, version, ts_out, field range)
   */
  public void write(DbnRecord r) throws IOException {
    if (closed) {
      throw new IOException("writer closed");
    }
    DbnRecord body = r;
    long tsOutValue = 0;
    if (r instanceof WithTsOut w) {
      if (!tsOut) {
        throw new IllegalArgumentException("WithTsOut record in a stream without ts_out");
      }
      body = w.record();
      tsOutValue = w.tsOut();
    } else if (tsOut && !(r instanceof UnknownRecord)) {
      throw new IllegalArgumentException("stream has ts_out: wrap records in WithTsOut");
    }
    checkVersion(body);
    int size = r.encodedSize();
    if (buf.remaining() < size) {
      drain();
    }
    int o = buf.position();
    if (body instanceof UnknownRecord u) {
      buf.put(u.raw());
    } else {
      RecordHeader hd = body.hd();
      if (!DbnStructs.rtypeMatches(body, hd.rtype())) {
        throw new IllegalArgumentException("rtype 0x" + Integer.toHexString(hd.rtype()) + " is not used for "
            + body.structName());
      }
      for (int i = 0; i < size; i++) {
        buf.put(o + i, (byte) 0);
      }
      buf.put(o, (byte) (size / RecordHeader.LENGTH_MULTIPLIER));
      buf.put(o + 1, DbnBytes.u8(hd.rtype(), "rtype"));
      buf.putShort(o + 2, DbnBytes.u16(hd.publisherId(), "publisher_id"));
      buf.putInt(o + 4, DbnBytes.u32(hd.instrumentId(), "instrument_id"));
      buf.putLong(o + 8, hd.tsEvent());
      DbnStructs.encodeBody(body, buf, o);
      if (body != r) {
        buf.putLong(o + body.encodedSize(), tsOutValue);
      }
      buf.position(o + size);
    }
    records++;
    bytes += size;
  }

  private void checkVersion(DbnRecord r) {
    boolean ok = switch (r) {
      case InstrumentDefMsgV1 x -> version == 1;
      case InstrumentDefMsgV2 x -> version == 2;
      case InstrumentDefMsgV3 x -> version == 3;
      case StatMsgV1 x -> version <= 2;
      case StatMsgV3 x -> version == 3;
      case SymbolMappingMsgV1 x -> version == 1;
      case SymbolMappingMsgV2 x -> version >= 2;
      case ErrorMsgV1 x -> version == 1;
      case ErrorMsgV2 x -> version >= 2;
      case SystemMsgV1 x -> version == 1;
      case SystemMsgV2 x -> version >= 2;
      default -> true;
    };
    if (!ok && version != 0) {
      throw new IllegalArgumentException(r.structName() + " does not belong in a DBN v" + version + " stream");
    }
  }

  private void drain() throws IOException {
    out.write(buf.array(), 0, buf.position());
    buf.clear();
  }

  /** Records written. */
  public long recordsWritten() {
    return records;
  }

  /** Uncompressed bytes written (metadata included). */
  public long bytesWritten() {
    return bytes;
  }

  /** Pushes buffered records to the output (ends no zstd frame; the stream stays decodable once closed). */
  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  /** Writes what is buffered, ends the zstd stream and closes the output. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      drain();
    } finally {
      out.close();
    }
  }
}
