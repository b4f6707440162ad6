package dev.flof.orderflow.core;

/**
 * Aggressor sign constants used on the primitive hot path ({@code int} instead of an enum so ring buffers stay
 * primitive arrays): {@link #BUY} +1, {@link #SELL} -1, {@link #UNKNOWN} 0.
 */
public final class Side {
    public static final int BUY = 1;
    public static final int SELL = -1;
    public static final int UNKNOWN = 0;

    private Side() {
    }

    public static String name(int side) {
        return side > 0 ? "BUY" : side < 0 ? "SELL" : "NONE";
    }
}
