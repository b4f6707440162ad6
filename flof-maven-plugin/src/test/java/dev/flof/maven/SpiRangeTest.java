package dev.flof.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpiRangeTest {
    @Test
    void beforeOnePointZeroTheMinorIsTheBreakingPart() {
        assertEquals("0.2.0", SpiRange.nextBreaking("0.1.0"));
        assertEquals("0.4.0", SpiRange.nextBreaking("0.3.7"));
        assertEquals(">=0.1.0 & <0.2.0", SpiRange.defaultRequires("0.1.0-SNAPSHOT"));
        assertEquals(">=0.3.7 & <0.4.0", SpiRange.defaultRequires("0.3.7"));
    }

    @Test
    void fromOnePointZeroTheMajorIsTheBreakingPart() {
        assertEquals("2.0.0", SpiRange.nextBreaking("1.4.2"));
        assertEquals(">=1.4.2 & <2.0.0", SpiRange.defaultRequires("1.4.2"));
    }

    @Test
    void theDefaultRangeIsWhatTheHostAcceptsForTheCompiledLineOnly() {
        String r = SpiRange.defaultRequires("0.1.0");
        assertTrue(SpiRange.accepts(r, "0.1.0"));
        assertTrue(SpiRange.accepts(r, "0.1.9"));
        assertFalse(SpiRange.accepts(r, "0.2.0"));
        assertFalse(SpiRange.accepts(r, "0.0.9"));
        assertEquals(Optional.empty(), SpiRange.problem(r, "0.1.0"));
    }

    @Test
    void anOpenEndedRangeIsRefusedBecauseItAcceptsTheNextBreakingVersion() {
        String p = SpiRange.problem(">=0.1.0", "0.1.0").orElseThrow();
        assertTrue(p.contains("accepts SPI 0.2.0"), p);
        assertTrue(p.contains("'>=0.1.0 & <0.2.0'"), p);
    }

    @Test
    void aRangeThatExcludesTheCompiledVersionIsRefused() {
        String p = SpiRange.problem(">=0.2.0 & <0.3.0", "0.1.0").orElseThrow();
        assertTrue(p.contains("does not accept SPI 0.1.0"), p);
    }

    @Test
    void anEmptyOrWildcardRangeIsRefused() {
        assertTrue(SpiRange.problem("", "0.1.0").orElseThrow().contains("claims every SPI version"));
        assertTrue(SpiRange.problem(null, "0.1.0").orElseThrow().contains("claims every SPI version"));
        assertTrue(SpiRange.problem("*", "0.1.0").orElseThrow().contains("claims every SPI version"));
    }

    @Test
    void aRangePf4jCannotParseIsNamed() {
        String p = SpiRange.problem("from 0.1 onwards", "0.1.0").orElseThrow();
        assertTrue(p.contains("'from 0.1 onwards'"), p);
    }

    @Test
    void aNonSemanticVersionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SpiRange.release("0.1"));
        assertEquals("1.2.3", SpiRange.release("1.2.3-SNAPSHOT"));
    }
}
