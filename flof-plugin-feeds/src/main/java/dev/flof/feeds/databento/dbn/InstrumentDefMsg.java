package dev.flof.feeds.databento.dbn;

/**
 * An instrument definition of any DBN version: the fields the three layouts share, with the same meaning and Java
 * type, so that code can read definitions without caring which version the stream had.
 *
 * <p>Implemented by {@link InstrumentDefMsgV1}, {@link InstrumentDefMsgV2}, {@link InstrumentDefMsgV3}.
 */
public interface InstrumentDefMsg {
  /** The record header. */
  RecordHeader hd();

  /** ts_recv (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1. */
  long tsRecv();

  /** min_price_increment (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null. */
  long minPriceIncrement();

  /** display_factor (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null. */
  long displayFactor();

  /** expiration (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1. */
  long expiration();

  /** activation (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1. */
  long activation();

  /** high_limit_price (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null. */
  long highLimitPrice();

  /** low_limit_price (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null. */
  long lowLimitPrice();

  /** max_price_variation (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null. */
  long maxPriceVariation();

  /** unit_of_measure_qty (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null. */
  long unitOfMeasureQty();

  /** min_price_increment_amount (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null. */
  long minPriceIncrementAmount();

  /** price_ratio (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null. */
  long priceRatio();

  /** inst_attrib_value (i32). */
  int instAttribValue();

  /** underlying_id (u32), unsigned 32-bit held in a long. */
  long underlyingId();

  /** raw_instrument_id (u32), unsigned 32-bit held in a long. */
  long rawInstrumentId();

  /** market_depth_implied (i32). */
  int marketDepthImplied();

  /** market_depth (i32). */
  int marketDepth();

  /** market_segment_id (u32), unsigned 32-bit held in a long. */
  long marketSegmentId();

  /** max_trade_vol (u32), unsigned 32-bit held in a long. */
  long maxTradeVol();

  /** min_lot_size (i32). */
  int minLotSize();

  /** min_lot_size_block (i32). */
  int minLotSizeBlock();

  /** min_lot_size_round_lot (i32). */
  int minLotSizeRoundLot();

  /** min_trade_vol (u32), unsigned 32-bit held in a long. */
  long minTradeVol();

  /** contract_multiplier (i32). */
  int contractMultiplier();

  /** decay_quantity (i32). */
  int decayQuantity();

  /** original_contract_size (i32). */
  int originalContractSize();

  /** appl_id (i16). */
  int applId();

  /** maturity_year (u16), unsigned. */
  int maturityYear();

  /** decay_start_date (u16), unsigned. */
  int decayStartDate();

  /** channel_id (u16), unsigned. */
  int channelId();

  /** currency (C string), text up to the first NUL. */
  String currency();

  /** settl_currency (C string), text up to the first NUL. */
  String settlCurrency();

  /** secsubtype (C string), text up to the first NUL. */
  String secsubtype();

  /** raw_symbol (C string), text up to the first NUL. */
  String rawSymbol();

  /** group (C string), text up to the first NUL. */
  String group();

  /** exchange (C string), text up to the first NUL. */
  String exchange();

  /** asset (C string), text up to the first NUL. */
  String asset();

  /** cfi (C string), text up to the first NUL. */
  String cfi();

  /** security_type (C string), text up to the first NUL. */
  String securityType();

  /** unit_of_measure (C string), text up to the first NUL. */
  String unitOfMeasure();

  /** underlying (C string), text up to the first NUL. */
  String underlying();

  /** strike_price_currency (C string), text up to the first NUL. */
  String strikePriceCurrency();

  /** instrument_class (c_char), one ASCII byte. */
  char instrumentClass();

  /** strike_price (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null. */
  long strikePrice();

  /** match_algorithm (c_char), one ASCII byte. */
  char matchAlgorithm();

  /** main_fraction (u8), unsigned. */
  int mainFraction();

  /** price_display_format (u8), unsigned. */
  int priceDisplayFormat();

  /** sub_fraction (u8), unsigned. */
  int subFraction();

  /** underlying_product (u8), unsigned. */
  int underlyingProduct();

  /** security_update_action (c_char), one ASCII byte. */
  char securityUpdateAction();

  /** maturity_month (u8), unsigned. */
  int maturityMonth();

  /** maturity_day (u8), unsigned. */
  int maturityDay();

  /** maturity_week (u8), unsigned. */
  int maturityWeek();

  /** user_defined_instrument (c_char), one ASCII byte. */
  char userDefinedInstrument();

  /** contract_multiplier_unit (i8). */
  int contractMultiplierUnit();

  /** flow_schedule_type (i8). */
  int flowScheduleType();

  /** tick_rule (u8), unsigned. */
  int tickRule();
}
