package dev.flof.host.report;

import dev.flof.host.journal.Journal;
import dev.flof.spi.event.Bar;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.risk.Factor;
import dev.flof.spi.structure.StructureEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small hand-made run: three trades over three UTC days, candles, zones and a pool with a sweep. */
final class ReportFixtures {
    static final long DAY1 = Instant.parse("2024-03-04T14:00:00Z").getEpochSecond() * 1_000_000_000L;
    static final long MIN = 60_000_000_000L;
    static final long DAY = 1440 * MIN;

    private ReportFixtures() {
    }

    static long usd(double v) {
        return Math.round(v * 1e9);
    }

    static Journal.TradeRecord trade(String id, Side side, long entryTs, long holdMin, double pnl, double r, String grade,
                                     String killZone, String rule) {
        long exit = entryTs + holdMin * MIN;
        List<Journal.TradePart> parts = List.of(
                new Journal.TradePart(id, "ENTRY", entryTs, Fixed.parse("5000.25"), Fixed.ofUnits(2), usd(4.46), "limit at FVG", 0),
                new Journal.TradePart(id, "EXIT", exit, Fixed.parse("5002.25"), Fixed.ofUnits(2), usd(4.46), rule, r));
        return new Journal.TradeRecord(id, "S-" + id, "ESH4", side, grade,
                List.of(new Factor("htf-bias", 2, "aligned with 4H, daily bullish"), new Factor("kill-zone", 1, "NY AM, with \"quotes\", and commas")),
                killZone, entryTs, Fixed.parse("5000.25"), Fixed.ofUnits(2), Fixed.parse("4998.25"), Fixed.parse("5004.25"),
                exit, usd(pnl), usd(8.92), r, rule, parts);
    }

    /** pnl +200 (2R, 10 min), -100 (-1R, 20 min), +50 (0.5R, 30 min); equity 10200, 10100, 10150 at day ends. */
    static Journal journal() {
        Journal j = new Journal();
        j.trade(trade("T1", Side.BUY, DAY1, 10, 200, 2.0, "A+", "ny-am", "target"));
        j.trade(trade("T2", Side.SELL, DAY1 + DAY, 20, -100, -1.0, "B", "ny-pm", "stop"));
        j.trade(trade("T3", Side.BUY, DAY1 + 2 * DAY, 30, 50, 0.5, "A+", "ny-am", "scale-out 2R"));
        j.equity(new Journal.EquityPoint(DAY1 + 10 * MIN, usd(10200), 0));
        j.equity(new Journal.EquityPoint(DAY1 + DAY + 20 * MIN, usd(10100), usd(100)));
        j.equity(new Journal.EquityPoint(DAY1 + 2 * DAY + 30 * MIN, usd(10150), usd(50)));
        j.setup(new Journal.GradedSetup("S-T1", "ESH4", DAY1, Side.BUY, 10, 10, "A+",
                List.of(new Factor("htf-bias", 2, "aligned")), "ny-am", true, "taken: A+ <script>alert(1)</script>"));
        j.setup(new Journal.GradedSetup("S-X", "ESH4", DAY1 + 5 * MIN, Side.SELL, 5, 10, "C",
                List.of(new Factor("htf-bias", 0, "against the daily bias")), "ny-am", false, "grade C: no trade"));
        j.breaker(new Journal.BreakerEntry(DAY1 + DAY, "quarantine", "PAUSE", "spread 6 ticks >= 5 x baseline"));
        return j;
    }

    static List<Bar> candles() {
        List<Bar> bars = new ArrayList<>();
        long px = Fixed.parse("5000");
        for (int i = 0; i < 600; i++) {
            long open = DAY1 - 60 * MIN + i * 5 * MIN;
            long o = px + (i % 7) * 250_000_000L;
            long c = px + ((i + 3) % 7) * 250_000_000L;
            bars.add(new Bar("ESH4", Timeframe.M5, open, open + 5 * MIN, open + 5 * MIN, i, o, Math.max(o, c) + 250_000_000L,
                    Math.min(o, c) - 250_000_000L, c, Fixed.ofUnits(100), Fixed.ofUnits(60), Fixed.ofUnits(40), 50, o));
        }
        return bars;
    }

    static List<StructureEvent> structure() {
        return List.of(
                new StructureEvent("ESH4", Timeframe.M15, "OB_CREATED", 1, Fixed.parse("5001"), Fixed.parse("5000.5"), DAY1, DAY1 + 15 * MIN, "OB:15m:1"),
                new StructureEvent("ESH4", Timeframe.M15, "OB_MITIGATED", 1, Fixed.parse("5001"), Fixed.parse("5000.5"), DAY1, DAY1 + 90 * MIN, "OB:15m:1"),
                new StructureEvent("ESH4", Timeframe.M5, "FVG_CREATED", -1, Fixed.parse("5001.75"), Fixed.parse("5001.25"), DAY1, DAY1 + 30 * MIN, "FVG:5m:7"),
                new StructureEvent("ESH4", Timeframe.H1, "POOL_CREATED", -1, Fixed.parse("4999.5"), Fixed.parse("4999.5"), DAY1, DAY1 + 60 * MIN, "POOL:1H:3:PDL"),
                new StructureEvent("ESH4", Timeframe.H1, "POOL_SWEPT", -1, Fixed.parse("4999.5"), Fixed.parse("4999.5"), DAY1, DAY1 + 200 * MIN, "POOL:1H:3:PDL"));
    }

    static ReportData data() {
        return new ReportData(Map.of("run", Map.of("config", "built-in defaults")), journal(), "ESH4", "5m", candles(), structure(),
                usd(10_000), 365, Map.of("trades", Map.of("records", 1000, "bytes", 48000)));
    }
}
