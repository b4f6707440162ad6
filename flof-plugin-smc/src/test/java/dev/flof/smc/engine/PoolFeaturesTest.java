package dev.flof.smc.engine;

import static dev.flof.smc.Bars.px;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.smc.Bars;
import dev.flof.smc.UtcCalendar;
import dev.flof.smc.event.BreakEvent;
import dev.flof.smc.event.PoolEvent;
import dev.flof.smc.event.SmcEvent;
import dev.flof.smc.model.SmcBar;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equal highs/lows groups, the weekend pool, session naming and the parent de-duplication of breaks. */
class PoolFeaturesTest {
    static SmcConfig withPools(SmcConfig.Pools pools) {
        SmcConfig b = NativeEngineTest.oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.EXTREME_BETWEEN,
                SmcConfig.Zone.WICK, false);
        return new SmcConfig(b.levels(), b.orderBlocks(), b.fvgs(), pools, b.range(), 14);
    }

    @Test
    void equalHighsFormAPoolThatGrowsAndIsSwept() {
        List<SmcBar> bars = Bars.minutes("10 10 9 9.5", "9.5 12 9.4 11", "11 11 10 10.5", "10.5 12.3 10.2 11",
                "11 11.2 10.1 10.5", "10.5 11.9 10.3 11", "11 11.5 10.4 11", "11 12.5 11 11.1", "11.1 11.2 10.8 11");
        SmcConfig cfg = withPools(new SmcConfig.Pools(false, 1, 0.1, px("0.5"), 0, 0, false, false, false, false));
        List<SmcEvent> ev = NativeEngineTest.run(cfg, bars);
        assertEquals(List.of("4: pool EQH=12.3 CREATED", "6: pool EQH=12.3 EXTENDED", "7: pool EQH=12.3 SWEPT"),
                NativeEngineTest.describe(ev, PoolEvent.class));
        PoolEvent ext = (PoolEvent) ev.stream().filter(e -> e instanceof PoolEvent p && p.kind() == PoolEvent.Kind.EXTENDED)
                .findFirst().orElseThrow();
        assertEquals(3, ext.pool().members());
        assertEquals(px("12.066666666"), ext.pool().mean(), "mean of 12, 12.3 and 11.9, rounded down to 1e-9");
        PoolEvent created = (PoolEvent) ev.stream().filter(e -> e instanceof PoolEvent p && p.kind() == PoolEvent.Kind.CREATED)
                .findFirst().orElseThrow();
        assertEquals(px("12.15"), created.pool().mean());
        assertEquals(1, ext.pool().refIndex(), "the pool refers to its first member");
    }

    @Test
    void weekendHighAndLowAreKnownAtTheLastWeekendBar() {
        long fri20 = LocalDateTime.of(2024, 1, 5, 20, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        String[] spec = new String[60];
        for (int i = 0; i < spec.length; i++) {
            spec[i] = i == 20 ? "100 150 99 100" : i == 34 ? "100 101 50 100" : i == 2 ? "100 160 40 100" : "100 101 99 100";
        }
        // bar 2 (Friday 22:00) is outside the weekend; bar 20 = Saturday 16:00; bar 34 = Sunday 06:00; bar 51 = Sunday 23:00
        SmcConfig cfg = withPools(new SmcConfig.Pools(false, 0, 0.1, 0, 0, 0, false, false, true, false));
        TimeframeEngine e = new TimeframeEngine(cfg, new UtcCalendar(List.of()));
        List<SmcEvent> ev = new ArrayList<>();
        for (SmcBar b : Bars.of(fri20, 3_600_000_000_000L, spec)) {
            e.onBar(b, ev::add);
        }
        assertEquals(List.of("51: pool WEEKEND_HIGH=150 CREATED", "51: pool WEEKEND_LOW=50 CREATED"),
                NativeEngineTest.describe(ev, PoolEvent.class));
    }

    @Test
    void initialBalanceWindowsAreNamedIb() {
        assertEquals("IB", PoolTracker.sessionKind("Initial Balance"));
        assertEquals("IB", PoolTracker.sessionKind("IB"));
        assertEquals("NEW_YORK_AM", PoolTracker.sessionKind("New York AM"));
    }

    @Test
    void internalBreakOfTheParentsSwingIsReportedOnceByTheParent() {
        for (boolean dedup : new boolean[] {false, true}) {
            SmcConfig.Level internal = new SmcConfig.Level("internal", 1, 1, 1, SmcConfig.TiePolicy.STRICT_LEFT, true,
                    SmcConfig.BreakOn.CLOSE, 0, 0, dedup, 1.0);
            SmcConfig.Level swing = new SmcConfig.Level("swing", 2, 2, 2, SmcConfig.TiePolicy.STRICT_LEFT, true,
                    SmcConfig.BreakOn.CLOSE, 0, 0, false, 1.0);
            SmcConfig b = NativeEngineTest.oneLevel(SmcConfig.BreakOn.CLOSE, SmcConfig.ObSelection.EXTREME_BETWEEN,
                    SmcConfig.Zone.WICK, false);
            SmcConfig cfg = new SmcConfig(List.of(internal, swing), b.orderBlocks(), b.fvgs(), b.pools(), b.range(), 14);
            List<String> at7 = new ArrayList<>();
            for (SmcEvent e : NativeEngineTest.run(cfg, NativeEngineTest.SCENARIO.subList(0, 8))) {
                if (e instanceof BreakEvent br && br.knownIndex() == 7) {
                    at7.add(br.level() + ":" + br.kind() + "@" + br.swing().index());
                }
            }
            assertEquals(dedup ? List.of("1:BOS@2") : List.of("1:BOS@2", "0:BOS@2"), at7, "dedup " + dedup);
        }
    }
}
