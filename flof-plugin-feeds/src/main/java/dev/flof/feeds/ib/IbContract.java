package dev.flof.feeds.ib;

import java.util.Objects;

/**
 * The contract fields the TWS protocol carries for an order, execution or position. Text fields as IB
 * spells them; empty string means unset. {@code strike} is wire text (empty or e.g. {@code 0}) because
 * futures carry no strike and FLOF never trades options through this client.
 */
public record IbContract(int conId, String symbol, String secType, String lastTradeDateOrContractMonth,
                         String strike, String right, String multiplier, String exchange,
                         String primaryExchange, String currency, String localSymbol, String tradingClass) {
    public IbContract {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(secType, "secType");
        lastTradeDateOrContractMonth = nz(lastTradeDateOrContractMonth);
        strike = nz(strike);
        right = nz(right);
        multiplier = nz(multiplier);
        exchange = nz(exchange);
        primaryExchange = nz(primaryExchange);
        currency = nz(currency);
        localSymbol = nz(localSymbol);
        tradingClass = nz(tradingClass);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A future identified by root, contract month ({@code YYYYMM}) and exchange, as IB resolves it. */
    public static IbContract future(String symbol, String contractMonth, String exchange, String multiplier,
                                    String currency) {
        return new IbContract(0, symbol, "FUT", contractMonth, "", "", multiplier, exchange, "", currency, "", "");
    }

    /**
     * The symbol FLOF uses for this contract: the local symbol (e.g. {@code ESZ6}) when IB reports one,
     * else the root symbol.
     */
    public String flofSymbol() {
        return localSymbol.isEmpty() ? symbol : localSymbol;
    }

    /** The multiplier as a number, 1 when unset (IB reports average cost of futures times the multiplier). */
    public java.math.BigDecimal multiplierValue() {
        if (multiplier.isEmpty()) {
            return java.math.BigDecimal.ONE;
        }
        try {
            java.math.BigDecimal m = new java.math.BigDecimal(multiplier);
            return m.signum() > 0 ? m : java.math.BigDecimal.ONE;
        } catch (NumberFormatException e) {
            return java.math.BigDecimal.ONE;
        }
    }
}
