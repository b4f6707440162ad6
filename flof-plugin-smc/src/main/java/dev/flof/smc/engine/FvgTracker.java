package dev.flof.smc.engine;

import dev.flof.smc.event.FvgEvent;
import dev.flof.smc.event.SmcEvent;
import dev.flof.smc.model.Fvg;
import dev.flof.smc.model.SmcBar;
import dev.flof.smc.model.TrackedFvg;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fair value gaps (spec §6.4): detected at the close of the third candle, lifecycle from the bar after.
 * Comparisons are exact on fixed-point prices; the consequent encroachment test avoids halving
 * ({@code 2*low <= top+bottom}).
 */
final class FvgTracker {
    private final SmcConfig.Fvgs cfg;
    private final IdSource ids;
    private final List<Holder> bull = new ArrayList<>();
    private final List<Holder> bear = new ArrayList<>();
    private Holder lastCreated;
    private double bodySum;
    private long bodyCount;

    FvgTracker(SmcConfig.Fvgs cfg, IdSource ids) {
        this.cfg = cfg;
        this.ids = ids;
    }

    void update(long t, SmcBar b, Consumer<SmcEvent> out) {
        update(bull, +1, t, b, out);
        update(bear, -1, t, b, out);
    }

    private void update(List<Holder> list, int dir, long t, SmcBar b, Consumer<SmcEvent> out) {
        long time = b.closeTime();
        int w = 0;
        for (int r = 0; r < list.size(); r++) {
            Holder h = list.get(r);
            Fvg f = h.fvg;
            boolean inside = b.low() <= f.top() && b.high() >= f.bottom();
            if (inside && !h.inside) {
                h.touches++;
            }
            h.inside = inside;
            boolean keep = true;
            if (h.state == TrackedFvg.State.ACTIVE && (dir > 0 ? b.low() <= f.top() : b.high() >= f.bottom())) {
                h.state = TrackedFvg.State.TOUCHED;
                out.accept(new FvgEvent(FvgEvent.Kind.TOUCHED, f, null, t, time));
            }
            if (h.state == TrackedFvg.State.TOUCHED
                    && (dir > 0 ? 2 * b.low() <= f.top() + f.bottom() : 2 * b.high() >= f.top() + f.bottom())) {
                h.state = TrackedFvg.State.CE;
                out.accept(new FvgEvent(FvgEvent.Kind.CE, f, null, t, time));
            }
            if (h.state == TrackedFvg.State.CE && (dir > 0 ? b.low() <= f.bottom() : b.high() >= f.top())) {
                h.state = TrackedFvg.State.FILLED;
                out.accept(new FvgEvent(FvgEvent.Kind.FILLED, f, null, t, time));
            }
            if (h.state == TrackedFvg.State.FILLED && (dir > 0 ? b.close() < f.bottom() : b.close() > f.top())) {
                h.state = TrackedFvg.State.INVERTED;
                out.accept(new FvgEvent(FvgEvent.Kind.INVERTED, f, null, t, time));
                keep = false;
            }
            if (keep && cfg.maxAgeBars() > 0 && t - f.knownIndex() >= cfg.maxAgeBars()) {
                h.state = TrackedFvg.State.EXPIRED;
                out.accept(new FvgEvent(FvgEvent.Kind.EXPIRED, f, null, t, time));
                keep = false;
            }
            if (keep) {
                list.set(w++, h);
            }
        }
        list.subList(w, list.size()).clear();
    }

    /** Detection with the bar {@code t} as the third candle (middle {@code t-1}). */
    void detect(long t, BarRing ring, double atr, Consumer<SmcEvent> out) {
        if (t < 2) {
            if (ring.has(t)) {
                observeBody(ring.get(t));
            }
            return;
        }
        SmcBar a = ring.get(t - 2);
        SmcBar m = ring.get(t - 1);
        SmcBar c = ring.get(t);
        double meanBody = bodyCount == 0 ? 0 : bodySum / bodyCount;
        observeBody(c);
        int dir = 0;
        long top = 0;
        long bottom = 0;
        if (c.low() > a.high() && (!cfg.requireMiddleDirection() || m.close() > m.open())) {
            dir = 1;
            top = c.low();
            bottom = a.high();
        } else if (c.high() < a.low() && (!cfg.requireMiddleDirection() || m.close() < m.open())) {
            dir = -1;
            top = a.low();
            bottom = c.high();
        }
        if (dir == 0) {
            return;
        }
        long gap = top - bottom;
        if (gap < cfg.minGap()) {
            return;
        }
        if (cfg.minGapAtr() > 0 && !Double.isNaN(atr) && gap < cfg.minGapAtr() * atr) {
            return;
        }
        if (cfg.displacement()) {
            boolean beyond = dir > 0 ? m.close() > a.high() : m.close() < a.low();
            double body = Math.abs(bodyPct(m));
            if (!beyond || body <= cfg.dispMult() * meanBody) {
                return;
            }
        }
        long mi = t - 1;
        Holder prev = lastCreated;
        long absorbed = -1;
        if (cfg.join() && prev != null && prev.fvg.dir() == dir && prev.fvg.index() == mi - 1
                && prev.state != TrackedFvg.State.MERGED) {
            top = Math.max(top, prev.fvg.top());
            bottom = Math.min(bottom, prev.fvg.bottom());
            absorbed = prev.fvg.id();
        }
        Fvg f = new Fvg(ids.next(), dir, mi, m.openTime(), top, bottom, t, c.closeTime(), absorbed);
        Holder h = new Holder(f);
        List<Holder> list = dir > 0 ? bull : bear;
        if (absorbed >= 0) {
            prev.state = TrackedFvg.State.MERGED;
            list.remove(prev);
            out.accept(new FvgEvent(FvgEvent.Kind.MERGED, prev.fvg, f, t, c.closeTime()));
        }
        list.add(h);
        lastCreated = h;
        out.accept(new FvgEvent(FvgEvent.Kind.CREATED, f, null, t, c.closeTime()));
        if (cfg.maxActivePerSide() > 0 && list.size() > cfg.maxActivePerSide()) {
            Holder oldest = list.remove(0);
            oldest.state = TrackedFvg.State.EXPIRED;
            out.accept(new FvgEvent(FvgEvent.Kind.EXPIRED, oldest.fvg, null, t, c.closeTime()));
        }
    }

    private void observeBody(SmcBar b) {
        bodySum += Math.abs(bodyPct(b));
        bodyCount++;
    }

    private static double bodyPct(SmcBar b) {
        return b.open() == 0 ? 0 : (double) (b.close() - b.open()) / (double) b.open();
    }

    void tracked(List<TrackedFvg> into) {
        for (Holder h : bull) {
            into.add(new TrackedFvg(h.fvg, h.state, h.touches));
        }
        for (Holder h : bear) {
            into.add(new TrackedFvg(h.fvg, h.state, h.touches));
        }
    }

    private static final class Holder {
        final Fvg fvg;
        TrackedFvg.State state = TrackedFvg.State.ACTIVE;
        int touches;
        boolean inside;

        Holder(Fvg fvg) {
            this.fvg = fvg;
        }
    }
}
