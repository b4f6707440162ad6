package dev.flof.spi.risk;

/** What the circuit breakers allow. Cancels and risk-reducing orders pass in every state. */
public enum TradingState {
    ACTIVE,
    /** Only orders that reduce exposure. */
    REDUCING,
    /** Nothing new; cancels still pass. */
    HALTED
}
