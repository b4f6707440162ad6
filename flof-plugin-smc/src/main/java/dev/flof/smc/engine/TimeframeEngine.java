package dev.flof.smc.engine;

import dev.flof.smc.event.SmcEvent;
import dev.flof.smc.event.SwingEvent;
import dev.flof.smc.model.DealingRange;
import dev.flof.smc.model.SmcBar;
import dev.flof.smc.model.Swing;
import dev.flof.smc.model.TrackedFvg;
import dev.flof.smc.model.TrackedOb;
import dev.flof.smc.model.TrackedPool;
import dev.flof.spi.calendar.TradingCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The streaming structure engine of one instrument and one timeframe (spec §6): feed it closed bars in time
 * order; each call emits exactly the facts that became known at that bar's close, and the query methods
 * answer "as of" the last bar consumed. Work per bar is bounded by the configured windows and caps, never
 * by the length of the history.
 *
 * <p>Order inside a bar: lifecycles of existing zones and pools (so nothing reacts to the bar that created
 * it), then pivots and breaks per level (creating order blocks), then FVG detection, then new pools.
 * Not thread-safe: one engine belongs to one thread (the kernel's).
 */
public final class TimeframeEngine {
    private final SmcConfig cfg;
    private final BarRing ring;
    private final Atr atr;
    private final List<StructureLevel> levels = new ArrayList<>();
    private final FvgTracker fvgs;
    private final PoolTracker pools;
    private final List<SmcEvent> scratch = new ArrayList<>();
    private long n;
    private SmcBar last;
    // trailing dealing range (Range.trailing): reset by a swing of the range level, extended by new extremes
    private long trailTop = Long.MIN_VALUE;
    private long trailBottom = Long.MAX_VALUE;
    private long trailTopIdx = -1;
    private long trailBottomIdx = -1;
    private long trailKnownIdx = -1;
    private long trailKnownTime;

    /** @param calendar trading calendar for period and session pools; null disables them */
    public TimeframeEngine(SmcConfig cfg, TradingCalendar calendar) {
        this.cfg = cfg;
        IdSource ids = new IdSource();
        int window = 4;
        for (int i = 0; i < cfg.levels().size(); i++) {
            StructureLevel l = new StructureLevel(i, cfg.levels().get(i), cfg.orderBlocks(), ids);
            levels.add(l);
            window = Math.max(window, l.window());
        }
        this.fvgs = new FvgTracker(cfg.fvgs(), ids);
        this.pools = new PoolTracker(cfg.pools(), ids, calendar);
        window = Math.max(window, pools.eqWindow());
        this.ring = new BarRing(window + 2);
        this.atr = new Atr(cfg.atrLength());
    }

    public SmcConfig config() {
        return cfg;
    }

    /**
     * Consumes the next closed bar. Fails (without changing state) when the bar does not start after the
     * previous one.
     */
    public void onBar(SmcBar bar, Consumer<SmcEvent> out) {
        if (last != null && bar.openTime() <= last.openTime()) {
            throw new IllegalArgumentException("bar at " + bar.openTime() + " does not follow the previous bar at "
                    + last.openTime() + " (bars must arrive in time order, once)");
        }
        long t = n;
        double a = atr.update(bar);
        ring.add(bar, a);
        n++;
        last = bar;
        scratch.clear();
        Consumer<SmcEvent> sink = scratch::add;
        for (StructureLevel l : levels) {
            l.updateOrderBlocks(t, bar, sink);
        }
        if (cfg.fvgs().enabled()) {
            fvgs.update(t, bar, sink);
        }
        pools.update(t, bar, sink);
        int before = scratch.size();
        // parents (higher levels) first, so a level can compare with its parent's current swings
        for (int i = levels.size() - 1; i >= 0; i--) {
            levels.get(i).onBar(t, ring, a, i + 1 < levels.size() ? levels.get(i + 1) : null, sink);
        }
        int afterLevels = scratch.size();
        if (cfg.fvgs().enabled()) {
            fvgs.detect(t, ring, a, sink);
        }
        if (cfg.pools().libraryEq()) {
            for (int i = before; i < afterLevels; i++) {
                if (scratch.get(i) instanceof SwingEvent se && se.kind() != SwingEvent.Kind.DISCARDED && se.swing().level() == 0) {
                    pools.librarySwing(se.swing(), se.replaced(), t, ring, sink);
                }
            }
        }
        if (cfg.pools().swingPools()) {
            for (int i = before; i < afterLevels; i++) {
                if (scratch.get(i) instanceof SwingEvent se && se.kind() != SwingEvent.Kind.DISCARDED) {
                    Swing s = se.swing();
                    String name = cfg.levels().get(s.level()).name().toUpperCase(Locale.ROOT);
                    pools.add(name + (s.type() > 0 ? "_HIGH" : "_LOW"), s.type(), s.price(), s.index(), s.time(), t,
                            bar.closeTime(), 1, sink);
                }
            }
        }
        pools.eq(t, ring, a, sink);
        pools.calendar(t, bar, sink);
        if (cfg.range().trailing()) {
            trail(t, bar, before, afterLevels);
        }
        for (SmcEvent e : scratch) {
            out.accept(e);
        }
    }

    private void trail(long t, SmcBar bar, int from, int to) {
        if (trailTop != Long.MIN_VALUE && bar.high() > trailTop) {
            trailTop = bar.high();
            trailTopIdx = t;
            trailKnownIdx = t;
            trailKnownTime = bar.closeTime();
        }
        if (trailBottom != Long.MAX_VALUE && bar.low() < trailBottom) {
            trailBottom = bar.low();
            trailBottomIdx = t;
            trailKnownIdx = t;
            trailKnownTime = bar.closeTime();
        }
        for (int i = from; i < to; i++) {
            if (scratch.get(i) instanceof SwingEvent se && se.kind() != SwingEvent.Kind.DISCARDED
                    && se.swing().level() == cfg.range().level()) {
                Swing s = se.swing();
                if (s.type() > 0) {
                    trailTop = s.price();
                    trailTopIdx = s.index();
                } else {
                    trailBottom = s.price();
                    trailBottomIdx = s.index();
                }
                trailKnownIdx = t;
                trailKnownTime = bar.closeTime();
            }
        }
    }

    /** Convenience: the events of one bar as a list. */
    public List<SmcEvent> onBar(SmcBar bar) {
        List<SmcEvent> l = new ArrayList<>();
        onBar(bar, l::add);
        return l;
    }

    /** Number of bars consumed; the last one has index {@code barCount() - 1}. */
    public long barCount() {
        return n;
    }

    public SmcBar lastBar() {
        return last;
    }

    /** ATR (Wilder) as of the last bar, fixed-point units; NaN before the first bar. */
    public double atr() {
        return atr.value();
    }

    public int levelCount() {
        return levels.size();
    }

    /** Trend state of a level: +1 after an upward break, -1 after a downward one, 0 before any break. */
    public int trend(int level) {
        return levels.get(level).trend();
    }

    public Swing lastSwingHigh(int level) {
        return levels.get(level).lastHigh();
    }

    public Swing lastSwingLow(int level) {
        return levels.get(level).lastLow();
    }

    /** The swing high an upward break would take now, or null when it was already crossed. */
    public Swing unbrokenHigh(int level) {
        return levels.get(level).unbrokenHigh();
    }

    public Swing unbrokenLow(int level) {
        return levels.get(level).unbrokenLow();
    }

    /** Order blocks still tracked (not breaker-invalidated or expired), all levels, oldest first per side. */
    public List<TrackedOb> orderBlocks() {
        List<TrackedOb> l = new ArrayList<>();
        for (StructureLevel s : levels) {
            s.tracked(l);
        }
        return l;
    }

    /** FVGs still tracked (not inverted, merged or expired). */
    public List<TrackedFvg> fvgs() {
        List<TrackedFvg> l = new ArrayList<>();
        fvgs.tracked(l);
        return l;
    }

    /** Active and pending pools, then up to 64 most recently taken ones. */
    public List<TrackedPool> pools() {
        List<TrackedPool> l = new ArrayList<>();
        pools.tracked(l);
        return l;
    }

    /**
     * Up to {@code k} active pools of one side, nearest to price first: side +1 the buy-side pools above
     * (highs), -1 the sell-side pools below (lows). Cost O(k), whatever the number of pools.
     */
    public List<TrackedPool> nearestPools(int side, int k) {
        List<TrackedPool> l = new ArrayList<>();
        pools.nearest(side, k, l);
        return l;
    }

    /** The dealing range of the configured level, or null until it has a swing high and a swing low. */
    public DealingRange dealingRange() {
        if (cfg.range().trailing()) {
            if (trailTop == Long.MIN_VALUE || trailBottom == Long.MAX_VALUE) {
                return null;
            }
            return new DealingRange(trailTop, trailBottom, trailTopIdx, trailBottomIdx, trailTopIdx > trailBottomIdx ? +1 : -1,
                    trailKnownIdx, trailKnownTime, cfg.range().oteLow(), cfg.range().oteHigh(), cfg.range().eqBand());
        }
        StructureLevel l = levels.get(cfg.range().level());
        Swing h = l.lastHigh();
        Swing lo = l.lastLow();
        if (h == null || lo == null) {
            return null;
        }
        boolean highLater = h.index() > lo.index();
        Swing later = highLater ? h : lo;
        return new DealingRange(h.price(), lo.price(), h.index(), lo.index(), highLater ? +1 : -1,
                later.knownIndex(), later.knownTime(), cfg.range().oteLow(), cfg.range().oteHigh(), cfg.range().eqBand());
    }
}
