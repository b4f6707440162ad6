package dev.flof.host.live;

import dev.flof.host.oms.OrderManager;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.order.WorkingOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The live runner's picture of its venue sessions for order management's flatten ({@link OrderManager.VenueView}).
 * A query that fails is reported as unknown (null), never as "no open orders": taking a failed query for an empty
 * venue let a flatten confirm flat, forget the resting orders and end the process while orders could still rest at
 * the venue. Order management asks again on the next event; after a failure the venue is asked again only once
 * the back-off has passed (1 s, doubling up to 30 s), so a failing API is not hammered on every market event, and
 * the operator reads one ALERT per failure streak and one line when the venue answers again.
 */
final class SessionVenueView implements OrderManager.VenueView {
    static final long RETRY_FIRST = 1_000_000_000L;
    static final long RETRY_MAX = 30_000_000_000L;
    private final Function<String, ExecutionVenue.Session> sessionOfSymbol;
    private final Function<String, String> venueOfSymbol;
    private final ToLongFunction<String> position;
    private final Consumer<String> log;
    private final LongSupplier clock;
    /** Per venue: when it may be asked again after a failure, and the current back-off. */
    private final Map<String, long[]> backoff = new TreeMap<>();

    /**
     * @param sessionOfSymbol the session trading a symbol, or null when no venue trades it
     * @param venueOfSymbol   the venue id of a symbol (for the log line)
     * @param position        the venue's signed position of a symbol as the reconciler keeps it
     * @param log             where a failed query is reported
     * @param clock           the runner's clock, nanoseconds (for the back-off)
     */
    SessionVenueView(Function<String, ExecutionVenue.Session> sessionOfSymbol, Function<String, String> venueOfSymbol,
                     ToLongFunction<String> position, Consumer<String> log, LongSupplier clock) {
        this.sessionOfSymbol = sessionOfSymbol;
        this.venueOfSymbol = venueOfSymbol;
        this.position = position;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public List<WorkingOrder> openOrders(String symbol) {
        ExecutionVenue.Session s = sessionOfSymbol.apply(symbol);
        if (s == null) {
            return List.of();
        }
        String venue = venueOfSymbol.apply(symbol);
        long now = clock.getAsLong();
        long[] b = backoff.get(venue);
        if (b != null && now < b[0]) {
            return null;
        }
        try {
            List<WorkingOrder> orders = s.openOrders().stream().filter(w -> w.order().symbol().equals(symbol)).toList();
            if (backoff.remove(venue) != null) {
                log.accept("open orders of " + venue + " available again");
            }
            return orders;
        } catch (RuntimeException ex) {
            if (b == null) {
                log.accept("ALERT open orders of " + venue + " unavailable for the flatten (asked again with back-off; the"
                        + " flatten is not confirmed meanwhile): " + ex.getMessage());
                b = new long[] {0, RETRY_FIRST};
                backoff.put(venue, b);
            } else {
                b[1] = Math.min(RETRY_MAX, b[1] * 2);
            }
            b[0] = now + b[1];
            return null;
        }
    }

    @Override
    public long position(String symbol) {
        return position.applyAsLong(symbol);
    }
}
