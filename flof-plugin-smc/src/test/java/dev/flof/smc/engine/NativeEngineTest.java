package dev.flof.smc.engine;

import static dev.flof.smc.Bars.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.smc.Bars;
import dev.flof.smc.UtcCalendar;
import dev.flof.smc.event.BreakEvent;
import dev.flof.smc.event.FvgEvent;
import dev.flof.smc.event.ObEvent;
import dev.flof.smc.event.PoolEvent;
import dev.flof.smc.event.SmcEvent;
import dev.flof.smc.event.SwingEvent;
import dev.flof.smc.model.DealingRange;
import dev.flof.smc.model.SmcBar;
import dev.flof.spi.market.Fixed;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed scenarios for the native streaming engine (spec §6). */
class NativeEngineTest {
    /** Scenario: swing high at 2 (15), swing low at 4 (8), bullish BOS at 7, OB lifecycle, bearish CHOCH at 11. */
    static final List<SmcBar> SCENARIO = Bars.minutes(
            "10 11 9 10", "10 12 10 11", "11 15 11 14", "14 14 12 13", "13 13 8 9", "9 12 9 11.5", "11 14 10 13.5",
            "13.5 16 13 15.5", "15.5 16.5 14 16", "16 17 12.8 13", "13 13.5 10 11", "11 12 7.5 7.9", "8 9.5 7 9",
            "9 13.5 9 13", "13 17.5 13 16.8");

    static SmcConfig oneLevel(SmcConfig.BreakOn breakOn, SmcConfig.ObSelection sel, SmcConfig.Zone zone, boolean pools) {
        SmcConfig.Level l = new SmcConfig.Level("swing", 2, 2, 2, SmcConfig.TiePolicy.STRICT_LEFT, true, breakOn, 0, 0, false, 1.0);
        return new SmcConfig(List.of(l), new SmcConfig.OrderBlocks(true, sel, zone, SmcConfig.Source.WICK, 0.5, 0, 0, 2.0),
                new SmcConfig.Fvgs(true, true, 0, 0, false, 2.0, false, 0, 0),
                new SmcConfig.Pools(pools, 0, 0.1, 0, 0, 0, false, false, false, false), new SmcConfig.Range(0, 0.62, 0.79, 0, false), 14);
    }

    static List<String> describe(List<SmcEvent> events, Class<?>... types) {
        List<String> l = new ArrayList<>();
        for (SmcEvent e : events) {
            boolean want = false;
            for (Class<?> c : types) {
                want |= c.isInstance(e);
            }
            if (!want) {
                continue;
            }
            String s = switch (e) {
                case SwingEvent w -> "swing " + w.kind() + " " + w.swing().type() + "@" + w.swing().index() + "=" + Fixed.format(w.swing().price());
                case BreakEvent b -> b.kind() + " " + b.dir() + " swing@" + b.swing().index();
                case ObEvent o -> "ob" + o.ob().dir() + "@" + o.ob().index() + " " + o.kind()
                        + (o.kind() == ObEvent.Kind.CREATED ? " " + Fixed.format(o.ob().top()) + "-" + Fixed.format(o.ob().bottom()) : "");
                case FvgEvent f -> "fvg" + f.fvg().dir() + "@" + f.fvg().index() + " " + f.kind()
                        + (f.kind() == FvgEvent.Kind.CREATED ? " " + Fixed.format(f.fvg().top()) + "-" + Fixed.format(f.fvg().bottom()) : "");
                case PoolEvent p -> "pool " + p.pool().kind() + "=" + Fixed.format(p.pool().price()) + " " + p.kind();
                default -> e.toString();
            };
            l.add(e.knownIndex() + ": " + s);
        }
        return l;
    }

    static List<SmcEvent> run(SmcConfig cfg, List<SmcBar> bars) {
        TimeframeEngine e = new TimeframeEngine(cfg, null);
        List<SmcEvent> out = new ArrayList<>();
        for (SmcBar b : bars) {
            e.onBar(b, out::add);
        }
        return out;
    }

    @Test
    void swingsBreaksAndOrderBlockLifecycle() {
        List<SmcEvent> ev = run(oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.EXTREME_BETWEEN, SmcConfig.Zone.WICK, false), SCENARIO);
        assertEquals(List.of(
                "4: swing CONFIRMED 1@2=15",
                "6: swing CONFIRMED -1@4=8",
                "7: BOS 1 swing@2",
                "7: ob1@4 CREATED 13-8",
                "9: ob1@4 TOUCHED",
                "10: ob1@4 MITIGATED",
                "11: ob1@4 INVALIDATED",
                "11: swing CONFIRMED 1@9=17",
                "11: CHOCH -1 swing@4",
                "11: ob-1@9 CREATED 17-12.8",
                "13: ob1@4 BREAKER_INVALIDATED",
                "13: ob-1@9 TOUCHED",
                "14: ob-1@9 MITIGATED",
                "14: ob-1@9 INVALIDATED",
                "14: swing CONFIRMED -1@12=7"), describe(ev, SwingEvent.class, BreakEvent.class, ObEvent.class));
    }

    @Test
    void chochWithDisplacementIsAMarketStructureShift() {
        // ATR(14) at bar 11 = mean of the first 12 true ranges = 39.7 / 12 = 3.3083; the CHOCH bar's body is 3.1
        // (the BOS bar 7: body 2, ATR 25 / 8 = 3.125)
        for (double k : new double[] {1.0, 0.9}) {
            SmcConfig.Level l = new SmcConfig.Level("swing", 2, 2, 2, SmcConfig.TiePolicy.STRICT_LEFT, true,
                    SmcConfig.BreakOn.CLOSE, 0, 0, false, k);
            SmcConfig b = oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.EXTREME_BETWEEN, SmcConfig.Zone.WICK, false);
            SmcConfig cfg = new SmcConfig(List.of(l), b.orderBlocks(), b.fvgs(), b.pools(), b.range(), 14);
            List<String> types = new ArrayList<>();
            for (SmcEvent e : run(cfg, SCENARIO.subList(0, 12))) {
                if (e instanceof BreakEvent) {
                    dev.flof.smc.mtf.SpiEvents.convert("X", dev.flof.spi.market.Timeframe.M1, List.of("swing"), e,
                            s -> types.add(s.type() + "@" + e.knownIndex()));
                }
            }
            assertEquals(k == 1.0 ? List.of("BOS@7", "CHOCH@11") : List.of("BOS@7", "CHOCH@11", "MSS@11"), types, "k=" + k);
        }
    }

    @Test
    void wickBreaksFireEarlierThanCloseBreaks() {
        // bar 7 has close 15.5 > 15: both fire there; make bar 7 wick-only and the close break one bar later
        List<SmcBar> bars = new ArrayList<>(SCENARIO.subList(0, 7));
        bars.addAll(Bars.of(7 * 60_000_000_000L, 60_000_000_000L, "13.5 15.2 13 14.8", "14.8 16 14 15.5"));
        List<String> close = describe(run(oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.EXTREME_BETWEEN,
                SmcConfig.Zone.WICK, false), bars), BreakEvent.class);
        List<String> wick = describe(run(oneLevel(SmcConfig.BreakOn.WICK, SmcConfig.ObSelection.EXTREME_BETWEEN,
                SmcConfig.Zone.WICK, false), bars), BreakEvent.class);
        assertEquals(List.of("8: BOS 1 swing@2"), close);
        assertEquals(List.of("7: BOS 1 swing@2"), wick);
    }

    @Test
    void lastOppositeCandleWithBodyZone() {
        // between swing 2 and break 7 the last down-close candle is bar 4 (13 -> 9): body 13..9
        List<String> d = describe(run(oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.LAST_OPPOSITE_CANDLE,
                SmcConfig.Zone.BODY, false), SCENARIO.subList(0, 8)), ObEvent.class);
        assertEquals(List.of("7: ob1@4 CREATED 13-9"), d);
    }

    @Test
    void fvgLifecycleAndMinimumGap() {
        List<SmcBar> bars = Bars.minutes("10 11 9 10", "10 14 10 13.8", "13.8 15 12 14.5", "14.5 14.6 11.8 12",
                "12 12.2 11.5 11.9", "11.9 12 11 11.2", "11.2 11.3 10.5 10.8");
        SmcConfig cfg = oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.EXTREME_BETWEEN, SmcConfig.Zone.WICK, false);
        assertEquals(List.of(
                "2: fvg1@1 CREATED 12-11",
                "3: fvg1@1 TOUCHED",
                "4: fvg1@1 CE",
                "5: fvg1@1 FILLED",
                "6: fvg1@1 INVERTED",
                "6: fvg-1@5 CREATED 11.5-11.3"), describe(run(cfg, bars), FvgEvent.class));
        SmcConfig filtered = new SmcConfig(cfg.levels(), cfg.orderBlocks(),
                new SmcConfig.Fvgs(true, true, px("0.5"), 0, false, 2.0, false, 0, 0), cfg.pools(), cfg.range(), 14);
        assertEquals(List.of(
                "2: fvg1@1 CREATED 12-11",
                "3: fvg1@1 TOUCHED",
                "4: fvg1@1 CE",
                "5: fvg1@1 FILLED",
                "6: fvg1@1 INVERTED"), describe(run(filtered, bars), FvgEvent.class), "the 0.2 bearish gap is below the 0.5 minimum");
    }

    @Test
    void swingPoolsAreBrokenOrSwept() {
        List<String> d = describe(run(oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.EXTREME_BETWEEN,
                SmcConfig.Zone.WICK, true), SCENARIO), PoolEvent.class);
        assertEquals(List.of(
                "4: pool SWING_HIGH=15 CREATED",
                "6: pool SWING_LOW=8 CREATED",
                "7: pool SWING_HIGH=15 BROKEN",
                "11: pool SWING_LOW=8 BROKEN",
                "11: pool SWING_HIGH=17 CREATED",
                "14: pool SWING_HIGH=17 SWEPT",
                "14: pool SWING_LOW=7 CREATED"), d);
    }

    @Test
    void sweepConfirmationWindowTurnsACloseBackInsideIntoASweep() {
        SmcConfig b = oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.EXTREME_BETWEEN, SmcConfig.Zone.WICK, true);
        SmcConfig cfg = new SmcConfig(b.levels(), b.orderBlocks(), b.fvgs(),
                new SmcConfig.Pools(true, 0, 0.1, 0, 0, 1, false, false, false, false), b.range(), 14);
        List<SmcEvent> ev = run(cfg, SCENARIO);
        assertEquals(List.of(
                "4: pool SWING_HIGH=15 CREATED",
                "6: pool SWING_LOW=8 CREATED",
                "8: pool SWING_HIGH=15 BROKEN",
                "11: pool SWING_HIGH=17 CREATED",
                "12: pool SWING_LOW=8 SWEPT",
                "14: pool SWING_HIGH=17 SWEPT",
                "14: pool SWING_LOW=7 CREATED"), describe(ev, PoolEvent.class));
        PoolEvent swept = (PoolEvent) ev.stream().filter(e -> e instanceof PoolEvent p && p.kind() == PoolEvent.Kind.SWEPT)
                .findFirst().orElseThrow();
        assertEquals(11, swept.triggerIndex(), "the wick below 8 was on bar 11, the close back inside on bar 12");
    }

    @Test
    void orderBlocksExpireByAge() {
        SmcConfig b = oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.EXTREME_BETWEEN, SmcConfig.Zone.WICK, false);
        SmcConfig aged = new SmcConfig(b.levels(), new SmcConfig.OrderBlocks(true, SmcConfig.ObSelection.EXTREME_BETWEEN,
                SmcConfig.Zone.WICK, SmcConfig.Source.WICK, 0.5, 0, 3, 2.0), b.fvgs(), b.pools(), b.range(), 14);
        assertEquals(List.of(
                "7: ob1@4 CREATED 13-8",
                "9: ob1@4 TOUCHED",
                "10: ob1@4 MITIGATED",
                "10: ob1@4 EXPIRED",
                "11: ob-1@9 CREATED 17-12.8",
                "13: ob-1@9 TOUCHED",
                "14: ob-1@9 MITIGATED",
                "14: ob-1@9 INVALIDATED",
                "14: ob-1@9 EXPIRED"), describe(run(aged, SCENARIO), ObEvent.class));
    }

    @Test
    void dealingRangeAndOte() {
        TimeframeEngine e = new TimeframeEngine(oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.EXTREME_BETWEEN,
                SmcConfig.Zone.WICK, false), null);
        for (SmcBar b : SCENARIO.subList(0, 12)) {
            e.onBar(b, x -> { });
        }
        DealingRange r = e.dealingRange();
        assertNotNull(r);
        assertEquals(px("17"), r.high());
        assertEquals(px("8"), r.low());
        assertEquals(1, r.legDirection());
        assertEquals(11, r.knownIndex());
        assertEquals(0.5, r.position(px("12.5")), 1e-12);
        assertEquals(DealingRange.Zone.DISCOUNT, r.zone(px("12")));
        assertEquals(DealingRange.Zone.PREMIUM, r.zone(px("13")));
        assertEquals(px("11.42"), r.oteTop());
        assertEquals(px("9.89"), r.oteBottom());
        assertEquals(-1, e.trend(0));
    }

    @Test
    void trailingRangeIsResetBySwingsAndExtendedByNewExtremes() {
        SmcConfig b = oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.EXTREME_BETWEEN, SmcConfig.Zone.WICK, false);
        SmcConfig cfg = new SmcConfig(b.levels(), b.orderBlocks(), b.fvgs(), b.pools(), new SmcConfig.Range(0, 0.62, 0.79, 0, true), 14);
        TimeframeEngine e = new TimeframeEngine(cfg, null);
        for (SmcBar bar : SCENARIO.subList(0, 13)) {
            e.onBar(bar, x -> { });
        }
        DealingRange r = e.dealingRange();
        assertEquals(px("17"), r.high());
        assertEquals(9, r.highIndex());
        assertEquals(px("7"), r.low(), "extended below the swing low 8 by bars 11 and 12");
        assertEquals(12, r.lowIndex());
        assertEquals(-1, r.legDirection());
        assertEquals(12, r.knownIndex());
        assertEquals(0.5, r.position(px("12")), 1e-12);
    }

    @Test
    void previousDayAndSessionPoolsFromTheCalendar() {
        long start = LocalDateTime.of(2024, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        String[] spec = new String[48];
        for (int i = 0; i < 48; i++) {
            int h = i % 24;
            spec[i] = (95 + h) + " " + (100 + h) + " " + (90 + h) + " " + (95 + h);
        }
        List<SmcBar> bars = Bars.of(start, 3_600_000_000_000L, spec);
        SmcConfig base = oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.EXTREME_BETWEEN, SmcConfig.Zone.WICK, false);
        SmcConfig cfg = new SmcConfig(base.levels(), base.orderBlocks(), base.fvgs(),
                new SmcConfig.Pools(false, 0, 0.1, 0, 0, 0, true, true, false, false), base.range(), 14);
        TimeframeEngine e = new TimeframeEngine(cfg, new UtcCalendar());
        List<SmcEvent> ev = new ArrayList<>();
        for (SmcBar b : bars) {
            e.onBar(b, ev::add);
        }
        List<String> d = describe(ev, PoolEvent.class);
        // (pools taken on the same bar are reported nearest first)
        // Asia 00-06 final at the 05:00 bar; London 07-10 at the 09:00 bar; NY 13:30-16:00 has its first bar at
        // 14:00 (bars start on the hour) and is final at the 15:00 bar; the day at the 23:00 bar
        List<String> expected = List.of(
                "5: pool ASIA_HIGH=105 CREATED", "5: pool ASIA_LOW=90 CREATED",
                "6: pool ASIA_HIGH=105 SWEPT",
                "9: pool LONDON_HIGH=109 CREATED", "9: pool LONDON_LOW=97 CREATED",
                "10: pool LONDON_HIGH=109 SWEPT",
                "15: pool NEW_YORK_HIGH=115 CREATED", "15: pool NEW_YORK_LOW=104 CREATED",
                "16: pool NEW_YORK_HIGH=115 SWEPT",
                "23: pool PDH=123 CREATED", "23: pool PDL=90 CREATED",
                "24: pool NEW_YORK_LOW=104 BROKEN", "24: pool LONDON_LOW=97 BROKEN");
        assertEquals(expected, d.subList(0, expected.size()));
        assertEquals(bars.get(23).closeTime(), ev.stream().filter(x -> x instanceof PoolEvent p && p.pool().kind().equals("PDH"))
                .findFirst().orElseThrow().knownTime(), "PDH known at the close of the day's last bar");
    }

    @Test
    void barsOutOfOrderAreRejected() {
        TimeframeEngine e = new TimeframeEngine(SmcConfig.defaults(), null);
        e.onBar(SCENARIO.get(1), x -> { });
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.onBar(SCENARIO.get(0), x -> { }));
        assertTrue(ex.getMessage().contains("time order"));
        assertEquals(1, e.barCount());
    }
}
