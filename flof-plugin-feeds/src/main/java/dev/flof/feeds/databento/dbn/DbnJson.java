package dev.flof.feeds.databento.dbn;

import java.util.List;

/**
 * One-line JSON for DBN metadata and records, in the conventions of the expected decodings in
 * {@code shared/data/dbn/expected} (docs/databento.md section 7), so that {@code flof data inspect} output can be
 * compared with them line by line: compact, ASCII only, u64 in full, every price {@code X} followed by
 * {@code X_dec} (exact decimal or null), c_char as a 1-character string, reserved fields omitted, keys in layout
 * order.
 */
public final class DbnJson {
  private DbnJson() {}

  /**
   * The metadata line of a DBN stream.
   *
   * @param md metadata
   * @param metadataLength the prelude's length field ({@link DbnScanner#metadataLength()})
   * @param consumed bytes used by the fields ({@link DbnScanner#metadataBytesConsumed()})
   * @param decompressedSize size of the whole decompressed stream, or a negative number to omit the key
   */
  public static String metadata(DbnMetadata md, long metadataLength, long consumed, long decompressedSize) {
    StringBuilder sb = new StringBuilder(512);
    sb.append("{\"_kind\":\"metadata\",\"format\":\"DBN\",\"version\":").append(md.version());
    sb.append(",\"metadata_length\":").append(metadataLength);
    commonMetadata(sb, md, null);
    sb.append(",\"metadata_bytes_consumed\":").append(consumed);
    sb.append(",\"metadata_padding\":").append(metadataLength - consumed);
    if (decompressedSize >= 0) {
      sb.append(",\"decompressed_size\":").append(decompressedSize);
    }
    return sb.append('}').toString();
  }

  /** The metadata line of a legacy DBZ file. */
  public static String dbzMetadata(DbnMetadata md, int compression) {
    StringBuilder sb = new StringBuilder(512);
    sb.append("{\"_kind\":\"metadata\",\"format\":\"DBZ\",\"version\":0");
    commonMetadata(sb, md, compression);
    return sb.append('}').toString();
  }

  /** The metadata line for whatever {@code s} was opened on (DBN or DBZ); null for fragments. */
  public static String metadata(DbnScanner s, long decompressedSize) {
    if (s.metadata() == null) {
      return null;
    }
    if (s.isDbz()) {
      return dbzMetadata(s.metadata(), s.dbzCompression());
    }
    return metadata(s.metadata(), s.metadataLength(), s.metadataBytesConsumed(), decompressedSize);
  }

  private static void commonMetadata(StringBuilder sb, DbnMetadata md, Integer dbzCompression) {
    boolean dbn = dbzCompression == null;
    sb.append(",\"dataset\":");
    str(sb, md.dataset());
    sb.append(",\"schema\":");
    strOrNull(sb, md.schema().map(Schema::apiName).orElse(null));
    sb.append(",\"schema_raw\":").append(md.schemaRaw());
    sb.append(",\"start\":").append(Long.toUnsignedString(md.start()));
    sb.append(",\"end\":").append(md.end() == Dbn.UNDEF_TIMESTAMP ? "null" : Long.toUnsignedString(md.end()));
    sb.append(",\"end_raw\":").append(Long.toUnsignedString(md.end()));
    sb.append(",\"limit\":").append(Long.toUnsignedString(md.limit()));
    if (!dbn) {
      sb.append(",\"dbz_record_count_field\":").append(Long.toUnsignedString(md.v1RecordCount()));
      sb.append(",\"dbz_compression\":").append(dbzCompression.intValue());
    }
    stypes(sb, md, dbn);
    sb.append(",\"ts_out\":").append(md.tsOut());
    sb.append(",\"symbol_cstr_len\":").append(md.symbolCstrLen());
    if (dbn && md.version() == 1) {
      sb.append(",\"v1_record_count_field\":").append(Long.toUnsignedString(md.v1RecordCount()));
    }
    symbols(sb, md);
  }

  private static void stypes(StringBuilder sb, DbnMetadata md, boolean raw) {
    sb.append(",\"stype_in\":");
    strOrNull(sb, md.stypeIn().map(SType::apiName).orElse(null));
    if (raw) {
      sb.append(",\"stype_in_raw\":").append(md.stypeInRaw());
    }
    sb.append(",\"stype_out\":");
    strOrNull(sb, md.stypeOut().map(SType::apiName).orElse(null));
    if (raw) {
      sb.append(",\"stype_out_raw\":").append(md.stypeOutRaw());
    }
  }

  private static void symbols(StringBuilder sb, DbnMetadata md) {
    sb.append(",\"symbols\":");
    strList(sb, md.symbols());
    sb.append(",\"partial\":");
    strList(sb, md.partial());
    sb.append(",\"not_found\":");
    strList(sb, md.notFound());
    sb.append(",\"mappings\":[");
    for (int i = 0; i < md.mappings().size(); i++) {
      DbnMetadata.SymbolMapping m = md.mappings().get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"raw_symbol\":");
      str(sb, m.rawSymbol());
      sb.append(",\"intervals\":[");
      for (int j = 0; j < m.intervals().size(); j++) {
        DbnMetadata.MappingInterval iv = m.intervals().get(j);
        if (j > 0) {
          sb.append(',');
        }
        sb.append("{\"start_date\":");
        str(sb, date(iv.startDate()));
        sb.append(",\"end_date\":");
        str(sb, date(iv.endDate()));
        sb.append(",\"symbol\":");
        str(sb, iv.symbol());
        sb.append('}');
      }
      sb.append("]}");
    }
    sb.append(']');
  }

  /** YYYYMMDD as {@code YYYY-MM-DD}. */
  static String date(long yyyymmdd) {
    long y = yyyymmdd / 10000;
    long m = yyyymmdd / 100 % 100;
    long d = yyyymmdd % 100;
    return String.format("%04d-%02d-%02d", y, m, d);
  }

  /**
   * One record line.
   *
   * @param r the record
   * @param index 0-based record number in the stream
   * @param offset byte offset of the record in the decompressed stream
   */
  public static String record(DbnRecord r, long index, long offset) {
    StringBuilder sb = new StringBuilder(256);
    RecordHeader hd = r.hd();
    sb.append("{\"_kind\":\"record\",\"index\":").append(index).append(",\"offset\":").append(offset);
    sb.append(",\"rtype_name\":");
    strOrNull(sb, RType.name(hd.rtype()));
    sb.append(",\"struct\":");
    strOrNull(sb, r.structName());
    sb.append(",\"hd\":{\"length\":").append(hd.length()).append(",\"rtype\":").append(hd.rtype())
        .append(",\"publisher_id\":").append(hd.publisherId()).append(",\"instrument_id\":")
        .append(hd.instrumentId()).append(",\"ts_event\":").append(Long.toUnsignedString(hd.tsEvent()))
        .append('}');
    DbnStructs.jsonBody(r, sb);
    return sb.append('}').toString();
  }

  static void priceDec(StringBuilder sb, String field, long price) {
    sb.append(",\"").append(field).append("_dec\":");
    strOrNull(sb, Dbn.priceString(price));
  }

  static void strOrNull(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
    } else {
      str(sb, s);
    }
  }

  static void strList(StringBuilder sb, List<String> list) {
    sb.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      str(sb, list.get(i));
    }
    sb.append(']');
  }

  /** A JSON string with non-ASCII and control characters escaped as backslash-u sequences. */
  static void str(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7F) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  static void hex(StringBuilder sb, byte[] raw) {
    for (byte x : raw) {
      sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
    }
  }
}
