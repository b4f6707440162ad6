package dev.flof.host.backtest;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Trade;
import dev.flof.spi.flow.FlowSignal;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.structure.StructureEvent;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a replay saw, kept in sorted maps so the report is the same byte for byte run after run.
 *
 * <p>{@link #onEvent} runs once per event: it counts into primitive slots (per event class, per aggressor rule)
 * instead of merging boxed values into a map; {@link #eventsByType} and {@link #aggressorRules} are sorted,
 * read-only views of those slots with exactly the keys and values the maps would have had.
 */
final class RunStats {
    private static final AggressorRule[] RULES = AggressorRule.values();

    private Class<?>[] eventClasses = new Class<?>[8];
    private String[] eventNames = new String[8];
    private long[] eventCounts = new long[8];
    private int eventSlots;
    private Class<?> lastClass;
    private int lastSlot;
    private final long[] ruleCounts = new long[RULES.length];

    /** Events by their record's simple name (a view, sorted by name). */
    final Map<String, Long> eventsByType = new SortedView() {
        @Override
        TreeMap<String, Long> snapshot() {
            TreeMap<String, Long> m = new TreeMap<>();
            for (int i = 0; i < eventSlots; i++) {
                m.merge(eventNames[i], eventCounts[i], Long::sum);
            }
            return m;
        }
    };
    final Map<String, java.util.EnumMap<dev.flof.spi.market.Timeframe, Long>> barsBySymbolAndTimeframe = new TreeMap<>();
    final Map<String, Long> structureEvents = new TreeMap<>();
    final Map<String, Long> flowSignals = new TreeMap<>();
    /** Trades by the rule that decided their aggressor side (a view, sorted by the rule's name; rules seen only). */
    final Map<String, Long> aggressorRules = new SortedView() {
        @Override
        TreeMap<String, Long> snapshot() {
            TreeMap<String, Long> m = new TreeMap<>();
            for (AggressorRule r : RULES) {
                if (ruleCounts[r.ordinal()] > 0) {
                    m.put(r.name(), ruleCounts[r.ordinal()]);
                }
            }
            return m;
        }
    };
    long firstTsEvent = Long.MAX_VALUE;
    long lastTsEvent = Long.MIN_VALUE;
    long tradeVolume;

    void onEvent(Event e) {
        countType(e.getClass());
        if (e instanceof Trade t) {
            firstTsEvent = Math.min(firstTsEvent, t.tsEvent());
            lastTsEvent = Math.max(lastTsEvent, t.tsEvent());
            ruleCounts[t.rule().ordinal()]++;
            tradeVolume += t.size();
        } else if (!(e instanceof Bar)) {
            firstTsEvent = Math.min(firstTsEvent, e.tsEvent());
            lastTsEvent = Math.max(lastTsEvent, e.tsEvent());
        }
    }

    private void countType(Class<?> c) {
        if (c == lastClass) {
            eventCounts[lastSlot]++;
            return;
        }
        for (int i = 0; i < eventSlots; i++) {
            if (eventClasses[i] == c) {
                eventCounts[i]++;
                lastClass = c;
                lastSlot = i;
                return;
            }
        }
        if (eventSlots == eventClasses.length) {
            eventClasses = Arrays.copyOf(eventClasses, eventSlots * 2);
            eventNames = Arrays.copyOf(eventNames, eventSlots * 2);
            eventCounts = Arrays.copyOf(eventCounts, eventSlots * 2);
        }
        eventClasses[eventSlots] = c;
        eventNames[eventSlots] = c.getSimpleName();
        eventCounts[eventSlots] = 1;
        eventSlots++;
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

    /** A read-only map whose content is a sorted snapshot of counters, taken on each read. */
    private abstract static class SortedView extends AbstractMap<String, Long> {
        abstract TreeMap<String, Long> snapshot();

        @Override
        public Set<Entry<String, Long>> entrySet() {
            return Collections.unmodifiableMap(snapshot()).entrySet();
        }

        @Override
        public Long get(Object key) {
            return snapshot().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return snapshot().containsKey(key);
        }
    }
}
