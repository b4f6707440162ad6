package dev.flof.feeds.databento.dbn;

/**
 * DBN InstrumentDefMsgV1: 360 bytes (header length 90 words), rtype 0x13, layout of databento-cpp {@code databento::v1::InstrumentDefMsg}
 * (offsets in docs/databento.md section 4).
 *
 * <p>Value type produced by {@link DbnDecoder} and accepted by {@link DbnWriter}; reserved bytes are not kept
 * (they are written as zeros).
 *
 * @param hd the 16-byte record header
 * @param tsRecv ts_recv at byte 16 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param minPriceIncrement min_price_increment at byte 24 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param displayFactor display_factor at byte 32 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param expiration expiration at byte 40 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param activation activation at byte 48 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param highLimitPrice high_limit_price at byte 56 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param lowLimitPrice low_limit_price at byte 64 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param maxPriceVariation max_price_variation at byte 72 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param tradingReferencePrice trading_reference_price at byte 80 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param unitOfMeasureQty unit_of_measure_qty at byte 88 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param minPriceIncrementAmount min_price_increment_amount at byte 96 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param priceRatio price_ratio at byte 104 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param instAttribValue inst_attrib_value at byte 112 (i32)
 * @param underlyingId underlying_id at byte 116 (u32), unsigned 32-bit held in a long
 * @param rawInstrumentId raw_instrument_id at byte 120 (u32), unsigned 32-bit held in a long
 * @param marketDepthImplied market_depth_implied at byte 124 (i32)
 * @param marketDepth market_depth at byte 128 (i32)
 * @param marketSegmentId market_segment_id at byte 132 (u32), unsigned 32-bit held in a long
 * @param maxTradeVol max_trade_vol at byte 136 (u32), unsigned 32-bit held in a long
 * @param minLotSize min_lot_size at byte 140 (i32)
 * @param minLotSizeBlock min_lot_size_block at byte 144 (i32)
 * @param minLotSizeRoundLot min_lot_size_round_lot at byte 148 (i32)
 * @param minTradeVol min_trade_vol at byte 152 (u32), unsigned 32-bit held in a long
 * @param contractMultiplier contract_multiplier at byte 160 (i32)
 * @param decayQuantity decay_quantity at byte 164 (i32)
 * @param originalContractSize original_contract_size at byte 168 (i32)
 * @param tradingReferenceDate trading_reference_date at byte 176 (u16), unsigned
 * @param applId appl_id at byte 178 (i16)
 * @param maturityYear maturity_year at byte 180 (u16), unsigned
 * @param decayStartDate decay_start_date at byte 182 (u16), unsigned
 * @param channelId channel_id at byte 184 (u16), unsigned
 * @param currency currency at byte 186 (char[4]), text up to the first NUL
 * @param settlCurrency settl_currency at byte 190 (char[4]), text up to the first NUL
 * @param secsubtype secsubtype at byte 194 (char[6]), text up to the first NUL
 * @param rawSymbol raw_symbol at byte 200 (char[22]), text up to the first NUL
 * @param group group at byte 222 (char[21]), text up to the first NUL
 * @param exchange exchange at byte 243 (char[5]), text up to the first NUL
 * @param asset asset at byte 248 (char[7]), text up to the first NUL
 * @param cfi cfi at byte 255 (char[7]), text up to the first NUL
 * @param securityType security_type at byte 262 (char[7]), text up to the first NUL
 * @param unitOfMeasure unit_of_measure at byte 269 (char[31]), text up to the first NUL
 * @param underlying underlying at byte 300 (char[21]), text up to the first NUL
 * @param strikePriceCurrency strike_price_currency at byte 321 (char[4]), text up to the first NUL
 * @param instrumentClass instrument_class at byte 325 (c_char), one ASCII byte
 * @param strikePrice strike_price at byte 328 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param matchAlgorithm match_algorithm at byte 342 (c_char), one ASCII byte
 * @param mdSecurityTradingStatus md_security_trading_status at byte 343 (u8), unsigned
 * @param mainFraction main_fraction at byte 344 (u8), unsigned
 * @param priceDisplayFormat price_display_format at byte 345 (u8), unsigned
 * @param settlPriceType settl_price_type at byte 346 (u8), unsigned
 * @param subFraction sub_fraction at byte 347 (u8), unsigned
 * @param underlyingProduct underlying_product at byte 348 (u8), unsigned
 * @param securityUpdateAction security_update_action at byte 349 (c_char), one ASCII byte
 * @param maturityMonth maturity_month at byte 350 (u8), unsigned
 * @param maturityDay maturity_day at byte 351 (u8), unsigned
 * @param maturityWeek maturity_week at byte 352 (u8), unsigned
 * @param userDefinedInstrument user_defined_instrument at byte 353 (c_char), one ASCII byte
 * @param contractMultiplierUnit contract_multiplier_unit at byte 354 (i8)
 * @param flowScheduleType flow_schedule_type at byte 355 (i8)
 * @param tickRule tick_rule at byte 356 (u8), unsigned
 */
public record InstrumentDefMsgV1(
    RecordHeader hd,
    long tsRecv,
    long minPriceIncrement,
    long displayFactor,
    long expiration,
    long activation,
    long highLimitPrice,
    long lowLimitPrice,
    long maxPriceVariation,
    long tradingReferencePrice,
    long unitOfMeasureQty,
    long minPriceIncrementAmount,
    long priceRatio,
    int instAttribValue,
    long underlyingId,
    long rawInstrumentId,
    int marketDepthImplied,
    int marketDepth,
    long marketSegmentId,
    long maxTradeVol,
    int minLotSize,
    int minLotSizeBlock,
    int minLotSizeRoundLot,
    long minTradeVol,
    int contractMultiplier,
    int decayQuantity,
    int originalContractSize,
    int tradingReferenceDate,
    int applId,
    int maturityYear,
    int decayStartDate,
    int channelId,
    String currency,
    String settlCurrency,
    String secsubtype,
    String rawSymbol,
    String group,
    String exchange,
    String asset,
    String cfi,
    String securityType,
    String unitOfMeasure,
    String underlying,
    String strikePriceCurrency,
    char instrumentClass,
    long strikePrice,
    char matchAlgorithm,
    int mdSecurityTradingStatus,
    int mainFraction,
    int priceDisplayFormat,
    int settlPriceType,
    int subFraction,
    int underlyingProduct,
    char securityUpdateAction,
    int maturityMonth,
    int maturityDay,
    int maturityWeek,
    char userDefinedInstrument,
    int contractMultiplierUnit,
    int flowScheduleType,
    int tickRule) implements DbnRecord, InstrumentDefMsg {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 360;

  @Override
  public String structName() {
    return "InstrumentDefMsgV1";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
