package dev.flof.feeds.databento.dbn;

/**
 * DBN ErrorMsgV1: 80 bytes (header length 20 words), rtype 0x15, layout of databento-cpp {@code databento::v1::ErrorMsg}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param err err at byte 16 (char[64]), text up to the first NUL
 */
public record ErrorMsgV1(
    RecordHeader hd,
    String err) implements DbnRecord, ErrorMsg {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 80;

  @Override
  public String structName() {
    return "ErrorMsgV1";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
