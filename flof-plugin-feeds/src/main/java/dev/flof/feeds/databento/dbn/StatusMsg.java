package dev.flof.feeds.databento.dbn;

/**
 * DBN StatusMsg: 40 bytes (header length 10 words), rtype 0x12, layout of databento-cpp {@code databento::StatusMsg}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param tsRecv ts_recv at byte 16 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param action action at byte 24 (u16), unsigned
 * @param reason reason at byte 26 (u16), unsigned
 * @param tradingEvent trading_event at byte 28 (u16), unsigned
 * @param isTrading is_trading at byte 30 (c_char), one ASCII byte
 * @param isQuoting is_quoting at byte 31 (c_char), one ASCII byte
 * @param isShortSellRestricted is_short_sell_restricted at byte 32 (c_char), one ASCII byte
 */
public record StatusMsg(
    RecordHeader hd,
    long tsRecv,
    int action,
    int reason,
    int tradingEvent,
    char isTrading,
    char isQuoting,
    char isShortSellRestricted) implements DbnRecord {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 40;

  @Override
  public String structName() {
    return "StatusMsg";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
