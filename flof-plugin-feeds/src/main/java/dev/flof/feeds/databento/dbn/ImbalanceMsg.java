package dev.flof.feeds.databento.dbn;

/**
 * DBN ImbalanceMsg: 112 bytes (header length 28 words), rtype 0x14, layout of databento-cpp {@code databento::ImbalanceMsg}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param tsRecv ts_recv at byte 16 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param refPrice ref_price at byte 24 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param auctionTime auction_time at byte 32 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param contBookClrPrice cont_book_clr_price at byte 40 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param auctInterestClrPrice auct_interest_clr_price at byte 48 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param ssrFillingPrice ssr_filling_price at byte 56 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param indMatchPrice ind_match_price at byte 64 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param upperCollar upper_collar at byte 72 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param lowerCollar lower_collar at byte 80 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param pairedQty paired_qty at byte 88 (u32), unsigned 32-bit held in a long
 * @param totalImbalanceQty total_imbalance_qty at byte 92 (u32), unsigned 32-bit held in a long
 * @param marketImbalanceQty market_imbalance_qty at byte 96 (u32), unsigned 32-bit held in a long
 * @param unpairedQty unpaired_qty at byte 100 (u32), unsigned 32-bit held in a long
 * @param auctionType auction_type at byte 104 (c_char), one ASCII byte
 * @param side side at byte 105 (c_char), one ASCII byte
 * @param auctionStatus auction_status at byte 106 (u8), unsigned
 * @param freezeStatus freeze_status at byte 107 (u8), unsigned
 * @param numExtensions num_extensions at byte 108 (u8), unsigned
 * @param unpairedSide unpaired_side at byte 109 (c_char), one ASCII byte
 * @param significantImbalance significant_imbalance at byte 110 (c_char), one ASCII byte
 */
public record ImbalanceMsg(
    RecordHeader hd,
    long tsRecv,
    long refPrice,
    long auctionTime,
    long contBookClrPrice,
    long auctInterestClrPrice,
    long ssrFillingPrice,
    long indMatchPrice,
    long upperCollar,
    long lowerCollar,
    long pairedQty,
    long totalImbalanceQty,
    long marketImbalanceQty,
    long unpairedQty,
    char auctionType,
    char side,
    int auctionStatus,
    int freezeStatus,
    int numExtensions,
    char unpairedSide,
    char significantImbalance) implements DbnRecord {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 112;

  @Override
  public String structName() {
    return "ImbalanceMsg";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
