package dev.flof.smc.mtf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.smc.UtcCalendar;
import dev.flof.spi.event.Bar;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.structure.Bias;
import dev.flof.spi.structure.StructureEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The higher-timeframe bias on a hand-built 4H sequence (a week-long one-way move is the case that matters:
 * the default internal level needs 5 bars, 20 hours, on each side of a pivot and breaks nothing here).
 *
 * <pre>
 * bar  high  low  close   what is known at its close (5-bar fractal, L = 2)
 *  0   105   95   100
 *  1   110  100   108
 *  2   120  105   115
 *  3   115  104   106
 *  4   112  102   104     pivot high 120 (bar 2): 120 &gt; 105, 110 and &gt;= 115, 112
 *  5   114  103   112
 *  6   118  107   117     pivot low 102 (bar 4): 102 &lt; 105, 104 and &lt;= 103, 107
 *  7   125  115   123     close 123 &gt; 120: BULLISH, known at bar 7's close
 *  8   124  110   112
 *  9   116  100   101     pivot high 125 (bar 7); close 101 &lt; 102: BEARISH, known at bar 9's close
 * </pre>
 */
public class HtfBiasTest {
    static final long H4 = 4 * 3_600_000_000_000L;
    static final long T0 = Instant.parse("2013-11-25T00:00:00Z").getEpochSecond() * 1_000_000_000L;
    static final int[][] HLC = {
            {105, 95, 100}, {110, 100, 108}, {120, 105, 115}, {115, 104, 106}, {112, 102, 104},
            {114, 103, 112}, {118, 107, 117}, {125, 115, 123}, {124, 110, 112}, {116, 100, 101}};

    static long open(int i) {
        return T0 + i * H4;
    }

    static long close(int i) {
        return open(i + 1);
    }

    static Bar bar(int i) {
        int[] x = HLC[i];
        long o = i == 0 ? Fixed.ofUnits(100) : Fixed.ofUnits(HLC[i - 1][2]);
        return new Bar("ETHUSD", Timeframe.H4, open(i), close(i), close(i), 0, o, Fixed.ofUnits(x[0]), Fixed.ofUnits(x[1]),
                Fixed.ofUnits(x[2]), Fixed.ofUnits(10), 0, 0, 0, Fixed.ofUnits(x[2]));
    }

    @Test
    void fractalTrendTurnsOnTheCloseThroughAConfirmedSwing() {
        FractalBias f = new FractalBias(2);
        int[] expected = {0, 0, 0, 0, 0, 0, 0, +1, +1, -1};
        for (int i = 0; i < HLC.length; i++) {
            Bar b = bar(i);
            assertEquals(expected[i], f.onBar(b.openTime(), b.tsEvent(), b.high(), b.low(), b.close()), "trend after bar " + i);
            if (i == 7 || i == 8) {
                assertEquals(close(7), f.since(), "bullish since bar 7's close, bar " + i);
                assertEquals(Fixed.ofUnits(120), f.level());
                assertEquals(open(2), f.pivotTime());
            }
        }
        assertEquals(close(9), f.since());
        assertEquals(Fixed.ofUnits(102), f.level());
        assertEquals(open(4), f.pivotTime());
        assertEquals(10, f.bars());
    }

    @Test
    void aCloseAboveAHighThatIsNotYetAPivotIsNoBreak() {
        // bar 3 closes at 121 above bar 2's high of 120, but the pivot of bar 2 would need bars 3 and 4 to be
        // known: bar 3's own high (122) is higher, so bar 2 never becomes a pivot and nothing is broken.
        FractalBias f = new FractalBias(2);
        long[][] b = {{105, 95, 100}, {110, 100, 108}, {120, 105, 115}, {122, 110, 121}, {121, 111, 118}};
        for (int i = 0; i < b.length; i++) {
            assertEquals(0, f.onBar(open(i), close(i), Fixed.ofUnits(b[i][0]), Fixed.ofUnits(b[i][1]), Fixed.ofUnits(b[i][2])));
        }
    }

    @Test
    void sameTypePivotReplacesOnlyWhenMoreExtreme() {
        // L = 1 (3-bar fractal): pivot highs 110 (bar 1) and, after no low pivot, 108 (bar 3, discarded as less
        // extreme): a close at 109 breaks nothing; the close at 111 breaks 110.
        FractalBias f = new FractalBias(1);
        long[][] b = {{100, 90, 95}, {110, 95, 105}, {104, 96, 100}, {108, 97, 104}, {106, 98, 109}, {112, 100, 111}};
        int[] expected = {0, 0, 0, 0, 0, +1};
        for (int i = 0; i < b.length; i++) {
            assertEquals(expected[i], f.onBar(open(i), close(i), Fixed.ofUnits(b[i][0]), Fixed.ofUnits(b[i][1]),
                    Fixed.ofUnits(b[i][2])), "bar " + i);
        }
        assertEquals(Fixed.ofUnits(110), f.level());
        assertThrows(IllegalArgumentException.class, () -> new FractalBias(0));
    }

    private static MatrixEngine matrix(Map<String, String> params) {
        return (MatrixEngine) new SmcStructureAnalyzer().create(MatrixEngineTest.ETH, new UtcCalendar(),
                new Params("structure.smc", params));
    }

    @Test
    void the4hMapReadsBullishFromTheBreakBarsCloseAndSaysSince() {
        MatrixEngine m = matrix(Map.of());
        List<StructureEvent> biasEvents = new ArrayList<>();
        for (int i = 0; i < HLC.length; i++) {
            List<StructureEvent> ev = new ArrayList<>();
            m.onBar(bar(i), ev::add);
            ev.stream().filter(e -> e.type().equals("BIAS")).forEach(biasEvents::add);
            Bias want = i < 7 ? Bias.RANGING : i < 9 ? Bias.BULLISH : Bias.BEARISH;
            assertEquals(want, m.map().bias(Timeframe.H4), "map bias after bar " + i);
            assertEquals(i + 1, m.biasReading(Timeframe.H4).bars());
            if (i == 8) {
                BiasReading r = m.biasReading(Timeframe.H4);
                assertEquals(new BiasReading(Bias.BULLISH, "fractal-2", close(7), Fixed.ofUnits(120), 9), r);
            }
        }
        // the internal level (5 bars each side) never broke: the fallback is what decided
        assertEquals(0, m.engine(Timeframe.H4).trend(0));
        assertEquals(2, biasEvents.size(), biasEvents.toString());
        StructureEvent up = biasEvents.get(0);
        assertEquals(+1, up.direction());
        assertEquals(close(7), up.knownTime(), "known at the close of the bar that closed through 120");
        assertEquals(open(2), up.refTime(), "refers to the pivot bar of the broken swing");
        assertEquals(Fixed.ofUnits(120), up.top());
        assertEquals("BIAS:4H:fractal-2", up.subject());
        StructureEvent down = biasEvents.get(1);
        assertEquals(-1, down.direction());
        assertEquals(close(9), down.knownTime());
        assertEquals(Fixed.ofUnits(102), down.top());
        assertEquals(new BiasReading(Bias.BEARISH, "fractal-2", close(9), Fixed.ofUnits(102), 10), m.biasReading(Timeframe.H4));
    }

    @Test
    void aStructureLevelWithABreakOutranksTheFractal() {
        // internal length 1: pivot high 120 (bar 2) is confirmed at bar 3, broken by bar 7's close like the fractal
        MatrixEngine m = matrix(Map.of("internal.length", "1"));
        for (int i = 0; i <= 7; i++) {
            m.onBar(bar(i), e -> { });
        }
        assertTrue(m.engine(Timeframe.H4).trend(0) > 0);
        assertEquals(new BiasReading(Bias.BULLISH, "internal", close(7), Fixed.ofUnits(120), 8), m.biasReading(Timeframe.H4));
    }

    @Test
    void withTheFallbackOffTheSequenceStaysRanging() {
        MatrixEngine m = matrix(Map.of("map.biasLength", "0"));
        List<StructureEvent> biasEvents = new ArrayList<>();
        for (int i = 0; i < HLC.length; i++) {
            m.onBar(bar(i), e -> {
                if (e.type().equals("BIAS")) {
                    biasEvents.add(e);
                }
            });
            assertEquals(Bias.RANGING, m.map().bias(Timeframe.H4));
        }
        assertTrue(biasEvents.isEmpty());
        assertEquals(BiasReading.none(0), m.biasReading(Timeframe.D1), "no daily bar yet");
        assertThrows(IllegalArgumentException.class, () -> matrix(Map.of("map.biasLength", "-1")));
    }
}
