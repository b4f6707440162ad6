package dev.flof.feeds.databento.dbn;

import java.util.Optional;

/** Databento schemas with their metadata code (u16) and API name (docs/databento.md section 1). */
public enum Schema {
  MBO(0, "mbo"),
  MBP_1(1, "mbp-1"),
  MBP_10(2, "mbp-10"),
  TBBO(3, "tbbo"),
  TRADES(4, "trades"),
  OHLCV_1S(5, "ohlcv-1s"),
  OHLCV_1M(6, "ohlcv-1m"),
  OHLCV_1H(7, "ohlcv-1h"),
  OHLCV_1D(8, "ohlcv-1d"),
  DEFINITION(9, "definition"),
  STATISTICS(10, "statistics"),
  STATUS(11, "status"),
  IMBALANCE(12, "imbalance"),
  OHLCV_EOD(13, "ohlcv-eod"),
  CMBP_1(14, "cmbp-1"),
  CBBO_1S(15, "cbbo-1s"),
  CBBO_1M(16, "cbbo-1m"),
  TCBBO(17, "tcbbo"),
  BBO_1S(18, "bbo-1s"),
  BBO_1M(19, "bbo-1m");

  private final int code;
  private final String apiName;

  Schema(int code, String apiName) {
    this.code = code;
    this.apiName = apiName;
  }

  /** The u16 value in DBN metadata. */
  public int code() {
    return code;
  }

  /** The name used by the API and in JSON ({@code "trades"}). */
  public String apiName() {
    return apiName;
  }

  /** The schema with this metadata code; empty for 0xFFFF (mixed) and for codes this codec does not know. */
  public static Optional<Schema> fromCode(int code) {
    for (Schema s : values()) {
      if (s.code == code) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The schema with this API name ({@code "ohlcv-1m"}). */
  public static Optional<Schema> fromApiName(String name) {
    for (Schema s : values()) {
      if (s.apiName.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
