package dev.flof.host.venue;

/**
 * The simulated account at one moment, all amounts fixed-point (1e-9) in the account currency.
 *
 * @param balance       starting balance + realized P&L - fees + funding
 * @param realizedPnl   gross realized P&L of closed quantity (before fees)
 * @param fees          total fees charged
 * @param funding       perpetual funding received (negative when paid); 0 unless the run models funding
 * @param unrealizedPnl open positions marked at the last print (or mid quote when no print yet)
 * @param equity        balance + unrealized P&L
 * @param marginUsed    initial margin of the open positions
 */
public record AccountSnapshot(String currency, long balance, long realizedPnl, long fees, long funding, long unrealizedPnl,
                              long equity, long marginUsed) {
    /** Equity not tied up as initial margin. */
    public long availableMargin() {
        return equity - marginUsed;
    }
}
