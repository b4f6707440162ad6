package dev.flof.feeds.databento.dbn;

import java.util.Optional;

/** Symbology types with their metadata code (u8) and API name (docs/databento.md section 1). */
public enum SType {
  INSTRUMENT_ID(0, "instrument_id"),
  RAW_SYMBOL(1, "raw_symbol"),
  SMART(2, "smart"),
  CONTINUOUS(3, "continuous"),
  PARENT(4, "parent"),
  NASDAQ_SYMBOL(5, "nasdaq_symbol"),
  CMS_SYMBOL(6, "cms_symbol"),
  ISIN(7, "isin"),
  US_CODE(8, "us_code"),
  BBG_COMP_ID(9, "bbg_comp_id"),
  BBG_COMP_TICKER(10, "bbg_comp_ticker"),
  FIGI(11, "figi"),
  FIGI_TICKER(12, "figi_ticker");

  private final int code;
  private final String apiName;

  SType(int code, String apiName) {
    this.code = code;
    this.apiName = apiName;
  }

  /** The u8 value in DBN metadata. */
  public int code() {
    return code;
  }

  /** The API parameter value ({@code "raw_symbol"}). */
  public String apiName() {
    return apiName;
  }

  /** The SType with this code; empty for 0xFF (none) and unknown codes. */
  public static Optional<SType> fromCode(int code) {
    for (SType s : values()) {
      if (s.code == code) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The SType with this API name. */
  public static Optional<SType> fromApiName(String name) {
    for (SType s : values()) {
      if (s.apiName.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
