package dev.flof.smc.engine;

import dev.flof.smc.event.BreakEvent;
import dev.flof.smc.event.ClassificationEvent;
import dev.flof.smc.event.ObEvent;
import dev.flof.smc.event.SmcEvent;
import dev.flof.smc.event.SwingEvent;
import dev.flof.smc.model.OrderBlock;
import dev.flof.smc.model.SmcBar;
import dev.flof.smc.model.Swing;
import dev.flof.smc.model.TrackedOb;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One structure level (spec §6.1–6.3): causal pivots with alternation, breaks of the latest unbroken swing
 * with the trend-state label, the four-swing classification, and the order blocks its breaks create, with
 * their lifecycle. All work per bar is bounded by the pivot window and the order-block cap.
 */
final class StructureLevel {
    private final int id;
    private final SmcConfig.Level cfg;
    private final SmcConfig.OrderBlocks obCfg;
    private final IdSource ids;

    private Swing last;
    private Swing curHigh;
    private Swing curLow;
    private boolean highCrossed;
    private boolean lowCrossed;
    private int trend;
    private final Swing[] lastFour = new Swing[4];
    private int swingCount;
    private long classifiedIndex = -1;
    private String classifiedKind = "";

    private final Candidate forHigh = new Candidate();
    private final Candidate forLow = new Candidate();

    private final List<ObHolder> bull = new ArrayList<>();
    private final List<ObHolder> bear = new ArrayList<>();
    private Swing lastHigh;
    private Swing lastLow;

    StructureLevel(int id, SmcConfig.Level cfg, SmcConfig.OrderBlocks obCfg, IdSource ids) {
        this.id = id;
        this.cfg = cfg;
        this.obCfg = obCfg;
        this.ids = ids;
    }

    SmcConfig.Level config() {
        return cfg;
    }

    int trend() {
        return trend;
    }

    /** Latest confirmed swing high (after replacements), or null. */
    Swing lastHigh() {
        return lastHigh;
    }

    Swing lastLow() {
        return lastLow;
    }

    /** The swing high a bullish break would target (null once crossed). */
    Swing unbrokenHigh() {
        return highCrossed ? null : curHigh;
    }

    Swing unbrokenLow() {
        return lowCrossed ? null : curLow;
    }

    int window() {
        return cfg.left() + cfg.right() + 2;
    }

    /** Step 1 of a bar: lifecycle of the existing order blocks (created on earlier bars). */
    void updateOrderBlocks(long t, SmcBar b, Consumer<SmcEvent> out) {
        update(bull, +1, t, b, out);
        update(bear, -1, t, b, out);
    }

    private void update(List<ObHolder> list, int dir, long t, SmcBar b, Consumer<SmcEvent> out) {
        long time = b.closeTime();
        int w = 0;
        for (int r = 0; r < list.size(); r++) {
            ObHolder h = list.get(r);
            OrderBlock ob = h.ob;
            boolean keep = true;
            boolean inside = b.low() <= ob.top() && b.high() >= ob.bottom();
            if (inside && !h.inside) {
                h.touches++;
            }
            h.inside = inside;
            if (h.state == TrackedOb.State.BREAKER) {
                if (dir > 0 ? src(b, obCfg.invalidation(), +1) > ob.top() : src(b, obCfg.invalidation(), -1) < ob.bottom()) {
                    h.state = TrackedOb.State.BREAKER_INVALIDATED;
                    out.accept(new ObEvent(ObEvent.Kind.BREAKER_INVALIDATED, ob, t, time));
                    keep = false;
                }
            } else {
                if (h.state == TrackedOb.State.ACTIVE && (dir > 0 ? b.low() <= ob.top() : b.high() >= ob.bottom())) {
                    h.state = TrackedOb.State.TOUCHED;
                    out.accept(new ObEvent(ObEvent.Kind.TOUCHED, ob, t, time));
                }
                if (h.state == TrackedOb.State.TOUCHED && (dir > 0 ? b.low() <= h.mitigationLevel : b.high() >= h.mitigationLevel)) {
                    h.state = TrackedOb.State.MITIGATED;
                    out.accept(new ObEvent(ObEvent.Kind.MITIGATED, ob, t, time));
                }
                if (dir > 0 ? src(b, obCfg.invalidation(), -1) < ob.bottom() : src(b, obCfg.invalidation(), +1) > ob.top()) {
                    h.state = TrackedOb.State.BREAKER;
                    out.accept(new ObEvent(ObEvent.Kind.INVALIDATED, ob, t, time));
                }
            }
            if (keep && obCfg.maxAgeBars() > 0 && t - ob.breakIndex() >= obCfg.maxAgeBars()) {
                h.state = TrackedOb.State.EXPIRED;
                out.accept(new ObEvent(ObEvent.Kind.EXPIRED, ob, t, time));
                keep = false;
            }
            if (keep) {
                list.set(w++, h);
            }
        }
        list.subList(w, list.size()).clear();
    }

    /** The price a rule reads: upward (+1) the high/close/max(open,close), downward the low/close/min. */
    private static long src(SmcBar b, SmcConfig.Source s, int up) {
        return switch (s) {
            case WICK -> up > 0 ? b.high() : b.low();
            case CLOSE -> b.close();
            case BODY -> up > 0 ? Math.max(b.open(), b.close()) : Math.min(b.open(), b.close());
        };
    }

    /** Steps 2–4 of a bar: pivot at {@code t - right}, breaks on bar {@code t}, then bar {@code t} joins the OB search. */
    void onBar(long t, BarRing ring, double atr, StructureLevel parent, Consumer<SmcEvent> out) {
        SmcBar b = ring.get(t);
        long p = t - cfg.right();
        if (p - cfg.left() >= 0 && p >= cfg.minPivotIndex()) {
            boolean hi = isPivot(ring, p, +1);
            boolean lo = isPivot(ring, p, -1);
            if (hi && lo && cfg.highWins()) {
                lo = false;
            }
            if (lo) {
                pivot(ring, p, -1, t, b.closeTime(), out);
            }
            if (hi) {
                pivot(ring, p, +1, t, b.closeTime(), out);
            }
        }
        long extra = cfg.minBreak() + (cfg.minBreakAtr() > 0 && !Double.isNaN(atr) ? Math.round(cfg.minBreakAtr() * atr) : 0);
        if (curHigh != null && !highCrossed) {
            long s = cfg.breakOn() == SmcConfig.BreakOn.CLOSE ? b.close() : b.high();
            if (s > curHigh.price() + extra && parentHolds(parent, curHigh)) {
                highCrossed = true;
            } else if (s > curHigh.price() + extra) {
                highCrossed = true;
                String kind = trend == -1 ? "CHOCH" : "BOS";
                trend = +1;
                out.accept(new BreakEvent(id, +1, kind, curHigh, t, b.closeTime(), displaced(b, +1, atr)));
                createOb(+1, curHigh, forHigh, t, ring, out);
            }
        }
        if (curLow != null && !lowCrossed) {
            long s = cfg.breakOn() == SmcConfig.BreakOn.CLOSE ? b.close() : b.low();
            if (s < curLow.price() - extra && parentHolds(parent, curLow)) {
                lowCrossed = true;
            } else if (s < curLow.price() - extra) {
                lowCrossed = true;
                String kind = trend == +1 ? "CHOCH" : "BOS";
                trend = -1;
                out.accept(new BreakEvent(id, -1, kind, curLow, t, b.closeTime(), displaced(b, -1, atr)));
                createOb(-1, curLow, forLow, t, ring, out);
            }
        }
        if (curHigh != null && !highCrossed) {
            offer(forHigh, +1, curHigh, t, ring);
        }
        if (curLow != null && !lowCrossed) {
            offer(forLow, -1, curLow, t, ring);
        }
    }

    private boolean displaced(SmcBar b, int dir, double atr) {
        long body = (b.close() - b.open()) * dir;
        return !Double.isNaN(atr) && cfg.displacementAtr() > 0 && body > 0 && body >= cfg.displacementAtr() * atr;
    }

    /** dedupAgainstParent: the parent level tracks a swing of the same type at the same price. */
    private boolean parentHolds(StructureLevel parent, Swing s) {
        if (!cfg.dedupAgainstParent() || parent == null) {
            return false;
        }
        Swing q = s.type() > 0 ? parent.curHigh : parent.curLow;
        return q != null && q.price() == s.price();
    }

    private boolean isPivot(BarRing ring, long p, int type) {
        long v = type > 0 ? ring.get(p).high() : ring.get(p).low();
        for (long j = p - cfg.left(); j <= p + cfg.right(); j++) {
            if (j == p) {
                continue;
            }
            long o = type > 0 ? ring.get(j).high() : ring.get(j).low();
            long d = type > 0 ? v - o : o - v;
            boolean strict = j < p && cfg.ties() == SmcConfig.TiePolicy.STRICT_LEFT;
            if (strict ? d <= 0 : d < 0) {
                return false;
            }
        }
        return true;
    }

    private void pivot(BarRing ring, long p, int type, long t, long knownTime, Consumer<SmcEvent> out) {
        SmcBar pb = ring.get(p);
        Swing s = new Swing(id, type, p, pb.openTime(), type > 0 ? pb.high() : pb.low(), t, knownTime);
        if (last == null || last.type() != type) {
            last = s;
            push(s, false);
            out.accept(new SwingEvent(SwingEvent.Kind.CONFIRMED, s, null, t, knownTime));
        } else if (type > 0 ? s.price() > last.price() : s.price() < last.price()) {
            Swing old = last;
            last = s;
            push(s, true);
            out.accept(new SwingEvent(SwingEvent.Kind.REPLACED, s, old, t, knownTime));
        } else {
            out.accept(new SwingEvent(SwingEvent.Kind.DISCARDED, s, null, t, knownTime));
            return;
        }
        if (type > 0) {
            curHigh = s;
            lastHigh = s;
            highCrossed = false;
            initCandidate(forHigh, +1, s, t, ring);
        } else {
            curLow = s;
            lastLow = s;
            lowCrossed = false;
            initCandidate(forLow, -1, s, t, ring);
        }
        classify(t, knownTime, out);
    }

    private void push(Swing s, boolean replace) {
        if (replace) {
            lastFour[3] = s;
            return;
        }
        System.arraycopy(lastFour, 1, lastFour, 0, 3);
        lastFour[3] = s;
        swingCount++;
    }

    /** Library §2.4 four-swing pattern on the last four swings, labelling S[-3]. */
    private void classify(long t, long knownTime, Consumer<SmcEvent> out) {
        if (swingCount < 4) {
            return;
        }
        Swing s4 = lastFour[0];
        Swing s3 = lastFour[1];
        Swing s2 = lastFour[2];
        Swing s1 = lastFour[3];
        long x4 = s4.price();
        long x3 = s3.price();
        long x2 = s2.price();
        long x1 = s1.price();
        String kind = "NONE";
        int dir = 0;
        if (s1.type() > 0) {
            if (x4 < x2 && x2 < x3 && x3 < x1) {
                kind = "BOS";
                dir = 1;
            } else if (x1 > x3 && x3 > x4 && x4 > x2) {
                kind = "CHOCH";
                dir = 1;
            }
        } else {
            if (x4 > x2 && x2 > x3 && x3 > x1) {
                kind = "BOS";
                dir = -1;
            } else if (x1 < x3 && x3 < x4 && x4 < x2) {
                kind = "CHOCH";
                dir = -1;
            }
        }
        if (s3.index() == classifiedIndex && kind.equals(classifiedKind)) {
            return;
        }
        if (s3.index() != classifiedIndex && kind.equals("NONE")) {
            return;
        }
        classifiedIndex = s3.index();
        classifiedKind = kind;
        out.accept(new ClassificationEvent(id, s3, kind, dir, t, knownTime));
    }

    /** The OB candle search for a break of {@code swing}: restarted when the swing changes. */
    private void initCandidate(Candidate c, int dir, Swing s, long t, BarRing ring) {
        c.clear();
        long from = obCfg.selection() == SmcConfig.ObSelection.EXTREME_BETWEEN ? s.index() + 1 : s.index();
        for (long j = from; j < t; j++) {
            consider(c, dir, j, ring);
        }
    }

    private void offer(Candidate c, int dir, Swing s, long t, BarRing ring) {
        if (t > s.index() || obCfg.selection() != SmcConfig.ObSelection.EXTREME_BETWEEN) {
            consider(c, dir, t, ring);
        }
    }

    private void consider(Candidate c, int dir, long j, BarRing ring) {
        SmcBar b = ring.get(j);
        switch (obCfg.selection()) {
            case EXTREME_BETWEEN -> {
                if (!c.has || (dir > 0 ? b.low() <= c.bar.low() : b.high() >= c.bar.high())) {
                    c.set(j, b);
                }
            }
            case LAST_OPPOSITE_CANDLE -> {
                if (dir > 0 ? b.close() < b.open() : b.close() > b.open()) {
                    c.set(j, b);
                }
            }
            case EXTREME_INCL_PIVOT_VOLFILTER -> {
                double atr = ring.atr(j);
                boolean volatileBar = !Double.isNaN(atr) && (b.high() - b.low()) >= obCfg.volMult() * atr;
                if (!volatileBar && (!c.has || (dir > 0 ? b.low() < c.bar.low() : b.high() > c.bar.high()))) {
                    c.set(j, b);
                }
            }
        }
    }

    private void createOb(int dir, Swing s, Candidate c, long t, BarRing ring, Consumer<SmcEvent> out) {
        if (!obCfg.enabled()) {
            return;
        }
        long ci = c.has ? c.index : t - 1;
        SmcBar cb = c.has ? c.bar : ring.get(t - 1);
        long top = obCfg.zone() == SmcConfig.Zone.WICK ? cb.high() : Math.max(cb.open(), cb.close());
        long bottom = obCfg.zone() == SmcConfig.Zone.WICK ? cb.low() : Math.min(cb.open(), cb.close());
        double v0 = vol(ring, t);
        double v1 = vol(ring, t - 1);
        double v2 = vol(ring, t - 2);
        double obVolume = v0 + v1 + v2;
        double high = v0 + v1;
        double max = Math.max(high, v2);
        double pct = max == 0 ? Double.NaN : Math.min(high, v2) / max * 100.0;
        SmcBar bt = ring.get(t);
        OrderBlock ob = new OrderBlock(ids.next(), id, dir, ci, cb.openTime(), top, bottom, s, t, bt.closeTime(),
                obVolume, pct, cb.volume());
        ObHolder h = new ObHolder(ob, obCfg.mitigation());
        List<ObHolder> list = dir > 0 ? bull : bear;
        list.add(h);
        out.accept(new ObEvent(ObEvent.Kind.CREATED, ob, t, bt.closeTime()));
        if (obCfg.maxActivePerSide() > 0 && list.size() > obCfg.maxActivePerSide()) {
            ObHolder oldest = list.remove(0);
            oldest.state = TrackedOb.State.EXPIRED;
            out.accept(new ObEvent(ObEvent.Kind.EXPIRED, oldest.ob, t, bt.closeTime()));
        }
    }

    private static double vol(BarRing ring, long j) {
        return ring.has(j) ? dev.flof.spi.market.Fixed.toDouble(ring.get(j).volume()) : 0.0;
    }

    /** Tracked (not yet finished) order blocks of this level, oldest first. */
    void tracked(List<TrackedOb> into) {
        for (ObHolder h : bull) {
            into.add(new TrackedOb(h.ob, h.state, h.touches));
        }
        for (ObHolder h : bear) {
            into.add(new TrackedOb(h.ob, h.state, h.touches));
        }
    }

    private static final class Candidate {
        boolean has;
        long index;
        SmcBar bar;

        void clear() {
            has = false;
            bar = null;
        }

        void set(long j, SmcBar b) {
            has = true;
            index = j;
            bar = b;
        }
    }

    private static final class ObHolder {
        final OrderBlock ob;
        final long mitigationLevel;
        TrackedOb.State state = TrackedOb.State.ACTIVE;
        int touches;
        boolean inside;

        ObHolder(OrderBlock ob, double pct) {
            this.ob = ob;
            long depth = Math.round((ob.top() - ob.bottom()) * pct);
            this.mitigationLevel = ob.dir() > 0 ? ob.top() - depth : ob.bottom() + depth;
        }
    }
}
