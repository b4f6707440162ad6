package dev.flof.host.shocklab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.journal.Journal;
import dev.flof.spi.risk.TradingState;
import dev.flof.spi.market.Fixed;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each protection wired into the host's real {@link dev.flof.host.backtest.TradingLoop} (kernel replay, simulated
 * venue, risk gate with the layered breaker, order manager, invariants after every event), with the entry door the
 * backtest uses ({@link dev.flof.host.protect.ProtectedDesk}). Expected numbers are computed by hand from the
 * scenario scripts in {@link Scenarios}: the ES trade is long 1 at 5000 with the stop at 4995 (1R = USD 250).
 */
class ProtectionsThroughTheTradingLoopTest {
    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private static TradingLoopCrossCheckTest.Harness run(String name) throws Exception {
        TradingLoopCrossCheckTest.Harness h = new TradingLoopCrossCheckTest.Harness(name, true);
        h.run();
        return h;
    }

    private static long counter(TradingLoopCrossCheckTest.Harness h, String key) {
        return h.journal.counters().getOrDefault(key, 0L);
    }

    @Test
    void aStopLimitSkippedByTheGapIsEscalatedByTheLoopAndOrderManagementClosesTheTrade() throws Exception {
        // Entry at RTH + 300.5 s (market, fills 5000). The 4990 print at RTH + 366 s triggers the stop-limit
        // 4995/4994 and skips its limit; TRIGGERED reaches FLOF 20 ms later (ack latency). After the 500 ms grace the
        // next event is the RTH + 367 s heartbeat: a reduce-only market sell goes through order management; it fills at
        // 4990 (the market stays there). Loss 10 points x 50 = 500 = -2R; the stop-limit is cancelled only after flat.
        TradingLoopCrossCheckTest.Harness h = run("gap-skips-stop-limit");
        assertEquals(1, h.journal.trades().size(), h.journal.trades().toString());
        Journal.TradeRecord tr = h.journal.trades().get(0);
        assertEquals(Fixed.parse("5000"), tr.entryPrice());
        Journal.TradePart exit = tr.parts().get(tr.parts().size() - 1);
        assertEquals(Fixed.parse("4990"), exit.price());
        assertEquals(-2.0, tr.rMultiple());
        assertEquals(Fixed.ofUnits(-500), tr.pnl() + tr.fees(), "gross -10 points x 50");
        assertTrue(tr.exitRule().startsWith("flatten: stop escalation: protective stop ESZ6-L1-S triggered"), tr.exitRule());
        long gap = Scenarios.RTH + 366 * S;
        assertTrue(exit.ts() >= gap + 500 * MS && exit.ts() < gap + 2 * S, "escalated after the grace, within the reaction time: "
                + (exit.ts() - gap) / MS + " ms");
        assertEquals(1, counter(h, "protect: stop escalations (reduce-only market exit)"));
        assertEquals(0, h.oms.position("ESZ6"));
        assertTrue(h.venue.positions().isEmpty());
        assertTrue(h.venue.openOrders().isEmpty(), "the skipped stop-limit and the target were cancelled after flat: "
                + h.venue.openOrders());
        assertEquals(TradingState.ACTIVE, h.gate.state(), "an escalation does not halt trading");
        assertFalse(h.oms.flattened());
        assertNull(h.oms.entryBlocked("ESZ6"), "a new entry may go once flat");
    }

    @Test
    void theSessionPolicyFlattensBeforeTheWeekendWithoutHaltingTrading() throws Exception {
        // Friday 2026-11-20: entry at 15:30:00.5 CT (21:30:00.5 UTC), 30 minutes before the weekend close, allowed.
        // flatten from 10 minutes before the 16:00 CT close: the 15:50:00 CT heartbeat (21:50:00 UTC) sends the
        // reduce-only market sell; the Sunday open at 4965 (35 points, 7R below the entry) meets no position.
        TradingLoopCrossCheckTest.Harness h = run("weekend-carry-flattened");
        assertEquals(1, h.journal.trades().size());
        Journal.TradeRecord tr = h.journal.trades().get(0);
        assertEquals("flatten: session policy: flat before the weekend close", tr.exitRule());
        long flatAt = Scenarios.at("2026-11-20T21:50:00Z");
        assertTrue(tr.exitTs() >= flatAt && tr.exitTs() < flatAt + S, "exit " + (tr.exitTs() - flatAt) / MS + " ms after 15:50 CT");
        assertTrue(tr.exitTs() < Scenarios.at("2026-11-22T23:00:00Z"));
        assertFalse(tr.parts().stream().anyMatch(p -> p.price() == Fixed.parse("4965")), "nothing fills at the Sunday open");
        assertEquals(1, counter(h, "protect: session flattens before the weekend close"));
        assertEquals(TradingState.ACTIVE, h.gate.state(), "a scheduled flatten needs no operator");
        assertTrue(h.venue.positions().isEmpty());
    }

    @Test
    void noEntryInTheLastFifteenMinutesBeforeTheWeekendClose() throws Exception {
        // Friday 15:45:00.5 CT is 14 min 59.5 s before the 16:00 CT weekend close: the session policy refuses the entry
        // before the risk gate; nothing reaches the venue, so the Sunday open 40 points lower costs nothing.
        TradingLoopCrossCheckTest.Harness h = run("es-monday-open-after-crypto-crash");
        assertEquals(1, counter(h, "protect: entries blocked by session policy"));
        assertEquals(0, h.gate.passedCount(), "no command left");
        assertEquals(List.of(), h.journal.trades());
        assertEquals(0, h.venue.account().realizedPnl());
    }

    @Test
    void anEntryAbove5xLeverageIsRefusedByTheLiquidationGuard() throws Exception {
        // the cascade scenario with an entry that asks for 20x: above the 5x cap
        TradingLoopCrossCheckTest.Harness h = run("crypto-overleveraged-entry");
        assertEquals(1, counter(h, "protect: entries blocked by liquidation guard"));
        assertEquals(0, h.gate.passedCount());
        assertEquals(List.of(), h.journal.trades());
    }

    @Test
    void theNewsCalendarBlocksTheEntryBeforeCpi() throws Exception {
        // CPI 2026-12-10 13:30 UTC (08:30 ET), blackout -5/+10 min: the 13:25:00.5 entry is inside it. The second
        // entry (13:40:30.5, after the blackout) meets the quarantine's pause (spread and tape-speed parabola).
        TradingLoopCrossCheckTest.Harness h = run("news-spread-parabola");
        assertEquals(1, counter(h, "protect: entries blocked by news blackout"));
        assertEquals(List.of(), h.journal.trades());
        assertTrue(h.venue.positions().isEmpty());
    }
}
