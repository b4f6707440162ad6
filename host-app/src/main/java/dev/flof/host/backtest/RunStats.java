package dev.flof.host.backtest;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Trade;
import dev.flof.spi.flow.FlowSignal;
import dev.flof.spi.structure.StructureEvent;
import java.util.Map;
import java.util.TreeMap;

/** What a replay saw, kept in sorted maps so the report is the same byte for byte run after run. */
final class RunStats {
    final Map<String, Long> eventsByType = new TreeMap<>();
    final Map<String, java.util.EnumMap<dev.flof.spi.market.Timeframe, Long>> barsBySymbolAndTimeframe = new TreeMap<>();
    final Map<String, Long> structureEvents = new TreeMap<>();
    final Map<String, Long> flowSignals = new TreeMap<>();
    final Map<String, Long> aggressorRules = new TreeMap<>();
    long firstTsEvent = Long.MAX_VALUE;
    long lastTsEvent = Long.MIN_VALUE;
    long tradeVolume;

    void onEvent(Event e) {
        eventsByType.merge(e.getClass().getSimpleName(), 1L, Long::sum);
        if (e instanceof Trade t) {
            firstTsEvent = Math.min(firstTsEvent, t.tsEvent());
            lastTsEvent = Math.max(lastTsEvent, t.tsEvent());
            aggressorRules.merge(t.rule().name(), 1L, Long::sum);
            tradeVolume += t.size();
        } else if (!(e instanceof Bar)) {
            firstTsEvent = Math.min(firstTsEvent, e.tsEvent());
            lastTsEvent = Math.max(lastTsEvent, e.tsEvent());
        }
    }

    void onBar(Bar b) {
        barsBySymbolAndTimeframe.computeIfAbsent(b.symbol(), k -> new java.util.EnumMap<>(dev.flof.spi.market.Timeframe.class))
                .merge(b.timeframe(), 1L, Long::sum);
    }

    void onStructure(StructureEvent e) {
        structureEvents.merge(e.timeframe().label() + " " + e.type(), 1L, Long::sum);
    }

    void onSignal(FlowSignal s) {
        flowSignals.merge(s.type(), 1L, Long::sum);
    }
}
