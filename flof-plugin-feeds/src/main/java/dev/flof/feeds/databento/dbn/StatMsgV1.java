package dev.flof.feeds.databento.dbn;

/**
 * DBN StatMsgV1: 64 bytes (header length 16 words), rtype 0x18, layout of databento-cpp {@code databento::v1::StatMsg (also used by DBN v2)}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param tsRecv ts_recv at byte 16 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param tsRef ts_ref at byte 24 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param price price at byte 32 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param quantity quantity at byte 40 (i32)
 * @param sequence sequence at byte 44 (u32), unsigned 32-bit held in a long
 * @param tsInDelta ts_in_delta at byte 48 (i32)
 * @param statType stat_type at byte 52 (u16), unsigned
 * @param channelId channel_id at byte 54 (u16), unsigned
 * @param updateAction update_action at byte 56 (u8), unsigned
 * @param statFlags stat_flags at byte 57 (u8), unsigned
 */
public record StatMsgV1(
    RecordHeader hd,
    long tsRecv,
    long tsRef,
    long price,
    int quantity,
    long sequence,
    int tsInDelta,
    int statType,
    int channelId,
    int updateAction,
    int statFlags) implements DbnRecord {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 64;

  @Override
  public String structName() {
    return "StatMsgV1";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
