package dev.flof.host.engine;

/** The account facts sizing needs, all fixed-point currency or quantity; read at decision time. */
public interface RiskBudget {
    /** Account equity now. */
    long equity();

    /** What the daily loss limit still allows today (0 when exhausted). */
    long lossBudgetLeft(long nowNanos);

    /** The configured maximum position of the symbol (0 = may not trade). */
    long maxQuantity(String symbol);

    /**
     * Time passed (the engine calls this on the host's heartbeat): a budget that keeps a daily loss count takes the
     * day's starting equity here, at the trading-day roll, not at the day's first decision (which would forget the
     * losses taken before it).
     */
    default void observe(long nowNanos) {
    }
}
