package dev.flof.feeds.ib;

/**
 * The filter of a reqExecutions request. Empty strings match everything. {@code time} is
 * {@code yyyyMMdd-HH:mm:ss} in UTC (executions at or after it); TWS only keeps the current day's
 * executions (and up to 7 days in recent versions), so callers also filter what comes back.
 *
 * @param clientId only executions of orders placed by this API client, null for all
 */
public record ExecutionFilter(Integer clientId, String account, String time, String symbol, String secType,
                              String exchange, String side) {
    public ExecutionFilter {
        account = account == null ? "" : account;
        time = time == null ? "" : time;
        symbol = symbol == null ? "" : symbol;
        secType = secType == null ? "" : secType;
        exchange = exchange == null ? "" : exchange;
        side = side == null ? "" : side;
    }

    /** Everything TWS still holds. */
    public static ExecutionFilter all() {
        return new ExecutionFilter(null, "", "", "", "", "", "");
    }

    /** Executions at or after the given time (nanoseconds since the epoch, UTC). */
    public static ExecutionFilter since(long tsNanos) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(tsNanos, 1_000_000_000L), 0,
                java.time.ZoneOffset.UTC);
        return new ExecutionFilter(null, "", t.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss")),
                "", "", "", "");
    }
}
