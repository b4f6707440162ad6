package dev.flof.host.bars;

import dev.flof.host.calendar.Calendars;
import dev.flof.host.calendar.ExchangeCalendar;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.DepthSnapshot;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Timeframe;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The kernel-facing entry point of the multi-timeframe bars: one {@link BarAggregator} per instrument,
 * each cut by its own calendar, fed straight from the replay/feed event stream ({@link #onEvent}).
 * Trades are aggregated; 1-minute bars from bar files are aggregated upward; quotes and depth of an
 * instrument advance its clock (time passed without trades); a {@link TimerEvent} advances every
 * instrument. Closed bars go to the listener, in close-time order per instrument.
 */
public final class BarMatrix {
    private final TreeMap<String, BarAggregator> bySymbol = new TreeMap<>();
    private final TreeMap<String, Long> counters = new TreeMap<>();

    /** With the built-in calendar registry ({@link Calendars#byId}). */
    public BarMatrix(Collection<Instrument> instruments, Set<Timeframe> timeframes, int maxBarCount, BarListener listener) {
        this(instruments, timeframes, maxBarCount, listener, Calendars::byId);
    }

    public BarMatrix(Collection<Instrument> instruments, Set<Timeframe> timeframes, int maxBarCount, BarListener listener,
                     Function<String, ExchangeCalendar> calendars) {
        for (Instrument i : instruments) {
            bySymbol.put(i.symbol(), new BarAggregator(i, calendars.apply(i.calendarId()), timeframes, maxBarCount, listener));
        }
    }

    /** Routes one event; events of unknown symbols and other event kinds are counted and ignored. */
    public void onEvent(Event e) {
        switch (e) {
            case Trade t -> {
                BarAggregator a = with(t.symbol());
                if (a != null) {
                    a.onTrade(t);
                }
            }
            case Bar b -> {
                BarAggregator a = with(b.symbol());
                if (a != null) {
                    if (b.timeframe().compareTo(a.timeframes().get(0)) > 0) {
                        count("input bars coarser than the finest timeframe ignored");
                    } else {
                        a.onBar(b);
                    }
                }
            }
            case Quote q -> advance(q.symbol(), q.tsEvent());
            case DepthSnapshot d -> advance(d.symbol(), d.tsEvent());
            case TimerEvent t -> advanceAll(t.tsEvent());
            default -> {
                // Order, venue and feed-status events carry no market time for bars.
            }
        }
    }

    private void advance(String symbol, long ts) {
        BarAggregator a = bySymbol.get(symbol);
        if (a != null) {
            a.advanceTo(ts);
        }
    }

    private BarAggregator with(String symbol) {
        BarAggregator a = bySymbol.get(symbol);
        if (a == null) {
            count("events of an instrument without bars ignored");
        }
        return a;
    }

    /** Time has reached {@code ts} for every instrument. */
    public void advanceAll(long ts) {
        for (BarAggregator a : bySymbol.values()) {
            a.advanceTo(ts);
        }
    }

    public BarAggregator aggregator(String symbol) {
        BarAggregator a = bySymbol.get(symbol);
        if (a == null) {
            throw new IllegalArgumentException("no bars for " + symbol + " (have " + bySymbol.keySet() + ")");
        }
        return a;
    }

    private void count(String what) {
        counters.merge(what, 1L, Long::sum);
    }

    /** Everything counted by the matrix and its aggregators, prefixed with the symbol, sorted. */
    public Map<String, Long> counters() {
        TreeMap<String, Long> c = new TreeMap<>(counters);
        bySymbol.forEach((s, a) -> a.counters().forEach((k, v) -> c.put(s + ": " + k, v)));
        return c;
    }
}
