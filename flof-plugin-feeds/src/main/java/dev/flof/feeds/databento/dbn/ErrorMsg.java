package dev.flof.feeds.databento.dbn;

/**
 * A gateway error message of any DBN version.
 *
 * <p>Implemented by {@link ErrorMsgV1}, {@link ErrorMsgV2}.
 */
public interface ErrorMsg {
  /** The record header. */
  RecordHeader hd();

  /** err (C string), text up to the first NUL. */
  String err();
}
