package dev.flof.feeds.ib;

import java.util.Arrays;
import java.util.List;

/**
 * Decodes inbound frames at a negotiated server version (157..178). Layouts per
 * {@code shared/docs/execution-venues.md} §2.4. Messages outside the supported set decode to
 * {@link TwsMessage.Unhandled}; openOrder is decoded up to the fields FLOF reconciles on and the rest of
 * the frame is ignored. A malformed field raises {@link TwsProtocolException} naming the message id and
 * field index.
 */
public final class TwsDecoder {
    private final int serverVersion;

    public TwsDecoder(int serverVersion) throws UnsupportedServerVersionException {
        this.serverVersion = TwsVersions.requireSupported(serverVersion);
    }

    public int serverVersion() {
        return serverVersion;
    }

    public TwsMessage decode(List<String> fields) throws TwsProtocolException {
        if (fields.isEmpty()) {
            throw new TwsProtocolException("empty message");
        }
        Cursor c = new Cursor(fields);
        String id = c.str();
        try {
            return switch (id) {
                case "3" -> orderStatus(c);
                case "4" -> error(c);
                case "5" -> openOrder(c);
                case "9" -> {
                    c.skip(1);
                    yield new TwsMessage.NextValidId(c.int32());
                }
                case "11" -> execDetails(c);
                case "15" -> {
                    c.skip(1);
                    String s = c.str();
                    yield new TwsMessage.ManagedAccounts(s.isEmpty() ? List.of()
                            : Arrays.stream(s.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList());
                }
                case "49" -> {
                    c.skip(1);
                    yield new TwsMessage.CurrentTime(c.int64());
                }
                case "53" -> new TwsMessage.OpenOrderEnd();
                case "55" -> {
                    c.skip(1);
                    yield new TwsMessage.ExecDetailsEnd(c.int32());
                }
                case "59" -> {
                    c.skip(1);
                    String execId = c.str();
                    long commission = c.decimal();
                    String currency = c.str();
                    long realized = c.decimal();
                    yield new TwsMessage.CommissionReport(execId, commission, currency, realized);
                }
                case "61" -> {
                    c.skip(1);
                    String account = c.str();
                    IbContract contract = contract(c);
                    yield new TwsMessage.Position(account, contract, c.decimal(), c.decimal());
                }
                case "62" -> new TwsMessage.PositionEnd();
                default -> new TwsMessage.Unhandled(id, fields.size());
            };
        } catch (IndexOutOfBoundsException e) {
            throw new TwsProtocolException("message " + id + " has only " + fields.size()
                    + " fields; its layout needs more (field " + c.pos + ")");
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TwsProtocolException("message " + id + " field " + (c.pos - 1) + " is not a number: '"
                    + fields.get(c.pos - 1) + "'", e);
        }
    }

    private TwsMessage orderStatus(Cursor c) {
        int orderId = c.int32();
        String status = c.str();
        long filled = c.decimal();
        long remaining = c.decimal();
        long avgFill = c.decimal();
        long permId = c.int64();
        int parentId = c.int32();
        long lastFill = c.decimal();
        int clientId = c.int32();
        String whyHeld = c.str();
        long mktCap = c.hasMore() ? c.decimal() : dev.flof.spi.market.Fixed.UNDEF;
        return new TwsMessage.OrderStatus(orderId, status, zero(filled), zero(remaining), avgFill, permId, parentId,
                lastFill, clientId, whyHeld, mktCap);
    }

    private TwsMessage error(Cursor c) {
        c.skip(1);
        int reqId = c.int32();
        int code = c.int32();
        String msg = c.str();
        String json = serverVersion >= TwsVersions.ADVANCED_ORDER_REJECT && c.hasMore() ? c.str() : "";
        return new TwsMessage.Error(reqId, code, msg, json);
    }

    private TwsMessage openOrder(Cursor c) {
        int orderId = c.int32();
        IbContract contract = contract(c);
        String action = c.str();
        long qty = c.decimal();
        String type = c.str();
        long lmt = c.decimal();
        long aux = c.decimal();
        String tif = c.str();
        String oca = c.str();
        String account = c.str();
        c.skip(2); // openClose, origin
        String orderRef = c.str();
        int clientId = c.int32();
        long permId = c.int64();
        boolean outsideRth = c.bool();
        c.skip(1); // hidden
        c.skip(1); // discretionaryAmt
        c.skip(1); // goodAfterTime
        c.skip(1); // deprecated sharesAllocation
        c.skip(3); // faGroup, faMethod, faPercentage
        if (serverVersion < TwsVersions.FA_PROFILE_DESUPPORT) {
            c.skip(1); // faProfile
        }
        c.skip(1); // modelCode
        c.skip(1); // goodTillDate
        c.skip(3); // rule80A, percentOffset, settlingFirm
        c.skip(3); // shortSaleSlot, designatedLocation, exemptCode
        c.skip(1); // auctionStrategy
        c.skip(3); // startingPrice, stockRefPrice, delta
        c.skip(2); // stockRangeLower, stockRangeUpper
        c.skip(1); // displaySize
        c.skip(3); // blockOrder, sweepToFill, allOrNone
        c.skip(1); // minQty
        int ocaType = c.int32();
        c.skip(3); // eTradeOnly, firmQuoteOnly, nbboPriceCap
        int parentId = c.int32();
        return new TwsMessage.OpenOrder(orderId, contract, action, zero(qty), type, lmt, aux, tif, oca, account,
                orderRef, clientId, permId, outsideRth, ocaType, parentId);
    }

    private TwsMessage execDetails(Cursor c) {
        int reqId = c.int32();
        int orderId = c.int32();
        IbContract contract = contract(c);
        String execId = c.str();
        String time = c.str();
        String account = c.str();
        String exchange = c.str();
        String side = c.str();
        long shares = c.decimal();
        long price = c.decimal();
        long permId = c.int64();
        int clientId = c.int32();
        int liquidation = c.int32();
        long cumQty = c.decimal();
        long avgPrice = c.decimal();
        String orderRef = c.str();
        c.skip(2); // evRule, evMultiplier
        c.skip(1); // modelCode
        int lastLiquidity = c.int32();
        boolean pending = serverVersion >= TwsVersions.PENDING_PRICE_REVISION && c.hasMore() && c.bool();
        return new TwsMessage.ExecDetails(reqId, orderId, contract, execId, time, account, exchange, side,
                zero(shares), price, permId, clientId, liquidation, zero(cumQty), avgPrice, orderRef, lastLiquidity,
                pending);
    }

    /** The 11-field contract of inbound messages: no primary exchange. */
    private static IbContract contract(Cursor c) {
        int conId = c.int32();
        String symbol = c.str();
        String secType = c.str();
        String expiry = c.str();
        String strike = c.str();
        String right = c.str();
        String multiplier = c.str();
        String exchange = c.str();
        String currency = c.str();
        String localSymbol = c.str();
        String tradingClass = c.str();
        return new IbContract(conId, symbol, secType, expiry, strike, right, multiplier, exchange, "", currency,
                localSymbol, tradingClass);
    }

    private static long zero(long v) {
        return v == dev.flof.spi.market.Fixed.UNDEF ? 0 : v;
    }

    /** Reads fields in order; empty numeric fields read as 0. */
    private static final class Cursor {
        private final List<String> fields;
        int pos;

        Cursor(List<String> fields) {
            this.fields = fields;
        }

        boolean hasMore() {
            return pos < fields.size();
        }

        String str() {
            return fields.get(pos++);
        }

        void skip(int n) {
            if (pos + n > fields.size()) {
                throw new IndexOutOfBoundsException(pos + n);
            }
            pos += n;
        }

        int int32() {
            String s = str().trim();
            if (s.isEmpty()) {
                return 0;
            }
            return Integer.parseInt(s);
        }

        long int64() {
            String s = str().trim();
            if (s.isEmpty()) {
                return 0;
            }
            return Long.parseLong(s);
        }

        boolean bool() {
            String s = str().trim();
            if (s.isEmpty()) {
                return false;
            }
            return switch (s) {
                case "1", "true" -> true;
                case "0", "false" -> false;
                default -> throw new NumberFormatException(s);
            };
        }

        long decimal() {
            return IbWire.decimal(str());
        }
    }
}
