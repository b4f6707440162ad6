package dev.flof.feeds.databento.dbn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The metadata block at the start of a DBN stream (docs/databento.md section 2.1): what was queried and how the
 * query's symbols resolved. Raw codes are kept (schema, stypes) because the sets are open; the typed views return
 * empty for "none/mixed" and for codes this codec does not know.
 *
 * @param version DBN version 1, 2 or 3; selects the layouts of versioned records
 * @param dataset dataset code, e.g. {@code GLBX.MDP3}
 * @param schemaRaw schema code (u16), {@link Dbn#SCHEMA_NONE} for mixed (live)
 * @param start query start, ns since the UNIX epoch (u64)
 * @param end query end, ns (u64; {@link Dbn#UNDEF_TIMESTAMP} for none)
 * @param limit record limit of the query (u64; 0 = none)
 * @param stypeInRaw input symbology code (u8), {@link Dbn#STYPE_NONE} for none
 * @param stypeOutRaw output symbology code (u8)
 * @param tsOut whether every record carries an extra 8-byte gateway send time
 * @param symbolCstrLen width of symbol strings (22 in v1, 71 in v2/v3)
 * @param v1RecordCount the deprecated record_count field of v1 metadata (u64), {@link Dbn#UNDEF_TIMESTAMP} (u64::MAX)
 *     when unset; ignored for v2/v3
 * @param symbols query input symbols
 * @param partial symbols resolved for only part of the range
 * @param notFound symbols never resolved
 * @param mappings symbol mappings from stype_in to stype_out with validity intervals
 */
public record DbnMetadata(
    int version,
    String dataset,
    int schemaRaw,
    long start,
    long end,
    long limit,
    int stypeInRaw,
    int stypeOutRaw,
    boolean tsOut,
    int symbolCstrLen,
    long v1RecordCount,
    List<String> symbols,
    List<String> partial,
    List<String> notFound,
    List<SymbolMapping> mappings) {

  /** Validates ranges and copies the lists. */
  public DbnMetadata {
    if (version < 1 || version > Dbn.CURRENT_VERSION) {
      throw new IllegalArgumentException("unsupported DBN version " + version);
    }
    Objects.requireNonNull(dataset, "dataset");
    symbols = List.copyOf(symbols);
    partial = List.copyOf(partial);
    notFound = List.copyOf(notFound);
    mappings = List.copyOf(mappings);
  }

  /**
   * Metadata for a new file: version 3, no ts_out, symbol width 71, end {@code end} (use {@link Dbn#UNDEF_TIMESTAMP}
   * for none), limit 0.
   */
  public static DbnMetadata of(String dataset, Schema schema, long start, long end, SType stypeIn, SType stypeOut,
      List<String> symbols, List<SymbolMapping> mappings) {
    return new DbnMetadata(Dbn.CURRENT_VERSION, dataset, schema.code(), start, end, 0, stypeIn.code(),
        stypeOut.code(), false, 71, Dbn.UNDEF_TIMESTAMP, symbols, List.of(), List.of(), mappings);
  }

  /** The schema; empty when mixed (0xFFFF) or unknown. */
  public Optional<Schema> schema() {
    return Schema.fromCode(schemaRaw);
  }

  /** The input symbology; empty when none (0xFF) or unknown. */
  public Optional<SType> stypeIn() {
    return SType.fromCode(stypeInRaw);
  }

  /** The output symbology; empty when none or unknown. */
  public Optional<SType> stypeOut() {
    return SType.fromCode(stypeOutRaw);
  }

  /**
   * One stype_in symbol and the stype_out symbols it maps to over time.
   *
   * @param rawSymbol the input symbol, e.g. {@code ESH1}
   * @param intervals validity intervals
   */
  public record SymbolMapping(String rawSymbol, List<MappingInterval> intervals) {
    /** Copies the list. */
    public SymbolMapping {
      Objects.requireNonNull(rawSymbol, "rawSymbol");
      intervals = List.copyOf(intervals);
    }
  }

  /**
   * A dated mapping interval.
   *
   * @param startDate first day, YYYYMMDD as stored (u32), inclusive
   * @param endDate last day, YYYYMMDD, exclusive
   * @param symbol the stype_out symbol (e.g. instrument id {@code "5482"})
   */
  public record MappingInterval(long startDate, long endDate, String symbol) {
    /** Checks the symbol. */
    public MappingInterval {
      Objects.requireNonNull(symbol, "symbol");
    }
  }
}
