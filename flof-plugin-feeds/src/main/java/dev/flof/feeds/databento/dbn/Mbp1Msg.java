package dev.flof.feeds.databento.dbn;

/**
 * DBN Mbp1Msg: 80 bytes (header length 20 words), rtype 0x01, layout of databento-cpp {@code databento::Mbp1Msg}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param price price at byte 16 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param size size at byte 24 (u32), unsigned 32-bit held in a long
 * @param action action at byte 28 (c_char), one ASCII byte
 * @param side side at byte 29 (c_char), one ASCII byte
 * @param flags flags at byte 30 (u8), unsigned
 * @param depth depth at byte 31 (u8), unsigned
 * @param tsRecv ts_recv at byte 32 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param tsInDelta ts_in_delta at byte 40 (i32)
 * @param sequence sequence at byte 44 (u32), unsigned 32-bit held in a long
 * @param levels levels at byte 48 (BidAskPair[1])
 */
public record Mbp1Msg(
    RecordHeader hd,
    long price,
    long size,
    char action,
    char side,
    int flags,
    int depth,
    long tsRecv,
    int tsInDelta,
    long sequence,
    java.util.List<BidAskPair> levels) implements DbnRecord {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 80;

  @Override
  public String structName() {
    return "Mbp1Msg";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
