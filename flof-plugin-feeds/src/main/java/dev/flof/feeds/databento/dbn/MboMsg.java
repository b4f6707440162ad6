package dev.flof.feeds.databento.dbn;

/**
 * DBN MboMsg: 56 bytes (header length 14 words), rtype 0xA0, layout of databento-cpp {@code databento::MboMsg}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param orderId order_id at byte 16 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param price price at byte 24 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param size size at byte 32 (u32), unsigned 32-bit held in a long
 * @param flags flags at byte 36 (u8), unsigned
 * @param channelId channel_id at byte 37 (u8), unsigned
 * @param action action at byte 38 (c_char), one ASCII byte
 * @param side side at byte 39 (c_char), one ASCII byte
 * @param tsRecv ts_recv at byte 40 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param tsInDelta ts_in_delta at byte 48 (i32)
 * @param sequence sequence at byte 52 (u32), unsigned 32-bit held in a long
 */
public record MboMsg(
    RecordHeader hd,
    long orderId,
    long price,
    long size,
    int flags,
    int channelId,
    char action,
    char side,
    long tsRecv,
    int tsInDelta,
    long sequence) implements DbnRecord {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 56;

  @Override
  public String structName() {
    return "MboMsg";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
