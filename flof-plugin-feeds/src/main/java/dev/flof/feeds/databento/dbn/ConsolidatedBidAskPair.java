package dev.flof.feeds.databento.dbn;

/**
 * DBN ConsolidatedBidAskPair: 32 bytes, layout of databento-cpp {@code databento::ConsolidatedBidAskPair}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param bidPx bid_px at byte 0 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param askPx ask_px at byte 8 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param bidSz bid_sz at byte 16 (u32), unsigned 32-bit held in a long
 * @param askSz ask_sz at byte 20 (u32), unsigned 32-bit held in a long
 * @param bidPb bid_pb at byte 24 (u16), unsigned
 * @param askPb ask_pb at byte 28 (u16), unsigned
 */
public record ConsolidatedBidAskPair(
    long bidPx,
    long askPx,
    long bidSz,
    long askSz,
    int bidPb,
    int askPb) {

  /** Size in bytes. */
  public static final int SIZE = 32;
}
