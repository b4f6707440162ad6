package dev.flof.feeds.databento.dbn;

/**
 * DBN OhlcvMsg: 56 bytes (header length 14 words), rtype 0x11, 0x20, 0x21, 0x22, 0x23, 0x24, layout of databento-cpp {@code databento::OhlcvMsg}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param open open at byte 16 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param high high at byte 24 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param low low at byte 32 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param close close at byte 40 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param volume volume at byte 48 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 */
public record OhlcvMsg(
    RecordHeader hd,
    long open,
    long high,
    long low,
    long close,
    long volume) implements DbnRecord {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 56;

  @Override
  public String structName() {
    return "OhlcvMsg";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
