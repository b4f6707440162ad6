package dev.flof.smc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.smc.TestData;
import dev.flof.smc.UtcCalendar;
import dev.flof.smc.event.SmcEvent;
import dev.flof.smc.model.SmcBar;
import dev.flof.smc.mtf.MatrixConfig;
import dev.flof.smc.mtf.MatrixEngine;
import dev.flof.smc.mtf.MatrixEngineTest;
import dev.flof.spi.event.Bar;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.structure.StructureEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Look-ahead harness on the golden ETH 5m bars: the state and the events computed on a prefix of the bars
 * equal the full run's state and events at that point, for many cut points. A value that depended on a
 * later bar would differ.
 */
class LookAheadTest {
    static SmcConfig rich() {
        Params p = new Params("t", Map.of("internal.length", "3", "swing.length", "8", "sweep.confirmBars", "2",
                "fvg.join", "true", "eq.atrMult", "0.2", "atrLength", "14", "range.mode", "trailing"));
        return SmcConfig.fromParams(p, Fixed.parse("0.01"), true);
    }

    static String snapshot(TimeframeEngine e) {
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < e.levelCount(); l++) {
            s.append(e.trend(l)).append(e.lastSwingHigh(l)).append(e.lastSwingLow(l)).append(e.unbrokenHigh(l))
                    .append(e.unbrokenLow(l)).append('\n');
        }
        s.append(e.orderBlocks()).append('\n').append(e.fvgs()).append('\n').append(e.pools()).append('\n')
                .append(e.dealingRange()).append('\n').append(e.atr());
        return s.toString();
    }

    void checkPrefixes(SmcConfig cfg) {
        List<SmcBar> bars = TestData.eth5m();
        TimeframeEngine full = new TimeframeEngine(cfg, new UtcCalendar());
        List<SmcEvent> all = new ArrayList<>();
        List<String> snaps = new ArrayList<>();
        for (SmcBar b : bars) {
            full.onBar(b, all::add);
            snaps.add(snapshot(full));
        }
        assertTrue(all.size() > 300, "a meaningful number of events: " + all.size());
        int cuts = 0;
        for (int k = 0; k < bars.size(); k += 13) {
            TimeframeEngine pre = new TimeframeEngine(cfg, new UtcCalendar());
            List<SmcEvent> ev = new ArrayList<>();
            for (SmcBar b : bars.subList(0, k + 1)) {
                pre.onBar(b, ev::add);
            }
            final int kk = k;
            assertEquals(all.stream().filter(x -> x.knownIndex() <= kk).toList(), ev, "events up to bar " + k);
            assertEquals(snaps.get(k), snapshot(pre), "state as of bar " + k);
            cuts++;
        }
        assertTrue(cuts >= 40);
    }

    @Test
    void nativeEngineHasNoLookAhead() {
        checkPrefixes(rich());
    }

    @Test
    void parityEngineHasNoLookAhead() {
        checkPrefixes(SmcConfig.parity(5, true));
    }

    @Test
    void multiTimeframeMapHasNoLookAhead() {
        List<Bar> feed = MatrixEngineTest.feed();
        MatrixEngine full = new MatrixEngine(MatrixEngineTest.ETH, new UtcCalendar(), rich(), MatrixConfig.defaults());
        List<StructureEvent> all = new ArrayList<>();
        List<String> maps = new ArrayList<>();
        for (Bar b : feed) {
            full.onBar(b, all::add);
            maps.add(full.map().toString());
        }
        for (int k = 0; k < feed.size(); k += 29) {
            MatrixEngine pre = new MatrixEngine(MatrixEngineTest.ETH, new UtcCalendar(), rich(), MatrixConfig.defaults());
            List<StructureEvent> ev = new ArrayList<>();
            for (Bar b : feed.subList(0, k + 1)) {
                pre.onBar(b, ev::add);
            }
            long asOf = feed.get(k).tsEvent();
            assertEquals(maps.get(k), pre.map().toString(), "map as of feed item " + k);
            List<StructureEvent> upTo = all.subList(0, ev.size());
            assertEquals(upTo, ev);
            assertTrue(ev.stream().allMatch(s -> s.knownTime() <= asOf));
        }
    }
}
