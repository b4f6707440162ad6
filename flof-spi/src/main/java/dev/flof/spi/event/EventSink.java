package dev.flof.spi.event;

/**
 * Where feeds and venues hand their events to the kernel. Live implementations are thread-safe and
 * bounded; {@link #publish} returns false when the event could not be queued (the caller reports it).
 */
@FunctionalInterface
public interface EventSink {
    boolean publish(Event event);
}
