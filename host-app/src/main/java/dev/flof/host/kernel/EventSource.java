package dev.flof.host.kernel;

import dev.flof.spi.event.Event;
import java.io.IOException;

/** A replayable stream of events in its own order; {@code null} at the end. */
@FunctionalInterface
public interface EventSource {
    Event next() throws IOException;
}
