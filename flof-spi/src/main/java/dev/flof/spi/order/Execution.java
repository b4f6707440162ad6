package dev.flof.spi.order;

import dev.flof.spi.market.Side;

/** One fill as reported by a venue's execution history (reconciliation after restarts and reconnects). */
public record Execution(String executionId, String clientOrderId, String symbol, Side side, long price,
                        long quantity, long fee, long tsEvent) {
}
