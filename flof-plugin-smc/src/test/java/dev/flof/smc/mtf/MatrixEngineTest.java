package dev.flof.smc.mtf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.smc.TestData;
import dev.flof.smc.UtcCalendar;
import dev.flof.smc.model.SmcBar;
import dev.flof.spi.event.Bar;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.StructureAnalyzer;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.structure.Bias;
import dev.flof.spi.structure.LiquidityPool;
import dev.flof.spi.structure.MarketMap;
import dev.flof.spi.structure.PointOfInterest;
import dev.flof.spi.structure.StructureEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class MatrixEngineTest {
    public static final Instrument ETH = new Instrument("ETHUSD", "TEST", Fixed.parse("0.01"), Fixed.ofUnits(1), Fixed.parse("0.0001"),
            MarketProfile.CRYPTO, "TEST_UTC_24_7");
    static final long HOUR = 3_600_000_000_000L;

    static Bar bar(Timeframe tf, SmcBar b) {
        return new Bar("ETHUSD", tf, b.openTime(), b.closeTime(), b.closeTime(), 0, b.open(), b.high(), b.low(), b.close(),
                b.volume(), 0, 0, 0, b.close());
    }

    /** 5m bars and their 1H aggregation (UTC grid), interleaved in close-time order (the 1H bar after its last 5m bar). */
    public static List<Bar> feed() {
        List<Bar> out = new ArrayList<>();
        SmcBar agg = null;
        for (SmcBar b : TestData.eth5m()) {
            long hourOpen = Math.floorDiv(b.openTime(), HOUR) * HOUR;
            if (agg != null && agg.openTime() != hourOpen) {
                agg = null; // an hour with missing bars at its end is not emitted as complete here
            }
            agg = agg == null ? new SmcBar(hourOpen, hourOpen + HOUR, b.open(), b.high(), b.low(), b.close(), b.volume())
                    : new SmcBar(hourOpen, hourOpen + HOUR, agg.open(), Math.max(agg.high(), b.high()),
                    Math.min(agg.low(), b.low()), b.close(), agg.volume() + b.volume());
            out.add(bar(Timeframe.M5, b));
            if (b.closeTime() == hourOpen + HOUR) {
                out.add(bar(Timeframe.H1, agg));
                agg = null;
            }
        }
        return out;
    }

    static StructureAnalyzer.Engine engine() {
        Params p = new Params("structure.smc", Map.of("internal.length", "3", "swing.length", "5",
                "map.rangeTimeframe", "1H", "map.poiTimeframes", "1H"));
        return new SmcStructureAnalyzer().create(ETH, new UtcCalendar(), p);
    }

    @Test
    void higherTimeframeFactsAppearOnlyAtTheHigherBarClose() {
        StructureAnalyzer.Engine e = engine();
        Bias prev = Bias.RANGING;
        int h1Changes = 0;
        int h1Events = 0;
        for (Bar b : feed()) {
            List<StructureEvent> ev = new ArrayList<>();
            e.onBar(b, ev::add);
            for (StructureEvent s : ev) {
                assertEquals(b.timeframe(), s.timeframe(), "events belong to the bar's timeframe");
                assertEquals(b.tsEvent(), s.knownTime(), "known at the close of the bar that revealed them");
                assertTrue(s.refTime() < s.knownTime());
                h1Events += s.timeframe() == Timeframe.H1 ? 1 : 0;
            }
            MarketMap m = e.map();
            assertEquals(b.tsEvent(), m.asOf());
            Bias now = m.bias(Timeframe.H1);
            if (now != prev) {
                assertEquals(Timeframe.H1, b.timeframe(), "the 1H bias moved on a 5m bar at " + b.tsEvent());
                h1Changes++;
                prev = now;
            }
            for (PointOfInterest poi : m.pois()) {
                assertEquals(Timeframe.H1, poi.timeframe());
                assertTrue(poi.knownTime() <= m.asOf());
            }
        }
        assertTrue(h1Changes >= 2, "the 1H bias changed " + h1Changes + " times");
        assertTrue(h1Events > 10);
    }

    @Test
    void mapListsNearestPoolsOnEachSideAndRanksPois() {
        StructureAnalyzer.Engine e = engine();
        for (Bar b : feed()) {
            e.onBar(b, x -> { });
        }
        MarketMap m = e.map();
        assertEquals("ETHUSD", m.symbol());
        List<LiquidityPool> above = m.pools().stream().filter(p -> p.price() >= m.lastPrice()).toList();
        List<LiquidityPool> below = m.pools().stream().filter(p -> p.price() < m.lastPrice()).toList();
        assertFalse(above.isEmpty());
        assertFalse(below.isEmpty());
        assertTrue(above.size() <= 5 && below.size() <= 5);
        for (int i = 1; i < above.size(); i++) {
            assertTrue(above.get(i - 1).price() <= above.get(i).price());
        }
        for (int i = 1; i < below.size(); i++) {
            assertTrue(below.get(i - 1).price() >= below.get(i).price());
        }
        for (int i = 1; i < m.pois().size(); i++) {
            PointOfInterest a = m.pois().get(i - 1);
            PointOfInterest b = m.pois().get(i);
            assertTrue(a.touches() < b.touches() || (a.touches() == b.touches() && a.knownTime() >= b.knownTime()),
                    "ranked by freshness: " + a + " before " + b);
        }
        assertFalse(Double.isNaN(m.premiumDiscount()));
        assertTrue(m.bias().containsKey(Timeframe.M5) && m.bias().containsKey(Timeframe.H1));
    }

    @Test
    void rejectsBarsOutOfCloseOrderAndForeignSymbols() {
        StructureAnalyzer.Engine e = engine();
        List<Bar> f = feed();
        e.onBar(f.get(12), x -> { });
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.onBar(f.get(3), x -> { }));
        assertTrue(ex.getMessage().contains("close-time order"), ex.getMessage());
        Bar other = new Bar("BTCUSD", Timeframe.M5, f.get(13).openTime(), f.get(13).tsEvent(), 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> e.onBar(other, x -> { }));
    }

    @Test
    void lengthsCanBeSetPerTimeframe() {
        Params p = new Params("structure.smc", Map.of("internal.length", "3", "swing.length", "5", "swing.length@1H", "2"));
        MatrixEngine e = (MatrixEngine) new SmcStructureAnalyzer().create(ETH, new UtcCalendar(), p);
        for (Bar b : feed()) {
            e.onBar(b, x -> { });
        }
        assertEquals(2, e.engine(Timeframe.H1).config().levels().get(1).right());
        assertEquals(5, e.engine(Timeframe.M5).config().levels().get(1).right());
        assertEquals(3, e.engine(Timeframe.H1).config().levels().get(0).right());
    }

    @Test
    void badParamsNameTheKey() {
        Params p = new Params("structure.smc", Map.of("ob.selection", "nearest"));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new SmcStructureAnalyzer().create(ETH, new UtcCalendar(), p));
        assertTrue(ex.getMessage().contains("structure.smc.ob.selection"), ex.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> new SmcStructureAnalyzer()
                .create(ETH, new UtcCalendar(), new Params("structure.smc", Map.of("swing.lenght", "20"))));
        assertTrue(unknown.getMessage().startsWith("structure.smc.swing.lenght: unknown key"), unknown.getMessage());
        IllegalArgumentException badTf = assertThrows(IllegalArgumentException.class, () -> new SmcStructureAnalyzer()
                .create(ETH, new UtcCalendar(), new Params("structure.smc", Map.of("swing.length@2D", "20"))));
        assertTrue(badTf.getMessage().contains("structure.smc.swing.length@2D"), badTf.getMessage());
    }
}
