package dev.flof.feeds.databento.dbn;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Decodes a DBN stream into {@link DbnRecord} values, streaming (constant memory whatever the input size).
 *
 * <pre>{@code
 * try (DbnDecoder d = DbnDecoder.open(Path.of("trades.dbn.zst"))) {
 *   DbnMetadata md = d.metadata();
 *   for (DbnRecord r; (r = d.next()) != null; ) {
 *     if (r instanceof TradeMsg t) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>Record types or sizes that match no known layout are skipped and counted ({@link #unknownSkipped()}) unless
 * {@link #keepUnknown(boolean)} asks for them as {@link UnknownRecord}. Versioned layouts follow the stream version;
 * because each version's layout has a distinct size, the header length decides, which also covers fragments. Errors:
 * see {@link DbnScanner}. For speed without objects use {@link #scanner()} or {@link DbnScanner} directly.
 */
public final class DbnDecoder implements Closeable, Iterable<DbnRecord> {
  private final DbnScanner scanner;
  private boolean keepUnknown;
  private long unknownSkipped;
  private long returned;

  /** Wraps a scanner (taking ownership). */
  public DbnDecoder(DbnScanner scanner) {
    this.scanner = scanner;
  }

  /** Opens a file (plain, zstd or DBZ). */
  public static DbnDecoder open(Path file) throws IOException {
    return new DbnDecoder(DbnScanner.open(file));
  }

  /** Opens a stream (plain, zstd or DBZ). */
  public static DbnDecoder open(InputStream in, String name) throws IOException {
    return new DbnDecoder(DbnScanner.open(in, name));
  }

  /** Opens a byte channel (plain or zstd). */
  public static DbnDecoder open(ReadableByteChannel ch, String name) throws IOException {
    return new DbnDecoder(DbnScanner.open(ch, name));
  }

  /** Opens a fragment (records only) written with DBN {@code version} (0 = unknown). */
  public static DbnDecoder openFragment(InputStream in, int version, String name) throws IOException {
    return new DbnDecoder(DbnScanner.openFragment(in, version, name));
  }

  /** Opens a fragment file. */
  public static DbnDecoder openFragment(Path file, int version) throws IOException {
    return new DbnDecoder(DbnScanner.openFragment(file, version));
  }

  /** Return unknown records as {@link UnknownRecord} instead of skipping them; returns this. */
  public DbnDecoder keepUnknown(boolean keep) {
    this.keepUnknown = keep;
    return this;
  }

  /** Metadata (null for fragments). */
  public DbnMetadata metadata() {
    return scanner.metadata();
  }

  /** The underlying scanner (offsets, version, framing numbers). */
  public DbnScanner scanner() {
    return scanner;
  }

  /**
   * The next record, or null at the end of the input.
   *
   * @throws DbnFormatException on corrupt or truncated input (records returned before remain valid)
   */
  public DbnRecord next() throws IOException {
    while (scanner.next()) {
      DbnRecordView v = scanner.view();
      DbnRecord r = v.toRecord();
      if (r instanceof UnknownRecord && !keepUnknown) {
        unknownSkipped++;
        continue;
      }
      returned++;
      return r;
    }
    return null;
  }

  /** Byte offset of the record last returned (decompressed stream). */
  public long lastOffset() {
    return scanner.recordOffset();
  }

  /** Records returned so far. */
  public long recordsReturned() {
    return returned;
  }

  /** Records skipped because no known layout matched their rtype and size. */
  public long unknownSkipped() {
    return unknownSkipped;
  }

  /**
   * Iterates the remaining records; a format or I/O error surfaces as {@link UncheckedIOException} whose cause is
   * the {@link DbnFormatException}, after the records before it.
   */
  @Override
  public Iterator<DbnRecord> iterator() {
    return new Iterator<>() {
      private DbnRecord pending;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (pending == null && !done) {
          try {
            pending = DbnDecoder.this.next();
          } catch (IOException e) {
            done = true;
            throw new UncheckedIOException(e);
          }
          done = pending == null;
        }
        return pending != null;
      }

      @Override
      public DbnRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        DbnRecord r = pending;
        pending = null;
        return r;
      }
    };
  }

  /** The remaining records as a sequential stream (errors as in {@link #iterator()}). */
  public Stream<DbnRecord> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  @Override
  public void close() throws IOException {
    scanner.close();
  }
}
