package dev.flof.host.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a running paper or live session looks like at one moment: per instrument the engine state, data tier,
 * positions and their protection and feed latency; the breaker (trading) state; each venue's connection and
 * reconciliation; the data volume so far. Built on the kernel thread, then handed as an immutable value to
 * the terminal line and the HTTP endpoint (other threads never touch engine objects).
 *
 * @param mode            paper or live
 * @param tsNanos         when it was taken (the kernel's clock)
 * @param breaker         the risk gate's trading state and why
 * @param inboundDropped  events the bounded inbound queue had to refuse
 */
public record LiveStatus(String mode, long tsNanos, String breaker, String breakerReason, int vetoes, String haltMarker,
                         List<InstrumentStatus> instruments, List<VenueState> venues, List<FeedState> feeds,
                         long dataBytes, long inboundDropped, long eventsDispatched) {

    /**
     * @param position        the engine's own position (its order management)
     * @param venuePosition   what the venue holds (from reconciliation and fills since)
     * @param protection      e.g. {@code stop 5990 x1}, {@code flat}, {@code UNPROTECTED}
     * @param feedLatencyMs   receive time minus exchange time of the latest market event, -1 when none yet
     * @param workingEntry    the bracket whose entry is working at the venue (entry, stop, target), or empty
     */
    public record InstrumentStatus(String symbol, String state, String tier, String position, String venuePosition,
                                   String protection, boolean adopted, String lastPrice, double feedLatencyMs,
                                   long dataBytes, String workingEntry) {
    }

    public record VenueState(String id, boolean connected, boolean reconciled, String lastReconcile) {
    }

    /** @param usage records and bytes per schema, from the feed itself */
    public record FeedState(String id, String lastStatus, Map<String, Map<String, Long>> usage) {
        public FeedState {
            usage = new TreeMap<>(usage);
        }
    }

    public LiveStatus {
        instruments = List.copyOf(instruments);
        venues = List.copyOf(venues);
        feeds = List.copyOf(feeds);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status is not serializable: " + e.getMessage(), e);
        }
    }

    /** The compact terminal line. */
    public String line() {
        StringBuilder b = new StringBuilder();
        b.append(Instant.ofEpochSecond(0, tsNanos).toString(), 11, 19).append(' ').append(mode.toUpperCase(java.util.Locale.ROOT));
        b.append(" | ").append(breaker);
        if (!haltMarker.isEmpty()) {
            b.append(" HALT-FILE");
        }
        for (InstrumentStatus i : instruments) {
            b.append(" | ").append(i.symbol()).append(' ').append(i.state()).append('/').append(i.tier());
            b.append(" pos ").append(i.venuePosition());
            if (!"flat".equals(i.protection())) {
                b.append(' ').append(i.protection());
            }
            if (i.adopted()) {
                b.append(" adopted");
            }
            if (!i.workingEntry().isEmpty()) {
                b.append(" entry working");
            }
            b.append(" lat ").append(i.feedLatencyMs() < 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1fms", i.feedLatencyMs()));
        }
        for (VenueState v : venues) {
            b.append(" | ").append(v.id()).append(v.connected() ? (v.reconciled() ? " ok" : " RECONCILING") : " DISCONNECTED");
        }
        b.append(" | data ").append(human(dataBytes));
        if (inboundDropped > 0) {
            b.append(" | DROPPED ").append(inboundDropped);
        }
        return b.toString();
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
