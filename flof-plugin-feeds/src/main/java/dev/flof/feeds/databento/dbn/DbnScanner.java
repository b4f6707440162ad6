package dev.flof.feeds.databento.dbn;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The fast path: walks a DBN stream record by record without creating an object per record. {@link #next()}
 * positions the {@link #view() flyweight} on the next record; the view reads fields straight from the buffer
 * (a memory-mapped file, or a reused buffer filled from a stream or from zstd).
 *
 * <pre>{@code
 * try (DbnScanner s = DbnScanner.open(path)) {
 *   DbnRecordView v = s.view();
 *   while (s.next()) {
 *     if (v.rtype() == RType.MBP_0) {
 *       sum += v.price();
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Input is detected: plain DBN, zstd (several concatenated frames allowed), or legacy DBZ; fragments (records
 * without metadata) are opened with {@link #openFragment}. Framing follows the header: every record is advanced by
 * {@code hd.length * 4}, so unknown record types pass through. Corruption raises a {@link DbnFormatException} with the
 * byte offset; records returned before stay valid, and the scanner keeps failing with the same error afterwards.
 *
 * <p>Not thread-safe. The view is only valid until the next call to {@link #next()}.
 */
public final class DbnScanner implements Closeable {
  static final int ZSTD_MAGIC = 0xFD2FB528;
  private static final int STREAM_BUFFER = 1 << 20;

  private final ByteSource src;
  private final String name;
  private final DbnMetadata metadata;
  private final long metadataLength;
  private final long metadataConsumed;
  private final int version;
  private final boolean tsOut;
  private final boolean dbz;
  private final int dbzCompression;
  private final int minLen;
  private final DbnRecordView view;
  private int cur;
  private long count;
  private DbnFormatException failure;

  private DbnScanner(ByteSource src, String name, DbnMetadata md, long mdLength, long mdConsumed,
      int fragmentVersion, boolean dbz, int dbzCompression) {
    this.src = src;
    this.name = name;
    this.metadata = md;
    this.metadataLength = mdLength;
    this.metadataConsumed = mdConsumed;
    this.version = md != null ? md.version() : fragmentVersion;
    this.tsOut = md != null && md.tsOut();
    this.dbz = dbz;
    this.dbzCompression = dbzCompression;
    this.minLen = RecordHeader.SIZE + (tsOut ? 8 : 0);
    this.view = new DbnRecordView(tsOut);
  }

  private static DbnScanner dbn(ByteSource src, String name) throws IOException {
    try {
      DbnMetadataCodec.Read r = DbnMetadataCodec.read(src, name);
      return new DbnScanner(src, name, r.metadata(), r.declaredLength(), r.consumed(), 0, false, 0);
    } catch (IOException | RuntimeException e) {
      src.close();
      throw e;
    }
  }

  /** Opens a DBN, DBN+zstd or DBZ file; a plain file is memory-mapped. */
  public static DbnScanner open(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      int magic = peekMagic(ch);
      if (magic == ZSTD_MAGIC || isSkippable(magic)) {
        ch.position(0);
        return open(Channels.newInputStream(ch), file.toString());
      }
      return dbn(new ByteSource.Mapped(ch), file.toString());
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Opens a DBN stream (plain, zstd or DBZ), e.g. an HTTP body or a socket; {@code name} appears in errors. */
  public static DbnScanner open(InputStream in, String name) throws IOException {
    byte[] head = new byte[8];
    int n = readUpTo(in, head);
    int magic = n >= 4 ? ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(0) : 0;
    if (isSkippable(magic) && n == 8) {
      return DbzReader.open(in, head, name);
    }
    ByteSource src = magic == ZSTD_MAGIC
        ? ByteSource.zstd(new PrefixedInputStream(head, n, in), STREAM_BUFFER, name)
        : new ByteSource.Streamed(in, null, null, head, n, STREAM_BUFFER, name);
    return dbn(src, name);
  }

  /** Opens a DBN stream from a byte channel (plain or zstd). */
  public static DbnScanner open(ReadableByteChannel ch, String name) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    while (head.hasRemaining() && ch.read(head) >= 0) {
      // read the magic
    }
    head.flip();
    int magic = head.remaining() == 4 ? head.getInt(0) : 0;
    if (magic == ZSTD_MAGIC || isSkippable(magic)) {
      return open(new PrefixedInputStream(head.array(), head.limit(), Channels.newInputStream(ch)), name);
    }
    ByteSource src = new ByteSource.Streamed(null, ch, null, head.array(), head.limit(), STREAM_BUFFER, name);
    return dbn(src, name);
  }

  /**
   * Opens a fragment: records without prelude or metadata (plain or zstd). {@code version} is the DBN version the
   * records were written with, or 0 when unknown; versioned layouts are told apart by their size either way.
   */
  public static DbnScanner openFragment(InputStream in, int version, String name) throws IOException {
    byte[] head = new byte[4];
    int n = readUpTo(in, head);
    int magic = n == 4 ? ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(0) : 0;
    ByteSource src = magic == ZSTD_MAGIC
        ? ByteSource.zstd(new PrefixedInputStream(head, n, in), STREAM_BUFFER, name)
        : new ByteSource.Streamed(in, null, null, head, n, STREAM_BUFFER, name);
    return new DbnScanner(src, name, null, 0, 0, version, false, 0);
  }

  /** Opens a fragment file (see {@link #openFragment(InputStream, int, String)}). */
  public static DbnScanner openFragment(Path file, int version) throws IOException {
    InputStream in = Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ));
    try {
      return openFragment(in, version, file.toString());
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  static DbnScanner ofDbz(ByteSource records, String name, DbnMetadata md, int compression) {
    return new DbnScanner(records, name, md, 0, 0, 1, true, compression);
  }

  /**
   * Advances to the next record. Returns false at the clean end of the input (which may be a record boundary only);
   * a record cut short or a header with an impossible length raises {@link DbnFormatException}.
   */
  public boolean next() throws IOException {
    if (failure != null) {
      throw failure;
    }
    ByteSource s = src;
    s.pos += cur;
    cur = 0;
    if (s.buf.limit() - s.pos < RecordHeader.SIZE && !s.ensure(RecordHeader.SIZE)) {
      int left = s.available();
      if (left == 0) {
        return false;
      }
      throw fail(s.offset(), "truncated record header: input ends " + left + " bytes into a 16-byte header");
    }
    int len = (s.buf.get(s.pos) & 0xFF) << 2;
    if (len < minLen) {
      throw fail(s.offset(), "impossible record length " + len + " bytes (header length byte "
          + (len >> 2) + ", minimum " + minLen + ") for rtype 0x" + Integer.toHexString(s.buf.get(s.pos + 1) & 0xFF));
    }
    if (s.buf.limit() - s.pos < len && !s.ensure(len)) {
      throw fail(s.offset(), "truncated record: header declares " + len + " bytes (rtype 0x"
          + Integer.toHexString(s.buf.get(s.pos + 1) & 0xFF) + "), input ends after " + s.available());
    }
    cur = len;
    count++;
    view.set(s.buf, s.pos, len);
    return true;
  }

  /** Receives each record of {@link #forEach}; the view is valid during the call only. */
  @FunctionalInterface
  public interface RecordHandler {
    /** Called once per record. */
    void onRecord(DbnRecordView view) throws IOException;
  }

  /** Calls {@code handler} for every remaining record (the callback form of {@link #next()}); returns the count. */
  public long forEach(RecordHandler handler) throws IOException {
    long n = 0;
    while (next()) {
      handler.onRecord(view);
      n++;
    }
    return n;
  }

  private DbnFormatException fail(long offset, String reason) {
    failure = new DbnFormatException(name, offset, reason);
    return failure;
  }

  /** The flyweight positioned by {@link #next()}; the same object for the scanner's lifetime. */
  public DbnRecordView view() {
    return view;
  }

  /** Metadata, or null for fragments. For DBZ, the legacy header as version-1 metadata (see {@link #isDbz()}). */
  public DbnMetadata metadata() {
    return metadata;
  }

  /** DBN version of the records (from metadata; for fragments as given, 0 = unknown; 1 for DBZ). */
  public int version() {
    return version;
  }

  /** Whether records carry a trailing ts_out. */
  public boolean tsOut() {
    return tsOut;
  }

  /** Stream offset of the current record (decompressed; from the prelude, or from the first record for fragments). */
  public long recordOffset() {
    return src.offset();
  }

  /** Records returned so far. */
  public long recordCount() {
    return count;
  }

  /** Decompressed bytes consumed so far (up to the end of the current record). */
  public long bytesConsumed() {
    return src.offset() + cur;
  }

  /** The prelude's metadata length (bytes after the 8-byte prelude); 0 for fragments and DBZ. */
  public long metadataLength() {
    return metadataLength;
  }

  /** Bytes of the metadata actually used by its fields (the rest is padding). */
  public long metadataBytesConsumed() {
    return metadataConsumed;
  }

  /** Whether the input is legacy DBZ. */
  public boolean isDbz() {
    return dbz;
  }

  /** The DBZ header's compression byte (0 when not DBZ). */
  public int dbzCompression() {
    return dbzCompression;
  }

  /** The input name used in errors. */
  public String name() {
    return name;
  }

  @Override
  public void close() throws IOException {
    src.close();
  }

  static boolean isSkippable(int magic) {
    return (magic & 0xFFFFFFF0) == 0x184D2A50;
  }

  private static int peekMagic(FileChannel ch) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    while (head.hasRemaining() && ch.read(head, head.position()) > 0) {
      // read the magic
    }
    return head.position() == 4 ? head.getInt(0) : 0;
  }

  static int readUpTo(InputStream in, byte[] dst) throws IOException {
    int n = 0;
    while (n < dst.length) {
      int r = in.read(dst, n, dst.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return n;
  }

  /** Replays bytes already read for detection, then the rest of the stream. */
  static final class PrefixedInputStream extends InputStream {
    private final byte[] prefix;
    private final int len;
    private int at;
    private final InputStream in;

    PrefixedInputStream(byte[] prefix, int len, InputStream in) {
      this.prefix = prefix;
      this.len = len;
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      return at < len ? prefix[at++] & 0xFF : in.read();
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
      if (n == 0) {
        return 0;
      }
      if (at < len) {
        int k = Math.min(n, len - at);
        System.arraycopy(prefix, at, b, off, k);
        at += k;
        return k;
      }
      return in.read(b, off, n);
    }

    @Override
    public int available() throws IOException {
      return at < len ? len - at : in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
