package dev.flof.host.venue;

import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Position;

/**
 * The protected-position invariant of circuit-breaker protocol 1 (the OCO dead-man): every open position has
 * a protective stop <em>resting at the venue</em> that covers its full quantity. Only working, untriggered
 * STOP / STOP_LIMIT orders on the closing side count: dormant bracket children, commands still in flight and
 * stop-limits that triggered without filling (skipped by a gap) protect nothing. The backtest calls this after
 * every event and fails the run on a violation.
 */
public final class ProtectionInvariant {
    private ProtectionInvariant() {
    }

    /** A description of the first unprotected position (by symbol), or null when every position is covered. */
    public static String violation(SimulatedVenue venue) {
        for (Position p : venue.positions()) {
            Side closing = p.quantity() > 0 ? Side.SELL : Side.BUY;
            long need = Math.abs(p.quantity());
            long covered = venue.restingStopQuantity(p.symbol(), closing);
            if (covered < need) {
                return "unprotected position at " + p.venue() + ": " + p.symbol() + " " + Fixed.format(p.quantity())
                        + " @ " + Fixed.format(p.averagePrice()) + " has resting " + closing + " stops for "
                        + Fixed.format(covered) + " (needs " + Fixed.format(need) + ") at "
                        + venue.now();
            }
        }
        return null;
    }
}
