package dev.flof.risk.breakers;

import dev.flof.risk.ParamKeys;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.Params;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.risk.BreakerAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OCO dead-man switch (issue 10, protocol 1), the foundation layer:
 * <ul>
 *   <li>every entry goes out as a {@link OrderCommand.SubmitBracket} whose protective stop covers the whole entry
 *       quantity and sits on the protective side of a priced entry, or it is vetoed: if FLOF dies, the venue
 *       still holds the stop;</li>
 *   <li>when a feed dies ({@link FeedStatus} DISCONNECTED or STALE), a feed that sent heartbeats misses them for
 *       more than {@code heartbeatTimeoutMs} (5000), or the broker connection drops (VenueStatus DISCONNECTED,
 *       when {@code haltOnVenueDisconnect}, true), it emits HALT: the execution loop stops and the venue's
 *       brackets stay in charge; FLOF does not trade blind. While halted every new exposure is vetoed;</li>
 *   <li>when everything that died is back (RECONNECTED/CONNECTED) and {@code resumeOnReconnect} (true), it emits
 *       RESUME. The host must reconcile orders, executions and positions before it acts on it.</li>
 * </ul>
 * Missed heartbeats are noticed on the next event of any kind, so the host should schedule a TimerEvent at
 * least every second while trading.
 */
@org.pf4j.Extension
public final class OcoBreaker implements CircuitBreaker {
    public static final String ID = "oco";
    static final ParamKeys KEYS = new ParamKeys(
            Set.of("heartbeatTimeoutMs", "resumeOnReconnect", "haltOnVenueDisconnect"), Set.of());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "dead-man: no entry without its exchange-held bracket; halt and leave the venue in charge when feed or broker dies";
    }

    @Override
    public Guard create(Params params) {
        KEYS.check(params);
        return new Oco(params);
    }

    /** Why a command is not a protected entry, or null when it is. Public for the host's own pre-checks. */
    public static String unprotected(OrderCommand command) {
        if (!(command instanceof OrderCommand.SubmitBracket sb)) {
            return "an entry must go out as a bracket with its protective stop (got " + command.getClass().getSimpleName() + ")";
        }
        BracketOrder b = sb.bracket();
        Order entry = b.entry();
        Order stop = b.stop();
        if (stop.quantity() < entry.quantity()) {
            return "bracket " + b.groupId() + ": stop covers " + Guards.qty(stop.quantity()) + " of " + Guards.qty(entry.quantity());
        }
        if (stop.stopPrice() <= 0) {
            return "bracket " + b.groupId() + ": protective stop has no trigger price";
        }
        if (!stop.symbol().equals(entry.symbol())) {
            return "bracket " + b.groupId() + ": stop on " + stop.symbol() + " protects nothing on " + entry.symbol();
        }
        long entryPx = entry.type() == OrderType.LIMIT || entry.type() == OrderType.STOP_LIMIT ? entry.limitPrice()
                : entry.type() == OrderType.STOP ? entry.stopPrice() : 0;
        if (entryPx > 0) {
            boolean wrongSide = entry.side().sign() > 0 ? stop.stopPrice() >= entryPx : stop.stopPrice() <= entryPx;
            if (wrongSide) {
                return "bracket " + b.groupId() + ": stop " + Guards.qty(stop.stopPrice()) + " is not on the protective side of entry "
                        + Guards.qty(entryPx);
            }
        }
        return null;
    }

    static final class Oco implements Guard {
        private final long heartbeatTimeout;
        private final boolean resumeOnReconnect;
        private final boolean haltOnVenue;
        private final Map<String, Long> lastBeat = new TreeMap<>();
        private final Set<String> dead = new TreeSet<>();
        private boolean halted;
        private String haltReason;

        Oco(Params p) {
            this.heartbeatTimeout = Guards.millis(p, "heartbeatTimeoutMs", 5000);
            this.resumeOnReconnect = p.flag("resumeOnReconnect", true);
            this.haltOnVenue = p.flag("haltOnVenueDisconnect", true);
        }

        @Override
        public String vet(OrderCommand command, long now) {
            if (command == null || !command.addsExposure()) {
                return null;
            }
            if (halted) {
                return "OCO dead-man halted (" + haltReason + "): the venue's brackets are in charge";
            }
            String why = unprotected(command);
            return why == null ? null : "OCO dead-man: " + why;
        }

        @Override
        public List<BreakerAction> onEvent(Event e) {
            // runs on every event: market data with no feed being watched changes nothing
            if (lastBeat.isEmpty() && !(e instanceof FeedStatus) && !(e instanceof VenueStatus)
                    && !(halted && dead.isEmpty() && resumeOnReconnect)) {
                return List.of();
            }
            List<BreakerAction> out = new ArrayList<>(1);
            if (e instanceof FeedStatus f) {
                String key = "feed " + f.feedId();
                switch (f.kind()) {
                    case HEARTBEAT, CONNECTED, RECONNECTED -> {
                        lastBeat.put(f.feedId(), f.tsRecv());
                        if (f.kind() != FeedStatus.Kind.HEARTBEAT) {
                            dead.remove(key);
                        }
                    }
                    case DISCONNECTED, STALE -> {
                        lastBeat.remove(f.feedId());
                        die(key, key + " " + f.kind() + detail(f.detail()), e, out);
                    }
                    default -> {
                    }
                }
            } else if (e instanceof VenueStatus v && haltOnVenue) {
                String key = "venue " + v.venue();
                switch (v.kind()) {
                    case DISCONNECTED -> die(key, key + " DISCONNECTED" + detail(v.detail()), e, out);
                    case CONNECTED, RECONNECTED -> dead.remove(key);
                    default -> {
                    }
                }
            }
            for (var it = lastBeat.entrySet().iterator(); it.hasNext(); ) {
                var en = it.next();
                long silent = e.tsRecv() - en.getValue();
                if (silent > heartbeatTimeout) {
                    it.remove();
                    String key = "feed " + en.getKey();
                    die(key, key + " missed its heartbeat: silent " + silent / Guards.MS + " ms (limit "
                            + heartbeatTimeout / Guards.MS + " ms)", e, out);
                }
            }
            if (halted && dead.isEmpty() && resumeOnReconnect) {
                halted = false;
                out.add(new BreakerAction(BreakerAction.Kind.RESUME, ID,
                        "feeds and venues reconnected (halted for: " + haltReason + "); reconcile before trading", e.tsEvent()));
            }
            return out;
        }

        private void die(String key, String reason, Event e, List<BreakerAction> out) {
            dead.add(key);
            if (!halted) {
                halted = true;
                haltReason = reason;
                out.add(new BreakerAction(BreakerAction.Kind.HALT, ID, reason + ": execution loop stops, the venue's brackets stay in charge",
                        e.tsEvent()));
            }
        }

        private static String detail(String d) {
            return d == null || d.isBlank() ? "" : " (" + d + ")";
        }
    }
}
