package dev.flof.spi.ext;

import dev.flof.spi.event.Event;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.PositionView;
import dev.flof.spi.structure.MarketMap;
import java.util.List;

/**
 * Manages open positions: scale-outs, stop moves, trailing, early and climax exits. The host enforces the
 * rules every implementation must keep (a stop never widens; a stop is always resting; exits are sized to
 * the actual position) and rejects commands that break them.
 */
public interface ExitManager extends FlofExtension {
    Manager open(Instrument instrument, Params params);

    /** Manages the positions of one instrument. Called from the kernel thread only. */
    interface Manager {
        /**
         * @param position the current position (flat positions are not passed)
         * @return commands to send: modifies of the stop, reduce-only exits
         */
        List<OrderCommand> onEvent(Event event, PositionView position, MarketMap map, FlowAnalyzer.Engine flow);
    }
}
