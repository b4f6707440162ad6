package dev.flof.feeds.databento.dbn;

/**
 * DBN ErrorMsgV2: 320 bytes (header length 80 words), rtype 0x15, layout of databento-cpp {@code databento::ErrorMsg (DBN v2 and v3)}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param err err at byte 16 (char[302]), text up to the first NUL
 * @param code code at byte 318 (u8), unsigned
 * @param isLast is_last at byte 319 (u8), unsigned
 */
public record ErrorMsgV2(
    RecordHeader hd,
    String err,
    int code,
    int isLast) implements DbnRecord, ErrorMsg {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 320;

  @Override
  public String structName() {
    return "ErrorMsgV2";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
