package dev.flof.feeds.databento.dbn;

/**
 * A gateway system message (heartbeats, acks) of any DBN version.
 *
 * <p>Implemented by {@link SystemMsgV1}, {@link SystemMsgV2}.
 */
public interface SystemMsg {
  /** The record header. */
  RecordHeader hd();

  /** msg (C string), text up to the first NUL. */
  String msg();
}
