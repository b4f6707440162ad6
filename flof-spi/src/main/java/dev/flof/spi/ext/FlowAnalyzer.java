package dev.flof.spi.ext;

import dev.flof.spi.calendar.TradingCalendar;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.flow.FlowSignal;
import dev.flof.spi.flow.FlowSnapshot;
import dev.flof.spi.flow.VolumeProfile;
import dev.flof.spi.market.Instrument;
import java.util.function.Consumer;

/** Reads the tape: delta, footprints, tape speed, absorption, volume profiles. */
public interface FlowAnalyzer extends FlofExtension {
    Engine create(Instrument instrument, TradingCalendar calendar, Params params);

    /** One instrument's order flow. Called from the kernel thread only. */
    interface Engine {
        void onTrade(Trade trade, Consumer<FlowSignal> out);

        void onQuote(Quote quote, Consumer<FlowSignal> out);

        /** Bar close hook (footprint imbalances, CVD divergence at swings). */
        void onBar(Bar bar, Consumer<FlowSignal> out);

        FlowSnapshot snapshot();

        /** Volume profile over (fromNanos, toNanos] of the trades the engine still holds. */
        VolumeProfile profile(long fromNanos, long toNanos);
    }
}
