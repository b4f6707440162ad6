package dev.flof.feeds.databento.dbn;

/**
 * DBN StatMsgV3: 80 bytes (header length 20 words), rtype 0x18, layout of databento-cpp {@code databento::StatMsg (DBN v3)}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param tsRecv ts_recv at byte 16 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param tsRef ts_ref at byte 24 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param price price at byte 32 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param quantity quantity at byte 40 (i64)
 * @param sequence sequence at byte 48 (u32), unsigned 32-bit held in a long
 * @param tsInDelta ts_in_delta at byte 52 (i32)
 * @param statType stat_type at byte 56 (u16), unsigned
 * @param channelId channel_id at byte 58 (u16), unsigned
 * @param updateAction update_action at byte 60 (u8), unsigned
 * @param statFlags stat_flags at byte 61 (u8), unsigned
 */
public record StatMsgV3(
    RecordHeader hd,
    long tsRecv,
    long tsRef,
    long price,
    long quantity,
    long sequence,
    int tsInDelta,
    int statType,
    int channelId,
    int updateAction,
    int statFlags) implements DbnRecord {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 80;

  @Override
  public String structName() {
    return "StatMsgV3";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
