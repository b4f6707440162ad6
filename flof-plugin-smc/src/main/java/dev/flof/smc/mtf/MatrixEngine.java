package dev.flof.smc.mtf;

import dev.flof.smc.engine.SmcConfig;
import dev.flof.smc.engine.TimeframeEngine;
import dev.flof.smc.event.BreakEvent;
import dev.flof.smc.event.SmcEvent;
import dev.flof.smc.model.DealingRange;
import dev.flof.smc.model.SmcBar;
import dev.flof.smc.model.TrackedFvg;
import dev.flof.smc.model.TrackedOb;
import dev.flof.smc.model.TrackedPool;
import dev.flof.spi.calendar.TradingCalendar;
import dev.flof.spi.event.Bar;
import dev.flof.spi.ext.StructureAnalyzer;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.structure.Bias;
import dev.flof.spi.structure.LiquidityPool;
import dev.flof.spi.structure.MarketMap;
import dev.flof.spi.structure.PointOfInterest;
import dev.flof.spi.structure.StructureEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The multi-timeframe matrix of one instrument: one {@link TimeframeEngine} per timeframe, fed with closed
 * bars of any timeframe in close-time order ({@code Bar.tsEvent}). Because an engine only changes when its own
 * bar closes, the map never shows a higher timeframe's fact before that higher bar has closed: a lower
 * timeframe reading the map sees exactly the facts knowable at its own bar's close.
 *
 * <p>Map: bias per timeframe from its structure: the swing level's trend, else the internal level's, else the
 * trend of a short {@link FractalBias} (so a 4H chart a few days into a one-way move is not read as ranging
 * only because its 5-bar pivots have not formed), else ranging. Each change of a timeframe's bias is also
 * emitted as a {@code BIAS} structure event known at the close of the bar that caused it, and
 * {@link #biasReading} tells where the bias comes from and since when; POIs (live order blocks, breakers, open FVGs) from the POI timeframes ranked by freshness
 * (fewest touches, then most recently known, then the higher timeframe); the nearest active pools above and
 * below the last price; premium/discount in the range timeframe's dealing range.
 */
public final class MatrixEngine implements StructureAnalyzer.Engine {
    private final Instrument instrument;
    private final TradingCalendar calendar;
    private final java.util.function.Function<Timeframe, SmcConfig> configs;
    private final MatrixConfig matrix;
    private final Map<Timeframe, TimeframeEngine> engines = new EnumMap<>(Timeframe.class);
    private final List<String> levelNames = new ArrayList<>();
    private long asOf;
    private long lastPrice;
    /** Ranked POIs; they change only when a POI timeframe's engine consumes a bar. */
    private List<PointOfInterest> poiCache;
    /** Nearest pools per timeframe; they change only when that timeframe's engine consumes a bar. */
    private final Map<Timeframe, List<LiquidityPool>> poolCache = new EnumMap<>(Timeframe.class);
    /** Per timeframe: the short-fractal trend that decides the bias before either structure level breaks. */
    private final Map<Timeframe, FractalBias> fractals = new EnumMap<>(Timeframe.class);
    /** Per timeframe and level: the last break (its direction is the level's trend). */
    private final Map<Timeframe, BreakEvent[]> lastBreaks = new EnumMap<>(Timeframe.class);
    /** Per timeframe: the bias reading after its last bar. */
    private final Map<Timeframe, BiasReading> readings = new EnumMap<>(Timeframe.class);

    /** One config for every timeframe. */
    public MatrixEngine(Instrument instrument, TradingCalendar calendar, SmcConfig config, MatrixConfig matrix) {
        this(instrument, calendar, tf -> config, matrix);
    }

    /**
     * A config per timeframe (e.g. shorter swing lengths on the monthly chart); every config must name its
     * structure levels alike, as event types are derived from the level names.
     */
    public MatrixEngine(Instrument instrument, TradingCalendar calendar, java.util.function.Function<Timeframe, SmcConfig> configs,
                        MatrixConfig matrix) {
        this.instrument = instrument;
        this.calendar = calendar;
        this.configs = configs;
        this.matrix = matrix;
    }

    @Override
    public void onBar(Bar bar, Consumer<StructureEvent> out) {
        if (!bar.symbol().equals(instrument.symbol())) {
            throw new IllegalArgumentException("bar of " + bar.symbol() + " fed to the structure engine of " + instrument.symbol());
        }
        if (bar.tsEvent() < asOf) {
            throw new IllegalArgumentException(bar.symbol() + " " + bar.timeframe().label() + " bar closing at " + bar.tsEvent()
                    + " arrived after a bar closing at " + asOf + " (bars must arrive in close-time order)");
        }
        TimeframeEngine e = engines.computeIfAbsent(bar.timeframe(), tf -> new TimeframeEngine(configs.apply(tf), calendar));
        if (levelNames.isEmpty()) {
            for (SmcConfig.Level l : e.config().levels()) {
                levelNames.add(l.name());
            }
        }
        SmcBar b = new SmcBar(bar.openTime(), bar.tsEvent(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
        List<SmcEvent> events = e.onBar(b);
        asOf = bar.tsEvent();
        lastPrice = bar.close();
        if (matrix.poiTimeframes().contains(bar.timeframe())) {
            poiCache = null;
        }
        poolCache.remove(bar.timeframe());
        BreakEvent[] breaks = lastBreaks.computeIfAbsent(bar.timeframe(), tf -> new BreakEvent[e.levelCount()]);
        for (SmcEvent ev : events) {
            SpiEvents.convert(instrument.symbol(), bar.timeframe(), levelNames, ev, out);
            if (ev instanceof BreakEvent be) {
                breaks[be.level()] = be;
            }
        }
        FractalBias fractal = matrix.biasLength() > 0
                ? fractals.computeIfAbsent(bar.timeframe(), tf -> new FractalBias(matrix.biasLength())) : null;
        if (fractal != null) {
            fractal.onBar(bar.openTime(), bar.tsEvent(), bar.high(), bar.low(), bar.close());
        }
        updateBias(bar, e, breaks, fractal, out);
    }

    /** Recomputes the timeframe's bias after its bar; a change of direction is a {@code BIAS} event known now. */
    private void updateBias(Bar bar, TimeframeEngine e, BreakEvent[] breaks, FractalBias fractal, Consumer<StructureEvent> out) {
        Timeframe tf = bar.timeframe();
        BiasReading prev = readings.get(tf);
        int dir = 0;
        String source = "none";
        long level = 0;
        long pivotTime = bar.openTime();
        for (int l = e.levelCount() - 1; l >= 0 && dir == 0; l--) {
            int t = e.trend(l);
            if (t != 0) {
                dir = t;
                source = levelNames.get(l);
                BreakEvent be = breaks[l];
                level = be == null ? 0 : be.swing().price();
                pivotTime = be == null ? pivotTime : be.swing().time();
            }
        }
        if (dir == 0 && fractal != null && fractal.trend() != 0) {
            dir = fractal.trend();
            source = "fractal-" + fractal.length();
            level = fractal.level();
            pivotTime = fractal.pivotTime();
        }
        Bias bias = dir > 0 ? Bias.BULLISH : dir < 0 ? Bias.BEARISH : Bias.RANGING;
        long bars = e.barCount();
        if (bias == Bias.RANGING) {
            readings.put(tf, BiasReading.none(bars));
        } else {
            boolean changed = prev == null || prev.bias() != bias;
            readings.put(tf, new BiasReading(bias, source, changed ? bar.tsEvent() : prev.since(), level, bars));
        }
        if (prev == null ? bias != Bias.RANGING : prev.bias() != bias) {
            out.accept(new StructureEvent(instrument.symbol(), tf, "BIAS", dir, level, level, pivotTime, bar.tsEvent(),
                    "BIAS:" + tf.label() + ":" + source));
        }
    }

    /** The engine of a timeframe, or null before its first bar (for callers needing the full detail). */
    public TimeframeEngine engine(Timeframe tf) {
        return engines.get(tf);
    }

    /** The bias of a timeframe as of the last bar consumed (RANGING before its first bar). */
    public Bias bias(Timeframe tf) {
        return biasReading(tf).bias();
    }

    /** The bias of a timeframe with its source and the time it became knowable, as of the last bar consumed. */
    public BiasReading biasReading(Timeframe tf) {
        BiasReading r = readings.get(tf);
        return r == null ? BiasReading.none(0) : r;
    }

    @Override
    public MarketMap map() {
        Map<Timeframe, Bias> bias = new EnumMap<>(Timeframe.class);
        for (Timeframe tf : engines.keySet()) {
            bias.put(tf, bias(tf));
        }
        if (poiCache == null) {
            poiCache = List.copyOf(rankPois());
        }
        List<PointOfInterest> pois = poiCache;
        List<LiquidityPool> above = new ArrayList<>();
        List<LiquidityPool> below = new ArrayList<>();
        for (Map.Entry<Timeframe, TimeframeEngine> en : engines.entrySet()) {
            for (LiquidityPool lp : poolCache.computeIfAbsent(en.getKey(), tf -> nearest(tf, en.getValue()))) {
                (lp.price() >= lastPrice ? above : below).add(lp);
            }
        }
        above.sort(Comparator.comparingLong(LiquidityPool::price).thenComparing(LiquidityPool::id));
        below.sort(Comparator.comparingLong((LiquidityPool p) -> -p.price()).thenComparing(LiquidityPool::id));
        List<LiquidityPool> pools = new ArrayList<>();
        pools.addAll(above.subList(0, Math.min(matrix.poolsPerSide(), above.size())));
        pools.addAll(below.subList(0, Math.min(matrix.poolsPerSide(), below.size())));
        double pd = Double.NaN;
        TimeframeEngine re = engines.get(matrix.rangeTimeframe());
        if (re != null) {
            DealingRange r = re.dealingRange();
            if (r != null) {
                pd = r.position(lastPrice);
            }
        }
        return new MarketMap(instrument.symbol(), asOf, lastPrice, bias, pois, pools, pd);
    }

    private List<LiquidityPool> nearest(Timeframe tf, TimeframeEngine e) {
        List<TrackedPool> near = new ArrayList<>(e.nearestPools(+1, matrix.poolsPerSide()));
        near.addAll(e.nearestPools(-1, matrix.poolsPerSide()));
        List<LiquidityPool> l = new ArrayList<>(near.size());
        for (TrackedPool p : near) {
            l.add(new LiquidityPool(SpiEvents.poolId(tf, p.pool()), tf, p.pool().kind(), p.pool().side(), p.pool().price(),
                    p.pool().knownTime(), "ACTIVE", 0));
        }
        return List.copyOf(l);
    }

    private List<PointOfInterest> rankPois() {
        List<PointOfInterest> pois = new ArrayList<>();
        for (Timeframe tf : matrix.poiTimeframes()) {
            TimeframeEngine e = engines.get(tf);
            if (e == null) {
                continue;
            }
            for (TrackedOb o : e.orderBlocks()) {
                if (o.live()) {
                    pois.add(new PointOfInterest(SpiEvents.obId(tf, o.ob()), tf, "OB", o.ob().dir(), o.ob().top(),
                            o.ob().bottom(), o.ob().breakTime(), o.touches(), o.state().name()));
                } else if (o.state() == TrackedOb.State.BREAKER) {
                    pois.add(new PointOfInterest(SpiEvents.obId(tf, o.ob()), tf, "BREAKER", -o.ob().dir(), o.ob().top(),
                            o.ob().bottom(), o.ob().breakTime(), o.touches(), o.state().name()));
                }
            }
            for (TrackedFvg f : e.fvgs()) {
                if (f.open()) {
                    pois.add(new PointOfInterest(SpiEvents.fvgId(tf, f.fvg()), tf, "FVG", f.fvg().dir(), f.fvg().top(),
                            f.fvg().bottom(), f.fvg().knownTime(), f.touches(), f.state().name()));
                }
            }
        }
        pois.sort(Comparator.comparingInt(PointOfInterest::touches)
                .thenComparing(Comparator.comparingLong(PointOfInterest::knownTime).reversed())
                .thenComparing(Comparator.comparing(PointOfInterest::timeframe).reversed())
                .thenComparing(PointOfInterest::id));
        return pois.size() > matrix.maxPois() ? pois.subList(0, matrix.maxPois()) : pois;
    }
}
