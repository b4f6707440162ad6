package dev.flof.host.kernel;

import dev.flof.spi.event.Event;

/** A component on the kernel thread. Handlers run in registration order for every event. */
@FunctionalInterface
public interface EventHandler {
    void onEvent(Event event);
}
