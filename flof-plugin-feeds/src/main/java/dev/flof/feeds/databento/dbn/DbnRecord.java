package dev.flof.feeds.databento.dbn;

/**
 * A decoded DBN record: one of the struct layouts of docs/databento.md section 4, an {@link UnknownRecord} (rtype or
 * size that matches no known layout, kept as raw bytes) or a {@link WithTsOut} wrapper (streams whose metadata says
 * ts_out). Sealed so that a {@code switch} over it is exhaustive.
 *
 * <p>Versioned layouts are distinct types ({@link InstrumentDefMsgV1}/{@link InstrumentDefMsgV2}/
 * {@link InstrumentDefMsgV3}, {@link StatMsgV1}/{@link StatMsgV3}, ...), as in databento-cpp's {@code v1::}/{@code v2::}
 * namespaces: a value never pretends to have a field its stream did not carry.
 */
public sealed interface DbnRecord
    permits TradeMsg, Mbp1Msg, Mbp10Msg, MboMsg, BboMsg, OhlcvMsg, StatusMsg, StatMsgV1, StatMsgV3,
        ImbalanceMsg, Cmbp1Msg, CbboMsg, SymbolMappingMsgV1, SymbolMappingMsgV2, ErrorMsgV1, ErrorMsgV2,
        SystemMsgV1, SystemMsgV2, InstrumentDefMsgV1, InstrumentDefMsgV2, InstrumentDefMsgV3,
        UnknownRecord, WithTsOut {

  /** The record header. */
  RecordHeader hd();

  /** Layout name as printed in the JSON {@code struct} key ({@code "TradeMsg"}, ...), null for unknown records. */
  String structName();

  /** Encoded size in bytes, header included. */
  int encodedSize();

  /** Shortcut for {@code hd().rtype()}. */
  default int rtype() {
    return hd().rtype();
  }

  /** Shortcut for {@code hd().instrumentId()} (u32 held in a long). */
  default long instrumentId() {
    return hd().instrumentId();
  }

  /** Shortcut for {@code hd().tsEvent()} (u64 ns). */
  default long tsEvent() {
    return hd().tsEvent();
  }
}
