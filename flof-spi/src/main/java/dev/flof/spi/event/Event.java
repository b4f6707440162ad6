package dev.flof.spi.event;

/**
 * Everything the kernel dispatches. Every event carries the exchange time ({@code tsEvent}) and the time
 * FLOF received it ({@code tsRecv}), both in nanoseconds since the epoch. Replay orders by
 * {@code tsRecv}, then {@link #sequence()}; ties never depend on arrival order.
 */
public sealed interface Event permits Trade, Quote, DepthSnapshot, Bar, FeedStatus, OrderEvent, VenueStatus, TimerEvent {
    long tsEvent();

    long tsRecv();

    /** Venue sequence number, or a source-assigned monotonic number; 0 when none. */
    long sequence();
}
