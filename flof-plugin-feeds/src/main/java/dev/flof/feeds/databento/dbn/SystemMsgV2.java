package dev.flof.feeds.databento.dbn;

/**
 * DBN SystemMsgV2: 320 bytes (header length 80 words), rtype 0x17, layout of databento-cpp {@code databento::SystemMsg (DBN v2 and v3)}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param msg msg at byte 16 (char[303]), text up to the first NUL
 * @param code code at byte 319 (u8), unsigned
 */
public record SystemMsgV2(
    RecordHeader hd,
    String msg,
    int code) implements DbnRecord, SystemMsg {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 320;

  @Override
  public String structName() {
    return "SystemMsgV2";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
