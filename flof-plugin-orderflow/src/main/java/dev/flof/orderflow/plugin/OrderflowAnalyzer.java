package dev.flof.orderflow.plugin;

import dev.flof.orderflow.delta.CalendarSessionResets;
import dev.flof.orderflow.delta.DailySessionResets;
import dev.flof.orderflow.delta.SessionResets;
import dev.flof.orderflow.engine.FlowConfig;
import dev.flof.orderflow.engine.FlowEngine;
import dev.flof.orderflow.engine.FlowParams;
import dev.flof.spi.calendar.TradingCalendar;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import org.pf4j.Extension;

/**
 * The order-flow {@link FlowAnalyzer} (id {@code orderflow}): tape, CVD, footprints and imbalances, tape speed,
 * large prints, absorption, bailout, delta flip, CVD divergence, OFI and volume profiles, all on exchange time
 * with exact tick prices. Parameters come from the instrument's market profile defaults plus the config
 * section ({@link FlowConfig} lists the keys).
 */
@Extension
public final class OrderflowAnalyzer implements FlowAnalyzer {
    @Override
    public String id() {
        return "orderflow";
    }

    @Override
    public String description() {
        return "Tape, CVD, footprint imbalances, tape speed, absorption, bailout, delta flip, divergence, volume profiles";
    }

    @Override
    public Engine create(Instrument instrument, TradingCalendar calendar, Params params) {
        FlowParams p = FlowConfig.resolve(instrument.profile(), instrument.tickSize(), params);
        SessionResets resets = calendar != null ? new CalendarSessionResets(calendar)
                : instrument.profile() == MarketProfile.ES ? DailySessionResets.globex() : DailySessionResets.utcMidnight();
        return new SpiEngine(instrument, new FlowEngine(p, resets));
    }
}
