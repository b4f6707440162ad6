package dev.flof.feeds.databento.dbn;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte layout of every DBN record struct: decode from, encode to and print as JSON. Generated from the
 * offset tables of docs/databento.md section 4 (checked there against databento-cpp 0.65.0), so that the three
 * directions cannot disagree. All reads and writes are absolute and little-endian: records in v1/v2 streams are
 * not 8-byte aligned.
 */
final class DbnStructs {
  private DbnStructs() {}

  static TradeMsg decodeTradeMsg(ByteBuffer b, int o, RecordHeader hd) {
    return new TradeMsg(
        hd,
        b.getLong(o + 16),
        Integer.toUnsignedLong(b.getInt(o + 24)),
        (char) Byte.toUnsignedInt(b.get(o + 28)),
        (char) Byte.toUnsignedInt(b.get(o + 29)),
        Byte.toUnsignedInt(b.get(o + 30)),
        Byte.toUnsignedInt(b.get(o + 31)),
        b.getLong(o + 32),
        b.getInt(o + 40),
        Integer.toUnsignedLong(b.getInt(o + 44)));
  }

  static void encode(TradeMsg r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.price());
    b.putInt(o + 24, DbnBytes.u32(r.size(), "size"));
    b.put(o + 28, DbnBytes.cchar(r.action(), "action"));
    b.put(o + 29, DbnBytes.cchar(r.side(), "side"));
    b.put(o + 30, DbnBytes.u8(r.flags(), "flags"));
    b.put(o + 31, DbnBytes.u8(r.depth(), "depth"));
    b.putLong(o + 32, r.tsRecv());
    b.putInt(o + 40, r.tsInDelta());
    b.putInt(o + 44, DbnBytes.u32(r.sequence(), "sequence"));
  }

  static void json(TradeMsg r, StringBuilder sb) {
    sb.append(",\"price\":").append(r.price());
    DbnJson.priceDec(sb, "price", r.price());
    sb.append(",\"size\":").append(r.size());
    sb.append(",\"action\":"); DbnJson.str(sb, String.valueOf(r.action()));
    sb.append(",\"side\":"); DbnJson.str(sb, String.valueOf(r.side()));
    sb.append(",\"flags\":").append(r.flags());
    sb.append(",\"depth\":").append(r.depth());
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"ts_in_delta\":").append(r.tsInDelta());
    sb.append(",\"sequence\":").append(r.sequence());
  }

  static Mbp1Msg decodeMbp1Msg(ByteBuffer b, int o, RecordHeader hd) {
    return new Mbp1Msg(
        hd,
        b.getLong(o + 16),
        Integer.toUnsignedLong(b.getInt(o + 24)),
        (char) Byte.toUnsignedInt(b.get(o + 28)),
        (char) Byte.toUnsignedInt(b.get(o + 29)),
        Byte.toUnsignedInt(b.get(o + 30)),
        Byte.toUnsignedInt(b.get(o + 31)),
        b.getLong(o + 32),
        b.getInt(o + 40),
        Integer.toUnsignedLong(b.getInt(o + 44)),
        decodeBidAskPairList(b, o + 48, 1));
  }

  static void encode(Mbp1Msg r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.price());
    b.putInt(o + 24, DbnBytes.u32(r.size(), "size"));
    b.put(o + 28, DbnBytes.cchar(r.action(), "action"));
    b.put(o + 29, DbnBytes.cchar(r.side(), "side"));
    b.put(o + 30, DbnBytes.u8(r.flags(), "flags"));
    b.put(o + 31, DbnBytes.u8(r.depth(), "depth"));
    b.putLong(o + 32, r.tsRecv());
    b.putInt(o + 40, r.tsInDelta());
    b.putInt(o + 44, DbnBytes.u32(r.sequence(), "sequence"));
    encodeBidAskPairList(b, o + 48, 1, r.levels());
  }

  static void json(Mbp1Msg r, StringBuilder sb) {
    sb.append(",\"price\":").append(r.price());
    DbnJson.priceDec(sb, "price", r.price());
    sb.append(",\"size\":").append(r.size());
    sb.append(",\"action\":"); DbnJson.str(sb, String.valueOf(r.action()));
    sb.append(",\"side\":"); DbnJson.str(sb, String.valueOf(r.side()));
    sb.append(",\"flags\":").append(r.flags());
    sb.append(",\"depth\":").append(r.depth());
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"ts_in_delta\":").append(r.tsInDelta());
    sb.append(",\"sequence\":").append(r.sequence());
    sb.append(",\"levels\":["); for (int i = 0; i < r.levels().size(); i++) { if (i > 0) sb.append(','); sb.append('{'); json(r.levels().get(i), sb); sb.append('}'); } sb.append(']');
  }

  static Mbp10Msg decodeMbp10Msg(ByteBuffer b, int o, RecordHeader hd) {
    return new Mbp10Msg(
        hd,
        b.getLong(o + 16),
        Integer.toUnsignedLong(b.getInt(o + 24)),
        (char) Byte.toUnsignedInt(b.get(o + 28)),
        (char) Byte.toUnsignedInt(b.get(o + 29)),
        Byte.toUnsignedInt(b.get(o + 30)),
        Byte.toUnsignedInt(b.get(o + 31)),
        b.getLong(o + 32),
        b.getInt(o + 40),
        Integer.toUnsignedLong(b.getInt(o + 44)),
        decodeBidAskPairList(b, o + 48, 10));
  }

  static void encode(Mbp10Msg r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.price());
    b.putInt(o + 24, DbnBytes.u32(r.size(), "size"));
    b.put(o + 28, DbnBytes.cchar(r.action(), "action"));
    b.put(o + 29, DbnBytes.cchar(r.side(), "side"));
    b.put(o + 30, DbnBytes.u8(r.flags(), "flags"));
    b.put(o + 31, DbnBytes.u8(r.depth(), "depth"));
    b.putLong(o + 32, r.tsRecv());
    b.putInt(o + 40, r.tsInDelta());
    b.putInt(o + 44, DbnBytes.u32(r.sequence(), "sequence"));
    encodeBidAskPairList(b, o + 48, 10, r.levels());
  }

  static void json(Mbp10Msg r, StringBuilder sb) {
    sb.append(",\"price\":").append(r.price());
    DbnJson.priceDec(sb, "price", r.price());
    sb.append(",\"size\":").append(r.size());
    sb.append(",\"action\":"); DbnJson.str(sb, String.valueOf(r.action()));
    sb.append(",\"side\":"); DbnJson.str(sb, String.valueOf(r.side()));
    sb.append(",\"flags\":").append(r.flags());
    sb.append(",\"depth\":").append(r.depth());
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"ts_in_delta\":").append(r.tsInDelta());
    sb.append(",\"sequence\":").append(r.sequence());
    sb.append(",\"levels\":["); for (int i = 0; i < r.levels().size(); i++) { if (i > 0) sb.append(','); sb.append('{'); json(r.levels().get(i), sb); sb.append('}'); } sb.append(']');
  }

  static BidAskPair decodeBidAskPair(ByteBuffer b, int o) {
    return new BidAskPair(
        b.getLong(o + 0),
        b.getLong(o + 8),
        Integer.toUnsignedLong(b.getInt(o + 16)),
        Integer.toUnsignedLong(b.getInt(o + 20)),
        Integer.toUnsignedLong(b.getInt(o + 24)),
        Integer.toUnsignedLong(b.getInt(o + 28)));
  }

  static void encode(BidAskPair r, ByteBuffer b, int o) {
    b.putLong(o + 0, r.bidPx());
    b.putLong(o + 8, r.askPx());
    b.putInt(o + 16, DbnBytes.u32(r.bidSz(), "bid_sz"));
    b.putInt(o + 20, DbnBytes.u32(r.askSz(), "ask_sz"));
    b.putInt(o + 24, DbnBytes.u32(r.bidCt(), "bid_ct"));
    b.putInt(o + 28, DbnBytes.u32(r.askCt(), "ask_ct"));
  }

  static void json(BidAskPair r, StringBuilder sb) {
    sb.append("\"bid_px\":").append(r.bidPx());
    DbnJson.priceDec(sb, "bid_px", r.bidPx());
    sb.append(",\"ask_px\":").append(r.askPx());
    DbnJson.priceDec(sb, "ask_px", r.askPx());
    sb.append(",\"bid_sz\":").append(r.bidSz());
    sb.append(",\"ask_sz\":").append(r.askSz());
    sb.append(",\"bid_ct\":").append(r.bidCt());
    sb.append(",\"ask_ct\":").append(r.askCt());
  }

  static MboMsg decodeMboMsg(ByteBuffer b, int o, RecordHeader hd) {
    return new MboMsg(
        hd,
        b.getLong(o + 16),
        b.getLong(o + 24),
        Integer.toUnsignedLong(b.getInt(o + 32)),
        Byte.toUnsignedInt(b.get(o + 36)),
        Byte.toUnsignedInt(b.get(o + 37)),
        (char) Byte.toUnsignedInt(b.get(o + 38)),
        (char) Byte.toUnsignedInt(b.get(o + 39)),
        b.getLong(o + 40),
        b.getInt(o + 48),
        Integer.toUnsignedLong(b.getInt(o + 52)));
  }

  static void encode(MboMsg r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.orderId());
    b.putLong(o + 24, r.price());
    b.putInt(o + 32, DbnBytes.u32(r.size(), "size"));
    b.put(o + 36, DbnBytes.u8(r.flags(), "flags"));
    b.put(o + 37, DbnBytes.u8(r.channelId(), "channel_id"));
    b.put(o + 38, DbnBytes.cchar(r.action(), "action"));
    b.put(o + 39, DbnBytes.cchar(r.side(), "side"));
    b.putLong(o + 40, r.tsRecv());
    b.putInt(o + 48, r.tsInDelta());
    b.putInt(o + 52, DbnBytes.u32(r.sequence(), "sequence"));
  }

  static void json(MboMsg r, StringBuilder sb) {
    sb.append(",\"order_id\":").append(Long.toUnsignedString(r.orderId()));
    sb.append(",\"price\":").append(r.price());
    DbnJson.priceDec(sb, "price", r.price());
    sb.append(",\"size\":").append(r.size());
    sb.append(",\"flags\":").append(r.flags());
    sb.append(",\"channel_id\":").append(r.channelId());
    sb.append(",\"action\":"); DbnJson.str(sb, String.valueOf(r.action()));
    sb.append(",\"side\":"); DbnJson.str(sb, String.valueOf(r.side()));
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"ts_in_delta\":").append(r.tsInDelta());
    sb.append(",\"sequence\":").append(r.sequence());
  }

  static BboMsg decodeBboMsg(ByteBuffer b, int o, RecordHeader hd) {
    return new BboMsg(
        hd,
        b.getLong(o + 16),
        Integer.toUnsignedLong(b.getInt(o + 24)),
        (char) Byte.toUnsignedInt(b.get(o + 29)),
        Byte.toUnsignedInt(b.get(o + 30)),
        b.getLong(o + 32),
        Integer.toUnsignedLong(b.getInt(o + 44)),
        decodeBidAskPairList(b, o + 48, 1));
  }

  static void encode(BboMsg r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.price());
    b.putInt(o + 24, DbnBytes.u32(r.size(), "size"));
    b.put(o + 29, DbnBytes.cchar(r.side(), "side"));
    b.put(o + 30, DbnBytes.u8(r.flags(), "flags"));
    b.putLong(o + 32, r.tsRecv());
    b.putInt(o + 44, DbnBytes.u32(r.sequence(), "sequence"));
    encodeBidAskPairList(b, o + 48, 1, r.levels());
  }

  static void json(BboMsg r, StringBuilder sb) {
    sb.append(",\"price\":").append(r.price());
    DbnJson.priceDec(sb, "price", r.price());
    sb.append(",\"size\":").append(r.size());
    sb.append(",\"side\":"); DbnJson.str(sb, String.valueOf(r.side()));
    sb.append(",\"flags\":").append(r.flags());
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"sequence\":").append(r.sequence());
    sb.append(",\"levels\":["); for (int i = 0; i < r.levels().size(); i++) { if (i > 0) sb.append(','); sb.append('{'); json(r.levels().get(i), sb); sb.append('}'); } sb.append(']');
  }

  static OhlcvMsg decodeOhlcvMsg(ByteBuffer b, int o, RecordHeader hd) {
    return new OhlcvMsg(
        hd,
        b.getLong(o + 16),
        b.getLong(o + 24),
        b.getLong(o + 32),
        b.getLong(o + 40),
        b.getLong(o + 48));
  }

  static void encode(OhlcvMsg r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.open());
    b.putLong(o + 24, r.high());
    b.putLong(o + 32, r.low());
    b.putLong(o + 40, r.close());
    b.putLong(o + 48, r.volume());
  }

  static void json(OhlcvMsg r, StringBuilder sb) {
    sb.append(",\"open\":").append(r.open());
    DbnJson.priceDec(sb, "open", r.open());
    sb.append(",\"high\":").append(r.high());
    DbnJson.priceDec(sb, "high", r.high());
    sb.append(",\"low\":").append(r.low());
    DbnJson.priceDec(sb, "low", r.low());
    sb.append(",\"close\":").append(r.close());
    DbnJson.priceDec(sb, "close", r.close());
    sb.append(",\"volume\":").append(Long.toUnsignedString(r.volume()));
  }

  static StatusMsg decodeStatusMsg(ByteBuffer b, int o, RecordHeader hd) {
    return new StatusMsg(
        hd,
        b.getLong(o + 16),
        Short.toUnsignedInt(b.getShort(o + 24)),
        Short.toUnsignedInt(b.getShort(o + 26)),
        Short.toUnsignedInt(b.getShort(o + 28)),
        (char) Byte.toUnsignedInt(b.get(o + 30)),
        (char) Byte.toUnsignedInt(b.get(o + 31)),
        (char) Byte.toUnsignedInt(b.get(o + 32)));
  }

  static void encode(StatusMsg r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.tsRecv());
    b.putShort(o + 24, DbnBytes.u16(r.action(), "action"));
    b.putShort(o + 26, DbnBytes.u16(r.reason(), "reason"));
    b.putShort(o + 28, DbnBytes.u16(r.tradingEvent(), "trading_event"));
    b.put(o + 30, DbnBytes.cchar(r.isTrading(), "is_trading"));
    b.put(o + 31, DbnBytes.cchar(r.isQuoting(), "is_quoting"));
    b.put(o + 32, DbnBytes.cchar(r.isShortSellRestricted(), "is_short_sell_restricted"));
  }

  static void json(StatusMsg r, StringBuilder sb) {
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"action\":").append(r.action());
    sb.append(",\"reason\":").append(r.reason());
    sb.append(",\"trading_event\":").append(r.tradingEvent());
    sb.append(",\"is_trading\":"); DbnJson.str(sb, String.valueOf(r.isTrading()));
    sb.append(",\"is_quoting\":"); DbnJson.str(sb, String.valueOf(r.isQuoting()));
    sb.append(",\"is_short_sell_restricted\":"); DbnJson.str(sb, String.valueOf(r.isShortSellRestricted()));
  }

  static StatMsgV1 decodeStatMsgV1(ByteBuffer b, int o, RecordHeader hd) {
    return new StatMsgV1(
        hd,
        b.getLong(o + 16),
        b.getLong(o + 24),
        b.getLong(o + 32),
        b.getInt(o + 40),
        Integer.toUnsignedLong(b.getInt(o + 44)),
        b.getInt(o + 48),
        Short.toUnsignedInt(b.getShort(o + 52)),
        Short.toUnsignedInt(b.getShort(o + 54)),
        Byte.toUnsignedInt(b.get(o + 56)),
        Byte.toUnsignedInt(b.get(o + 57)));
  }

  static void encode(StatMsgV1 r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.tsRecv());
    b.putLong(o + 24, r.tsRef());
    b.putLong(o + 32, r.price());
    b.putInt(o + 40, r.quantity());
    b.putInt(o + 44, DbnBytes.u32(r.sequence(), "sequence"));
    b.putInt(o + 48, r.tsInDelta());
    b.putShort(o + 52, DbnBytes.u16(r.statType(), "stat_type"));
    b.putShort(o + 54, DbnBytes.u16(r.channelId(), "channel_id"));
    b.put(o + 56, DbnBytes.u8(r.updateAction(), "update_action"));
    b.put(o + 57, DbnBytes.u8(r.statFlags(), "stat_flags"));
  }

  static void json(StatMsgV1 r, StringBuilder sb) {
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"ts_ref\":").append(Long.toUnsignedString(r.tsRef()));
    sb.append(",\"price\":").append(r.price());
    DbnJson.priceDec(sb, "price", r.price());
    sb.append(",\"quantity\":").append(r.quantity());
    sb.append(",\"sequence\":").append(r.sequence());
    sb.append(",\"ts_in_delta\":").append(r.tsInDelta());
    sb.append(",\"stat_type\":").append(r.statType());
    sb.append(",\"channel_id\":").append(r.channelId());
    sb.append(",\"update_action\":").append(r.updateAction());
    sb.append(",\"stat_flags\":").append(r.statFlags());
  }

  static StatMsgV3 decodeStatMsgV3(ByteBuffer b, int o, RecordHeader hd) {
    return new StatMsgV3(
        hd,
        b.getLong(o + 16),
        b.getLong(o + 24),
        b.getLong(o + 32),
        b.getLong(o + 40),
        Integer.toUnsignedLong(b.getInt(o + 48)),
        b.getInt(o + 52),
        Short.toUnsignedInt(b.getShort(o + 56)),
        Short.toUnsignedInt(b.getShort(o + 58)),
        Byte.toUnsignedInt(b.get(o + 60)),
        Byte.toUnsignedInt(b.get(o + 61)));
  }

  static void encode(StatMsgV3 r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.tsRecv());
    b.putLong(o + 24, r.tsRef());
    b.putLong(o + 32, r.price());
    b.putLong(o + 40, r.quantity());
    b.putInt(o + 48, DbnBytes.u32(r.sequence(), "sequence"));
    b.putInt(o + 52, r.tsInDelta());
    b.putShort(o + 56, DbnBytes.u16(r.statType(), "stat_type"));
    b.putShort(o + 58, DbnBytes.u16(r.channelId(), "channel_id"));
    b.put(o + 60, DbnBytes.u8(r.updateAction(), "update_action"));
    b.put(o + 61, DbnBytes.u8(r.statFlags(), "stat_flags"));
  }

  static void json(StatMsgV3 r, StringBuilder sb) {
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"ts_ref\":").append(Long.toUnsignedString(r.tsRef()));
    sb.append(",\"price\":").append(r.price());
    DbnJson.priceDec(sb, "price", r.price());
    sb.append(",\"quantity\":").append(r.quantity());
    sb.append(",\"sequence\":").append(r.sequence());
    sb.append(",\"ts_in_delta\":").append(r.tsInDelta());
    sb.append(",\"stat_type\":").append(r.statType());
    sb.append(",\"channel_id\":").append(r.channelId());
    sb.append(",\"update_action\":").append(r.updateAction());
    sb.append(",\"stat_flags\":").append(r.statFlags());
  }

  static ImbalanceMsg decodeImbalanceMsg(ByteBuffer b, int o, RecordHeader hd) {
    return new ImbalanceMsg(
        hd,
        b.getLong(o + 16),
        b.getLong(o + 24),
        b.getLong(o + 32),
        b.getLong(o + 40),
        b.getLong(o + 48),
        b.getLong(o + 56),
        b.getLong(o + 64),
        b.getLong(o + 72),
        b.getLong(o + 80),
        Integer.toUnsignedLong(b.getInt(o + 88)),
        Integer.toUnsignedLong(b.getInt(o + 92)),
        Integer.toUnsignedLong(b.getInt(o + 96)),
        Integer.toUnsignedLong(b.getInt(o + 100)),
        (char) Byte.toUnsignedInt(b.get(o + 104)),
        (char) Byte.toUnsignedInt(b.get(o + 105)),
        Byte.toUnsignedInt(b.get(o + 106)),
        Byte.toUnsignedInt(b.get(o + 107)),
        Byte.toUnsignedInt(b.get(o + 108)),
        (char) Byte.toUnsignedInt(b.get(o + 109)),
        (char) Byte.toUnsignedInt(b.get(o + 110)));
  }

  static void encode(ImbalanceMsg r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.tsRecv());
    b.putLong(o + 24, r.refPrice());
    b.putLong(o + 32, r.auctionTime());
    b.putLong(o + 40, r.contBookClrPrice());
    b.putLong(o + 48, r.auctInterestClrPrice());
    b.putLong(o + 56, r.ssrFillingPrice());
    b.putLong(o + 64, r.indMatchPrice());
    b.putLong(o + 72, r.upperCollar());
    b.putLong(o + 80, r.lowerCollar());
    b.putInt(o + 88, DbnBytes.u32(r.pairedQty(), "paired_qty"));
    b.putInt(o + 92, DbnBytes.u32(r.totalImbalanceQty(), "total_imbalance_qty"));
    b.putInt(o + 96, DbnBytes.u32(r.marketImbalanceQty(), "market_imbalance_qty"));
    b.putInt(o + 100, DbnBytes.u32(r.unpairedQty(), "unpaired_qty"));
    b.put(o + 104, DbnBytes.cchar(r.auctionType(), "auction_type"));
    b.put(o + 105, DbnBytes.cchar(r.side(), "side"));
    b.put(o + 106, DbnBytes.u8(r.auctionStatus(), "auction_status"));
    b.put(o + 107, DbnBytes.u8(r.freezeStatus(), "freeze_status"));
    b.put(o + 108, DbnBytes.u8(r.numExtensions(), "num_extensions"));
    b.put(o + 109, DbnBytes.cchar(r.unpairedSide(), "unpaired_side"));
    b.put(o + 110, DbnBytes.cchar(r.significantImbalance(), "significant_imbalance"));
  }

  static void json(ImbalanceMsg r, StringBuilder sb) {
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"ref_price\":").append(r.refPrice());
    DbnJson.priceDec(sb, "ref_price", r.refPrice());
    sb.append(",\"auction_time\":").append(Long.toUnsignedString(r.auctionTime()));
    sb.append(",\"cont_book_clr_price\":").append(r.contBookClrPrice());
    DbnJson.priceDec(sb, "cont_book_clr_price", r.contBookClrPrice());
    sb.append(",\"auct_interest_clr_price\":").append(r.auctInterestClrPrice());
    DbnJson.priceDec(sb, "auct_interest_clr_price", r.auctInterestClrPrice());
    sb.append(",\"ssr_filling_price\":").append(r.ssrFillingPrice());
    DbnJson.priceDec(sb, "ssr_filling_price", r.ssrFillingPrice());
    sb.append(",\"ind_match_price\":").append(r.indMatchPrice());
    DbnJson.priceDec(sb, "ind_match_price", r.indMatchPrice());
    sb.append(",\"upper_collar\":").append(r.upperCollar());
    DbnJson.priceDec(sb, "upper_collar", r.upperCollar());
    sb.append(",\"lower_collar\":").append(r.lowerCollar());
    DbnJson.priceDec(sb, "lower_collar", r.lowerCollar());
    sb.append(",\"paired_qty\":").append(r.pairedQty());
    sb.append(",\"total_imbalance_qty\":").append(r.totalImbalanceQty());
    sb.append(",\"market_imbalance_qty\":").append(r.marketImbalanceQty());
    sb.append(",\"unpaired_qty\":").append(r.unpairedQty());
    sb.append(",\"auction_type\":"); DbnJson.str(sb, String.valueOf(r.auctionType()));
    sb.append(",\"side\":"); DbnJson.str(sb, String.valueOf(r.side()));
    sb.append(",\"auction_status\":").append(r.auctionStatus());
    sb.append(",\"freeze_status\":").append(r.freezeStatus());
    sb.append(",\"num_extensions\":").append(r.numExtensions());
    sb.append(",\"unpaired_side\":"); DbnJson.str(sb, String.valueOf(r.unpairedSide()));
    sb.append(",\"significant_imbalance\":"); DbnJson.str(sb, String.valueOf(r.significantImbalance()));
  }

  static Cmbp1Msg decodeCmbp1Msg(ByteBuffer b, int o, RecordHeader hd) {
    return new Cmbp1Msg(
        hd,
        b.getLong(o + 16),
        Integer.toUnsignedLong(b.getInt(o + 24)),
        (char) Byte.toUnsignedInt(b.get(o + 28)),
        (char) Byte.toUnsignedInt(b.get(o + 29)),
        Byte.toUnsignedInt(b.get(o + 30)),
        b.getLong(o + 32),
        b.getInt(o + 40),
        decodeConsolidatedBidAskPairList(b, o + 48, 1));
  }

  static void encode(Cmbp1Msg r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.price());
    b.putInt(o + 24, DbnBytes.u32(r.size(), "size"));
    b.put(o + 28, DbnBytes.cchar(r.action(), "action"));
    b.put(o + 29, DbnBytes.cchar(r.side(), "side"));
    b.put(o + 30, DbnBytes.u8(r.flags(), "flags"));
    b.putLong(o + 32, r.tsRecv());
    b.putInt(o + 40, r.tsInDelta());
    encodeConsolidatedBidAskPairList(b, o + 48, 1, r.levels());
  }

  static void json(Cmbp1Msg r, StringBuilder sb) {
    sb.append(",\"price\":").append(r.price());
    DbnJson.priceDec(sb, "price", r.price());
    sb.append(",\"size\":").append(r.size());
    sb.append(",\"action\":"); DbnJson.str(sb, String.valueOf(r.action()));
    sb.append(",\"side\":"); DbnJson.str(sb, String.valueOf(r.side()));
    sb.append(",\"flags\":").append(r.flags());
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"ts_in_delta\":").append(r.tsInDelta());
    sb.append(",\"levels\":["); for (int i = 0; i < r.levels().size(); i++) { if (i > 0) sb.append(','); sb.append('{'); json(r.levels().get(i), sb); sb.append('}'); } sb.append(']');
  }

  static CbboMsg decodeCbboMsg(ByteBuffer b, int o, RecordHeader hd) {
    return new CbboMsg(
        hd,
        b.getLong(o + 16),
        Integer.toUnsignedLong(b.getInt(o + 24)),
        (char) Byte.toUnsignedInt(b.get(o + 29)),
        Byte.toUnsignedInt(b.get(o + 30)),
        b.getLong(o + 32),
        decodeConsolidatedBidAskPairList(b, o + 48, 1));
  }

  static void encode(CbboMsg r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.price());
    b.putInt(o + 24, DbnBytes.u32(r.size(), "size"));
    b.put(o + 29, DbnBytes.cchar(r.side(), "side"));
    b.put(o + 30, DbnBytes.u8(r.flags(), "flags"));
    b.putLong(o + 32, r.tsRecv());
    encodeConsolidatedBidAskPairList(b, o + 48, 1, r.levels());
  }

  static void json(CbboMsg r, StringBuilder sb) {
    sb.append(",\"price\":").append(r.price());
    DbnJson.priceDec(sb, "price", r.price());
    sb.append(",\"size\":").append(r.size());
    sb.append(",\"side\":"); DbnJson.str(sb, String.valueOf(r.side()));
    sb.append(",\"flags\":").append(r.flags());
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"levels\":["); for (int i = 0; i < r.levels().size(); i++) { if (i > 0) sb.append(','); sb.append('{'); json(r.levels().get(i), sb); sb.append('}'); } sb.append(']');
  }

  static ConsolidatedBidAskPair decodeConsolidatedBidAskPair(ByteBuffer b, int o) {
    return new ConsolidatedBidAskPair(
        b.getLong(o + 0),
        b.getLong(o + 8),
        Integer.toUnsignedLong(b.getInt(o + 16)),
        Integer.toUnsignedLong(b.getInt(o + 20)),
        Short.toUnsignedInt(b.getShort(o + 24)),
        Short.toUnsignedInt(b.getShort(o + 28)));
  }

  static void encode(ConsolidatedBidAskPair r, ByteBuffer b, int o) {
    b.putLong(o + 0, r.bidPx());
    b.putLong(o + 8, r.askPx());
    b.putInt(o + 16, DbnBytes.u32(r.bidSz(), "bid_sz"));
    b.putInt(o + 20, DbnBytes.u32(r.askSz(), "ask_sz"));
    b.putShort(o + 24, DbnBytes.u16(r.bidPb(), "bid_pb"));
    b.putShort(o + 28, DbnBytes.u16(r.askPb(), "ask_pb"));
  }

  static void json(ConsolidatedBidAskPair r, StringBuilder sb) {
    sb.append("\"bid_px\":").append(r.bidPx());
    DbnJson.priceDec(sb, "bid_px", r.bidPx());
    sb.append(",\"ask_px\":").append(r.askPx());
    DbnJson.priceDec(sb, "ask_px", r.askPx());
    sb.append(",\"bid_sz\":").append(r.bidSz());
    sb.append(",\"ask_sz\":").append(r.askSz());
    sb.append(",\"bid_pb\":").append(r.bidPb());
    sb.append(",\"ask_pb\":").append(r.askPb());
  }

  static SymbolMappingMsgV1 decodeSymbolMappingMsgV1(ByteBuffer b, int o, RecordHeader hd) {
    return new SymbolMappingMsgV1(
        hd,
        DbnBytes.cstr(b, o + 16, 22),
        DbnBytes.cstr(b, o + 38, 22),
        b.getLong(o + 64),
        b.getLong(o + 72));
  }

  static void encode(SymbolMappingMsgV1 r, ByteBuffer b, int o) {
    DbnBytes.putCstr(b, o + 16, 22, r.stypeInSymbol(), "stype_in_symbol");
    DbnBytes.putCstr(b, o + 38, 22, r.stypeOutSymbol(), "stype_out_symbol");
    b.putLong(o + 64, r.startTs());
    b.putLong(o + 72, r.endTs());
  }

  static void json(SymbolMappingMsgV1 r, StringBuilder sb) {
    sb.append(",\"stype_in_symbol\":"); DbnJson.str(sb, r.stypeInSymbol());
    sb.append(",\"stype_out_symbol\":"); DbnJson.str(sb, r.stypeOutSymbol());
    sb.append(",\"start_ts\":").append(Long.toUnsignedString(r.startTs()));
    sb.append(",\"end_ts\":").append(Long.toUnsignedString(r.endTs()));
  }

  static SymbolMappingMsgV2 decodeSymbolMappingMsgV2(ByteBuffer b, int o, RecordHeader hd) {
    return new SymbolMappingMsgV2(
        hd,
        Byte.toUnsignedInt(b.get(o + 16)),
        DbnBytes.cstr(b, o + 17, 71),
        Byte.toUnsignedInt(b.get(o + 88)),
        DbnBytes.cstr(b, o + 89, 71),
        b.getLong(o + 160),
        b.getLong(o + 168));
  }

  static void encode(SymbolMappingMsgV2 r, ByteBuffer b, int o) {
    b.put(o + 16, DbnBytes.u8(r.stypeIn(), "stype_in"));
    DbnBytes.putCstr(b, o + 17, 71, r.stypeInSymbol(), "stype_in_symbol");
    b.put(o + 88, DbnBytes.u8(r.stypeOut(), "stype_out"));
    DbnBytes.putCstr(b, o + 89, 71, r.stypeOutSymbol(), "stype_out_symbol");
    b.putLong(o + 160, r.startTs());
    b.putLong(o + 168, r.endTs());
  }

  static void json(SymbolMappingMsgV2 r, StringBuilder sb) {
    sb.append(",\"stype_in\":").append(r.stypeIn());
    sb.append(",\"stype_in_symbol\":"); DbnJson.str(sb, r.stypeInSymbol());
    sb.append(",\"stype_out\":").append(r.stypeOut());
    sb.append(",\"stype_out_symbol\":"); DbnJson.str(sb, r.stypeOutSymbol());
    sb.append(",\"start_ts\":").append(Long.toUnsignedString(r.startTs()));
    sb.append(",\"end_ts\":").append(Long.toUnsignedString(r.endTs()));
  }

  static ErrorMsgV1 decodeErrorMsgV1(ByteBuffer b, int o, RecordHeader hd) {
    return new ErrorMsgV1(
        hd,
        DbnBytes.cstr(b, o + 16, 64));
  }

  static void encode(ErrorMsgV1 r, ByteBuffer b, int o) {
    DbnBytes.putCstr(b, o + 16, 64, r.err(), "err");
  }

  static void json(ErrorMsgV1 r, StringBuilder sb) {
    sb.append(",\"err\":"); DbnJson.str(sb, r.err());
  }

  static ErrorMsgV2 decodeErrorMsgV2(ByteBuffer b, int o, RecordHeader hd) {
    return new ErrorMsgV2(
        hd,
        DbnBytes.cstr(b, o + 16, 302),
        Byte.toUnsignedInt(b.get(o + 318)),
        Byte.toUnsignedInt(b.get(o + 319)));
  }

  static void encode(ErrorMsgV2 r, ByteBuffer b, int o) {
    DbnBytes.putCstr(b, o + 16, 302, r.err(), "err");
    b.put(o + 318, DbnBytes.u8(r.code(), "code"));
    b.put(o + 319, DbnBytes.u8(r.isLast(), "is_last"));
  }

  static void json(ErrorMsgV2 r, StringBuilder sb) {
    sb.append(",\"err\":"); DbnJson.str(sb, r.err());
    sb.append(",\"code\":").append(r.code());
    sb.append(",\"is_last\":").append(r.isLast());
  }

  static SystemMsgV1 decodeSystemMsgV1(ByteBuffer b, int o, RecordHeader hd) {
    return new SystemMsgV1(
        hd,
        DbnBytes.cstr(b, o + 16, 64));
  }

  static void encode(SystemMsgV1 r, ByteBuffer b, int o) {
    DbnBytes.putCstr(b, o + 16, 64, r.msg(), "msg");
  }

  static void json(SystemMsgV1 r, StringBuilder sb) {
    sb.append(",\"msg\":"); DbnJson.str(sb, r.msg());
  }

  static SystemMsgV2 decodeSystemMsgV2(ByteBuffer b, int o, RecordHeader hd) {
    return new SystemMsgV2(
        hd,
        DbnBytes.cstr(b, o + 16, 303),
        Byte.toUnsignedInt(b.get(o + 319)));
  }

  static void encode(SystemMsgV2 r, ByteBuffer b, int o) {
    DbnBytes.putCstr(b, o + 16, 303, r.msg(), "msg");
    b.put(o + 319, DbnBytes.u8(r.code(), "code"));
  }

  static void json(SystemMsgV2 r, StringBuilder sb) {
    sb.append(",\"msg\":"); DbnJson.str(sb, r.msg());
    sb.append(",\"code\":").append(r.code());
  }

  static InstrumentDefMsgV1 decodeInstrumentDefMsgV1(ByteBuffer b, int o, RecordHeader hd) {
    return new InstrumentDefMsgV1(
        hd,
        b.getLong(o + 16),
        b.getLong(o + 24),
        b.getLong(o + 32),
        b.getLong(o + 40),
        b.getLong(o + 48),
        b.getLong(o + 56),
        b.getLong(o + 64),
        b.getLong(o + 72),
        b.getLong(o + 80),
        b.getLong(o + 88),
        b.getLong(o + 96),
        b.getLong(o + 104),
        b.getInt(o + 112),
        Integer.toUnsignedLong(b.getInt(o + 116)),
        Integer.toUnsignedLong(b.getInt(o + 120)),
        b.getInt(o + 124),
        b.getInt(o + 128),
        Integer.toUnsignedLong(b.getInt(o + 132)),
        Integer.toUnsignedLong(b.getInt(o + 136)),
        b.getInt(o + 140),
        b.getInt(o + 144),
        b.getInt(o + 148),
        Integer.toUnsignedLong(b.getInt(o + 152)),
        b.getInt(o + 160),
        b.getInt(o + 164),
        b.getInt(o + 168),
        Short.toUnsignedInt(b.getShort(o + 176)),
        b.getShort(o + 178),
        Short.toUnsignedInt(b.getShort(o + 180)),
        Short.toUnsignedInt(b.getShort(o + 182)),
        Short.toUnsignedInt(b.getShort(o + 184)),
        DbnBytes.cstr(b, o + 186, 4),
        DbnBytes.cstr(b, o + 190, 4),
        DbnBytes.cstr(b, o + 194, 6),
        DbnBytes.cstr(b, o + 200, 22),
        DbnBytes.cstr(b, o + 222, 21),
        DbnBytes.cstr(b, o + 243, 5),
        DbnBytes.cstr(b, o + 248, 7),
        DbnBytes.cstr(b, o + 255, 7),
        DbnBytes.cstr(b, o + 262, 7),
        DbnBytes.cstr(b, o + 269, 31),
        DbnBytes.cstr(b, o + 300, 21),
        DbnBytes.cstr(b, o + 321, 4),
        (char) Byte.toUnsignedInt(b.get(o + 325)),
        b.getLong(o + 328),
        (char) Byte.toUnsignedInt(b.get(o + 342)),
        Byte.toUnsignedInt(b.get(o + 343)),
        Byte.toUnsignedInt(b.get(o + 344)),
        Byte.toUnsignedInt(b.get(o + 345)),
        Byte.toUnsignedInt(b.get(o + 346)),
        Byte.toUnsignedInt(b.get(o + 347)),
        Byte.toUnsignedInt(b.get(o + 348)),
        (char) Byte.toUnsignedInt(b.get(o + 349)),
        Byte.toUnsignedInt(b.get(o + 350)),
        Byte.toUnsignedInt(b.get(o + 351)),
        Byte.toUnsignedInt(b.get(o + 352)),
        (char) Byte.toUnsignedInt(b.get(o + 353)),
        b.get(o + 354),
        b.get(o + 355),
        Byte.toUnsignedInt(b.get(o + 356)));
  }

  static void encode(InstrumentDefMsgV1 r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.tsRecv());
    b.putLong(o + 24, r.minPriceIncrement());
    b.putLong(o + 32, r.displayFactor());
    b.putLong(o + 40, r.expiration());
    b.putLong(o + 48, r.activation());
    b.putLong(o + 56, r.highLimitPrice());
    b.putLong(o + 64, r.lowLimitPrice());
    b.putLong(o + 72, r.maxPriceVariation());
    b.putLong(o + 80, r.tradingReferencePrice());
    b.putLong(o + 88, r.unitOfMeasureQty());
    b.putLong(o + 96, r.minPriceIncrementAmount());
    b.putLong(o + 104, r.priceRatio());
    b.putInt(o + 112, r.instAttribValue());
    b.putInt(o + 116, DbnBytes.u32(r.underlyingId(), "underlying_id"));
    b.putInt(o + 120, DbnBytes.u32(r.rawInstrumentId(), "raw_instrument_id"));
    b.putInt(o + 124, r.marketDepthImplied());
    b.putInt(o + 128, r.marketDepth());
    b.putInt(o + 132, DbnBytes.u32(r.marketSegmentId(), "market_segment_id"));
    b.putInt(o + 136, DbnBytes.u32(r.maxTradeVol(), "max_trade_vol"));
    b.putInt(o + 140, r.minLotSize());
    b.putInt(o + 144, r.minLotSizeBlock());
    b.putInt(o + 148, r.minLotSizeRoundLot());
    b.putInt(o + 152, DbnBytes.u32(r.minTradeVol(), "min_trade_vol"));
    b.putInt(o + 160, r.contractMultiplier());
    b.putInt(o + 164, r.decayQuantity());
    b.putInt(o + 168, r.originalContractSize());
    b.putShort(o + 176, DbnBytes.u16(r.tradingReferenceDate(), "trading_reference_date"));
    b.putShort(o + 178, DbnBytes.i16(r.applId(), "appl_id"));
    b.putShort(o + 180, DbnBytes.u16(r.maturityYear(), "maturity_year"));
    b.putShort(o + 182, DbnBytes.u16(r.decayStartDate(), "decay_start_date"));
    b.putShort(o + 184, DbnBytes.u16(r.channelId(), "channel_id"));
    DbnBytes.putCstr(b, o + 186, 4, r.currency(), "currency");
    DbnBytes.putCstr(b, o + 190, 4, r.settlCurrency(), "settl_currency");
    DbnBytes.putCstr(b, o + 194, 6, r.secsubtype(), "secsubtype");
    DbnBytes.putCstr(b, o + 200, 22, r.rawSymbol(), "raw_symbol");
    DbnBytes.putCstr(b, o + 222, 21, r.group(), "group");
    DbnBytes.putCstr(b, o + 243, 5, r.exchange(), "exchange");
    DbnBytes.putCstr(b, o + 248, 7, r.asset(), "asset");
    DbnBytes.putCstr(b, o + 255, 7, r.cfi(), "cfi");
    DbnBytes.putCstr(b, o + 262, 7, r.securityType(), "security_type");
    DbnBytes.putCstr(b, o + 269, 31, r.unitOfMeasure(), "unit_of_measure");
    DbnBytes.putCstr(b, o + 300, 21, r.underlying(), "underlying");
    DbnBytes.putCstr(b, o + 321, 4, r.strikePriceCurrency(), "strike_price_currency");
    b.put(o + 325, DbnBytes.cchar(r.instrumentClass(), "instrument_class"));
    b.putLong(o + 328, r.strikePrice());
    b.put(o + 342, DbnBytes.cchar(r.matchAlgorithm(), "match_algorithm"));
    b.put(o + 343, DbnBytes.u8(r.mdSecurityTradingStatus(), "md_security_trading_status"));
    b.put(o + 344, DbnBytes.u8(r.mainFraction(), "main_fraction"));
    b.put(o + 345, DbnBytes.u8(r.priceDisplayFormat(), "price_display_format"));
    b.put(o + 346, DbnBytes.u8(r.settlPriceType(), "settl_price_type"));
    b.put(o + 347, DbnBytes.u8(r.subFraction(), "sub_fraction"));
    b.put(o + 348, DbnBytes.u8(r.underlyingProduct(), "underlying_product"));
    b.put(o + 349, DbnBytes.cchar(r.securityUpdateAction(), "security_update_action"));
    b.put(o + 350, DbnBytes.u8(r.maturityMonth(), "maturity_month"));
    b.put(o + 351, DbnBytes.u8(r.maturityDay(), "maturity_day"));
    b.put(o + 352, DbnBytes.u8(r.maturityWeek(), "maturity_week"));
    b.put(o + 353, DbnBytes.cchar(r.userDefinedInstrument(), "user_defined_instrument"));
    b.put(o + 354, DbnBytes.i8(r.contractMultiplierUnit(), "contract_multiplier_unit"));
    b.put(o + 355, DbnBytes.i8(r.flowScheduleType(), "flow_schedule_type"));
    b.put(o + 356, DbnBytes.u8(r.tickRule(), "tick_rule"));
  }

  static void json(InstrumentDefMsgV1 r, StringBuilder sb) {
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"min_price_increment\":").append(r.minPriceIncrement());
    DbnJson.priceDec(sb, "min_price_increment", r.minPriceIncrement());
    sb.append(",\"display_factor\":").append(r.displayFactor());
    DbnJson.priceDec(sb, "display_factor", r.displayFactor());
    sb.append(",\"expiration\":").append(Long.toUnsignedString(r.expiration()));
    sb.append(",\"activation\":").append(Long.toUnsignedString(r.activation()));
    sb.append(",\"high_limit_price\":").append(r.highLimitPrice());
    DbnJson.priceDec(sb, "high_limit_price", r.highLimitPrice());
    sb.append(",\"low_limit_price\":").append(r.lowLimitPrice());
    DbnJson.priceDec(sb, "low_limit_price", r.lowLimitPrice());
    sb.append(",\"max_price_variation\":").append(r.maxPriceVariation());
    DbnJson.priceDec(sb, "max_price_variation", r.maxPriceVariation());
    sb.append(",\"trading_reference_price\":").append(r.tradingReferencePrice());
    DbnJson.priceDec(sb, "trading_reference_price", r.tradingReferencePrice());
    sb.append(",\"unit_of_measure_qty\":").append(r.unitOfMeasureQty());
    DbnJson.priceDec(sb, "unit_of_measure_qty", r.unitOfMeasureQty());
    sb.append(",\"min_price_increment_amount\":").append(r.minPriceIncrementAmount());
    DbnJson.priceDec(sb, "min_price_increment_amount", r.minPriceIncrementAmount());
    sb.append(",\"price_ratio\":").append(r.priceRatio());
    DbnJson.priceDec(sb, "price_ratio", r.priceRatio());
    sb.append(",\"inst_attrib_value\":").append(r.instAttribValue());
    sb.append(",\"underlying_id\":").append(r.underlyingId());
    sb.append(",\"raw_instrument_id\":").append(r.rawInstrumentId());
    sb.append(",\"market_depth_implied\":").append(r.marketDepthImplied());
    sb.append(",\"market_depth\":").append(r.marketDepth());
    sb.append(",\"market_segment_id\":").append(r.marketSegmentId());
    sb.append(",\"max_trade_vol\":").append(r.maxTradeVol());
    sb.append(",\"min_lot_size\":").append(r.minLotSize());
    sb.append(",\"min_lot_size_block\":").append(r.minLotSizeBlock());
    sb.append(",\"min_lot_size_round_lot\":").append(r.minLotSizeRoundLot());
    sb.append(",\"min_trade_vol\":").append(r.minTradeVol());
    sb.append(",\"contract_multiplier\":").append(r.contractMultiplier());
    sb.append(",\"decay_quantity\":").append(r.decayQuantity());
    sb.append(",\"original_contract_size\":").append(r.originalContractSize());
    sb.append(",\"trading_reference_date\":").append(r.tradingReferenceDate());
    sb.append(",\"appl_id\":").append(r.applId());
    sb.append(",\"maturity_year\":").append(r.maturityYear());
    sb.append(",\"decay_start_date\":").append(r.decayStartDate());
    sb.append(",\"channel_id\":").append(r.channelId());
    sb.append(",\"currency\":"); DbnJson.str(sb, r.currency());
    sb.append(",\"settl_currency\":"); DbnJson.str(sb, r.settlCurrency());
    sb.append(",\"secsubtype\":"); DbnJson.str(sb, r.secsubtype());
    sb.append(",\"raw_symbol\":"); DbnJson.str(sb, r.rawSymbol());
    sb.append(",\"group\":"); DbnJson.str(sb, r.group());
    sb.append(",\"exchange\":"); DbnJson.str(sb, r.exchange());
    sb.append(",\"asset\":"); DbnJson.str(sb, r.asset());
    sb.append(",\"cfi\":"); DbnJson.str(sb, r.cfi());
    sb.append(",\"security_type\":"); DbnJson.str(sb, r.securityType());
    sb.append(",\"unit_of_measure\":"); DbnJson.str(sb, r.unitOfMeasure());
    sb.append(",\"underlying\":"); DbnJson.str(sb, r.underlying());
    sb.append(",\"strike_price_currency\":"); DbnJson.str(sb, r.strikePriceCurrency());
    sb.append(",\"instrument_class\":"); DbnJson.str(sb, String.valueOf(r.instrumentClass()));
    sb.append(",\"strike_price\":").append(r.strikePrice());
    DbnJson.priceDec(sb, "strike_price", r.strikePrice());
    sb.append(",\"match_algorithm\":"); DbnJson.str(sb, String.valueOf(r.matchAlgorithm()));
    sb.append(",\"md_security_trading_status\":").append(r.mdSecurityTradingStatus());
    sb.append(",\"main_fraction\":").append(r.mainFraction());
    sb.append(",\"price_display_format\":").append(r.priceDisplayFormat());
    sb.append(",\"settl_price_type\":").append(r.settlPriceType());
    sb.append(",\"sub_fraction\":").append(r.subFraction());
    sb.append(",\"underlying_product\":").append(r.underlyingProduct());
    sb.append(",\"security_update_action\":"); DbnJson.str(sb, String.valueOf(r.securityUpdateAction()));
    sb.append(",\"maturity_month\":").append(r.maturityMonth());
    sb.append(",\"maturity_day\":").append(r.maturityDay());
    sb.append(",\"maturity_week\":").append(r.maturityWeek());
    sb.append(",\"user_defined_instrument\":"); DbnJson.str(sb, String.valueOf(r.userDefinedInstrument()));
    sb.append(",\"contract_multiplier_unit\":").append(r.contractMultiplierUnit());
    sb.append(",\"flow_schedule_type\":").append(r.flowScheduleType());
    sb.append(",\"tick_rule\":").append(r.tickRule());
  }

  static InstrumentDefMsgV2 decodeInstrumentDefMsgV2(ByteBuffer b, int o, RecordHeader hd) {
    return new InstrumentDefMsgV2(
        hd,
        b.getLong(o + 16),
        b.getLong(o + 24),
        b.getLong(o + 32),
        b.getLong(o + 40),
        b.getLong(o + 48),
        b.getLong(o + 56),
        b.getLong(o + 64),
        b.getLong(o + 72),
        b.getLong(o + 80),
        b.getLong(o + 88),
        b.getLong(o + 96),
        b.getLong(o + 104),
        b.getLong(o + 112),
        b.getInt(o + 120),
        Integer.toUnsignedLong(b.getInt(o + 124)),
        Integer.toUnsignedLong(b.getInt(o + 128)),
        b.getInt(o + 132),
        b.getInt(o + 136),
        Integer.toUnsignedLong(b.getInt(o + 140)),
        Integer.toUnsignedLong(b.getInt(o + 144)),
        b.getInt(o + 148),
        b.getInt(o + 152),
        b.getInt(o + 156),
        Integer.toUnsignedLong(b.getInt(o + 160)),
        b.getInt(o + 164),
        b.getInt(o + 168),
        b.getInt(o + 172),
        Short.toUnsignedInt(b.getShort(o + 176)),
        b.getShort(o + 178),
        Short.toUnsignedInt(b.getShort(o + 180)),
        Short.toUnsignedInt(b.getShort(o + 182)),
        Short.toUnsignedInt(b.getShort(o + 184)),
        DbnBytes.cstr(b, o + 186, 4),
        DbnBytes.cstr(b, o + 190, 4),
        DbnBytes.cstr(b, o + 194, 6),
        DbnBytes.cstr(b, o + 200, 71),
        DbnBytes.cstr(b, o + 271, 21),
        DbnBytes.cstr(b, o + 292, 5),
        DbnBytes.cstr(b, o + 297, 7),
        DbnBytes.cstr(b, o + 304, 7),
        DbnBytes.cstr(b, o + 311, 7),
        DbnBytes.cstr(b, o + 318, 31),
        DbnBytes.cstr(b, o + 349, 21),
        DbnBytes.cstr(b, o + 370, 4),
        (char) Byte.toUnsignedInt(b.get(o + 374)),
        (char) Byte.toUnsignedInt(b.get(o + 375)),
        Byte.toUnsignedInt(b.get(o + 376)),
        Byte.toUnsignedInt(b.get(o + 377)),
        Byte.toUnsignedInt(b.get(o + 378)),
        Byte.toUnsignedInt(b.get(o + 379)),
        Byte.toUnsignedInt(b.get(o + 380)),
        Byte.toUnsignedInt(b.get(o + 381)),
        (char) Byte.toUnsignedInt(b.get(o + 382)),
        Byte.toUnsignedInt(b.get(o + 383)),
        Byte.toUnsignedInt(b.get(o + 384)),
        Byte.toUnsignedInt(b.get(o + 385)),
        (char) Byte.toUnsignedInt(b.get(o + 386)),
        b.get(o + 387),
        b.get(o + 388),
        Byte.toUnsignedInt(b.get(o + 389)));
  }

  static void encode(InstrumentDefMsgV2 r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.tsRecv());
    b.putLong(o + 24, r.minPriceIncrement());
    b.putLong(o + 32, r.displayFactor());
    b.putLong(o + 40, r.expiration());
    b.putLong(o + 48, r.activation());
    b.putLong(o + 56, r.highLimitPrice());
    b.putLong(o + 64, r.lowLimitPrice());
    b.putLong(o + 72, r.maxPriceVariation());
    b.putLong(o + 80, r.tradingReferencePrice());
    b.putLong(o + 88, r.unitOfMeasureQty());
    b.putLong(o + 96, r.minPriceIncrementAmount());
    b.putLong(o + 104, r.priceRatio());
    b.putLong(o + 112, r.strikePrice());
    b.putInt(o + 120, r.instAttribValue());
    b.putInt(o + 124, DbnBytes.u32(r.underlyingId(), "underlying_id"));
    b.putInt(o + 128, DbnBytes.u32(r.rawInstrumentId(), "raw_instrument_id"));
    b.putInt(o + 132, r.marketDepthImplied());
    b.putInt(o + 136, r.marketDepth());
    b.putInt(o + 140, DbnBytes.u32(r.marketSegmentId(), "market_segment_id"));
    b.putInt(o + 144, DbnBytes.u32(r.maxTradeVol(), "max_trade_vol"));
    b.putInt(o + 148, r.minLotSize());
    b.putInt(o + 152, r.minLotSizeBlock());
    b.putInt(o + 156, r.minLotSizeRoundLot());
    b.putInt(o + 160, DbnBytes.u32(r.minTradeVol(), "min_trade_vol"));
    b.putInt(o + 164, r.contractMultiplier());
    b.putInt(o + 168, r.decayQuantity());
    b.putInt(o + 172, r.originalContractSize());
    b.putShort(o + 176, DbnBytes.u16(r.tradingReferenceDate(), "trading_reference_date"));
    b.putShort(o + 178, DbnBytes.i16(r.applId(), "appl_id"));
    b.putShort(o + 180, DbnBytes.u16(r.maturityYear(), "maturity_year"));
    b.putShort(o + 182, DbnBytes.u16(r.decayStartDate(), "decay_start_date"));
    b.putShort(o + 184, DbnBytes.u16(r.channelId(), "channel_id"));
    DbnBytes.putCstr(b, o + 186, 4, r.currency(), "currency");
    DbnBytes.putCstr(b, o + 190, 4, r.settlCurrency(), "settl_currency");
    DbnBytes.putCstr(b, o + 194, 6, r.secsubtype(), "secsubtype");
    DbnBytes.putCstr(b, o + 200, 71, r.rawSymbol(), "raw_symbol");
    DbnBytes.putCstr(b, o + 271, 21, r.group(), "group");
    DbnBytes.putCstr(b, o + 292, 5, r.exchange(), "exchange");
    DbnBytes.putCstr(b, o + 297, 7, r.asset(), "asset");
    DbnBytes.putCstr(b, o + 304, 7, r.cfi(), "cfi");
    DbnBytes.putCstr(b, o + 311, 7, r.securityType(), "security_type");
    DbnBytes.putCstr(b, o + 318, 31, r.unitOfMeasure(), "unit_of_measure");
    DbnBytes.putCstr(b, o + 349, 21, r.underlying(), "underlying");
    DbnBytes.putCstr(b, o + 370, 4, r.strikePriceCurrency(), "strike_price_currency");
    b.put(o + 374, DbnBytes.cchar(r.instrumentClass(), "instrument_class"));
    b.put(o + 375, DbnBytes.cchar(r.matchAlgorithm(), "match_algorithm"));
    b.put(o + 376, DbnBytes.u8(r.mdSecurityTradingStatus(), "md_security_trading_status"));
    b.put(o + 377, DbnBytes.u8(r.mainFraction(), "main_fraction"));
    b.put(o + 378, DbnBytes.u8(r.priceDisplayFormat(), "price_display_format"));
    b.put(o + 379, DbnBytes.u8(r.settlPriceType(), "settl_price_type"));
    b.put(o + 380, DbnBytes.u8(r.subFraction(), "sub_fraction"));
    b.put(o + 381, DbnBytes.u8(r.underlyingProduct(), "underlying_product"));
    b.put(o + 382, DbnBytes.cchar(r.securityUpdateAction(), "security_update_action"));
    b.put(o + 383, DbnBytes.u8(r.maturityMonth(), "maturity_month"));
    b.put(o + 384, DbnBytes.u8(r.maturityDay(), "maturity_day"));
    b.put(o + 385, DbnBytes.u8(r.maturityWeek(), "maturity_week"));
    b.put(o + 386, DbnBytes.cchar(r.userDefinedInstrument(), "user_defined_instrument"));
    b.put(o + 387, DbnBytes.i8(r.contractMultiplierUnit(), "contract_multiplier_unit"));
    b.put(o + 388, DbnBytes.i8(r.flowScheduleType(), "flow_schedule_type"));
    b.put(o + 389, DbnBytes.u8(r.tickRule(), "tick_rule"));
  }

  static void json(InstrumentDefMsgV2 r, StringBuilder sb) {
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"min_price_increment\":").append(r.minPriceIncrement());
    DbnJson.priceDec(sb, "min_price_increment", r.minPriceIncrement());
    sb.append(",\"display_factor\":").append(r.displayFactor());
    DbnJson.priceDec(sb, "display_factor", r.displayFactor());
    sb.append(",\"expiration\":").append(Long.toUnsignedString(r.expiration()));
    sb.append(",\"activation\":").append(Long.toUnsignedString(r.activation()));
    sb.append(",\"high_limit_price\":").append(r.highLimitPrice());
    DbnJson.priceDec(sb, "high_limit_price", r.highLimitPrice());
    sb.append(",\"low_limit_price\":").append(r.lowLimitPrice());
    DbnJson.priceDec(sb, "low_limit_price", r.lowLimitPrice());
    sb.append(",\"max_price_variation\":").append(r.maxPriceVariation());
    DbnJson.priceDec(sb, "max_price_variation", r.maxPriceVariation());
    sb.append(",\"trading_reference_price\":").append(r.tradingReferencePrice());
    DbnJson.priceDec(sb, "trading_reference_price", r.tradingReferencePrice());
    sb.append(",\"unit_of_measure_qty\":").append(r.unitOfMeasureQty());
    DbnJson.priceDec(sb, "unit_of_measure_qty", r.unitOfMeasureQty());
    sb.append(",\"min_price_increment_amount\":").append(r.minPriceIncrementAmount());
    DbnJson.priceDec(sb, "min_price_increment_amount", r.minPriceIncrementAmount());
    sb.append(",\"price_ratio\":").append(r.priceRatio());
    DbnJson.priceDec(sb, "price_ratio", r.priceRatio());
    sb.append(",\"strike_price\":").append(r.strikePrice());
    DbnJson.priceDec(sb, "strike_price", r.strikePrice());
    sb.append(",\"inst_attrib_value\":").append(r.instAttribValue());
    sb.append(",\"underlying_id\":").append(r.underlyingId());
    sb.append(",\"raw_instrument_id\":").append(r.rawInstrumentId());
    sb.append(",\"market_depth_implied\":").append(r.marketDepthImplied());
    sb.append(",\"market_depth\":").append(r.marketDepth());
    sb.append(",\"market_segment_id\":").append(r.marketSegmentId());
    sb.append(",\"max_trade_vol\":").append(r.maxTradeVol());
    sb.append(",\"min_lot_size\":").append(r.minLotSize());
    sb.append(",\"min_lot_size_block\":").append(r.minLotSizeBlock());
    sb.append(",\"min_lot_size_round_lot\":").append(r.minLotSizeRoundLot());
    sb.append(",\"min_trade_vol\":").append(r.minTradeVol());
    sb.append(",\"contract_multiplier\":").append(r.contractMultiplier());
    sb.append(",\"decay_quantity\":").append(r.decayQuantity());
    sb.append(",\"original_contract_size\":").append(r.originalContractSize());
    sb.append(",\"trading_reference_date\":").append(r.tradingReferenceDate());
    sb.append(",\"appl_id\":").append(r.applId());
    sb.append(",\"maturity_year\":").append(r.maturityYear());
    sb.append(",\"decay_start_date\":").append(r.decayStartDate());
    sb.append(",\"channel_id\":").append(r.channelId());
    sb.append(",\"currency\":"); DbnJson.str(sb, r.currency());
    sb.append(",\"settl_currency\":"); DbnJson.str(sb, r.settlCurrency());
    sb.append(",\"secsubtype\":"); DbnJson.str(sb, r.secsubtype());
    sb.append(",\"raw_symbol\":"); DbnJson.str(sb, r.rawSymbol());
    sb.append(",\"group\":"); DbnJson.str(sb, r.group());
    sb.append(",\"exchange\":"); DbnJson.str(sb, r.exchange());
    sb.append(",\"asset\":"); DbnJson.str(sb, r.asset());
    sb.append(",\"cfi\":"); DbnJson.str(sb, r.cfi());
    sb.append(",\"security_type\":"); DbnJson.str(sb, r.securityType());
    sb.append(",\"unit_of_measure\":"); DbnJson.str(sb, r.unitOfMeasure());
    sb.append(",\"underlying\":"); DbnJson.str(sb, r.underlying());
    sb.append(",\"strike_price_currency\":"); DbnJson.str(sb, r.strikePriceCurrency());
    sb.append(",\"instrument_class\":"); DbnJson.str(sb, String.valueOf(r.instrumentClass()));
    sb.append(",\"match_algorithm\":"); DbnJson.str(sb, String.valueOf(r.matchAlgorithm()));
    sb.append(",\"md_security_trading_status\":").append(r.mdSecurityTradingStatus());
    sb.append(",\"main_fraction\":").append(r.mainFraction());
    sb.append(",\"price_display_format\":").append(r.priceDisplayFormat());
    sb.append(",\"settl_price_type\":").append(r.settlPriceType());
    sb.append(",\"sub_fraction\":").append(r.subFraction());
    sb.append(",\"underlying_product\":").append(r.underlyingProduct());
    sb.append(",\"security_update_action\":"); DbnJson.str(sb, String.valueOf(r.securityUpdateAction()));
    sb.append(",\"maturity_month\":").append(r.maturityMonth());
    sb.append(",\"maturity_day\":").append(r.maturityDay());
    sb.append(",\"maturity_week\":").append(r.maturityWeek());
    sb.append(",\"user_defined_instrument\":"); DbnJson.str(sb, String.valueOf(r.userDefinedInstrument()));
    sb.append(",\"contract_multiplier_unit\":").append(r.contractMultiplierUnit());
    sb.append(",\"flow_schedule_type\":").append(r.flowScheduleType());
    sb.append(",\"tick_rule\":").append(r.tickRule());
  }

  static InstrumentDefMsgV3 decodeInstrumentDefMsgV3(ByteBuffer b, int o, RecordHeader hd) {
    return new InstrumentDefMsgV3(
        hd,
        b.getLong(o + 16),
        b.getLong(o + 24),
        b.getLong(o + 32),
        b.getLong(o + 40),
        b.getLong(o + 48),
        b.getLong(o + 56),
        b.getLong(o + 64),
        b.getLong(o + 72),
        b.getLong(o + 80),
        b.getLong(o + 88),
        b.getLong(o + 96),
        b.getLong(o + 104),
        b.getLong(o + 112),
        b.getLong(o + 120),
        b.getLong(o + 128),
        b.getInt(o + 136),
        Integer.toUnsignedLong(b.getInt(o + 140)),
        b.getInt(o + 144),
        b.getInt(o + 148),
        Integer.toUnsignedLong(b.getInt(o + 152)),
        Integer.toUnsignedLong(b.getInt(o + 156)),
        b.getInt(o + 160),
        b.getInt(o + 164),
        b.getInt(o + 168),
        Integer.toUnsignedLong(b.getInt(o + 172)),
        b.getInt(o + 176),
        b.getInt(o + 180),
        b.getInt(o + 184),
        Integer.toUnsignedLong(b.getInt(o + 188)),
        b.getInt(o + 192),
        b.getInt(o + 196),
        b.getInt(o + 200),
        b.getInt(o + 204),
        Integer.toUnsignedLong(b.getInt(o + 208)),
        b.getShort(o + 212),
        Short.toUnsignedInt(b.getShort(o + 214)),
        Short.toUnsignedInt(b.getShort(o + 216)),
        Short.toUnsignedInt(b.getShort(o + 218)),
        Short.toUnsignedInt(b.getShort(o + 220)),
        Short.toUnsignedInt(b.getShort(o + 222)),
        DbnBytes.cstr(b, o + 224, 4),
        DbnBytes.cstr(b, o + 228, 4),
        DbnBytes.cstr(b, o + 232, 6),
        DbnBytes.cstr(b, o + 238, 71),
        DbnBytes.cstr(b, o + 309, 21),
        DbnBytes.cstr(b, o + 330, 5),
        DbnBytes.cstr(b, o + 335, 11),
        DbnBytes.cstr(b, o + 346, 7),
        DbnBytes.cstr(b, o + 353, 7),
        DbnBytes.cstr(b, o + 360, 31),
        DbnBytes.cstr(b, o + 391, 21),
        DbnBytes.cstr(b, o + 412, 4),
        DbnBytes.cstr(b, o + 416, 71),
        (char) Byte.toUnsignedInt(b.get(o + 487)),
        (char) Byte.toUnsignedInt(b.get(o + 488)),
        Byte.toUnsignedInt(b.get(o + 489)),
        Byte.toUnsignedInt(b.get(o + 490)),
        Byte.toUnsignedInt(b.get(o + 491)),
        Byte.toUnsignedInt(b.get(o + 492)),
        (char) Byte.toUnsignedInt(b.get(o + 493)),
        Byte.toUnsignedInt(b.get(o + 494)),
        Byte.toUnsignedInt(b.get(o + 495)),
        Byte.toUnsignedInt(b.get(o + 496)),
        (char) Byte.toUnsignedInt(b.get(o + 497)),
        b.get(o + 498),
        b.get(o + 499),
        Byte.toUnsignedInt(b.get(o + 500)),
        (char) Byte.toUnsignedInt(b.get(o + 501)),
        (char) Byte.toUnsignedInt(b.get(o + 502)));
  }

  static void encode(InstrumentDefMsgV3 r, ByteBuffer b, int o) {
    b.putLong(o + 16, r.tsRecv());
    b.putLong(o + 24, r.minPriceIncrement());
    b.putLong(o + 32, r.displayFactor());
    b.putLong(o + 40, r.expiration());
    b.putLong(o + 48, r.activation());
    b.putLong(o + 56, r.highLimitPrice());
    b.putLong(o + 64, r.lowLimitPrice());
    b.putLong(o + 72, r.maxPriceVariation());
    b.putLong(o + 80, r.unitOfMeasureQty());
    b.putLong(o + 88, r.minPriceIncrementAmount());
    b.putLong(o + 96, r.priceRatio());
    b.putLong(o + 104, r.strikePrice());
    b.putLong(o + 112, r.rawInstrumentId());
    b.putLong(o + 120, r.legPrice());
    b.putLong(o + 128, r.legDelta());
    b.putInt(o + 136, r.instAttribValue());
    b.putInt(o + 140, DbnBytes.u32(r.underlyingId(), "underlying_id"));
    b.putInt(o + 144, r.marketDepthImplied());
    b.putInt(o + 148, r.marketDepth());
    b.putInt(o + 152, DbnBytes.u32(r.marketSegmentId(), "market_segment_id"));
    b.putInt(o + 156, DbnBytes.u32(r.maxTradeVol(), "max_trade_vol"));
    b.putInt(o + 160, r.minLotSize());
    b.putInt(o + 164, r.minLotSizeBlock());
    b.putInt(o + 168, r.minLotSizeRoundLot());
    b.putInt(o + 172, DbnBytes.u32(r.minTradeVol(), "min_trade_vol"));
    b.putInt(o + 176, r.contractMultiplier());
    b.putInt(o + 180, r.decayQuantity());
    b.putInt(o + 184, r.originalContractSize());
    b.putInt(o + 188, DbnBytes.u32(r.legInstrumentId(), "leg_instrument_id"));
    b.putInt(o + 192, r.legRatioPriceNumerator());
    b.putInt(o + 196, r.legRatioPriceDenominator());
    b.putInt(o + 200, r.legRatioQtyNumerator());
    b.putInt(o + 204, r.legRatioQtyDenominator());
    b.putInt(o + 208, DbnBytes.u32(r.legUnderlyingId(), "leg_underlying_id"));
    b.putShort(o + 212, DbnBytes.i16(r.applId(), "appl_id"));
    b.putShort(o + 214, DbnBytes.u16(r.maturityYear(), "maturity_year"));
    b.putShort(o + 216, DbnBytes.u16(r.decayStartDate(), "decay_start_date"));
    b.putShort(o + 218, DbnBytes.u16(r.channelId(), "channel_id"));
    b.putShort(o + 220, DbnBytes.u16(r.legCount(), "leg_count"));
    b.putShort(o + 222, DbnBytes.u16(r.legIndex(), "leg_index"));
    DbnBytes.putCstr(b, o + 224, 4, r.currency(), "currency");
    DbnBytes.putCstr(b, o + 228, 4, r.settlCurrency(), "settl_currency");
    DbnBytes.putCstr(b, o + 232, 6, r.secsubtype(), "secsubtype");
    DbnBytes.putCstr(b, o + 238, 71, r.rawSymbol(), "raw_symbol");
    DbnBytes.putCstr(b, o + 309, 21, r.group(), "group");
    DbnBytes.putCstr(b, o + 330, 5, r.exchange(), "exchange");
    DbnBytes.putCstr(b, o + 335, 11, r.asset(), "asset");
    DbnBytes.putCstr(b, o + 346, 7, r.cfi(), "cfi");
    DbnBytes.putCstr(b, o + 353, 7, r.securityType(), "security_type");
    DbnBytes.putCstr(b, o + 360, 31, r.unitOfMeasure(), "unit_of_measure");
    DbnBytes.putCstr(b, o + 391, 21, r.underlying(), "underlying");
    DbnBytes.putCstr(b, o + 412, 4, r.strikePriceCurrency(), "strike_price_currency");
    DbnBytes.putCstr(b, o + 416, 71, r.legRawSymbol(), "leg_raw_symbol");
    b.put(o + 487, DbnBytes.cchar(r.instrumentClass(), "instrument_class"));
    b.put(o + 488, DbnBytes.cchar(r.matchAlgorithm(), "match_algorithm"));
    b.put(o + 489, DbnBytes.u8(r.mainFraction(), "main_fraction"));
    b.put(o + 490, DbnBytes.u8(r.priceDisplayFormat(), "price_display_format"));
    b.put(o + 491, DbnBytes.u8(r.subFraction(), "sub_fraction"));
    b.put(o + 492, DbnBytes.u8(r.underlyingProduct(), "underlying_product"));
    b.put(o + 493, DbnBytes.cchar(r.securityUpdateAction(), "security_update_action"));
    b.put(o + 494, DbnBytes.u8(r.maturityMonth(), "maturity_month"));
    b.put(o + 495, DbnBytes.u8(r.maturityDay(), "maturity_day"));
    b.put(o + 496, DbnBytes.u8(r.maturityWeek(), "maturity_week"));
    b.put(o + 497, DbnBytes.cchar(r.userDefinedInstrument(), "user_defined_instrument"));
    b.put(o + 498, DbnBytes.i8(r.contractMultiplierUnit(), "contract_multiplier_unit"));
    b.put(o + 499, DbnBytes.i8(r.flowScheduleType(), "flow_schedule_type"));
    b.put(o + 500, DbnBytes.u8(r.tickRule(), "tick_rule"));
    b.put(o + 501, DbnBytes.cchar(r.legInstrumentClass(), "leg_instrument_class"));
    b.put(o + 502, DbnBytes.cchar(r.legSide(), "leg_side"));
  }

  static void json(InstrumentDefMsgV3 r, StringBuilder sb) {
    sb.append(",\"ts_recv\":").append(Long.toUnsignedString(r.tsRecv()));
    sb.append(",\"min_price_increment\":").append(r.minPriceIncrement());
    DbnJson.priceDec(sb, "min_price_increment", r.minPriceIncrement());
    sb.append(",\"display_factor\":").append(r.displayFactor());
    DbnJson.priceDec(sb, "display_factor", r.displayFactor());
    sb.append(",\"expiration\":").append(Long.toUnsignedString(r.expiration()));
    sb.append(",\"activation\":").append(Long.toUnsignedString(r.activation()));
    sb.append(",\"high_limit_price\":").append(r.highLimitPrice());
    DbnJson.priceDec(sb, "high_limit_price", r.highLimitPrice());
    sb.append(",\"low_limit_price\":").append(r.lowLimitPrice());
    DbnJson.priceDec(sb, "low_limit_price", r.lowLimitPrice());
    sb.append(",\"max_price_variation\":").append(r.maxPriceVariation());
    DbnJson.priceDec(sb, "max_price_variation", r.maxPriceVariation());
    sb.append(",\"unit_of_measure_qty\":").append(r.unitOfMeasureQty());
    DbnJson.priceDec(sb, "unit_of_measure_qty", r.unitOfMeasureQty());
    sb.append(",\"min_price_increment_amount\":").append(r.minPriceIncrementAmount());
    DbnJson.priceDec(sb, "min_price_increment_amount", r.minPriceIncrementAmount());
    sb.append(",\"price_ratio\":").append(r.priceRatio());
    DbnJson.priceDec(sb, "price_ratio", r.priceRatio());
    sb.append(",\"strike_price\":").append(r.strikePrice());
    DbnJson.priceDec(sb, "strike_price", r.strikePrice());
    sb.append(",\"raw_instrument_id\":").append(Long.toUnsignedString(r.rawInstrumentId()));
    sb.append(",\"leg_price\":").append(r.legPrice());
    DbnJson.priceDec(sb, "leg_price", r.legPrice());
    sb.append(",\"leg_delta\":").append(r.legDelta());
    DbnJson.priceDec(sb, "leg_delta", r.legDelta());
    sb.append(",\"inst_attrib_value\":").append(r.instAttribValue());
    sb.append(",\"underlying_id\":").append(r.underlyingId());
    sb.append(",\"market_depth_implied\":").append(r.marketDepthImplied());
    sb.append(",\"market_depth\":").append(r.marketDepth());
    sb.append(",\"market_segment_id\":").append(r.marketSegmentId());
    sb.append(",\"max_trade_vol\":").append(r.maxTradeVol());
    sb.append(",\"min_lot_size\":").append(r.minLotSize());
    sb.append(",\"min_lot_size_block\":").append(r.minLotSizeBlock());
    sb.append(",\"min_lot_size_round_lot\":").append(r.minLotSizeRoundLot());
    sb.append(",\"min_trade_vol\":").append(r.minTradeVol());
    sb.append(",\"contract_multiplier\":").append(r.contractMultiplier());
    sb.append(",\"decay_quantity\":").append(r.decayQuantity());
    sb.append(",\"original_contract_size\":").append(r.originalContractSize());
    sb.append(",\"leg_instrument_id\":").append(r.legInstrumentId());
    sb.append(",\"leg_ratio_price_numerator\":").append(r.legRatioPriceNumerator());
    sb.append(",\"leg_ratio_price_denominator\":").append(r.legRatioPriceDenominator());
    sb.append(",\"leg_ratio_qty_numerator\":").append(r.legRatioQtyNumerator());
    sb.append(",\"leg_ratio_qty_denominator\":").append(r.legRatioQtyDenominator());
    sb.append(",\"leg_underlying_id\":").append(r.legUnderlyingId());
    sb.append(",\"appl_id\":").append(r.applId());
    sb.append(",\"maturity_year\":").append(r.maturityYear());
    sb.append(",\"decay_start_date\":").append(r.decayStartDate());
    sb.append(",\"channel_id\":").append(r.channelId());
    sb.append(",\"leg_count\":").append(r.legCount());
    sb.append(",\"leg_index\":").append(r.legIndex());
    sb.append(",\"currency\":"); DbnJson.str(sb, r.currency());
    sb.append(",\"settl_currency\":"); DbnJson.str(sb, r.settlCurrency());
    sb.append(",\"secsubtype\":"); DbnJson.str(sb, r.secsubtype());
    sb.append(",\"raw_symbol\":"); DbnJson.str(sb, r.rawSymbol());
    sb.append(",\"group\":"); DbnJson.str(sb, r.group());
    sb.append(",\"exchange\":"); DbnJson.str(sb, r.exchange());
    sb.append(",\"asset\":"); DbnJson.str(sb, r.asset());
    sb.append(",\"cfi\":"); DbnJson.str(sb, r.cfi());
    sb.append(",\"security_type\":"); DbnJson.str(sb, r.securityType());
    sb.append(",\"unit_of_measure\":"); DbnJson.str(sb, r.unitOfMeasure());
    sb.append(",\"underlying\":"); DbnJson.str(sb, r.underlying());
    sb.append(",\"strike_price_currency\":"); DbnJson.str(sb, r.strikePriceCurrency());
    sb.append(",\"leg_raw_symbol\":"); DbnJson.str(sb, r.legRawSymbol());
    sb.append(",\"instrument_class\":"); DbnJson.str(sb, String.valueOf(r.instrumentClass()));
    sb.append(",\"match_algorithm\":"); DbnJson.str(sb, String.valueOf(r.matchAlgorithm()));
    sb.append(",\"main_fraction\":").append(r.mainFraction());
    sb.append(",\"price_display_format\":").append(r.priceDisplayFormat());
    sb.append(",\"sub_fraction\":").append(r.subFraction());
    sb.append(",\"underlying_product\":").append(r.underlyingProduct());
    sb.append(",\"security_update_action\":"); DbnJson.str(sb, String.valueOf(r.securityUpdateAction()));
    sb.append(",\"maturity_month\":").append(r.maturityMonth());
    sb.append(",\"maturity_day\":").append(r.maturityDay());
    sb.append(",\"maturity_week\":").append(r.maturityWeek());
    sb.append(",\"user_defined_instrument\":"); DbnJson.str(sb, String.valueOf(r.userDefinedInstrument()));
    sb.append(",\"contract_multiplier_unit\":").append(r.contractMultiplierUnit());
    sb.append(",\"flow_schedule_type\":").append(r.flowScheduleType());
    sb.append(",\"tick_rule\":").append(r.tickRule());
    sb.append(",\"leg_instrument_class\":"); DbnJson.str(sb, String.valueOf(r.legInstrumentClass()));
    sb.append(",\"leg_side\":"); DbnJson.str(sb, String.valueOf(r.legSide()));
  }

  static List<BidAskPair> decodeBidAskPairList(ByteBuffer b, int o, int n) {
    List<BidAskPair> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(decodeBidAskPair(b, o + BidAskPair.SIZE * i));
    }
    return List.copyOf(out);
  }

  static void encodeBidAskPairList(ByteBuffer b, int o, int n, List<BidAskPair> levels) {
    if (levels.size() != n) {
      throw new IllegalArgumentException("levels: expected " + n + " entries, got " + levels.size());
    }
    for (int i = 0; i < n; i++) {
      encode(levels.get(i), b, o + BidAskPair.SIZE * i);
    }
  }

  static List<ConsolidatedBidAskPair> decodeConsolidatedBidAskPairList(ByteBuffer b, int o, int n) {
    List<ConsolidatedBidAskPair> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(decodeConsolidatedBidAskPair(b, o + ConsolidatedBidAskPair.SIZE * i));
    }
    return List.copyOf(out);
  }

  static void encodeConsolidatedBidAskPairList(ByteBuffer b, int o, int n, List<ConsolidatedBidAskPair> levels) {
    if (levels.size() != n) {
      throw new IllegalArgumentException("levels: expected " + n + " entries, got " + levels.size());
    }
    for (int i = 0; i < n; i++) {
      encode(levels.get(i), b, o + ConsolidatedBidAskPair.SIZE * i);
    }
  }

  /** Encodes the struct fields (not the header) of {@code r} at {@code o}; reserved bytes must already be zero. */
  static void encodeBody(DbnRecord r, ByteBuffer b, int o) {
    switch (r) {
      case TradeMsg x -> encode(x, b, o);
      case Mbp1Msg x -> encode(x, b, o);
      case Mbp10Msg x -> encode(x, b, o);
      case MboMsg x -> encode(x, b, o);
      case BboMsg x -> encode(x, b, o);
      case OhlcvMsg x -> encode(x, b, o);
      case StatusMsg x -> encode(x, b, o);
      case StatMsgV1 x -> encode(x, b, o);
      case StatMsgV3 x -> encode(x, b, o);
      case ImbalanceMsg x -> encode(x, b, o);
      case Cmbp1Msg x -> encode(x, b, o);
      case CbboMsg x -> encode(x, b, o);
      case SymbolMappingMsgV1 x -> encode(x, b, o);
      case SymbolMappingMsgV2 x -> encode(x, b, o);
      case ErrorMsgV1 x -> encode(x, b, o);
      case ErrorMsgV2 x -> encode(x, b, o);
      case SystemMsgV1 x -> encode(x, b, o);
      case SystemMsgV2 x -> encode(x, b, o);
      case InstrumentDefMsgV1 x -> encode(x, b, o);
      case InstrumentDefMsgV2 x -> encode(x, b, o);
      case InstrumentDefMsgV3 x -> encode(x, b, o);
      case UnknownRecord x -> b.put(o + RecordHeader.SIZE, x.raw(), RecordHeader.SIZE, x.raw().length - RecordHeader.SIZE);
      case WithTsOut x -> throw new IllegalArgumentException("WithTsOut is encoded by its writer");
    }
  }

  /** Appends {@code ,"field":value...} for the struct fields of {@code r} (header excluded). */
  static void jsonBody(DbnRecord r, StringBuilder sb) {
    switch (r) {
      case TradeMsg x -> json(x, sb);
      case Mbp1Msg x -> json(x, sb);
      case Mbp10Msg x -> json(x, sb);
      case MboMsg x -> json(x, sb);
      case BboMsg x -> json(x, sb);
      case OhlcvMsg x -> json(x, sb);
      case StatusMsg x -> json(x, sb);
      case StatMsgV1 x -> json(x, sb);
      case StatMsgV3 x -> json(x, sb);
      case ImbalanceMsg x -> json(x, sb);
      case Cmbp1Msg x -> json(x, sb);
      case CbboMsg x -> json(x, sb);
      case SymbolMappingMsgV1 x -> json(x, sb);
      case SymbolMappingMsgV2 x -> json(x, sb);
      case ErrorMsgV1 x -> json(x, sb);
      case ErrorMsgV2 x -> json(x, sb);
      case SystemMsgV1 x -> json(x, sb);
      case SystemMsgV2 x -> json(x, sb);
      case InstrumentDefMsgV1 x -> json(x, sb);
      case InstrumentDefMsgV2 x -> json(x, sb);
      case InstrumentDefMsgV3 x -> json(x, sb);
      case UnknownRecord x -> {
        sb.append(",\"raw_hex\":\"");
        DbnJson.hex(sb, x.raw());
        sb.append('"');
      }
      case WithTsOut x -> {
        jsonBody(x.record(), sb);
        sb.append(",\"ts_out\":").append(Long.toUnsignedString(x.tsOut()));
      }
    }
  }

  /**
   * Decodes the struct at {@code o} whose header is {@code hd} and whose size without ts_out is {@code size};
   * returns null when no known layout has this rtype and size.
   */
  static DbnRecord decode(ByteBuffer b, int o, RecordHeader hd, int size) {
    switch (hd.rtype()) {
      case 0x00 -> {
        if (size == TradeMsg.SIZE) {
          return decodeTradeMsg(b, o, hd);
        }
        return null;
      }
      case 0x01 -> {
        if (size == Mbp1Msg.SIZE) {
          return decodeMbp1Msg(b, o, hd);
        }
        return null;
      }
      case 0x0A -> {
        if (size == Mbp10Msg.SIZE) {
          return decodeMbp10Msg(b, o, hd);
        }
        return null;
      }
      case 0x11 -> {
        if (size == OhlcvMsg.SIZE) {
          return decodeOhlcvMsg(b, o, hd);
        }
        return null;
      }
      case 0x12 -> {
        if (size == StatusMsg.SIZE) {
          return decodeStatusMsg(b, o, hd);
        }
        return null;
      }
      case 0x13 -> {
        if (size == InstrumentDefMsgV1.SIZE) {
          return decodeInstrumentDefMsgV1(b, o, hd);
        }
        if (size == InstrumentDefMsgV2.SIZE) {
          return decodeInstrumentDefMsgV2(b, o, hd);
        }
        if (size == InstrumentDefMsgV3.SIZE) {
          return decodeInstrumentDefMsgV3(b, o, hd);
        }
        return null;
      }
      case 0x14 -> {
        if (size == ImbalanceMsg.SIZE) {
          return decodeImbalanceMsg(b, o, hd);
        }
        return null;
      }
      case 0x15 -> {
        if (size == ErrorMsgV1.SIZE) {
          return decodeErrorMsgV1(b, o, hd);
        }
        if (size == ErrorMsgV2.SIZE) {
          return decodeErrorMsgV2(b, o, hd);
        }
        return null;
      }
      case 0x16 -> {
        if (size == SymbolMappingMsgV1.SIZE) {
          return decodeSymbolMappingMsgV1(b, o, hd);
        }
        if (size == SymbolMappingMsgV2.SIZE) {
          return decodeSymbolMappingMsgV2(b, o, hd);
        }
        return null;
      }
      case 0x17 -> {
        if (size == SystemMsgV1.SIZE) {
          return decodeSystemMsgV1(b, o, hd);
        }
        if (size == SystemMsgV2.SIZE) {
          return decodeSystemMsgV2(b, o, hd);
        }
        return null;
      }
      case 0x18 -> {
        if (size == StatMsgV1.SIZE) {
          return decodeStatMsgV1(b, o, hd);
        }
        if (size == StatMsgV3.SIZE) {
          return decodeStatMsgV3(b, o, hd);
        }
        return null;
      }
      case 0x20 -> {
        if (size == OhlcvMsg.SIZE) {
          return decodeOhlcvMsg(b, o, hd);
        }
        return null;
      }
      case 0x21 -> {
        if (size == OhlcvMsg.SIZE) {
          return decodeOhlcvMsg(b, o, hd);
        }
        return null;
      }
      case 0x22 -> {
        if (size == OhlcvMsg.SIZE) {
          return decodeOhlcvMsg(b, o, hd);
        }
        return null;
      }
      case 0x23 -> {
        if (size == OhlcvMsg.SIZE) {
          return decodeOhlcvMsg(b, o, hd);
        }
        return null;
      }
      case 0x24 -> {
        if (size == OhlcvMsg.SIZE) {
          return decodeOhlcvMsg(b, o, hd);
        }
        return null;
      }
      case 0xA0 -> {
        if (size == MboMsg.SIZE) {
          return decodeMboMsg(b, o, hd);
        }
        return null;
      }
      case 0xB1 -> {
        if (size == Cmbp1Msg.SIZE) {
          return decodeCmbp1Msg(b, o, hd);
        }
        return null;
      }
      case 0xC0 -> {
        if (size == CbboMsg.SIZE) {
          return decodeCbboMsg(b, o, hd);
        }
        return null;
      }
      case 0xC1 -> {
        if (size == CbboMsg.SIZE) {
          return decodeCbboMsg(b, o, hd);
        }
        return null;
      }
      case 0xC2 -> {
        if (size == Cmbp1Msg.SIZE) {
          return decodeCmbp1Msg(b, o, hd);
        }
        return null;
      }
      case 0xC3 -> {
        if (size == BboMsg.SIZE) {
          return decodeBboMsg(b, o, hd);
        }
        return null;
      }
      case 0xC4 -> {
        if (size == BboMsg.SIZE) {
          return decodeBboMsg(b, o, hd);
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /** Whether a known layout has this rtype and size (without ts_out). */
  static boolean knownSize(int rtype, int size) {
    return switch (rtype) {
      case 0x00 -> size == TradeMsg.SIZE;
      case 0x01 -> size == Mbp1Msg.SIZE;
      case 0x0A -> size == Mbp10Msg.SIZE;
      case 0x11 -> size == OhlcvMsg.SIZE;
      case 0x12 -> size == StatusMsg.SIZE;
      case 0x13 -> size == InstrumentDefMsgV1.SIZE || size == InstrumentDefMsgV2.SIZE || size == InstrumentDefMsgV3.SIZE;
      case 0x14 -> size == ImbalanceMsg.SIZE;
      case 0x15 -> size == ErrorMsgV1.SIZE || size == ErrorMsgV2.SIZE;
      case 0x16 -> size == SymbolMappingMsgV1.SIZE || size == SymbolMappingMsgV2.SIZE;
      case 0x17 -> size == SystemMsgV1.SIZE || size == SystemMsgV2.SIZE;
      case 0x18 -> size == StatMsgV1.SIZE || size == StatMsgV3.SIZE;
      case 0x20 -> size == OhlcvMsg.SIZE;
      case 0x21 -> size == OhlcvMsg.SIZE;
      case 0x22 -> size == OhlcvMsg.SIZE;
      case 0x23 -> size == OhlcvMsg.SIZE;
      case 0x24 -> size == OhlcvMsg.SIZE;
      case 0xA0 -> size == MboMsg.SIZE;
      case 0xB1 -> size == Cmbp1Msg.SIZE;
      case 0xC0 -> size == CbboMsg.SIZE;
      case 0xC1 -> size == CbboMsg.SIZE;
      case 0xC2 -> size == Cmbp1Msg.SIZE;
      case 0xC3 -> size == BboMsg.SIZE;
      case 0xC4 -> size == BboMsg.SIZE;
      default -> false;
    };
  }

  /** Whether {@code rtype} is a valid record type for the struct {@code r}. */
  static boolean rtypeMatches(DbnRecord r, int rtype) {
    return switch (r) {
      case TradeMsg x -> rtype == 0x00;
      case Mbp1Msg x -> rtype == 0x01;
      case Mbp10Msg x -> rtype == 0x0A;
      case MboMsg x -> rtype == 0xA0;
      case BboMsg x -> rtype == 0xC3 || rtype == 0xC4;
      case OhlcvMsg x -> rtype == 0x11 || rtype == 0x20 || rtype == 0x21 || rtype == 0x22 || rtype == 0x23 || rtype == 0x24;
      case StatusMsg x -> rtype == 0x12;
      case StatMsgV1 x -> rtype == 0x18;
      case StatMsgV3 x -> rtype == 0x18;
      case ImbalanceMsg x -> rtype == 0x14;
      case Cmbp1Msg x -> rtype == 0xB1 || rtype == 0xC2;
      case CbboMsg x -> rtype == 0xC0 || rtype == 0xC1;
      case SymbolMappingMsgV1 x -> rtype == 0x16;
      case SymbolMappingMsgV2 x -> rtype == 0x16;
      case ErrorMsgV1 x -> rtype == 0x15;
      case ErrorMsgV2 x -> rtype == 0x15;
      case SystemMsgV1 x -> rtype == 0x17;
      case SystemMsgV2 x -> rtype == 0x17;
      case InstrumentDefMsgV1 x -> rtype == 0x13;
      case InstrumentDefMsgV2 x -> rtype == 0x13;
      case InstrumentDefMsgV3 x -> rtype == 0x13;
      case UnknownRecord x -> true;
      case WithTsOut x -> rtypeMatches(x.record(), rtype);
    };
  }
}
