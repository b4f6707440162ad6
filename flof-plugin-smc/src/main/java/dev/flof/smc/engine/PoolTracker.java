package dev.flof.smc.engine;

import dev.flof.smc.event.PoolEvent;
import dev.flof.smc.event.SmcEvent;
import dev.flof.smc.model.Pool;
import dev.flof.smc.model.SmcBar;
import dev.flof.smc.model.Swing;
import dev.flof.smc.model.TrackedPool;
import dev.flof.spi.calendar.SessionWindow;
import dev.flof.spi.calendar.TradingCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Liquidity pools (spec §6.5) and their sweep/break outcome. Active buy-side pools sit in a set sorted by
 * their trigger price, nearest first (sell-side: descending), so each bar only touches the pools it actually
 * takes (amortized O(log n) per pool over its life, independent of history length) and the nearest pools are
 * read from the front.
 */
final class PoolTracker {
    private final SmcConfig.Pools cfg;
    private final IdSource ids;
    private final TradingCalendar calendar;
    private final TreeSet<Holder> above = new TreeSet<>(
            Comparator.comparingLong((Holder h) -> h.trigger).thenComparingLong(h -> h.pool.id()));
    private final TreeSet<Holder> below = new TreeSet<>(
            Comparator.comparingLong((Holder h) -> -h.trigger).thenComparingLong(h -> h.pool.id()));
    private final List<Holder> pending = new ArrayList<>();
    private final List<TrackedPool> recent = new ArrayList<>();

    // equal highs / lows stream: the previous pivot of each type and the pool it belongs to (if still active)
    private long eqPrevHighIdx = -1;
    private long eqPrevLowIdx = -1;
    private Holder eqHighGroup;
    private Holder eqLowGroup;
    // library-style equal highs/lows groups (parity), in anchor order
    private final List<LibGroup> libGroups = new ArrayList<>();

    // periods
    private final Period day = new Period("PD");
    private final Period week = new Period("PW");
    private final Period month = new Period("PM");
    private final List<SessionState> sessions = new ArrayList<>();
    private final SessionState weekend;

    PoolTracker(SmcConfig.Pools cfg, IdSource ids, TradingCalendar calendar) {
        this.cfg = cfg;
        this.ids = ids;
        this.calendar = calendar;
        if (calendar != null && cfg.sessions()) {
            for (SessionWindow w : calendar.sessions()) {
                sessions.add(new SessionState(w, sessionKind(w.name())));
            }
        }
        weekend = calendar != null && cfg.weekend() ? new SessionState(null, "WEEKEND") : null;
    }

    int eqWindow() {
        return cfg.eqLength() > 0 ? 2 * cfg.eqLength() + 2 : 0;
    }

    /** Pool kind prefix of a session window: its name in upper snake case; an initial-balance window is {@code IB}. */
    static String sessionKind(String name) {
        String k = name.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return k.equals("INITIAL_BALANCE") || k.startsWith("IB_") || k.equals("IB") ? "IB" : k;
    }

    /** Sweeps and breaks caused by bar {@code t} (pools created on earlier bars only). */
    void update(long t, SmcBar b, Consumer<SmcEvent> out) {
        long time = b.closeTime();
        if (cfg.libraryEq()) {
            for (LibGroup g : libGroups) {
                if (g.swept < 0 && (g.side > 0 ? b.high() >= g.anchor + cfg.eqAbs() : b.low() <= g.anchor - cfg.eqAbs())) {
                    g.swept = t;
                }
            }
        }
        int w = 0;
        for (int r = 0; r < pending.size(); r++) {
            Holder h = pending.get(r);
            boolean inside = h.pool.side() > 0 ? b.close() <= h.pool.price() : b.close() >= h.pool.price();
            if (inside) {
                finish(h, TrackedPool.State.SWEPT, t, time, out);
            } else if (t - h.triggerIndex >= cfg.sweepConfirmBars()) {
                finish(h, TrackedPool.State.BROKEN, t, time, out);
            } else {
                pending.set(w++, h);
            }
        }
        pending.subList(w, pending.size()).clear();
        while (!above.isEmpty() && b.high() > above.first().trigger) {
            trigger(above.pollFirst(), b, t, out);
        }
        while (!below.isEmpty() && b.low() < below.first().trigger) {
            trigger(below.pollFirst(), b, t, out);
        }
    }

    private void trigger(Holder h, SmcBar b, long t, Consumer<SmcEvent> out) {
        h.triggerIndex = t;
        boolean inside = h.pool.side() > 0 ? b.close() <= h.pool.price() : b.close() >= h.pool.price();
        if (inside) {
            finish(h, TrackedPool.State.SWEPT, t, b.closeTime(), out);
        } else if (cfg.sweepConfirmBars() == 0) {
            finish(h, TrackedPool.State.BROKEN, t, b.closeTime(), out);
        } else {
            h.state = TrackedPool.State.PENDING;
            pending.add(h);
        }
    }

    private void finish(Holder h, TrackedPool.State s, long t, long time, Consumer<SmcEvent> out) {
        h.state = s;
        recent.add(new TrackedPool(h.pool, s, t, time));
        if (recent.size() > 64) {
            recent.remove(0);
        }
        out.accept(new PoolEvent(s == TrackedPool.State.SWEPT ? PoolEvent.Kind.SWEPT : PoolEvent.Kind.BROKEN, h.pool,
                h.triggerIndex, t, time));
    }

    Holder add(String kind, int side, long price, long refIndex, long refTime, long t, long time, int members,
               Consumer<SmcEvent> out) {
        return add(kind, side, price, refIndex, refTime, t, time, members, price, out);
    }

    Holder add(String kind, int side, long price, long refIndex, long refTime, long t, long time, int members, long mean,
               Consumer<SmcEvent> out) {
        return add(kind, side, price, refIndex, refTime, t, time, members, mean,
                side > 0 ? price + cfg.sweepBuffer() : price - cfg.sweepBuffer(), out);
    }

    private Holder add(String kind, int side, long price, long refIndex, long refTime, long t, long time, int members,
                       long mean, long trigger, Consumer<SmcEvent> out) {
        Pool p = new Pool(ids.next(), kind, side, price, refIndex, refTime, t, time, members, mean);
        Holder h = new Holder(p, trigger);
        (side > 0 ? above : below).add(h);
        out.accept(new PoolEvent(PoolEvent.Kind.CREATED, p, -1, t, time));
        return h;
    }

    /**
     * Equal highs/lows: a dedicated symmetric pivot stream. When a new pivot is within tolerance of the previous
     * same-type pivot, the pool that pivot belongs to grows (EXTENDED: level = the most extreme member, mean
     * kept in the members count), or a new two-member pool is created. Known at the new pivot's confirmation.
     */
    void eq(long t, BarRing ring, double atr, Consumer<SmcEvent> out) {
        int len = cfg.eqLength();
        if (len <= 0) {
            return;
        }
        long p = t - len;
        if (p - len < 0) {
            return;
        }
        long tol = cfg.eqAbs() > 0 ? cfg.eqAbs() : (Double.isNaN(atr) ? 0 : Math.round(cfg.eqAtrMult() * atr));
        SmcBar pb = ring.get(p);
        long time = ring.get(t).closeTime();
        if (isPivot(ring, p, len, +1)) {
            if (eqPrevHighIdx >= 0 && ring.has(eqPrevHighIdx) && Math.abs(ring.get(eqPrevHighIdx).high() - pb.high()) <= tol) {
                eqHighGroup = group(eqHighGroup, "EQH", +1, ring.get(eqPrevHighIdx), eqPrevHighIdx, pb.high(), t, time, out);
            } else {
                eqHighGroup = null;
            }
            eqPrevHighIdx = p;
        }
        if (isPivot(ring, p, len, -1)) {
            if (eqPrevLowIdx >= 0 && ring.has(eqPrevLowIdx) && Math.abs(ring.get(eqPrevLowIdx).low() - pb.low()) <= tol) {
                eqLowGroup = group(eqLowGroup, "EQL", -1, ring.get(eqPrevLowIdx), eqPrevLowIdx, pb.low(), t, time, out);
            } else {
                eqLowGroup = null;
            }
            eqPrevLowIdx = p;
        }
    }

    private Holder group(Holder g, String kind, int side, SmcBar prev, long prevIdx, long level, long t, long time,
                         Consumer<SmcEvent> out) {
        if (g != null && g.state == TrackedPool.State.ACTIVE) {
            Pool old = g.pool;
            long price = side > 0 ? Math.max(old.price(), level) : Math.min(old.price(), level);
            long sum = g.sum + level;
            Pool np = new Pool(old.id(), kind, side, price, old.refIndex(), old.refTime(), old.knownIndex(), old.knownTime(),
                    old.members() + 1, Math.floorDiv(sum, old.members() + 1));
            TreeSet<Holder> set = side > 0 ? above : below;
            set.remove(g);
            Holder h = new Holder(np, side > 0 ? price + cfg.sweepBuffer() : price - cfg.sweepBuffer());
            h.sum = sum;
            set.add(h);
            out.accept(new PoolEvent(PoolEvent.Kind.EXTENDED, np, -1, t, time));
            return h;
        }
        long first = side > 0 ? prev.high() : prev.low();
        Holder h = add(kind, side, side > 0 ? Math.max(first, level) : Math.min(first, level), prevIdx, prev.openTime(), t, time,
                2, Math.floorDiv(first + level, 2), out);
        h.sum = first + level;
        return h;
    }

    /**
     * Library grouping (parity): the swing joins the earliest group of its type whose first member is within
     * {@code eqAbs} and was not swept before the swing's bar, else starts a group. A group with two members
     * becomes an EQH/EQL pool (price = extreme member, mean reported) that is taken when price reaches first
     * member +- eqAbs; when that already happened (the sweep came between the new member's bar and its
     * confirmation) the pool is reported taken at once, with the sweep bar as trigger. A swing replaced by a
     * more extreme one of the same type is no longer a swing: a group it started alone passes to the new swing.
     */
    void librarySwing(Swing s, Swing replaced, long t, BarRing ring, Consumer<SmcEvent> out) {
        if (!cfg.libraryEq()) {
            return;
        }
        if (replaced != null) {
            libGroups.removeIf(g -> g.anchorIndex == replaced.index() && g.side == replaced.type() && g.members == 1);
        }
        long time = ring.get(t).closeTime();
        for (LibGroup g : libGroups) {
            if (g.side == s.type() && Math.abs(s.price() - g.anchor) <= cfg.eqAbs() && (g.swept < 0 || s.index() < g.swept)) {
                g.members++;
                g.sum += s.price();
                g.extreme = g.side > 0 ? Math.max(g.extreme, s.price()) : Math.min(g.extreme, s.price());
                String kind = g.side > 0 ? "EQH" : "EQL";
                if (g.holder == null) {
                    long trigger = g.side > 0 ? g.anchor + cfg.eqAbs() - 1 : g.anchor - cfg.eqAbs() + 1;
                    g.holder = add(kind, g.side, g.extreme, g.anchorIndex, g.anchorTime, t, time, 2,
                            Math.floorDiv(g.sum, 2), trigger, out);
                    if (g.swept >= 0) {
                        (g.side > 0 ? above : below).remove(g.holder);
                        g.holder.triggerIndex = g.swept;
                        SmcBar sb = ring.get(g.swept);
                        boolean inside = g.side > 0 ? sb.close() <= g.extreme : sb.close() >= g.extreme;
                        finish(g.holder, inside ? TrackedPool.State.SWEPT : TrackedPool.State.BROKEN, t, time, out);
                    }
                } else if (g.holder.state == TrackedPool.State.ACTIVE) {
                    Pool old = g.holder.pool;
                    Pool np = new Pool(old.id(), kind, g.side, g.extreme, old.refIndex(), old.refTime(), old.knownIndex(),
                            old.knownTime(), g.members, Math.floorDiv(g.sum, g.members));
                    TreeSet<Holder> set = g.side > 0 ? above : below;
                    set.remove(g.holder);
                    Holder h = new Holder(np, g.holder.trigger);
                    set.add(h);
                    g.holder = h;
                    out.accept(new PoolEvent(PoolEvent.Kind.EXTENDED, np, -1, t, time));
                }
                return;
            }
        }
        LibGroup g = new LibGroup();
        g.side = s.type();
        g.anchor = s.price();
        g.anchorIndex = s.index();
        g.anchorTime = s.time();
        g.members = 1;
        g.sum = s.price();
        g.extreme = s.price();
        libGroups.add(g);
    }

    /** A library-style group: first member, members so far, sweep bar of the first member's band. */
    private static final class LibGroup {
        int side;
        long anchor;
        long anchorIndex;
        long anchorTime;
        int members;
        long sum;
        long extreme;
        long swept = -1;
        Holder holder;
    }

    private static boolean isPivot(BarRing ring, long p, int len, int type) {
        long v = type > 0 ? ring.get(p).high() : ring.get(p).low();
        for (long j = p - len; j <= p + len; j++) {
            if (j == p) {
                continue;
            }
            long o = type > 0 ? ring.get(j).high() : ring.get(j).low();
            long d = type > 0 ? v - o : o - v;
            if (j < p ? d <= 0 : d < 0) {
                return false;
            }
        }
        return true;
    }

    /** Previous day/week/month, sessions and weekend: periods finalize at the close of their last bar. */
    void calendar(long t, SmcBar b, Consumer<SmcEvent> out) {
        if (calendar == null) {
            return;
        }
        if (cfg.periods()) {
            LocalDate d = calendar.tradingDay(b.openTime());
            LocalDate dEnd = calendar.tradingDay(b.closeTime());
            period(day, d, dEnd, d, dEnd, t, b, out);
            period(week, d, dEnd, d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    dEnd.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), t, b, out);
            period(month, d, dEnd, d.withDayOfMonth(1), dEnd.withDayOfMonth(1), t, b, out);
        }
        for (SessionState s : sessions) {
            s.onBar(t, b, out);
        }
        if (weekend != null) {
            weekend.onBar(t, b, out);
        }
    }

    private void period(Period per, LocalDate d, LocalDate dEnd, LocalDate key, LocalDate keyEnd, long t, SmcBar b,
                        Consumer<SmcEvent> out) {
        if (per.key != null && !per.key.equals(key)) {
            per.finish(this, t, b.closeTime(), out); // the period ended without a bar closing on its boundary
        }
        if (per.key == null) {
            per.start(key);
        }
        per.extend(t, b);
        if (!keyEnd.equals(key)) {
            per.finish(this, t, b.closeTime(), out);
        }
    }

    /** Up to {@code k} active pools on a side (+1 above: buy-side, -1 below), nearest first. */
    void nearest(int side, int k, List<TrackedPool> into) {
        int n = 0;
        for (Holder h : side > 0 ? above : below) {
            if (n++ >= k) {
                break;
            }
            into.add(new TrackedPool(h.pool, h.state, -1, 0));
        }
    }

    /** Active pools (not yet taken) and the last pools taken, for queries. */
    void tracked(List<TrackedPool> into) {
        for (Holder h : above) {
            into.add(new TrackedPool(h.pool, h.state, -1, 0));
        }
        for (Holder h : below) {
            into.add(new TrackedPool(h.pool, h.state, -1, 0));
        }
        for (Holder h : pending) {
            into.add(new TrackedPool(h.pool, h.state, h.triggerIndex, 0));
        }
        into.addAll(recent);
    }

    private static final class Holder {
        final Pool pool;
        final long trigger;
        TrackedPool.State state = TrackedPool.State.ACTIVE;
        long triggerIndex = -1;
        long sum;

        Holder(Pool pool, long trigger) {
            this.pool = pool;
            this.trigger = trigger;
        }
    }

    /** Running high/low of one calendar period. */
    private static final class Period {
        final String prefix;
        LocalDate key;
        long high;
        long low;
        long highIdx;
        long lowIdx;
        long highTime;
        long lowTime;

        Period(String prefix) {
            this.prefix = prefix;
        }

        void start(LocalDate k) {
            key = k;
            high = Long.MIN_VALUE;
            low = Long.MAX_VALUE;
        }

        void extend(long t, SmcBar b) {
            if (b.high() > high) {
                high = b.high();
                highIdx = t;
                highTime = b.openTime();
            }
            if (b.low() < low) {
                low = b.low();
                lowIdx = t;
                lowTime = b.openTime();
            }
        }

        void finish(PoolTracker pt, long t, long time, Consumer<SmcEvent> out) {
            if (key != null && high != Long.MIN_VALUE) {
                pt.add(prefix + "H", +1, high, highIdx, highTime, t, time, 1, out);
                pt.add(prefix + "L", -1, low, lowIdx, lowTime, t, time, 1, out);
            }
            key = null;
        }
    }

    /** A session (daily window in its own zone, or the weekend) and its running high/low. */
    private final class SessionState {
        final SessionWindow window;
        final String kind;
        long end = Long.MIN_VALUE;
        long high;
        long low;
        long highIdx;
        long lowIdx;
        long highTime;
        long lowTime;
        boolean active;

        SessionState(SessionWindow window, String kind) {
            this.window = window;
            this.kind = kind;
        }

        void onBar(long t, SmcBar b, Consumer<SmcEvent> out) {
            if (active && b.openTime() >= end) {
                finish(t, b.closeTime(), out);
            }
            if (!active) {
                long e = endIfInside(b.openTime());
                if (e != Long.MIN_VALUE) {
                    active = true;
                    end = e;
                    high = Long.MIN_VALUE;
                    low = Long.MAX_VALUE;
                }
            }
            if (active) {
                if (b.high() > high) {
                    high = b.high();
                    highIdx = t;
                    highTime = b.openTime();
                }
                if (b.low() < low) {
                    low = b.low();
                    lowIdx = t;
                    lowTime = b.openTime();
                }
                if (b.closeTime() >= end) {
                    finish(t, b.closeTime(), out);
                }
            }
        }

        private void finish(long t, long time, Consumer<SmcEvent> out) {
            active = false;
            add(kind + "_HIGH", +1, high, highIdx, highTime, t, time, 1, out);
            add(kind + "_LOW", -1, low, lowIdx, lowTime, t, time, 1, out);
        }

        /** The end (ns) of the session instance containing {@code ts}, or MIN_VALUE when outside. */
        private long endIfInside(long ts) {
            if (window == null) {
                ZoneId z = calendar.zone();
                ZonedDateTime at = Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000_000L), Math.floorMod(ts, 1_000_000_000L)).atZone(z);
                DayOfWeek dow = at.getDayOfWeek();
                if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                    return Long.MIN_VALUE;
                }
                LocalDate monday = at.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                return nanos(monday.atStartOfDay(z));
            }
            ZoneId z = window.zone();
            ZonedDateTime at = Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000_000L), Math.floorMod(ts, 1_000_000_000L)).atZone(z);
            LocalTime lt = at.toLocalTime();
            LocalDate startDate;
            if (!window.wrapsMidnight()) {
                if (lt.isBefore(window.start()) || !lt.isBefore(window.end())) {
                    return Long.MIN_VALUE;
                }
                startDate = at.toLocalDate();
            } else if (!lt.isBefore(window.start())) {
                startDate = at.toLocalDate();
            } else if (lt.isBefore(window.end())) {
                startDate = at.toLocalDate().minusDays(1);
            } else {
                return Long.MIN_VALUE;
            }
            LocalDate endDate = window.wrapsMidnight() ? startDate.plusDays(1) : startDate;
            return nanos(ZonedDateTime.of(LocalDateTime.of(endDate, window.end()), z));
        }
    }

    private static long nanos(ZonedDateTime z) {
        Instant i = z.toInstant();
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    }
}
