package dev.flof.host.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.structure.Bias;
import dev.flof.spi.structure.StructureEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The daily/4H bias rule of the rubric: daily decides when it has structure, 4H otherwise, a conflict is none. */
class HtfBiasTest {
    static final long T = Instant.parse("2013-11-26T20:00:00Z").getEpochSecond() * 1_000_000_000L;

    static StructureEvent bias(Timeframe tf, int dir, String level, long known, String source) {
        return new StructureEvent("BTCUSD", tf, "BIAS", dir, Fixed.parse(level), Fixed.parse(level), known - 1, known,
                "BIAS:" + tf.label() + ":" + source);
    }

    @Test
    void dailyWithoutStructureLeavesItTo4h() {
        HtfBias.Decision d = HtfBias.decide(Bias.RANGING, null, 1, Bias.BULLISH, bias(Timeframe.H4, 1, "838.2", T, "fractal-2"), 12);
        assertEquals(Bias.BULLISH, d.bias());
        assertEquals("daily has 1 bar, no structure break yet; 4H bias BULLISH since 2013-11-26T20:00:00Z"
                + " (close above 838.2, fractal-2 structure)", d.evidence());
    }

    @Test
    void dailyDecidesWhenItHasABias() {
        HtfBias.Decision d = HtfBias.decide(Bias.BEARISH, bias(Timeframe.D1, -1, "955.5", T, "internal"), 30, Bias.RANGING,
                null, 180);
        assertEquals(Bias.BEARISH, d.bias());
        assertEquals("daily bias BEARISH since 2013-11-26T20:00:00Z (close below 955.5, internal structure);"
                + " 4H has 180 bars, no structure break yet", d.evidence());
        assertEquals(Bias.BULLISH, HtfBias.decide(Bias.BULLISH, null, 30, Bias.BULLISH, null, 180).bias(), "both agree");
    }

    @Test
    void aConflictingPairHasNoDirection() {
        HtfBias.Decision d = HtfBias.decide(Bias.BULLISH, bias(Timeframe.D1, 1, "1000", T, "swing"), 60, Bias.BEARISH,
                bias(Timeframe.H4, -1, "1100", T + 1_000_000_000L * 3600 * 4, "internal"), 360);
        assertEquals(Bias.RANGING, d.bias());
        assertEquals("daily and 4H conflict: daily bias BULLISH since 2013-11-26T20:00:00Z (close above 1000, swing structure);"
                + " 4H bias BEARISH since 2013-11-27T00:00:00Z (close below 1100, internal structure)", d.evidence());
    }

    @Test
    void neitherHasStructure() {
        HtfBias.Decision d = HtfBias.decide(null, null, 0, Bias.RANGING, null, 5);
        assertEquals(Bias.RANGING, d.bias());
        assertEquals("daily has 0 bars, no structure break yet; 4H has 5 bars, no structure break yet", d.evidence());
    }
}
