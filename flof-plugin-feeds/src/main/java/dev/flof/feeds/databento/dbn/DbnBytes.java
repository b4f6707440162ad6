package dev.flof.feeds.databento.dbn;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Fixed-width C strings and range-checked narrowing for the generated struct codec. */
final class DbnBytes {
  private DbnBytes() {}

  /** Text of a NUL-padded char[n] at {@code o}, up to the first NUL; bytes map 1:1 to chars (ISO-8859-1). */
  static String cstr(ByteBuffer b, int o, int n) {
    int len = 0;
    while (len < n && b.get(o + len) != 0) {
      len++;
    }
    if (len == 0) {
      return "";
    }
    byte[] a = new byte[len];
    b.get(o, a, 0, len);
    return new String(a, StandardCharsets.ISO_8859_1);
  }

  /** Writes {@code s} NUL-padded into char[n]; at most n-1 characters so that a NUL always ends it. */
  static void putCstr(ByteBuffer b, int o, int n, String s, String field) {
    if (s == null) {
      throw new IllegalArgumentException(field + ": null string");
    }
    if (s.length() > n - 1) {
      throw new IllegalArgumentException(field + ": \"" + s + "\" longer than " + (n - 1) + " characters");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0 || c > 0xFF) {
        throw new IllegalArgumentException(field + ": character " + (int) c + " not encodable");
      }
      b.put(o + i, (byte) c);
    }
    for (int i = s.length(); i < n; i++) {
      b.put(o + i, (byte) 0);
    }
  }

  static int u32(long v, String field) {
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(field + ": " + v + " out of u32 range");
    }
    return (int) v;
  }

  static short u16(int v, String field) {
    if (v < 0 || v > 0xFFFF) {
      throw new IllegalArgumentException(field + ": " + v + " out of u16 range");
    }
    return (short) v;
  }

  static short i16(int v, String field) {
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
      throw new IllegalArgumentException(field + ": " + v + " out of i16 range");
    }
    return (short) v;
  }

  static byte u8(int v, String field) {
    if (v < 0 || v > 0xFF) {
      throw new IllegalArgumentException(field + ": " + v + " out of u8 range");
    }
    return (byte) v;
  }

  static byte i8(int v, String field) {
    if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
      throw new IllegalArgumentException(field + ": " + v + " out of i8 range");
    }
    return (byte) v;
  }

  static byte cchar(char c, String field) {
    if (c > 0xFF) {
      throw new IllegalArgumentException(field + ": character " + (int) c + " not a single byte");
    }
    return (byte) c;
  }
}
