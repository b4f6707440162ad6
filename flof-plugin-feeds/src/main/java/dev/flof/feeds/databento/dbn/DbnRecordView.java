package dev.flof.feeds.databento.dbn;

import java.nio.ByteBuffer;

/**
 * Zero-allocation view of the record the {@link DbnScanner} is positioned on. Accessors read little-endian fields
 * in place; which accessors apply depends on {@link #rtype()}:
 * <ul>
 *   <li>header accessors: every record;</li>
 *   <li>{@link #price()} .. {@link #sequence()}: trades (mbp-0), mbp-1/tbbo and mbp-10 (same first 48 bytes);
 *       {@code price}, {@code size}, {@code side}, {@code flags}, {@code tsRecv} also for bbo, cbbo and cmbp-1;</li>
 *   <li>level accessors: mbp-1, tbbo, mbp-10, bbo (level 0 only for the 1-level types);</li>
 *   <li>{@link #open()} .. {@link #volume()}: ohlcv.</li>
 * </ul>
 * Unsigned fields come back widened (u32 in a long) or as raw bits (u64). Nothing is checked per access: the scanner
 * guarantees {@link #lengthBytes()} bytes are in the buffer, and a caller reading a field beyond that gets bytes of the
 * next record or an IndexOutOfBoundsException, never a crash. The view is only valid until the next
 * {@link DbnScanner#next()}.
 */
public final class DbnRecordView {
  private final boolean hasTsOut;
  private ByteBuffer b;
  private int o;
  private int len;

  DbnRecordView(boolean hasTsOut) {
    this.hasTsOut = hasTsOut;
  }

  void set(ByteBuffer buf, int off, int length) {
    this.b = buf;
    this.o = off;
    this.len = length;
  }

  /** The buffer holding the record (little-endian); valid until the next record. */
  public ByteBuffer buffer() {
    return b;
  }

  /** Index of the record's first byte in {@link #buffer()}. */
  public int bufferOffset() {
    return o;
  }

  /** Record length in bytes ({@code hd.length * 4}, ts_out included). */
  public int lengthBytes() {
    return len;
  }

  /** Header rtype. */
  public int rtype() {
    return b.get(o + 1) & 0xFF;
  }

  /** Header publisher_id (u16). */
  public int publisherId() {
    return b.getShort(o + 2) & 0xFFFF;
  }

  /** Header instrument_id (u32). */
  public long instrumentId() {
    return b.getInt(o + 4) & 0xFFFF_FFFFL;
  }

  /** Header ts_event (u64 ns). */
  public long tsEvent() {
    return b.getLong(o + 8);
  }

  /** price (i64, 1e-9); {@link Dbn#UNDEF_PRICE} for none. */
  public long price() {
    return b.getLong(o + 16);
  }

  /** size (u32). */
  public long size() {
    return b.getInt(o + 24) & 0xFFFF_FFFFL;
  }

  /** action (c_char); trades, mbp, cmbp. */
  public char action() {
    return (char) (b.get(o + 28) & 0xFF);
  }

  /** side / aggressor (c_char). */
  public char side() {
    return (char) (b.get(o + 29) & 0xFF);
  }

  /** flags (u8). */
  public int flags() {
    return b.get(o + 30) & 0xFF;
  }

  /** depth (u8); trades, mbp. */
  public int depth() {
    return b.get(o + 31) & 0xFF;
  }

  /** ts_recv (u64 ns). */
  public long tsRecv() {
    return b.getLong(o + 32);
  }

  /** ts_in_delta (i32 ns); trades, mbp, cmbp. */
  public int tsInDelta() {
    return b.getInt(o + 40);
  }

  /** sequence (u32); trades, mbp, bbo. */
  public long sequence() {
    return b.getInt(o + 44) & 0xFFFF_FFFFL;
  }

  /** Level {@code i} bid price (i64, 1e-9). */
  public long bidPx(int i) {
    return b.getLong(o + 48 + 32 * i);
  }

  /** Level {@code i} ask price (i64, 1e-9). */
  public long askPx(int i) {
    return b.getLong(o + 56 + 32 * i);
  }

  /** Level {@code i} bid size (u32). */
  public long bidSz(int i) {
    return b.getInt(o + 64 + 32 * i) & 0xFFFF_FFFFL;
  }

  /** Level {@code i} ask size (u32). */
  public long askSz(int i) {
    return b.getInt(o + 68 + 32 * i) & 0xFFFF_FFFFL;
  }

  /** Level {@code i} bid order count (u32). */
  public long bidCt(int i) {
    return b.getInt(o + 72 + 32 * i) & 0xFFFF_FFFFL;
  }

  /** Level {@code i} ask order count (u32). */
  public long askCt(int i) {
    return b.getInt(o + 76 + 32 * i) & 0xFFFF_FFFFL;
  }

  /** OHLCV open (i64, 1e-9). */
  public long open() {
    return b.getLong(o + 16);
  }

  /** OHLCV high. */
  public long high() {
    return b.getLong(o + 24);
  }

  /** OHLCV low. */
  public long low() {
    return b.getLong(o + 32);
  }

  /** OHLCV close. */
  public long close() {
    return b.getLong(o + 40);
  }

  /** OHLCV volume (u64). */
  public long volume() {
    return b.getLong(o + 48);
  }

  /** Whether the stream carries ts_out. */
  public boolean hasTsOut() {
    return hasTsOut;
  }

  /** Gateway send time (u64 ns); only when {@link #hasTsOut()}. */
  public long tsOut() {
    if (!hasTsOut) {
      throw new IllegalStateException("stream has no ts_out");
    }
    return b.getLong(o + len - 8);
  }

  /** The header as a value. */
  public RecordHeader header() {
    return new RecordHeader(b.get(o) & 0xFF, rtype(), publisherId(), instrumentId(), tsEvent());
  }

  /**
   * Materializes the record: the struct whose rtype and size match, wrapped in {@link WithTsOut} when the stream
   * has ts_out, or an {@link UnknownRecord}.
   */
  public DbnRecord toRecord() {
    RecordHeader hd = header();
    int size = len - (hasTsOut ? 8 : 0);
    DbnRecord r = DbnStructs.decode(b, o, hd, size);
    if (r == null) {
      byte[] raw = new byte[len];
      b.get(o, raw, 0, len);
      return new UnknownRecord(hd, raw);
    }
    return hasTsOut ? new WithTsOut(r, b.getLong(o + size)) : r;
  }

  /** Whether {@link #toRecord()} would give a known struct. */
  public boolean isKnown() {
    return DbnStructs.knownSize(rtype(), len - (hasTsOut ? 8 : 0));
  }

  /** Copies the record's bytes. */
  public byte[] copyBytes() {
    byte[] raw = new byte[len];
    b.get(o, raw, 0, len);
    return raw;
  }
}
