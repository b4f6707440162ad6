package dev.flof.feeds.databento.dbn;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: decompressed bytes of shared files (through zstd-jni directly, not the codec under test). */
final class Bytes {
  private Bytes() {}

  static byte[] decompressed(Path file) throws IOException {
    byte[] raw = Files.readAllBytes(file);
    if (raw.length >= 4 && (raw[0] & 0xFF) == 0x28 && (raw[1] & 0xFF) == 0xB5 && (raw[2] & 0xFF) == 0x2F
        && (raw[3] & 0xFF) == 0xFD) {
      try (InputStream z = new ZstdInputStream(new ByteArrayInputStream(raw))) {
        return z.readAllBytes();
      }
    }
    return raw;
  }

  static byte[] zstd(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZstdOutputStream z = new ZstdOutputStream(out, 3)) {
      z.write(plain);
    }
    return out.toByteArray();
  }

  static int u8(byte[] b, int o) {
    return b[o] & 0xFF;
  }

  static long le64(byte[] b, int o) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (b[o + i] & 0xFF);
    }
    return v;
  }

  static long le32(byte[] b, int o) {
    return (b[o] & 0xFFL) | (b[o + 1] & 0xFFL) << 8 | (b[o + 2] & 0xFFL) << 16 | (b[o + 3] & 0xFFL) << 24;
  }

  static void put32(byte[] b, int o, long v) {
    for (int i = 0; i < 4; i++) {
      b[o + i] = (byte) (v >>> (8 * i));
    }
  }
}
