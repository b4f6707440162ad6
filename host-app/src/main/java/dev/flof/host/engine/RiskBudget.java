package dev.flof.host.engine;

/** The account facts sizing needs, all fixed-point currency or quantity; read at decision time. */
public interface RiskBudget {
    /** Account equity now. */
    long equity();

    /** What the daily loss limit still allows today (0 when exhausted). */
    long lossBudgetLeft(long nowNanos);

    /** The configured maximum position of the symbol (0 = may not trade). */
    long maxQuantity(String symbol);
}
