package dev.flof.feeds.databento.dbn;

/**
 * A symbol mapping (live gateway) of any DBN version: the fields both layouts share.
 *
 * <p>Implemented by {@link SymbolMappingMsgV1}, {@link SymbolMappingMsgV2}.
 */
public interface SymbolMappingMsg {
  /** The record header. */
  RecordHeader hd();

  /** stype_in_symbol (C string), text up to the first NUL. */
  String stypeInSymbol();

  /** stype_out_symbol (C string), text up to the first NUL. */
  String stypeOutSymbol();

  /** start_ts (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1. */
  long startTs();

  /** end_ts (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1. */
  long endTs();
}
