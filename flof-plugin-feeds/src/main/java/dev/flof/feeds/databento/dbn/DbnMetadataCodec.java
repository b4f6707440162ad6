package dev.flof.feeds.databento.dbn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the DBN prelude and metadata (docs/databento.md section 2.1) and the legacy DBZ header. */
final class DbnMetadataCodec {
  private DbnMetadataCodec() {}

  static final int PRELUDE_LEN = 8;
  static final int FIXED_LEN = 100;
  static final int V1_SYMBOL_CSTR_LEN = 22;
  static final int V2_SYMBOL_CSTR_LEN = 71;

  /** Metadata as read, with the framing numbers the JSON output reports. */
  record Read(DbnMetadata metadata, long declaredLength, long consumed) {}

  /** Reads the prelude and metadata; leaves {@code s} at the first record. */
  static Read read(ByteSource s, String name) throws IOException {
    if (!s.ensure(PRELUDE_LEN)) {
      throw new DbnFormatException(name, s.offset() + s.available(), s.available() == 0
          ? "empty input: no DBN prelude" : "truncated DBN prelude: " + s.available() + " of 8 bytes");
    }
    ByteBuffer b = s.buf;
    int p = s.pos;
    if (b.get(p) != 'D' || b.get(p + 1) != 'B' || b.get(p + 2) != 'N') {
      throw new DbnFormatException(name, s.offset(), String.format(
          "bad magic: expected \"DBN\" (44 42 4E), found %02X %02X %02X", b.get(p), b.get(p + 1), b.get(p + 2)));
    }
    int version = Byte.toUnsignedInt(b.get(p + 3));
    if (version < 1 || version > Dbn.CURRENT_VERSION) {
      throw new DbnFormatException(name, s.offset() + 3, "unsupported DBN version " + version
          + " (this decoder reads 1 to " + Dbn.CURRENT_VERSION + ")");
    }
    long length = Integer.toUnsignedLong(b.getInt(p + 4));
    if (length < FIXED_LEN) {
      throw new DbnFormatException(name, s.offset() + 4, "impossible metadata length " + length + " (minimum "
          + FIXED_LEN + ")");
    }
    s.pos += PRELUDE_LEN;
    final long metaStart = s.offset();
    if (!s.ensure(FIXED_LEN)) {
      throw new DbnFormatException(name, s.offset() + s.available(), "truncated metadata: input ends "
          + s.available() + " bytes into the 100-byte fixed part");
    }
    b = s.buf;
    p = s.pos;
    String dataset = cstr(b, p, 16);
    int schema = Short.toUnsignedInt(b.getShort(p + 16));
    long start = b.getLong(p + 18);
    long end = b.getLong(p + 26);
    long limit = b.getLong(p + 34);
    long recordCount = Dbn.UNDEF_TIMESTAMP;
    int q = p + 42;
    if (version == 1) {
      recordCount = b.getLong(q);
      q += 8;
    }
    int stypeIn = Byte.toUnsignedInt(b.get(q));
    int stypeOut = Byte.toUnsignedInt(b.get(q + 1));
    boolean tsOut = b.get(q + 2) != 0;
    int cstrLen = V1_SYMBOL_CSTR_LEN;
    if (version >= 2) {
      cstrLen = Short.toUnsignedInt(b.getShort(q + 3));
      if (cstrLen == 0) {
        throw new DbnFormatException(name, metaStart + 45, "impossible symbol_cstr_len 0");
      }
    }
    s.pos += FIXED_LEN;
    Limits lim = new Limits(name, length - FIXED_LEN);
    Symbols sym = readSymbols(s, lim, cstrLen);
    long consumed = length - lim.remaining;
    if (!s.skip(lim.remaining)) {
      throw new DbnFormatException(name, s.offset() + s.available(), "truncated metadata: input ends in the "
          + lim.remaining + " padding bytes before the declared end at " + (PRELUDE_LEN + length));
    }
    DbnMetadata md = new DbnMetadata(version, dataset, schema, start, end, limit, stypeIn, stypeOut, tsOut,
        cstrLen, recordCount, sym.symbols, sym.partial, sym.notFound, sym.mappings);
    return new Read(md, length, consumed);
  }

  /** Remaining declared metadata bytes, so that counts that cannot fit are rejected before anything is allocated. */
  static final class Limits {
    final String name;
    long remaining;

    Limits(String name, long remaining) {
      this.name = name;
      this.remaining = remaining;
    }

    void need(ByteSource s, long n, String what) throws IOException {
      if (n > remaining) {
        throw new DbnFormatException(name, s.offset(), "impossible " + what + ": needs " + n
            + " bytes but only " + remaining + " remain of the declared metadata length");
      }
    }

    void take(ByteSource s, int n, String what) throws IOException {
      need(s, n, what);
      if (!s.ensure(n)) {
        throw new DbnFormatException(name, s.offset() + s.available(), "truncated metadata: input ends in "
            + what);
      }
      remaining -= n;
    }
  }

  record Symbols(List<String> symbols, List<String> partial, List<String> notFound,
      List<DbnMetadata.SymbolMapping> mappings) {}

  static Symbols readSymbols(ByteSource s, Limits lim, int l) throws IOException {
    long at = s.offset();
    long schemaDefLen = readU32(s, lim, "schema_definition_length");
    if (schemaDefLen != 0) {
      throw new DbnFormatException(lim.name, at, "schema_definition_length " + schemaDefLen
          + " not supported (must be 0)");
    }
    List<String> symbols = readList(s, lim, l, "symbols");
    List<String> partial = readList(s, lim, l, "partial");
    List<String> notFound = readList(s, lim, l, "not_found");
    long n = readU32(s, lim, "mappings_count");
    lim.need(s, n * (l + 4L), "mappings_count " + n);
    List<DbnMetadata.SymbolMapping> mappings = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      String raw = readStr(s, lim, l, "mapping raw_symbol");
      long k = readU32(s, lim, "interval_count");
      lim.need(s, k * (8L + l), "interval_count " + k);
      List<DbnMetadata.MappingInterval> intervals = new ArrayList<>();
      for (long j = 0; j < k; j++) {
        long sd = readU32(s, lim, "start_date");
        long ed = readU32(s, lim, "end_date");
        intervals.add(new DbnMetadata.MappingInterval(sd, ed, readStr(s, lim, l, "interval symbol")));
      }
      mappings.add(new DbnMetadata.SymbolMapping(raw, intervals));
    }
    return new Symbols(symbols, partial, notFound, mappings);
  }

  private static List<String> readList(ByteSource s, Limits lim, int l, String what) throws IOException {
    long n = readU32(s, lim, what + "_count");
    lim.need(s, n * l, what + "_count " + n);
    List<String> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(readStr(s, lim, l, what));
    }
    return out;
  }

  private static long readU32(ByteSource s, Limits lim, String what) throws IOException {
    lim.take(s, 4, what);
    long v = Integer.toUnsignedLong(s.buf.getInt(s.pos));
    s.pos += 4;
    return v;
  }

  private static String readStr(ByteSource s, Limits lim, int l, String what) throws IOException {
    lim.take(s, l, what);
    String v = cstr(s.buf, s.pos, l);
    s.pos += l;
    return v;
  }

  static String cstr(ByteBuffer b, int o, int n) {
    return DbnBytes.cstr(b, o, n);
  }

  /** Encodes prelude + metadata in the layout of {@code md.version()}; v3 pads to a multiple of 8 bytes. */
  static byte[] encode(DbnMetadata md) {
    int l = md.version() == 1 ? V1_SYMBOL_CSTR_LEN : md.symbolCstrLen();
    ByteArrayOutputStream var = new ByteArrayOutputStream();
    ByteBuffer str = ByteBuffer.allocate(l);
    ByteBuffer u32 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    writeList(var, md.symbols(), str, u32, l, "symbols");
    writeList(var, md.partial(), str, u32, l, "partial");
    writeList(var, md.notFound(), str, u32, l, "not_found");
    writeU32(var, u32, md.mappings().size());
    for (DbnMetadata.SymbolMapping m : md.mappings()) {
      writeStr(var, str, l, m.rawSymbol(), "raw_symbol");
      writeU32(var, u32, m.intervals().size());
      for (DbnMetadata.MappingInterval iv : m.intervals()) {
        writeU32(var, u32, iv.startDate());
        writeU32(var, u32, iv.endDate());
        writeStr(var, str, l, iv.symbol(), "interval symbol");
      }
    }
    int length = FIXED_LEN + 4 + var.size();
    if (md.version() >= 3) {
      length = (length + 7) / 8 * 8;
    }
    ByteBuffer b = ByteBuffer.allocate(PRELUDE_LEN + length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'D').put((byte) 'B').put((byte) 'N').put((byte) md.version()).putInt(length);
    DbnBytes.putCstr(b, 8, 16, md.dataset(), "dataset");
    b.position(24);
    b.putShort(DbnBytes.u16(md.schemaRaw(), "schema")).putLong(md.start()).putLong(md.end()).putLong(md.limit());
    if (md.version() == 1) {
      b.putLong(md.v1RecordCount());
    }
    b.put(DbnBytes.u8(md.stypeInRaw(), "stype_in")).put(DbnBytes.u8(md.stypeOutRaw(), "stype_out"))
        .put((byte) (md.tsOut() ? 1 : 0));
    if (md.version() >= 2) {
      b.putShort(DbnBytes.u16(md.symbolCstrLen(), "symbol_cstr_len"));
    }
    b.position(PRELUDE_LEN + FIXED_LEN + 4);
    b.put(var.toByteArray());
    return b.array();
  }

  private static void writeList(ByteArrayOutputStream out, List<String> list, ByteBuffer str, ByteBuffer u32, int l,
      String what) {
    writeU32(out, u32, list.size());
    for (String sym : list) {
      writeStr(out, str, l, sym, what);
    }
  }

  private static void writeU32(ByteArrayOutputStream out, ByteBuffer u32, long v) {
    u32.putInt(0, DbnBytes.u32(v, "count"));
    out.write(u32.array(), 0, 4);
  }

  private static void writeStr(ByteArrayOutputStream out, ByteBuffer str, int l, String v, String what) {
    DbnBytes.putCstr(str, 0, l, v, what);
    out.write(str.array(), 0, l);
  }
}
