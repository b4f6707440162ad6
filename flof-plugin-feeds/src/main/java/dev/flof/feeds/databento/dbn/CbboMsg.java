package dev.flof.feeds.databento.dbn;

/**
 * DBN CbboMsg: 80 bytes (header length 20 words), rtype 0xC0, 0xC1, layout of databento-cpp {@code databento::CbboMsg}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param price price at byte 16 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param size size at byte 24 (u32), unsigned 32-bit held in a long
 * @param side side at byte 29 (c_char), one ASCII byte
 * @param flags flags at byte 30 (u8), unsigned
 * @param tsRecv ts_recv at byte 32 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param levels levels at byte 48 (ConsolidatedBidAskPair[1])
 */
public record CbboMsg(
    RecordHeader hd,
    long price,
    long size,
    char side,
    int flags,
    long tsRecv,
    java.util.List<ConsolidatedBidAskPair> levels) implements DbnRecord {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 80;

  @Override
  public String structName() {
    return "CbboMsg";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
