package dev.flof.orderflow.core;

/**
 * The order-flow signals this plugin emits (spec F4-F12). The {@code side} of a signal is the direction the
 * signal favours: BUY = bullish, SELL = bearish (e.g. sellers absorbed at a holding bid is BUY).
 */
public enum SignalType {
    /** F7: prints per second over the fast window reached the multiple of the previous hour's rate. */
    TAPE_SPEED_SPIKE,
    /** F8: one aggressor event (same exchange time and side) at least the large-print size. */
    LARGE_PRINT,
    /** F9: 3:1 aggressive volume into a best bid/ask that held. */
    ABSORPTION,
    /** F10: one-sided flow (share at least 80 %) during a tape-speed spike. */
    BAILOUT,
    /** F11: bar delta went from at most -h to at least +h (or mirror) within the flip window. */
    DELTA_FLIP,
    /** F12: price made a higher high (lower low) at a swing while CVD at the swing extreme did not. */
    CVD_DIVERGENCE,
    /** F5: at least N consecutive ticks with same-side diagonal imbalances in a closed bar. */
    STACKED_IMBALANCE,
    /** F6: bar POC moved with the bar direction for m consecutive bars. */
    POC_SHIFT,
    /** F6: price made a new extreme while the bar POC did not advance. */
    POC_LAG
}
