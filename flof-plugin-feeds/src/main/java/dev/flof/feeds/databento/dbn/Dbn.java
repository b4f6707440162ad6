package dev.flof.feeds.databento.dbn;

import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * DBN constants and null sentinels (docs/databento.md section 1). Databento encodes "no value" as a maximum
 * value; these helpers make the test explicit so that a sentinel never leaks into arithmetic as a real number.
 */
public final class Dbn {
  private Dbn() {}

  /** Newest DBN version this codec reads and writes. */
  public static final int CURRENT_VERSION = 3;
  /** 1 unit of a price field = 1e-9. */
  public static final long FIXED_PRICE_SCALE = 1_000_000_000L;
  /** Null price (i64::MAX). */
  public static final long UNDEF_PRICE = Long.MAX_VALUE;
  /** Null order size (u32::MAX). */
  public static final long UNDEF_ORDER_SIZE = 0xFFFF_FFFFL;
  /** Null statistic quantity in v1/v2 StatMsg (i32::MAX). */
  public static final int UNDEF_STAT_QUANTITY_V1 = Integer.MAX_VALUE;
  /** Null statistic quantity in v3 StatMsg (i64::MAX). */
  public static final long UNDEF_STAT_QUANTITY = Long.MAX_VALUE;
  /** Null timestamp (u64::MAX, reads as -1 in a signed long). */
  public static final long UNDEF_TIMESTAMP = -1L;
  /** Largest record a header can declare: 255 words. */
  public static final int MAX_RECORD_LEN = 255 * RecordHeader.LENGTH_MULTIPLIER;
  /** Schema value meaning "none / mixed" in metadata. */
  public static final int SCHEMA_NONE = 0xFFFF;
  /** SType value meaning "none / mixed" in metadata. */
  public static final int STYPE_NONE = 0xFF;
  /** Side / aggressor: ask (sell aggressor). */
  public static final char SIDE_ASK = 'A';
  /** Side / aggressor: bid (buy aggressor). */
  public static final char SIDE_BID = 'B';
  /** Side / aggressor: none. */
  public static final char SIDE_NONE = 'N';
  /** flags bit: last record of the event for this instrument. */
  public static final int FLAG_LAST = 0x80;
  /** flags bit: top-of-book record. */
  public static final int FLAG_TOB = 0x40;
  /** flags bit: from a replay / snapshot. */
  public static final int FLAG_SNAPSHOT = 0x20;
  /** flags bit: aggregated price level. */
  public static final int FLAG_MBP = 0x10;
  /** flags bit: ts_recv inaccurate. */
  public static final int FLAG_BAD_TS_RECV = 0x08;
  /** flags bit: unrecoverable gap on the channel. */
  public static final int FLAG_MAYBE_BAD_BOOK = 0x04;

  /** Whether a price field holds the null sentinel. */
  public static boolean isUndefPrice(long price) {
    return price == UNDEF_PRICE;
  }

  /** Whether a u64 timestamp holds the null sentinel. */
  public static boolean isUndefTimestamp(long ts) {
    return ts == UNDEF_TIMESTAMP;
  }

  /** The exact decimal value of a price field, or null for {@link #UNDEF_PRICE}. */
  public static BigDecimal priceOrNull(long price) {
    return price == UNDEF_PRICE ? null : BigDecimal.valueOf(price, 9);
  }

  /** A u64 timestamp, empty for {@link #UNDEF_TIMESTAMP}. */
  public static OptionalLong timestamp(long ts) {
    return ts == UNDEF_TIMESTAMP ? OptionalLong.empty() : OptionalLong.of(ts);
  }

  /**
   * The exact decimal string of a price ({@code 3720250000000} gives {@code "3720.25"}), or null for UNDEF_PRICE.
   * Trailing zeros and a trailing point are stripped, as in the expected decoder output.
   */
  public static String priceString(long price) {
    if (price == UNDEF_PRICE) {
      return null;
    }
    boolean neg = price < 0;
    // abs of Long.MIN_VALUE overflows; use unsigned arithmetic on the magnitude
    long mag = neg ? -price : price;
    String intPart = Long.toUnsignedString(Long.divideUnsigned(mag, FIXED_PRICE_SCALE));
    long frac = Long.remainderUnsigned(mag, FIXED_PRICE_SCALE);
    StringBuilder sb = new StringBuilder(24);
    if (neg) {
      sb.append('-');
    }
    sb.append(intPart);
    if (frac != 0) {
      String f = Long.toString(frac);
      sb.append('.');
      for (int i = f.length(); i < 9; i++) {
        sb.append('0');
      }
      sb.append(f);
      // frac != 0, so a non-zero digit stops this before the point
      int end = sb.length();
      while (sb.charAt(end - 1) == '0') {
        end--;
      }
      sb.setLength(end);
    }
    return sb.toString();
  }
}
