package dev.flof.feeds.databento.dbn;

import java.io.IOException;

/**
 * Corrupt, truncated or unsupported DBN input. Carries the byte offset (in the decompressed stream, counted from the
 * start of the DBN prelude; for fragments from the first record byte) and a description of what was wrong, so that a
 * bad file can be located with a hex dump. Everything decoded before the damage has already been delivered.
 */
public final class DbnFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long offset;
  private final String reason;

  /**
   * @param source name of the input (file path or a description), for the message
   * @param offset byte offset in the decompressed stream where the problem was found
   * @param reason what was wrong
   */
  public DbnFormatException(String source, long offset, String reason) {
    this(source, offset, reason, null);
  }

  /** As {@link #DbnFormatException(String, long, String)} with a cause (e.g. the zstd error). */
  public DbnFormatException(String source, long offset, String reason, Throwable cause) {
    super(source + ": at byte offset " + offset + ": " + reason, cause);
    this.source = source;
    this.offset = offset;
    this.reason = reason;
  }

  /** The input's name. */
  public String source() {
    return source;
  }

  /** Byte offset in the decompressed stream. */
  public long offset() {
    return offset;
  }

  /** What was wrong, without the location prefix. */
  public String reason() {
    return reason;
  }
}
