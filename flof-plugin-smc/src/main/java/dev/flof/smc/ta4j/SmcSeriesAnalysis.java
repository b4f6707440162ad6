package dev.flof.smc.ta4j;

import dev.flof.smc.engine.SmcConfig;
import dev.flof.smc.engine.TimeframeEngine;
import dev.flof.smc.event.BreakEvent;
import dev.flof.smc.event.PoolEvent;
import dev.flof.smc.event.SmcEvent;
import dev.flof.smc.model.DealingRange;
import dev.flof.smc.model.SmcBar;
import dev.flof.smc.model.Swing;
import dev.flof.smc.model.TrackedFvg;
import dev.flof.smc.model.TrackedOb;
import dev.flof.spi.calendar.TradingCalendar;
import dev.flof.spi.market.Fixed;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.num.Num;

/**
 * Runs the structure engine over a plain ta4j {@link BarSeries}, bar by bar and only as far as asked, and
 * keeps one small snapshot per bar. The SMC indicators and rules of this package read these snapshots, so a
 * value at index {@code i} only ever depends on bars up to {@code i} (it is what the engine knew at that
 * bar's close). Several indicators can share one analysis. Bars appended to the series later are picked up on
 * the next query; bars must not be replaced once analysed.
 */
public final class SmcSeriesAnalysis {
    /** What was known at the close of one bar. Zone flags say whether the bar traded into a zone known before it. */
    public record Snapshot(int index, long[] swingHigh, long[] swingLow, int[] trend, int[] breakDir,
                           boolean inBullOb, boolean inBearOb, boolean inBullFvg, boolean inBearFvg,
                           boolean buySideSwept, boolean sellSideSwept, double rangePosition) {
    }

    private final BarSeries series;
    private final TimeframeEngine engine;
    private final List<Snapshot> snaps = new ArrayList<>();
    private int first = -1;

    public SmcSeriesAnalysis(BarSeries series, SmcConfig config, TradingCalendar calendar) {
        this.series = series;
        this.engine = new TimeframeEngine(config, calendar);
    }

    /** Trading defaults ({@link SmcConfig#defaults()}), no calendar (no period/session pools). */
    public SmcSeriesAnalysis(BarSeries series) {
        this(series, SmcConfig.defaults(), null);
    }

    public BarSeries series() {
        return series;
    }

    public int levelCount() {
        return engine.levelCount();
    }

    /** Bars the engine needs before its first swing can exist (the longest pivot window). */
    public int unstableBars() {
        int m = 0;
        for (SmcConfig.Level l : engine.config().levels()) {
            m = Math.max(m, l.left() + l.right());
        }
        return m;
    }

    /** The snapshot as of the close of bar {@code index}, analysing up to it if needed. */
    public Snapshot at(int index) {
        if (first < 0) {
            first = series.getBeginIndex();
        }
        if (index < first) {
            throw new IllegalArgumentException("bar " + index + " precedes the first analysed bar " + first);
        }
        if (index > series.getEndIndex()) {
            throw new IndexOutOfBoundsException("bar " + index + " is beyond the series end " + series.getEndIndex());
        }
        while (first + snaps.size() <= index) {
            step(first + snaps.size());
        }
        return snaps.get(index - first);
    }

    private void step(int i) {
        Bar b = series.getBar(i);
        SmcBar sb = new SmcBar(nanos(b.getBeginTime()), nanos(b.getEndTime()), fixed(b.getOpenPrice()), fixed(b.getHighPrice()),
                fixed(b.getLowPrice()), fixed(b.getClosePrice()), b.getVolume() == null ? 0 : fixed(b.getVolume()));
        boolean bullOb = false;
        boolean bearOb = false;
        for (TrackedOb o : engine.orderBlocks()) {
            if (o.live() && sb.low() <= o.ob().top() && sb.high() >= o.ob().bottom()) {
                bullOb |= o.ob().dir() > 0;
                bearOb |= o.ob().dir() < 0;
            }
        }
        boolean bullFvg = false;
        boolean bearFvg = false;
        for (TrackedFvg f : engine.fvgs()) {
            if (f.open() && sb.low() <= f.fvg().top() && sb.high() >= f.fvg().bottom()) {
                bullFvg |= f.fvg().dir() > 0;
                bearFvg |= f.fvg().dir() < 0;
            }
        }
        int levels = engine.levelCount();
        int[] breakDir = new int[levels];
        boolean[] swept = new boolean[2];
        for (SmcEvent e : engine.onBar(sb)) {
            if (e instanceof BreakEvent br) {
                breakDir[br.level()] = br.dir();
            } else if (e instanceof PoolEvent p && p.kind() == PoolEvent.Kind.SWEPT) {
                swept[p.pool().side() > 0 ? 0 : 1] = true;
            }
        }
        long[] hi = new long[levels];
        long[] lo = new long[levels];
        int[] trend = new int[levels];
        for (int l = 0; l < levels; l++) {
            Swing h = engine.lastSwingHigh(l);
            Swing w = engine.lastSwingLow(l);
            hi[l] = h == null ? Long.MIN_VALUE : h.price();
            lo[l] = w == null ? Long.MIN_VALUE : w.price();
            trend[l] = engine.trend(l);
        }
        DealingRange r = engine.dealingRange();
        double pos = r == null ? Double.NaN : r.position(sb.close());
        snaps.add(new Snapshot(i, hi, lo, trend, breakDir, bullOb, bearOb, bullFvg, bearFvg, swept[0], swept[1], pos));
    }

    static long fixed(Num n) {
        return Fixed.of(n.bigDecimalValue().setScale(9, RoundingMode.HALF_EVEN));
    }

    static long nanos(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    }

    /** A fixed-point price as a Num of the series' factory; NaN for "none". */
    Num num(long fixed) {
        if (fixed == Long.MIN_VALUE) {
            return org.ta4j.core.num.NaN.NaN;
        }
        return series.numFactory().numOf(Fixed.toDecimal(fixed));
    }
}
