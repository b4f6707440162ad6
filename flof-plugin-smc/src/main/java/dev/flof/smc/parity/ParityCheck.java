package dev.flof.smc.parity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flof.smc.event.BreakEvent;
import dev.flof.smc.event.ClassificationEvent;
import dev.flof.smc.event.SwingEvent;
import dev.flof.smc.model.SmcBar;
import dev.flof.smc.model.Swing;
import dev.flof.spi.market.Fixed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The acceptance rules of spec §7.4: compares a parity-mode dump with the library's golden output for one
 * swing length. Every difference must fall into a named category; anything else is listed as unexplained.
 * Categories are counted so a run can be compared with the measured agreement of §7.5.
 */
public final class ParityCheck {
    /** Result: category counts (sorted) and the unexplained differences. */
    public record Report(Map<String, Integer> counts, List<String> unexplained) {
        public int count(String key) {
            return counts.getOrDefault(key, 0);
        }
    }

    private final JsonNode golden;
    private final List<SmcBar> bars;
    private final int len;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> unexplained = new ArrayList<>();

    private ParityCheck(JsonNode golden, List<SmcBar> bars, int len) {
        this.golden = golden;
        this.bars = bars;
        this.len = len;
    }

    /**
     * @param dump       parity dump with {@code joinConsecutive} off
     * @param joinedDump parity dump with {@code joinConsecutive} on (for {@code fvg_joined}), or null to skip
     */
    public static Report check(JsonNode golden, List<SmcBar> bars, int swingLength, EventDump dump, EventDump joinedDump) {
        ParityCheck c = new ParityCheck(golden, bars, swingLength);
        c.swings(dump);
        c.fvgs(dump.fvgs(), golden.path("events").path("fvg"), "fvg");
        if (joinedDump != null) {
            c.fvgs(joinedDump.fvgs(), golden.path("events").path("fvg_joined"), "fvg_joined");
        }
        c.breaks(dump);
        c.obs(dump);
        c.labels(dump);
        if (dump.liquidity() != null) {
            c.liquidity(dump);
        }
        return new Report(new TreeMap<>(c.counts), List.copyOf(c.unexplained));
    }

    private void inc(String k) {
        counts.merge(k, 1, Integer::sum);
    }

    private void fail(String s) {
        unexplained.add(s);
    }

    private long n() {
        return bars.size();
    }

    private List<JsonNode> libSwings(boolean withBookends) {
        List<JsonNode> l = new ArrayList<>();
        for (JsonNode s : golden.path("events").path("swing_highs_lows@" + len)) {
            if (withBookends || !s.path("bookend").asBoolean(false)) {
                l.add(s);
            }
        }
        return l;
    }

    private Set<Long> libSwingBars() {
        Set<Long> s = new HashSet<>();
        for (JsonNode j : libSwings(false)) {
            s.add(j.get("i").asLong());
        }
        return s;
    }

    private static long fixed(JsonNode n) {
        return Fixed.of(new BigDecimal(n.asText()));
    }

    private static long idx(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? -1 : n.asLong();
    }

    // rule 3
    private void swings(EventDump d) {
        List<Swing> mine = d.swings();
        for (SwingEvent e : d.swingEvents()) {
            if (e.knownIndex() - e.swing().index() != len) {
                fail("swing event at " + e.swing().index() + " known at " + e.knownIndex() + " (expected i + " + len + ")");
            }
        }
        Set<String> a = new java.util.TreeSet<>();
        for (int k = 0; k < mine.size() - 1; k++) {
            Swing s = mine.get(k);
            if (s.index() <= n() - 1 - len) {
                a.add(s.index() + ":" + s.type());
            }
        }
        long lastMine = mine.isEmpty() ? -1 : mine.get(mine.size() - 1).index();
        Set<String> b = new java.util.TreeSet<>();
        for (JsonNode s : libSwings(false)) {
            long i = s.get("i").asLong();
            if (i <= n() - 1 - len && i != lastMine) {
                b.add(i + ":" + s.get("type").asInt());
            }
        }
        // the last dumped swing may still be replaced: drop the library swings after the second-to-last dumped swing
        long cut = mine.size() >= 2 ? mine.get(mine.size() - 2).index() : -1;
        b.removeIf(x -> Long.parseLong(x.split(":")[0]) > cut);
        a.removeIf(x -> Long.parseLong(x.split(":")[0]) > cut);
        if (a.equals(b)) {
            counts.put("swings.equal", a.size());
        } else {
            Set<String> onlyMine = new java.util.TreeSet<>(a);
            onlyMine.removeAll(b);
            Set<String> onlyLib = new java.util.TreeSet<>(b);
            onlyLib.removeAll(a);
            fail("swings differ: only dump " + onlyMine + ", only library " + onlyLib);
        }
    }

    // rule 4
    private void fvgs(List<EventDump.FvgRow> rows, JsonNode lib, String name) {
        Map<String, EventDump.FvgRow> mine = new TreeMap<>();
        for (EventDump.FvgRow r : rows) {
            if (r.mergedInto() < 0) {
                mine.put(r.fvg().index() + ":" + r.fvg().dir(), r);
                if (r.fvg().knownIndex() != r.fvg().index() + 1) {
                    fail(name + " " + r.fvg().index() + " known at " + r.fvg().knownIndex());
                }
            }
        }
        int equal = 0;
        for (JsonNode f : lib) {
            String key = f.get("i").asLong() + ":" + f.get("dir").asInt();
            EventDump.FvgRow r = mine.remove(key);
            if (r == null) {
                fail(name + " missing in dump: " + f);
                continue;
            }
            if (r.fvg().top() != fixed(f.get("top")) || r.fvg().bottom() != fixed(f.get("bottom"))
                    || r.touched() != idx(f.get("mitigated_i"))) {
                fail(name + " differs at " + key + ": dump top " + Fixed.format(r.fvg().top()) + " bottom "
                        + Fixed.format(r.fvg().bottom()) + " touched " + r.touched() + " vs library " + f);
                continue;
            }
            equal++;
        }
        for (String k : mine.keySet()) {
            fail(name + " only in dump: " + k);
        }
        counts.put(name + ".equal", equal);
    }

    /** Exception (b): the engine tracked a newer same-type swing the library later merged away. */
    private boolean lookAhead(EventDump d, int type, long libSwing, long breakBar) {
        for (SwingEvent e : d.swingEvents()) {
            if (e.kind() != SwingEvent.Kind.DISCARDED && e.swing().type() == type && e.swing().index() > libSwing
                    && e.knownIndex() <= breakBar) {
                return true;
            }
        }
        return false;
    }

    /** Exception (e): the library used a same-type pivot not yet confirmed at the break bar. */
    private boolean unconfirmedPivot(int type, long swingI, long breakI) {
        for (JsonNode q : libSwings(false)) {
            long qi = q.get("i").asLong();
            if (q.get("type").asInt() == type && qi > swingI && qi < breakI && qi + len > breakI) {
                return true;
            }
        }
        return false;
    }

    // rule 5
    private void breaks(EventDump d) {
        Map<String, BreakEvent> mine = new HashMap<>();
        for (BreakEvent b : d.breaks()) {
            mine.put(b.swing().index() + ":" + b.dir(), b);
        }
        Set<String> matched = new HashSet<>();
        for (JsonNode e : golden.path("events").path("bos_choch@" + len)) {
            long i = e.get("i").asLong();
            int dir = e.get("dir").asInt();
            long broken = e.get("broken_i").asLong();
            BreakEvent b = mine.get(i + ":" + dir);
            if (b != null && b.breakIndex() == broken) {
                matched.add(i + ":" + dir);
                inc("breaks.reproduced");
                continue;
            }
            if (bars.get((int) broken).close() == fixed(e.get("level_exact"))) {
                inc("breaks.exception_a_float32_tie");
            } else if (lookAhead(d, dir, i, broken)) {
                inc("breaks.exception_b_lookahead");
            } else {
                fail("library break not reproduced: " + e + (b == null ? " (no dump break)" : " (dump break at " + b.breakIndex() + ")"));
            }
        }
        Set<Long> libSw = libSwingBars();
        Set<String> libAccepted = libraryLabels();
        for (BreakEvent b : d.breaks()) {
            String k = b.swing().index() + ":" + b.dir();
            if (matched.contains(k)) {
                continue;
            }
            if (!libSw.contains(b.swing().index())) {
                inc("breaks.extra_c_superseded");
            } else if (!libAccepted.contains(k)) {
                inc("breaks.extra_d_pattern_or_overlap");
            } else if (unconfirmedPivot(b.dir(), b.swing().index(), b.breakIndex())) {
                inc("breaks.extra_e_unconfirmed_pivot");
            } else {
                fail("dump break not in library: swing " + b.swing().index() + " dir " + b.dir() + " at " + b.breakIndex());
            }
        }
    }

    /**
     * The library's own BOS/CHOCH procedure (§2.4) on its swing list (bookends included): four-swing pattern,
     * first close beyond the float32 level from S[-3]+2, overlap rule, unbroken removed. Returns the
     * surviving (swing bar, dir) keys.
     */
    private Set<String> libraryLabels() {
        List<JsonNode> sw = libSwings(true);
        List<long[]> labels = new ArrayList<>(); // {swingBar, dir, brokenIndex}
        for (int k = 3; k < sw.size(); k++) {
            int t1 = sw.get(k).get("type").asInt();
            double x4 = sw.get(k - 3).get("level").asDouble();
            double x3 = sw.get(k - 2).get("level").asDouble();
            double x2 = sw.get(k - 1).get("level").asDouble();
            double x1 = sw.get(k).get("level").asDouble();
            int dir = 0;
            if (t1 == 1 && sw.get(k - 1).get("type").asInt() == -1) {
                if ((x4 < x2 && x2 < x3 && x3 < x1) || (x1 > x3 && x3 > x4 && x4 > x2)) {
                    dir = 1;
                }
            } else if (t1 == -1 && sw.get(k - 1).get("type").asInt() == 1) {
                if ((x4 > x2 && x2 > x3 && x3 > x1) || (x1 < x3 && x3 < x4 && x4 < x2)) {
                    dir = -1;
                }
            }
            if (dir == 0) {
                continue;
            }
            long i = sw.get(k - 2).get("i").asLong();
            float level = (float) x3;
            long broken = -1;
            for (long j = i + 2; j < n(); j++) {
                double c = Fixed.toDouble(bars.get((int) j).close());
                if (dir > 0 ? c > level : c < level) {
                    broken = j;
                    break;
                }
            }
            labels.add(new long[] {i, dir, broken});
        }
        boolean[] alive = new boolean[labels.size()];
        java.util.Arrays.fill(alive, true);
        for (int a = 0; a < labels.size(); a++) {
            long j = labels.get(a)[2];
            if (j < 0) {
                continue;
            }
            for (int k = 0; k < a; k++) {
                if (labels.get(k)[2] >= j) {
                    alive[k] = false;
                }
            }
        }
        Set<String> out = new HashSet<>();
        for (int a = 0; a < labels.size(); a++) {
            if (alive[a] && labels.get(a)[2] >= 0) {
                out.add(labels.get(a)[0] + ":" + labels.get(a)[1]);
            }
        }
        return out;
    }

    // rule 6
    private void obs(EventDump d) {
        Map<String, EventDump.ObRow> last = new HashMap<>();
        for (EventDump.ObRow r : d.obs()) {
            last.put(r.ob().index() + ":" + r.ob().dir(), r);
        }
        Set<EventDump.ObRow> matched = new HashSet<>();
        for (JsonNode o : golden.path("events").path("ob@" + len)) {
            String k = o.get("i").asLong() + ":" + o.get("dir").asInt();
            EventDump.ObRow r = last.get(k);
            long br = o.get("derived_break_i").asLong();
            if (r != null && r.ob().top() == fixed(o.get("top_exact")) && r.ob().bottom() == fixed(o.get("bottom_exact"))
                    && r.ob().breakIndex() == br && r.invalidated() == idx(o.get("derived_invalidated_i"))) {
                matched.add(r);
                inc("obs.reproduced");
            } else if (lookAhead(d, o.get("dir").asInt(), o.get("derived_swing_i").asLong(), br)) {
                inc("obs.exception_b_lookahead");
            } else {
                fail("library OB not reproduced: " + o + (r == null ? " (none in dump)" : " (dump: break " + r.ob().breakIndex()
                        + " top " + Fixed.format(r.ob().top()) + " bottom " + Fixed.format(r.ob().bottom())
                        + " invalidated " + r.invalidated() + ")"));
            }
        }
        Set<Long> libSw = libSwingBars();
        for (EventDump.ObRow r : d.obs()) {
            if (matched.contains(r)) {
                continue;
            }
            String k = r.ob().index() + ":" + r.ob().dir();
            if (last.get(k) != r) {
                inc("obs.extra_overwritten_same_candle");
            } else if (r.reclaimed() >= 0) {
                inc("obs.extra_reclaimed");
            } else if (!libSw.contains(r.ob().swing().index())) {
                inc("obs.extra_c_superseded");
            } else if (unconfirmedPivot(r.ob().dir(), r.ob().swing().index(), r.ob().breakIndex())) {
                inc("obs.extra_e_unconfirmed_pivot");
            } else if (zoneEdgeTie(r)) {
                inc("obs.extra_float32_zone_tie");
            } else {
                fail("dump OB not in library: candle " + r.ob().index() + " dir " + r.ob().dir() + " break " + r.ob().breakIndex());
            }
        }
    }

    private boolean zoneEdgeTie(EventDump.ObRow r) {
        for (long j = r.ob().breakIndex() + 1; j < n(); j++) {
            SmcBar b = bars.get((int) j);
            if (r.ob().dir() < 0 ? b.high() == r.ob().top() : b.low() == r.ob().bottom()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rule 9 with the library grouping: every library EQH/EQL group must be a dump group with the same first
     * member, side, mean level (relative 1e-6: the library stores float32), last member and sweep bar.
     */
    private void liquidity(EventDump d) {
        Map<String, EventDump.LiquidityRow> mine = new TreeMap<>();
        for (EventDump.LiquidityRow r : d.liquidity()) {
            mine.put(r.i() + ":" + r.dir(), r);
        }
        for (JsonNode e : golden.path("events").path("liquidity@" + len)) {
            String k = e.get("i").asLong() + ":" + e.get("dir").asInt();
            EventDump.LiquidityRow r = mine.remove(k);
            double lib = e.get("level").asDouble();
            long end = Math.max(e.get("end_i").asLong(), r == null ? -1 : r.end());
            if (r != null && Math.abs(Fixed.toDouble(r.mean()) - lib) <= 1e-6 * Math.abs(lib)
                    && r.end() == e.get("end_i").asLong() && r.swept() == idx(e.get("swept_i"))) {
                inc("liquidity.reproduced");
            } else if (replacedWithin(d, e.get("dir").asInt(), e.get("i").asLong(), end)) {
                inc("liquidity.exception_replaced_member");
            } else {
                fail("library liquidity group not reproduced: " + e + (r == null ? " (none in dump)" : " (dump: " + r + ")"));
            }
        }
        for (String k : mine.keySet()) {
            EventDump.LiquidityRow r = mine.get(k);
            if (replacedWithin(d, r.dir(), r.i(), r.end())) {
                inc("liquidity.extra_replaced_member");
            } else {
                fail("dump liquidity group not in library: " + r);
            }
        }
    }

    /**
     * Look-ahead of the library's grouping: it reads the final swing list, so a swing of the group's type that
     * was replaced later (and is absent from that list) between the first and last member changes its groups.
     */
    private static boolean replacedWithin(EventDump d, int type, long from, long to) {
        for (SwingEvent e : d.swingEvents()) {
            if (e.kind() == SwingEvent.Kind.REPLACED && e.swing().type() == type && e.replaced().index() >= from
                    && e.replaced().index() <= to) {
                return true;
            }
        }
        return false;
    }

    /** Whether the library's pattern for the swing at {@code i} reads the artificial swing at bar 0 (S[-4]). */
    private boolean firstFourHaveBookend(long i) {
        List<JsonNode> sw = libSwings(true);
        for (int k = 0; k < sw.size(); k++) {
            if (sw.get(k).get("i").asLong() == i) {
                return k >= 1 && sw.get(k - 1).path("bookend").asBoolean(false);
            }
        }
        return false;
    }

    /** Label agreement (informative): trend-state kind and the delayed four-swing pattern kind. */
    private void labels(EventDump d) {
        Map<String, String> trendKind = new HashMap<>();
        for (BreakEvent b : d.breaks()) {
            trendKind.put(b.swing().index() + ":" + b.dir(), b.kind());
        }
        Map<Long, String> pattern = new HashMap<>();
        for (ClassificationEvent c : d.classifications()) {
            pattern.put(c.swing().index(), c.patternKind());
        }
        for (JsonNode e : golden.path("events").path("bos_choch@" + len)) {
            String k = e.get("i").asLong() + ":" + e.get("dir").asInt();
            String kind = e.get("kind").asText();
            if (Objects.equals(trendKind.get(k), kind)) {
                inc("labels.trend_state_agree");
            }
            if (Objects.equals(pattern.get(e.get("i").asLong()), kind)) {
                inc("labels.pattern_agree");
            } else if (e.path("derived_depends_on_bookend").asBoolean(false) || firstFourHaveBookend(e.get("i").asLong())) {
                inc("labels.pattern_disagree_bookend");
            } else {
                inc("labels.pattern_disagree");
            }
        }
    }
}
