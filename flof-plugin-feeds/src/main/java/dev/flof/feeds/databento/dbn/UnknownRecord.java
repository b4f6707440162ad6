package dev.flof.feeds.databento.dbn;

import java.util.Arrays;

/**
 * A record whose rtype, or whose size for a known rtype, matches no layout this codec knows. Kept whole (header
 * included) so that it can be printed as {@code raw_hex} or written back unchanged; {@link DbnDecoder} skips and
 * counts these unless asked to return them.
 *
 * @param hd the header
 * @param raw all bytes of the record, header included (a defensive copy is kept)
 */
public record UnknownRecord(RecordHeader hd, byte[] raw) implements DbnRecord {
  /** Checks the raw length against the header. */
  public UnknownRecord {
    raw = raw.clone();
    if (raw.length != hd.lengthBytes() || raw.length < RecordHeader.SIZE) {
      throw new IllegalArgumentException("raw length " + raw.length + " does not match header length "
          + hd.lengthBytes());
    }
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public String structName() {
    return null;
  }

  @Override
  public int encodedSize() {
    return raw.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownRecord u && u.hd.equals(hd) && Arrays.equals(u.raw, raw);
  }

  @Override
  public int hashCode() {
    return hd.hashCode() * 31 + Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "UnknownRecord[hd=" + hd + ", raw=" + raw.length + " bytes]";
  }
}
