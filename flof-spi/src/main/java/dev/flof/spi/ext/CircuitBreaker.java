package dev.flof.spi.ext;

import dev.flof.spi.event.Event;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.BreakerAction;
import java.util.List;

/**
 * Vetoes order commands before they leave and triggers protective actions. The host only asks a breaker
 * about commands that {@link OrderCommand#addsExposure() add exposure}: cancels, stop replacements and
 * risk-reducing orders never reach {@link Guard#vet}, so no breaker can block them.
 */
public interface CircuitBreaker extends FlofExtension {
    Guard create(Params params);

    /** One running breaker. Called from the kernel thread only. */
    interface Guard {
        /** Null to let the command pass, else the reason it is vetoed (the command never leaves). */
        String vet(OrderCommand command, long nowNanos);

        /** Observes every event; returns actions to take (usually none). */
        List<BreakerAction> onEvent(Event event);
    }
}
