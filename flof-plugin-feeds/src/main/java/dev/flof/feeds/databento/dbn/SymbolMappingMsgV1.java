package dev.flof.feeds.databento.dbn;

/**
 * DBN SymbolMappingMsgV1: 80 bytes (header length 20 words), rtype 0x16, layout of databento-cpp {@code databento::v1::SymbolMappingMsg}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param stypeInSymbol stype_in_symbol at byte 16 (char[22]), text up to the first NUL
 * @param stypeOutSymbol stype_out_symbol at byte 38 (char[22]), text up to the first NUL
 * @param startTs start_ts at byte 64 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param endTs end_ts at byte 72 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 */
public record SymbolMappingMsgV1(
    RecordHeader hd,
    String stypeInSymbol,
    String stypeOutSymbol,
    long startTs,
    long endTs) implements DbnRecord, SymbolMappingMsg {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 80;

  @Override
  public String structName() {
    return "SymbolMappingMsgV1";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
