package dev.flof.host.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flof.host.journal.Journal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerformanceTest {
    @Test
    void knownAnswersForThreeTrades() {
        Journal j = ReportFixtures.journal();
        Performance p = Performance.of(j.trades(), j.equityCurve(), ReportFixtures.usd(10_000), 365);
        assertEquals(3, p.trades());
        assertEquals(2, p.wins());
        assertEquals(150.0, p.netPnl(), 1e-9);
        assertEquals(2.0 / 3, p.winRate(), 1e-12);
        assertEquals(2.5, p.profitFactor(), 1e-12, "250 won / 100 lost");
        assertEquals(0.5, p.expectancyR(), 1e-12, "(2 - 1 + 0.5) / 3");
        assertEquals(100.0, p.maxDrawdown(), 1e-9, "peak 10200 to 10100");
        assertEquals(100.0 / 10200, p.maxDrawdownPct(), 1e-12);
        assertEquals(20.0, p.averageHoldMinutes(), 1e-9);
        assertEquals(3, p.days());
        // Daily returns 0.02, -0.0098039, 0.0049505 (computed by hand with Python's statistics.stdev):
        assertEquals(6.472753406041201, p.sharpe(), 1e-9);
        assertEquals(17.04120781846284, p.sortino(), 1e-9);
    }

    @Test
    void figuresThatDoNotExistAreNullNotZeroOrInfinity() {
        Performance p = Performance.of(List.of(), List.of(), ReportFixtures.usd(10_000), 252);
        assertEquals(0, p.trades());
        assertNull(p.winRate());
        assertNull(p.profitFactor());
        assertNull(p.expectancyR());
        assertNull(p.sharpe());
    }

    @Test
    void groupsByGradeKillZoneAndExitRule() {
        Map<String, Map<String, Object>> g = Performance.by(ReportFixtures.journal().trades(), Journal.TradeRecord::grade);
        assertEquals(List.of("A+", "B"), List.copyOf(g.keySet()));
        assertEquals(2, g.get("A+").get("trades"));
        assertEquals(250.0, (Double) g.get("A+").get("netPnl"), 1e-9);
        assertEquals(1.25, (Double) g.get("A+").get("averageR"), 1e-12);
        assertEquals(0.0, (Double) g.get("B").get("winRate"), 0);
    }
}
