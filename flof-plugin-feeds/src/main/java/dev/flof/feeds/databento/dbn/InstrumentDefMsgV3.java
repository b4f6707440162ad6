package dev.flof.feeds.databento.dbn;

/**
 * DBN InstrumentDefMsgV3: 520 bytes (header length 130 words), rtype 0x13, layout of databento-cpp {@code databento::InstrumentDefMsg (DBN v3)}
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
 * @param unitOfMeasureQty unit_of_measure_qty at byte 80 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param minPriceIncrementAmount min_price_increment_amount at byte 88 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param priceRatio price_ratio at byte 96 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param strikePrice strike_price at byte 104 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param rawInstrumentId raw_instrument_id at byte 112 (u64), unsigned 64-bit: compare with Long.compareUnsigned; UNDEF_TIMESTAMP/u64::MAX reads as -1
 * @param legPrice leg_price at byte 120 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param legDelta leg_delta at byte 128 (i64), fixed-point 1e-9; Dbn.UNDEF_PRICE means null
 * @param instAttribValue inst_attrib_value at byte 136 (i32)
 * @param underlyingId underlying_id at byte 140 (u32), unsigned 32-bit held in a long
 * @param marketDepthImplied market_depth_implied at byte 144 (i32)
 * @param marketDepth market_depth at byte 148 (i32)
 * @param marketSegmentId market_segment_id at byte 152 (u32), unsigned 32-bit held in a long
 * @param maxTradeVol max_trade_vol at byte 156 (u32), unsigned 32-bit held in a long
 * @param minLotSize min_lot_size at byte 160 (i32)
 * @param minLotSizeBlock min_lot_size_block at byte 164 (i32)
 * @param minLotSizeRoundLot min_lot_size_round_lot at byte 168 (i32)
 * @param minTradeVol min_trade_vol at byte 172 (u32), unsigned 32-bit held in a long
 * @param contractMultiplier contract_multiplier at byte 176 (i32)
 * @param decayQuantity decay_quantity at byte 180 (i32)
 * @param originalContractSize original_contract_size at byte 184 (i32)
 * @param legInstrumentId leg_instrument_id at byte 188 (u32), unsigned 32-bit held in a long
 * @param legRatioPriceNumerator leg_ratio_price_numerator at byte 192 (i32)
 * @param legRatioPriceDenominator leg_ratio_price_denominator at byte 196 (i32)
 * @param legRatioQtyNumerator leg_ratio_qty_numerator at byte 200 (i32)
 * @param legRatioQtyDenominator leg_ratio_qty_denominator at byte 204 (i32)
 * @param legUnderlyingId leg_underlying_id at byte 208 (u32), unsigned 32-bit held in a long
 * @param applId appl_id at byte 212 (i16)
 * @param maturityYear maturity_year at byte 214 (u16), unsigned
 * @param decayStartDate decay_start_date at byte 216 (u16), unsigned
 * @param channelId channel_id at byte 218 (u16), unsigned
 * @param legCount leg_count at byte 220 (u16), unsigned
 * @param legIndex leg_index at byte 222 (u16), unsigned
 * @param currency currency at byte 224 (char[4]), text up to the first NUL
 * @param settlCurrency settl_currency at byte 228 (char[4]), text up to the first NUL
 * @param secsubtype secsubtype at byte 232 (char[6]), text up to the first NUL
 * @param rawSymbol raw_symbol at byte 238 (char[71]), text up to the first NUL
 * @param group group at byte 309 (char[21]), text up to the first NUL
 * @param exchange exchange at byte 330 (char[5]), text up to the first NUL
 * @param asset asset at byte 335 (char[11]), text up to the first NUL
 * @param cfi cfi at byte 346 (char[7]), text up to the first NUL
 * @param securityType security_type at byte 353 (char[7]), text up to the first NUL
 * @param unitOfMeasure unit_of_measure at byte 360 (char[31]), text up to the first NUL
 * @param underlying underlying at byte 391 (char[21]), text up to the first NUL
 * @param strikePriceCurrency strike_price_currency at byte 412 (char[4]), text up to the first NUL
 * @param legRawSymbol leg_raw_symbol at byte 416 (char[71]), text up to the first NUL
 * @param instrumentClass instrument_class at byte 487 (c_char), one ASCII byte
 * @param matchAlgorithm match_algorithm at byte 488 (c_char), one ASCII byte
 * @param mainFraction main_fraction at byte 489 (u8), unsigned
 * @param priceDisplayFormat price_display_format at byte 490 (u8), unsigned
 * @param subFraction sub_fraction at byte 491 (u8), unsigned
 * @param underlyingProduct underlying_product at byte 492 (u8), unsigned
 * @param securityUpdateAction security_update_action at byte 493 (c_char), one ASCII byte
 * @param maturityMonth maturity_month at byte 494 (u8), unsigned
 * @param maturityDay maturity_day at byte 495 (u8), unsigned
 * @param maturityWeek maturity_week at byte 496 (u8), unsigned
 * @param userDefinedInstrument user_defined_instrument at byte 497 (c_char), one ASCII byte
 * @param contractMultiplierUnit contract_multiplier_unit at byte 498 (i8)
 * @param flowScheduleType flow_schedule_type at byte 499 (i8)
 * @param tickRule tick_rule at byte 500 (u8), unsigned
 * @param legInstrumentClass leg_instrument_class at byte 501 (c_char), one ASCII byte
 * @param legSide leg_side at byte 502 (c_char), one ASCII byte
 */
public record InstrumentDefMsgV3(
    RecordHeader hd,
    long tsRecv,
    long minPriceIncrement,
    long displayFactor,
    long expiration,
    long activation,
    long highLimitPrice,
    long lowLimitPrice,
    long maxPriceVariation,
    long unitOfMeasureQty,
    long minPriceIncrementAmount,
    long priceRatio,
    long strikePrice,
    long rawInstrumentId,
    long legPrice,
    long legDelta,
    int instAttribValue,
    long underlyingId,
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
    long legInstrumentId,
    int legRatioPriceNumerator,
    int legRatioPriceDenominator,
    int legRatioQtyNumerator,
    int legRatioQtyDenominator,
    long legUnderlyingId,
    int applId,
    int maturityYear,
    int decayStartDate,
    int channelId,
    int legCount,
    int legIndex,
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
    String legRawSymbol,
    char instrumentClass,
    char matchAlgorithm,
    int mainFraction,
    int priceDisplayFormat,
    int subFraction,
    int underlyingProduct,
    char securityUpdateAction,
    int maturityMonth,
    int maturityDay,
    int maturityWeek,
    char userDefinedInstrument,
    int contractMultiplierUnit,
    int flowScheduleType,
    int tickRule,
    char legInstrumentClass,
    char legSide) implements DbnRecord, InstrumentDefMsg {

  /** Size in bytes of this layout without ts_out. */
  public static final int SIZE = 520;

  @Override
  public String structName() {
    return "InstrumentDefMsgV3";
  }

  @Override
  public int encodedSize() {
    return SIZE;
  }
}
