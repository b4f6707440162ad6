package dev.flof.spi.event;

/** What an execution venue reports about the connection or the market. */
public record VenueStatus(String venue, long tsEvent, long tsRecv, long sequence, Kind kind, String detail)
        implements Event {
    public enum Kind { CONNECTED, DISCONNECTED, RECONNECTED, HALTED, RESUMED, RATE_LIMITED, SERVER_ERROR }
}
