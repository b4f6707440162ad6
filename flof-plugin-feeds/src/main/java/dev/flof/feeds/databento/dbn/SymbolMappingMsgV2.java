package dev.flof.feeds.databento.dbn;

/**
 * DBN SymbolMappingMsgV2: 176 bytes (header length 44 words), rtype 0x16, layout of databento-cpp {@code databento::SymbolMappingMsg (DBN v2 and v3)}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param stypeIn stype_in at byte 16 (u8), unsigned
 * @param stypeInSymbol stype_in_symbol at byte 17 (char[71]), text up to the first NUL
 * @param stypeOut stype_out at byte 88 (u8), unsigned
 * @param stypeOutSymbol stype_out_symbol at byte 89 (char[71]), text up to the first NUL
 * @param startTs start_ts at byte 160 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param endTs end_ts at byte 168 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 */
public record SymbolMappingMsgV2(
    RecordHeader hd,
    int stypeIn,
    String stypeInSymbol,
    int stypeOut,
    String stypeOutSymbol,
    long startTs,
    long endTs) implements DbnRecord, SymbolMappingMsg {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 176;

  @Override
  public String structName() {
    return "SymbolMappingMsgV2";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
