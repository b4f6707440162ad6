package dev.flof.feeds.databento.dbn;

/**
 * A record from a stream whose metadata has {@code ts_out = 1} (live gateway): the struct followed by the gateway's
 * send timestamp. The header length includes the extra 8 bytes.
 *
 * @param record the inner struct (never another WithTsOut)
 * @param tsOut gateway send time, ns since the UNIX epoch (u64)
 */
public record WithTsOut(DbnRecord record, long tsOut) implements DbnRecord {
  /** Rejects nesting. */
  public WithTsOut {
    if (record instanceof WithTsOut) {
      throw new IllegalArgumentException("WithTsOut cannot wrap WithTsOut");
    }
  }

  @Override
  public RecordHeader hd() {
    return record.hd();
  }

  @Override
  public String structName() {
    return record.structName();
  }

  @Override
  public int encodedSize() {
    return record.encodedSize() + 8;
  }
}
