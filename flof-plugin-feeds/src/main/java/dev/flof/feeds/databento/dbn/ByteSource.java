package dev.flof.feeds.databento.dbn;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;

/**
 * A window of decompressed DBN bytes that the scanner reads in place. {@code buf} holds valid bytes in
 * {@code [0, buf.limit())}; {@code pos} is the read position; {@code base} is the stream offset of index 0. The window
 * only grows to what one read needs (at most a record, 1020 bytes, or one metadata string), so memory stays bounded
 * whatever lengths the input declares.
 */
abstract class ByteSource implements Closeable {
  ByteBuffer buf;
  int pos;
  long base;

  /** Makes {@code n} bytes available at {@code pos}; false if the input ends first (then fewer are available). */
  abstract boolean ensure(int n) throws IOException;

  final int available() {
    return buf.limit() - pos;
  }

  final long offset() {
    return base + pos;
  }

  /** Skips {@code n} bytes; false if the input ends first. */
  final boolean skip(long n) throws IOException {
    while (n > 0) {
      int step = (int) Math.min(n, 64 * 1024);
      if (!ensure(step)) {
        return false;
      }
      pos += step;
      n -= step;
    }
    return true;
  }

  /** A memory-mapped plain file, mapped in windows of up to 1 GiB so that files over 2 GiB work. */
  static final class Mapped extends ByteSource {
    private static final long WINDOW = 1L << 30;
    private final FileChannel ch;
    private final long size;

    Mapped(FileChannel ch) throws IOException {
      this.ch = ch;
      this.size = ch.size();
      map(0);
    }

    private void map(long at) throws IOException {
      long len = Math.min(WINDOW, size - at);
      MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, at, len);
      buf = m.order(ByteOrder.LITTLE_ENDIAN);
      base = at;
      pos = 0;
    }

    @Override
    boolean ensure(int n) throws IOException {
      if (buf.limit() - pos >= n) {
        return true;
      }
      long at = base + pos;
      if (base + buf.limit() >= size) {
        return false;
      }
      map(at);
      return buf.limit() - pos >= n;
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }

  /**
   * A stream (plain bytes from an InputStream or a channel, or zstd-decompressed bytes) read into a reused buffer.
   * A read returns what the source has, so a blocking socket is never asked for more than the next record needs.
   */
  static final class Streamed extends ByteSource {
    private final InputStream in;
    private final ReadableByteChannel ch;
    private final CountingInputStream compressed;
    private final String name;

    Streamed(InputStream in, ReadableByteChannel ch, CountingInputStream compressed, byte[] prefix, int prefixLen,
        int capacity, String name) {
      this.in = in;
      this.ch = ch;
      this.compressed = compressed;
      this.name = name;
      buf = ByteBuffer.allocate(Math.max(capacity, 4096)).order(ByteOrder.LITTLE_ENDIAN);
      buf.put(prefix, 0, prefixLen);
      buf.flip();
    }

    @Override
    boolean ensure(int n) throws IOException {
      if (buf.limit() - pos >= n) {
        return true;
      }
      int avail = buf.limit() - pos;
      if (n > buf.capacity()) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(n, buf.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
        System.arraycopy(buf.array(), pos, bigger.array(), 0, avail);
        buf = bigger;
      } else if (pos > 0) {
        System.arraycopy(buf.array(), pos, buf.array(), 0, avail);
      }
      base += pos;
      pos = 0;
      buf.limit(avail);
      int have = avail;
      while (have < n) {
        int r = read(have);
        if (r < 0) {
          return false;
        }
        have += r;
        buf.limit(have);
      }
      return true;
    }

    private int read(int at) throws IOException {
      int room = buf.capacity() - at;
      if (in != null) {
        try {
          return in.read(buf.array(), at, room);
        } catch (IOException e) {
          if (compressed != null && !compressed.failed) {
            throw new DbnFormatException(name, base + at, "zstd decompression failed at about compressed byte "
                + compressed.count + ": " + e.getMessage(), e);
          }
          throw e;
        }
      }
      buf.limit(buf.capacity());
      buf.position(at);
      int r;
      do {
        r = ch.read(buf);
      } while (r == 0);
      buf.position(0);
      buf.limit(at);
      return r;
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
      }
      if (ch != null) {
        ch.close();
      }
    }
  }

  /** Counts compressed bytes (for error messages) and tells source I/O errors apart from zstd format errors. */
  static final class CountingInputStream extends InputStream {
    private final InputStream in;
    long count;
    boolean failed;

    CountingInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      try {
        int b = in.read();
        if (b >= 0) {
          count++;
        }
        return b;
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int r = in.read(b, off, len);
        if (r > 0) {
          count += r;
        }
        return r;
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Wraps a compressed stream (already positioned at the zstd magic) for decompression across frames. */
  static Streamed zstd(InputStream raw, int capacity, String name) throws IOException {
    CountingInputStream counting = new CountingInputStream(raw);
    InputStream z = new ZstdInputStreamNoFinalizer(counting);
    return new Streamed(z, null, counting, new byte[0], 0, capacity, name);
  }
}
