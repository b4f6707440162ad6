package dev.flof.feeds.databento.dbn;

/**
 * DBN BidAskPair: 32 bytes, layout of databento-cpp {@code databento::BidAskPair}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param bidPx bid_px at byte 0 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param askPx ask_px at byte 8 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param bidSz bid_sz at byte 16 (u32), unsigned 32-bit held in a long
 * @param askSz ask_sz at byte 20 (u32), unsigned 32-bit held in a long
 * @param bidCt bid_ct at byte 24 (u32), unsigned 32-bit held in a long
 * @param askCt ask_ct at byte 28 (u32), unsigned 32-bit held in a long
 */
public record BidAskPair(
    long bidPx,
    long askPx,
    long bidSz,
    long askSz,
    long bidCt,
    long askCt) {

  /** Size in bytes. */
  public static final int SIZE = 32;
}
