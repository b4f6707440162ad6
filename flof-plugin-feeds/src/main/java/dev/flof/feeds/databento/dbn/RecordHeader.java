package dev.flof.feeds.databento.dbn;

/**
 * The 16-byte header that starts every DBN record (docs/databento.md section 3).
 *
 * <p>{@code length} is in 4-byte words and includes the header and a trailing ts_out; the decoder always advances
 * by it, which is what makes the format forward compatible. When writing, {@link DbnWriter} recomputes it from the
 * struct, so {@link #of} with length 0 is fine for building records by hand.
 *
 * @param length record length in 4-byte words (u8)
 * @param rtype record type (u8), see {@link RType}
 * @param publisherId dataset and venue id (u16); GLBX.MDP3 is 1
 * @param instrumentId numeric instrument id (u32 held in a long)
 * @param tsEvent matching-engine timestamp, ns since the UNIX epoch (u64; {@link Dbn#UNDEF_TIMESTAMP} is -1)
 */
public record RecordHeader(int length, int rtype, int publisherId, long instrumentId, long tsEvent) {
  /** Header size in bytes. */
  public static final int SIZE = 16;
  /** Multiplier from {@link #length} to bytes. */
  public static final int LENGTH_MULTIPLIER = 4;

  /** A header for a record to be written; the writer fills in the length. */
  public static RecordHeader of(int rtype, int publisherId, long instrumentId, long tsEvent) {
    return new RecordHeader(0, rtype, publisherId, instrumentId, tsEvent);
  }

  /** Record length in bytes ({@code length * 4}). */
  public int lengthBytes() {
    return length * LENGTH_MULTIPLIER;
  }
}
