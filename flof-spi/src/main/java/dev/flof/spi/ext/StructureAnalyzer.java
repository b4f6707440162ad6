package dev.flof.spi.ext;

import dev.flof.spi.calendar.TradingCalendar;
import dev.flof.spi.event.Bar;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.structure.MarketMap;
import dev.flof.spi.structure.StructureEvent;
import java.util.function.Consumer;

/** Builds the SMC map (swings, breaks, order blocks, FVGs, pools) from closed bars. */
public interface StructureAnalyzer extends FlofExtension {
    Engine create(Instrument instrument, TradingCalendar calendar, Params params);

    /** One instrument's structure across timeframes. Called from the kernel thread only. */
    interface Engine {
        /** Consumes a closed bar of any timeframe; emits the facts that became known at its close. */
        void onBar(Bar bar, Consumer<StructureEvent> out);

        /** The map as of the last bar consumed. */
        MarketMap map();
    }
}
