package dev.flof.host.engine;

import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.risk.Factor;
import java.util.List;

/**
 * What the engine needs from order management: whether it may enter, and a door for the bracket. The
 * order manager implements it; tests may too. Kept here so the engine depends on no order-management class.
 */
public interface EntryDesk {
    /** Null when a new entry for {@code symbol} may be sent now, else why not (position open, paused, halted). */
    String entryBlocked(String symbol);

    /** Whether the symbol has an open position or a working entry (the engine keeps the tape on for it). */
    boolean busy(String symbol);

    /** Sends the bracket through the risk gate. Null when it left, else the veto or rejection reason. */
    String submitEntry(EntryTicket ticket, long nowNanos);

    /** Cancels a still unfilled entry of the symbol (e.g. a passive limit that timed out). */
    void cancelUnfilledEntry(String symbol, String reason, long nowNanos);

    /** An entry and what it came from, so the trade record can explain itself. */
    record EntryTicket(String setupId, String symbol, Side side, String grade, List<Factor> factors, String killZone,
                       String route, BracketOrder bracket, String stopReason) {
        public EntryTicket {
            factors = List.copyOf(factors);
        }
    }
}
