package dev.flof.spi.ext;

import dev.flof.spi.market.Instrument;

/** Turns a grade and a stop distance into a quantity, within account and gap-risk limits. */
public interface PositionSizer extends FlofExtension {
    Decision size(Request request);

    /**
     * @param riskFraction   fraction of equity to risk at the full grade (A+), e.g. 0.01; B gets half
     * @param gradeWeight    1.0 for A+, 0.5 for B, 0 for no trade
     * @param equity         account equity in account currency, fixed-point
     * @param gapAllowance   adverse gap beyond the stop to survive, fixed-point price distance
     * @param lossBudgetLeft what the daily loss limit still allows, fixed-point currency
     * @param maxQuantity    configured maximum position, fixed-point
     */
    record Request(Instrument instrument, long entryPrice, long stopPrice, double riskFraction, double gradeWeight,
                   long equity, long gapAllowance, long lossBudgetLeft, long maxQuantity) {
    }

    /** A quantity of 0 means no trade; {@code reason} always says why the number is what it is. */
    record Decision(long quantity, String reason) {
    }
}
