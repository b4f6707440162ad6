package dev.flof.orderflow;

import static dev.flof.orderflow.Es.sec;
import static dev.flof.orderflow.Es.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.orderflow.core.Signal;
import dev.flof.orderflow.core.SignalType;
import dev.flof.orderflow.delta.CvdTracker;
import dev.flof.orderflow.delta.DailySessionResets;
import dev.flof.orderflow.engine.FlowEngine;
import dev.flof.orderflow.engine.FlowParams;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole engine on the spec's vectors and on the recommended extra cases (CVD reset, bars). */
class EngineTest {
    private final List<Signal> signals = new ArrayList<>();

    private static long chicago(int y, int mo, int d, int h, int mi, int s, int nanos) {
        var z = LocalDateTime.of(y, mo, d, h, mi, s, nanos).atZone(ZoneId.of("America/Chicago")).toInstant();
        return z.getEpochSecond() * 1_000_000_000L + z.getNano();
    }

    private List<Signal> of(SignalType type) {
        return signals.stream().filter(s -> s.type() == type).toList();
    }

    @Test
    void cvdResetsAtTheGlobexOpen() {
        CvdTracker c = new CvdTracker(DailySessionResets.globex());
        c.onTrade(chicago(2024, 3, 5, 9, 0, 0, 0), 10, +1);
        assertEquals(7, c.onTrade(chicago(2024, 3, 5, 16, 59, 59, 999_000_000), 3, -1),
                "16:59:59.999 CT belongs to the old session");
        assertEquals(-4, c.onTrade(chicago(2024, 3, 5, 17, 0, 0, 0), 4, -1), "17:00 CT starts a new session");
        assertEquals(-4, c.onTrade(chicago(2024, 3, 5, 16, 59, 59, 0), 100, +1), "late across the reset: not added");
        assertEquals(1, c.lateAcrossReset());
        assertEquals(2, c.sessions());
    }

    @Test
    void cvdResetFollowsDstInNewYorkTerms() {
        DailySessionResets r = DailySessionResets.globex();
        long summer = chicago(2024, 7, 1, 12, 0, 0, 0);
        long start = r.sessionStart(summer);
        var ny = java.time.Instant.ofEpochSecond(start / 1_000_000_000L).atZone(ZoneId.of("America/New_York"));
        assertEquals(18, ny.getHour());
        assertEquals(30, ny.getDayOfMonth());
        assertEquals(start + 24 * 3600 * 1_000_000_000L, r.nextSessionStart(summer));
    }

    @Test
    void cryptoCvdResetsAtUtcMidnight() {
        CvdTracker c = new CvdTracker(DailySessionResets.utcMidnight());
        long midnight = 1_723_161_600_000_000_000L; // 2024-08-09T00:00:00Z
        c.onTrade(midnight - 1, 5, +1);
        assertEquals(5, c.cvd());
        assertEquals(-2, c.onTrade(midnight, 2, -1));
    }

    private FlowEngine es() {
        return new FlowEngine(FlowParams.es(1), DailySessionResets.globex());
    }

    @Test
    void t3WhaleThroughTheEngineAndSixPrintsForSpeed() {
        FlowEngine e = es();
        long ts = sec(1_700_000_000);
        String[] px = {"5000.00", "5000.00", "5000.25", "5000.25", "5000.50", "5000.50"};
        long seq = 0;
        for (String p : px) {
            e.onTrade(ts, seq++, t(p), 50, +1, signals::add);
        }
        e.onTrade(ts, seq++, t("5000.25"), 5, -1, signals::add);
        e.onTrade(ts + Es.MS, seq++, t("5000.50"), 40, +1, signals::add);
        e.advanceTo(ts + 2 * Es.MS, signals::add);
        List<Signal> whales = of(SignalType.LARGE_PRINT);
        assertEquals(1, whales.size());
        Signal w = whales.get(0);
        assertEquals(300, w.value("sizeQty"));
        assertEquals(6, w.value("fills"));
        assertEquals(t("5000.00"), (long) w.value("lowTick"));
        assertEquals(t("5000.50"), (long) w.value("highTick"));
        assertEquals(ts, (long) w.value("eventTs"));
        assertEquals(1, w.side());
        assertEquals(8, e.speed().fastPrints(), "every fill is a print");
        assertEquals(300 - 5 + 40, e.cvd());
    }

    @Test
    void t7BailoutNeedsTheRealSpike() {
        FlowEngine e = es();
        long base = sec(1_700_000_000);
        long seq = 0;
        for (int i = 1; i <= 3590; i++) {
            e.onTrade(base + sec(i), seq++, t("5000.00") + (i % 2), 1, i % 2 == 0 ? 1 : -1, signals::add);
        }
        assertEquals(0, of(SignalType.BAILOUT).size());
        for (int i = 0; i < 100; i++) {
            int side = i % 20 >= 17 ? 1 : -1;
            e.onTrade(base + sec(3590) + sec(0.1) * (i + 1) + 1, seq++, t("5000.00"), 1, side, signals::add);
        }
        assertEquals(1, of(SignalType.TAPE_SPEED_SPIKE).size());
        List<Signal> b = of(SignalType.BAILOUT);
        assertEquals(1, b.size());
        assertEquals(-1, b.get(0).side(), "longs bailing out is bearish");
        assertEquals(0.85, e.sellShare(), 1e-12);
    }

    @Test
    void stackedImbalanceIsReportedWhenTheBarClosesAndDeltaPerBar() {
        FlowEngine e = es();
        long bar = sec(1_700_000_040); // a minute boundary
        long seq = 0;
        e.onTrade(bar + sec(1), seq++, t("5000.00"), 20, +1, signals::add);
        for (String p : new String[] {"5000.25", "5000.50", "5000.75"}) {
            e.onTrade(bar + sec(2), seq++, t(p), 30, +1, signals::add);
            e.onTrade(bar + sec(3), seq++, t(p), 1, -1, signals::add);
        }
        assertEquals(0, of(SignalType.STACKED_IMBALANCE).size(), "not knowable before the bar closes");
        e.onTrade(bar + sec(60), seq++, t("5001.00"), 1, -1, signals::add);
        List<Signal> st = of(SignalType.STACKED_IMBALANCE);
        assertEquals(1, st.size());
        assertEquals(bar + sec(60), st.get(0).ts(), "knowable at the bar's end");
        assertEquals(t("5000.25"), (long) st.get(0).value("lowTick"));
        assertEquals(t("5000.75"), (long) st.get(0).value("highTick"));
        assertEquals(20 + 90 - 3, e.lastBarDelta());
        assertEquals(113, e.lastBarVolume());
        assertEquals(t("5000.25"), e.lastBarPoc(), "31 at .25/.50/.75: closest to the middle of 5000.00-5000.75, then lower");
    }

    @Test
    void deltaFlipThroughTheEngineIsBarAnchored() {
        FlowEngine e = es();
        long bar = sec(1_700_000_040);
        e.onTrade(bar + sec(1), 0, t("5000.00"), 20, -1, signals::add);
        e.onTrade(bar + sec(2), 1, t("5000.00"), 10, -1, signals::add);
        e.onTrade(bar + sec(4), 2, t("5000.25"), 45, +1, signals::add);
        List<Signal> f = of(SignalType.DELTA_FLIP);
        assertEquals(1, f.size());
        assertEquals(bar + sec(4), f.get(0).ts());
        assertEquals(15, f.get(0).value("barDeltaQty"));
    }

    @Test
    void absorptionThroughTheEngineWithQuotes() {
        FlowEngine e = es();
        long t0 = sec(1_700_000_000);
        e.onQuote(t0 - sec(5), t("4999.75"), 50, t("5000.00"), 50, signals::add);
        long seq = 0;
        for (int i = 0; i < 10; i++) {
            e.onTrade(t0 + sec(0.5 + i), seq++, t("4999.75"), 15, -1, signals::add);
            e.onTrade(t0 + sec(0.5 + i) + 1, seq++, t("5000.00"), 4, +1, signals::add);
        }
        List<Signal> a = of(SignalType.ABSORPTION);
        assertEquals(1, a.size());
        assertEquals(1, a.get(0).side(), "sellers absorbed is bullish");
    }

    @Test
    void tooLateTradesAreDroppedAndCounted() {
        FlowEngine e = es();
        long t0 = sec(1_700_000_000);
        e.onTrade(t0 + sec(60), 0, t("5000.00"), 1, 1, signals::add);
        e.onTrade(t0, 1, t("5000.00"), 1, 1, signals::add);
        e.onTrade(t0 + sec(0.5), 2, t("5000.00"), 1, -1, signals::add);
        assertEquals(1, e.droppedLate());
        assertEquals(2, e.tape().count());
        assertEquals(0, e.cvd());
    }

    @Test
    void unknownSideIsInferredByTheQuoteRule() {
        FlowEngine e = es();
        long t0 = sec(1_700_000_000);
        e.onQuote(t0, t("5000.00"), 5, t("5000.25"), 5, signals::add);
        e.onTrade(t0 + 1, 0, t("5000.25"), 3, 0, signals::add);
        assertEquals(3, e.cvd());
        assertEquals(1, e.inferredSides());
    }

    @Test
    void profileOverATimeRangeIsHalfOpen() {
        FlowEngine e = es();
        long t0 = sec(1_700_000_000);
        e.onTrade(t0, 0, t("5000.00"), 5, 1, signals::add);
        e.onTrade(t0 + sec(1), 1, t("5000.25"), 7, 1, signals::add);
        e.onTrade(t0 + sec(2), 2, t("5000.50"), 9, 1, signals::add);
        var p = e.profile(t0, t0 + sec(2));
        assertEquals(16, p.totalVolume(), "(from, to]: the trade at from is out, the one at to is in");
        assertEquals(t("5000.50"), p.pocTick());
        assertTrue(e.profile(t0 + sec(5), t0 + sec(9)).isEmpty());
    }
}
