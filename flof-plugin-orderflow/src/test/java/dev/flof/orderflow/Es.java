package dev.flof.orderflow;

import dev.flof.orderflow.core.TickMath;
import java.math.BigDecimal;

/** Test helpers for ES (tick 0.25, sizes in plain lots). */
final class Es {
    static final BigDecimal TICK = new BigDecimal("0.25");
    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;

    private Es() {
    }

    static long t(String price) {
        return TickMath.toTicks(price, TICK);
    }

    static long sec(double s) {
        return Math.round(s * S);
    }
}
