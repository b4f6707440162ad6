package dev.flof.feeds.databento.dbn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Legacy DBZ (pre-DBN) files, still present in Databento's test data: a zstd skippable frame holding "DBZ" + version 1
 * + a fixed header + a zstd-compressed symbol section (22-byte strings), then zstd-compressed v1 records
 * (docs/databento.md section 2.4). The header is exposed as version-1 {@link DbnMetadata}.
 */
final class DbzReader {
  private DbzReader() {}

  private static final int FIXED = 96;

  static DbnScanner open(InputStream in, byte[] head8, String name) throws IOException {
    ByteBuffer h = ByteBuffer.wrap(head8).order(ByteOrder.LITTLE_ENDIAN);
    long frameSize = Integer.toUnsignedLong(h.getInt(4));
    if (frameSize < FIXED) {
      throw new DbnFormatException(name, 4, "impossible DBZ header frame size " + frameSize + " (minimum " + FIXED
          + ")");
    }
    byte[] fixed = new byte[FIXED];
    int n = DbnScanner.readUpTo(in, fixed);
    if (n < FIXED) {
      throw new DbnFormatException(name, 8 + n, "truncated DBZ header: " + n + " of " + FIXED + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
    if (b.get(0) != 'D' || b.get(1) != 'B' || b.get(2) != 'Z') {
      throw new DbnFormatException(name, 8, String.format(
          "bad magic in skippable frame: expected \"DBZ\", found %02X %02X %02X", b.get(0), b.get(1), b.get(2)));
    }
    if (b.get(3) != 1) {
      throw new DbnFormatException(name, 11, "unsupported DBZ version " + Byte.toUnsignedInt(b.get(3)));
    }
    String dataset = DbnBytes.cstr(b, 4, 16);
    int schema = Short.toUnsignedInt(b.getShort(20));
    long start = b.getLong(22);
    long end = b.getLong(30);
    long limit = b.getLong(38);
    long recordCount = b.getLong(46);
    int compression = Byte.toUnsignedInt(b.get(54));
    int stypeIn = Byte.toUnsignedInt(b.get(55));
    int stypeOut = Byte.toUnsignedInt(b.get(56));
    long symLen = frameSize - FIXED;
    ByteSource sym = ByteSource.zstd(new BoundedInputStream(in, symLen), 4096, name + " (DBZ symbol section)");
    DbnMetadataCodec.Symbols syms = DbnMetadataCodec.readSymbols(sym,
        new DbnMetadataCodec.Limits(name + " (DBZ symbol section)", Long.MAX_VALUE),
        DbnMetadataCodec.V1_SYMBOL_CSTR_LEN);
    // consume whatever the symbol frame holds beyond the parsed fields, so the records start at the frame's end
    while (sym.ensure(1)) {
      sym.pos = sym.buf.limit();
    }
    sym.close();
    DbnMetadata md = new DbnMetadata(1, dataset, schema, start, end, limit, stypeIn, stypeOut, false,
        DbnMetadataCodec.V1_SYMBOL_CSTR_LEN, recordCount, syms.symbols(), syms.partial(), syms.notFound(),
        syms.mappings());
    ByteSource records = ByteSource.zstd(in, 1 << 16, name);
    return DbnScanner.ofDbz(records, name, md, compression);
  }

  /** Reads at most {@code limit} bytes of the underlying stream and leaves the rest. */
  static final class BoundedInputStream extends InputStream {
    private final InputStream in;
    private long left;

    BoundedInputStream(InputStream in, long limit) {
      this.in = in;
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int r = in.read();
      if (r >= 0) {
        left--;
      }
      return r;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int r = in.read(b, off, (int) Math.min(len, left));
      if (r > 0) {
        left -= r;
      }
      return r;
    }
  }
}
