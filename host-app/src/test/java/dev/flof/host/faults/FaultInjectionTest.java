package dev.flof.host.faults;

import static dev.flof.host.faults.FaultRig.MS;
import static dev.flof.host.faults.FaultRig.SEC;
import static dev.flof.host.faults.FaultRig.SYM;
import static dev.flof.host.faults.FaultRig.T0;
import static dev.flof.host.faults.FaultRig.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.halt.HaltMarker;
import dev.flof.host.journal.Journal;
import dev.flof.host.oms.RiskGate;
import dev.flof.host.shocklab.ShockTape;
import dev.flof.host.venue.ProtectionInvariant;
import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.TradingState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's fault-injection list, one test per case, through the real gate, layered breaker, order management
 * and trading loop (see {@link FaultRig}). Prices: the tape prints 5000.00 with the book 4999.75 / 5000.00 until
 * a test moves it; a market buy fills at the ask 5000.00, a market sell at the bid; ES is 50 USD a point and
 * 2.23 USD a contract a side (IB: 0.85 commission + 1.38 exchange). Every test ends by checking the issue's
 * invariants.
 */
class FaultInjectionTest {
    @TempDir
    Path state;

    /** Flat prints at 5000.00 every second from {@code from} (inclusive) to {@code to} (exclusive). */
    static ShockTape flat(ShockTape t, long from, long to) {
        return t.flat(from, to, SEC, px("5000"));
    }

    static ShockTape tape() {
        return new ShockTape(FaultRig.ES, 1);
    }

    FaultRig rig() {
        return new FaultRig(state, Map.of());
    }

    FaultRig rig(String key, String value) {
        return new FaultRig(state, Map.of(key, value));
    }

    /**
     * A long 1 @ 5000.00 with stop 4990 and target 5030, entered at T0+5.5 s: the market order fills on arrival at
     * the ask of the book as last known, stamped T0+5.5 s.
     */
    static void entry(FaultRig r) {
        assertNull(r.enter("L", Fixed.ofUnits(1), px("4990"), px("5030")));
    }

    /** The invariants, checked for the whole run. */
    static void invariants(FaultRig r) {
        assertEquals(List.of(), r.violations, "no vetoed command reached the venue; no terminate while not flat");
        for (RiskGate.Veto v : r.p.gate.vetoes()) {
            assertFalse(r.reached.contains(v.command()), "vetoed command at the venue: " + v);
        }
        for (String c : r.stopCancels) {
            assertTrue(c.endsWith("with the venue position 0"), "a protective stop cancelled before flat: " + c);
        }
        assertEquals(r.p.gate.passedCount(), r.p.monitor.receivedCount());
        // the loop checked after every event that no position was without a resting protective stop (it throws)
        assertTrue(r.p.loop.checks() > 0);
        assertNull(ProtectionInvariant.violation(r.venue));
    }

    // ------------------------------------------------------------------ the overlord's pillars

    /**
     * A strategy bug fires 100 resting buy-limit brackets in 2 s (one every 20 ms from T0+5 s). The overlord passes
     * 3 (3 per 60 s), vetoes the 4th (T0+5.060 s) and trips; the flatten arrives with the next event (T0+5.080 s):
     * HALTED, and the purge cancels the three working spam entries at the venue although order management never
     * sent them (their stops go with them); the other 96 are vetoed by the trading state. The loop's timer right
     * after a veto (T0+5.080 s) lets the venue act on the cancels at once: flat and nothing working at T0+5.080 s,
     * the process terminates and leaves the halt marker.
     */
    @Test
    void aStrategyBugFiring100OrdersIn2Seconds() throws Exception {
        ShockTape t = flat(tape(), T0, T0 + 10 * SEC);
        FaultRig r = rig();
        for (int i = 0; i < 100; i++) {
            String key = String.format("step:spam:%03d", i);
            t.timer(key, T0 + 5 * SEC + i * 20 * MS);
            r.step(key, x -> x.spam(px("4990"), px("4985")));
        }
        r.run(t.build());

        long brackets = r.reached.stream().filter(c -> c instanceof OrderCommand.SubmitBracket).count();
        assertEquals(3, brackets, "three spam brackets left the gate");
        List<RiskGate.Veto> vetoes = r.p.gate.vetoes();
        assertEquals(97, vetoes.size());
        assertEquals("layered", vetoes.get(0).by());
        assertEquals(T0 + 5 * SEC + 60 * MS, vetoes.get(0).tsNanos());
        assertTrue(vetoes.get(0).reason().contains("order spam: ESZ6-SPAM-4-E after 3 new-exposure orders in the last 60 s"),
                vetoes.get(0).reason());
        assertTrue(vetoes.subList(1, 97).stream().allMatch(v -> v.by().equals("trading-state")));
        Journal.BreakerEntry purge = r.first("PURGE_ENTRIES");
        assertEquals(T0 + 5 * SEC + 80 * MS, purge.ts());
        assertTrue(purge.reason().contains("[ESZ6-SPAM-1-E, ESZ6-SPAM-2-E, ESZ6-SPAM-3-E]"), purge.reason());
        assertEquals(List.of(), r.openOrderIds(), "no spam bracket survives the flatten");
        assertEquals(0, r.position());
        assertEquals(TradingState.HALTED, r.p.gate.state());
        assertEquals(T0 + 5 * SEC + 80 * MS, r.terminatedAt);
        String marker = Files.readString(HaltMarker.path(state));
        assertTrue(marker.startsWith("HALTED by overlord: order spam: ESZ6-SPAM-4-E"), marker);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(HaltMarker.path(state))));
        invariants(r);
    }

    /**
     * The sizer computes 20 contracts (maximum 2): the overlord destroys the bracket before it leaves and trips; the
     * flatten arrives with the next event (the T0+6 s heartbeat); there is nothing to flatten, so the process ends
     * there, flat, having sent nothing.
     */
    @Test
    void aSizeTenTimesTooLarge() {
        ShockTape t = flat(tape(), T0, T0 + 10 * SEC).timer("step:big", T0 + 5 * SEC + 500 * MS);
        FaultRig r = rig().step("step:big", x -> x.enter("big", Fixed.ofUnits(20), px("4990"), px("5030")));
        r.run(t.build());

        assertTrue(r.log.get(0).startsWith("big: vetoed by layered: overlord: fat finger: ESZ6-big-1-E for 20 ESZ6 above"
                + " maxPositionSize 2"), r.log.toString());
        assertEquals(0, r.p.monitor.receivedCount(), "nothing reached the venue");
        assertEquals(T0 + 5 * SEC + 500 * MS, r.first("FLATTEN").ts());
        assertEquals(T0 + 6 * SEC, r.terminatedAt);
        assertEquals(0, r.position());
        assertTrue(HaltMarker.read(state).orElseThrow().contains("fat finger"));
        invariants(r);
    }

    /**
     * Losing round trips 30 s apart: long 1 @ 5000.00, the market sweeps a tick a second to 4998.75 and the stop
     * 4999 fills at 4999.00: -50 - 4.46 fees = -54.46 each. The fifth loss (maxConsecutiveLosses 5) trips the
     * flatten at its fill; flat already, the process terminates at that print; the sixth entry never leaves.
     */
    @Test
    void sixLossesInARow() {
        ShockTape t = flat(tape(), T0, T0 + 10 * SEC);
        FaultRig r = rig();
        for (int k = 0; k < 6; k++) {
            long s = T0 + 10 * SEC + k * 30 * SEC;
            String key = "step:enter:" + k;
            t.timer(key, s + 500 * MS);
            r.step(key, x -> x.enter("L", Fixed.ofUnits(1), px("4999"), px("5010")));
            flat(t, s + SEC, s + 3 * SEC);
            t.sweep(s + 3 * SEC, SEC, px("4998.75"));
            t.sweep(s + 8 * SEC, SEC, px("5000"));
            flat(t, s + 13 * SEC, s + 30 * SEC);
        }
        r.run(t.build());

        List<Journal.TradeRecord> trades = r.p.journal.trades();
        assertEquals(5, trades.size());
        for (Journal.TradeRecord tr : trades) {
            assertEquals(px("5000"), tr.entryPrice());
            assertEquals(Fixed.parse("-54.46"), tr.pnl(), tr.toString());
            assertEquals("stop", tr.exitRule());
        }
        Journal.BreakerEntry flatten = r.first("FLATTEN");
        long fifthStop = T0 + 10 * SEC + 4 * 30 * SEC + 6 * SEC;
        assertEquals(fifthStop, flatten.ts());
        assertEquals("5 consecutive losing trades (limit 5), last on ESZ6 -54.46", flatten.reason());
        assertEquals(fifthStop + MS, r.terminatedAt, "terminated at the print that filled the fifth stop");
        assertEquals(List.of("L: sent ESZ6-L-1", "L: sent ESZ6-L-2", "L: sent ESZ6-L-3", "L: sent ESZ6-L-4", "L: sent ESZ6-L-5",
                "L: process down"), r.log.subList(0, 6));
        assertEquals(0, r.position());
        assertEquals(List.of(), r.openOrderIds());
        invariants(r);
    }

    /**
     * Equity 25,000: 3 % = 750. Long 2 @ 5000.00 (stop 4990): the market sweeps down a tick a second from T0+10 s;
     * at the 4992.50 quote (T0+39 s, received 1 ms later) the open loss is 7.5 x 2 x 50 = 750 plus 4.46 entry fees
     * = 754.46 > 750: the flatten reaches the venue at T0+39.001 s and sells 2 at the bid 4992.50 (the venue acts on
     * it at the next heartbeat with the book as last known, stamped with its arrival). P&L -750 - 8.92 = -758.92. The
     * stop 4990 never fills; it and the target are cancelled once flat (position 0), then the process terminates.
     */
    @Test
    void aMinusThreePercentDay() {
        ShockTape t = flat(tape(), T0, T0 + 10 * SEC).timer("step:enter", T0 + 5 * SEC + 500 * MS);
        t.sweep(T0 + 10 * SEC, SEC, px("4991"));
        FaultRig r = rig("overlord.equity", "25000")
                .step("step:enter", x -> assertNull(x.enter("L", Fixed.ofUnits(2), px("4990"), px("5030"))));
        r.run(t.build());

        Journal.BreakerEntry flatten = r.first("FLATTEN");
        assertEquals(T0 + 39 * SEC, flatten.ts());
        assertTrue(flatten.reason().startsWith("daily loss -754.46 (realized -4.46, unrealized -750.00) beyond the limit 750.00"),
                flatten.reason());
        Journal.TradeRecord tr = r.p.journal.trades().get(0);
        assertEquals(px("4992.5"), tr.parts().get(1).price());
        assertEquals(T0 + 39 * SEC + MS, tr.exitTs());
        assertEquals(Fixed.parse("-758.92"), tr.pnl());
        assertTrue(tr.exitRule().startsWith("flatten: overlord: daily loss"), tr.exitRule());
        assertEquals(List.of("ESZ6-L-1-S with the venue position 0"), r.stopCancels, "the stop cancelled once, after flat");
        assertTrue(r.terminatedAt > T0 + 39 * SEC);
        assertEquals(0, r.position());
        assertEquals(List.of(), r.openOrderIds());
        invariants(r);
    }

    /**
     * From T0+10 s the feed's exchange times are 800 ms behind receive times: the quarantine (250 ms) pauses and the
     * overlord (500 ms) trips on the first late quote (received T0+10.8 s); the flatten reaches the venue then and
     * sells 1 at the book as last known, the bid 4999.75: -12.50 - 4.46 = -16.96.
     */
    @Test
    void staleTimestamps() {
        ShockTape t = flat(tape(), T0, T0 + 10 * SEC).timer("step:enter", T0 + 5 * SEC + 500 * MS);
        t.lag(800 * MS);
        flat(t, T0 + 10 * SEC, T0 + 20 * SEC);
        FaultRig r = rig().step("step:enter", FaultInjectionTest::entry);
        r.run(t.build());

        List<String> actions = r.actions();
        int pause = actions.indexOf("quarantine PAUSE");
        int flatten = actions.indexOf("overlord FLATTEN");
        assertTrue(pause >= 0 && flatten > pause, actions.toString());
        Journal.BreakerEntry f = r.first("FLATTEN");
        assertEquals(T0 + 10 * SEC, f.ts());
        assertEquals("zombie feed: ESZ6: exchange time 800 ms behind receive time (limit 500 ms)", f.reason());
        Journal.TradeRecord tr = r.p.journal.trades().get(0);
        assertEquals(px("4999.75"), tr.parts().get(1).price());
        assertEquals(T0 + 10 * SEC + 800 * MS, tr.exitTs());
        assertEquals(Fixed.parse("-16.96"), tr.pnl());
        assertTrue(r.terminatedAt > T0 + 10 * SEC + 800 * MS);
        assertEquals(0, r.position());
        invariants(r);
    }

    /**
     * The feed sends a heartbeat with every print until T0+19 s, then nothing. The OCO dead-man notices the silence
     * on the first heartbeat timer more than 5 s after the last beat (T0+25 s: 5.999 s) and halts the execution
     * loop: the position stays open with its venue-held bracket in charge; no flatten, no terminate, no new entry.
     */
    @Test
    void aFeedThatStops() {
        ShockTape t = tape();
        for (long s = 0; s < 20; s++) {
            t.print(T0 + s * SEC, px("5000"), Fixed.ofUnits(1));
            t.feedStatus(T0 + s * SEC, s == 0 ? FeedStatus.Kind.CONNECTED : FeedStatus.Kind.HEARTBEAT, "");
        }
        t.timer("step:enter", T0 + 5 * SEC + 500 * MS).timer("step:again", T0 + 30 * SEC + 500 * MS).timer("step:end", T0 + 40 * SEC);
        FaultRig r = rig().step("step:enter", FaultInjectionTest::entry)
                .step("step:again", x -> x.enter("again", Fixed.ofUnits(1), px("4990"), px("5030")));
        r.run(t.build());

        Journal.BreakerEntry halt = r.first("HALT");
        assertEquals("oco", halt.breaker());
        assertEquals(T0 + 25 * SEC, halt.ts());
        assertTrue(halt.reason().startsWith("feed synthetic missed its heartbeat: silent 5999 ms (limit 5000 ms)"), halt.reason());
        assertEquals(TradingState.HALTED, r.p.gate.state());
        assertEquals(Fixed.ofUnits(1), r.position());
        assertEquals(List.of("ESZ6-L-1-S", "ESZ6-L-1-T"), r.openOrderIds(), "the bracket rests at the venue");
        assertTrue(r.log.get(1).startsWith("again: execution halted (OCO dead-man)"), r.log.toString());
        assertFalse(r.p.oms.flattened());
        assertEquals(Long.MIN_VALUE, r.terminatedAt);
        assertTrue(HaltMarker.read(state).isEmpty());
        invariants(r);
    }

    // ------------------------------------------------------------------ the venue misbehaves

    /** The venue rejects the bracket (margin): nothing is open, nothing rests, trading stays ACTIVE. */
    @Test
    void aVenueThatRejects() {
        ShockTape t = flat(tape(), T0, T0 + 10 * SEC).timer("step:enter", T0 + 5 * SEC + 500 * MS);
        FaultRig r = rig().step("step:enter", FaultInjectionTest::entry);
        r.fault = FaultRig.Fault.REJECT_ENTRIES;
        r.run(t.build());

        assertEquals(1L, r.p.journal.counters().get("oms: entries ended unfilled (REJECTED: -N Margin is insufficient.)"));
        assertEquals(TradingState.ACTIVE, r.p.gate.state());
        assertNull(r.p.oms.entryBlocked(SYM), "free to trade again");
        assertEquals(0, r.position());
        assertEquals(List.of(), r.openOrderIds());
        assertEquals(List.of(), r.p.journal.breakerEntries());
        invariants(r);
    }

    /**
     * The flatten is rejected twice (-4131 PERCENT_PRICE): order management keeps the stop, stays HALTED and
     * retries after 1 s and 2 s; the third flatten (T0+14 s) sells at the bid 4999.75. The process does not end
     * before flat and the stop is cancelled only then.
     */
    @Test
    void aRejectedFlattenRetriesWithBackoffAndKeepsTheStop() {
        ShockTape t = flat(tape(), T0, T0 + 30 * SEC).timer("step:enter", T0 + 5 * SEC + 500 * MS)
                .timer("step:big", T0 + 10 * SEC + 500 * MS).timer("step:look", T0 + 13 * SEC + 500 * MS);
        List<String> seen = new ArrayList<>();
        FaultRig r = rig().step("step:enter", FaultInjectionTest::entry).step("step:big", x -> {
            x.fault = FaultRig.Fault.REJECT_FLATTEN;
            x.flattenRejects = 2;
            assertFalse(x.fatFinger());
        }).step("step:look", x -> seen.add(x.openOrderIds() + " " + Fixed.format(x.position()) + " " + x.terminatedAt));
        r.run(t.build());

        List<Journal.BreakerEntry> retries = r.p.journal.breakerEntries().stream().filter(b -> b.action().equals("FLATTEN_RETRY")).toList();
        assertEquals(2, retries.size());
        assertEquals(T0 + 11 * SEC, retries.get(0).ts());
        assertTrue(retries.get(0).reason().contains("ESZ6-FLAT-1 REJECTED (-4131 PERCENT_PRICE"), retries.get(0).reason());
        assertTrue(retries.get(0).reason().endsWith("protective stop kept, retry in 1 s"), retries.get(0).reason());
        assertEquals(T0 + 12 * SEC, retries.get(1).ts());
        assertTrue(retries.get(1).reason().endsWith("retry in 2 s"), retries.get(1).reason());
        assertEquals(List.of("[ESZ6-L-1-S, ESZ6-L-1-T] 1 " + Long.MIN_VALUE), seen, "stop resting, no terminate while rejected");
        Journal.TradeRecord tr = r.p.journal.trades().get(0);
        assertEquals(px("4999.75"), tr.parts().get(1).price());
        assertEquals(T0 + 14 * SEC, tr.exitTs());
        assertTrue(r.terminatedAt > T0 + 14 * SEC);
        String marker = HaltMarker.read(state).orElseThrow();
        assertTrue(marker.contains("ESZ6-FLAT-3"), marker);
        assertEquals(0, r.position());
        invariants(r);
    }

    /**
     * The venue never answers the entry (the request timed out): after 2 s without an acknowledgement (first event
     * after T0+7.5 s: the T0+8 s heartbeat) the overlord asks for REDUCING; nothing is at the venue.
     */
    @Test
    void aVenueThatTimesOut() {
        ShockTape t = flat(tape(), T0, T0 + 15 * SEC).timer("step:enter", T0 + 5 * SEC + 500 * MS)
                .timer("step:again", T0 + 12 * SEC + 500 * MS);
        FaultRig r = rig().step("step:enter", FaultInjectionTest::entry).step("step:again", x -> {
            x.fault = FaultRig.Fault.NONE;
            x.enter("again", Fixed.ofUnits(1), px("4990"), px("5030"));
        });
        r.fault = FaultRig.Fault.TIMEOUT;
        r.run(t.build());

        Journal.BreakerEntry ro = r.first("REDUCE_ONLY");
        assertEquals(T0 + 8 * SEC, ro.ts());
        assertEquals("order ack latency: no answer to ESZ6-L-1-E after 2500 ms (limit 2000 ms)", ro.reason());
        assertEquals(TradingState.REDUCING, r.p.gate.state());
        assertEquals(1, r.unanswered.size());
        assertEquals(0, r.position());
        assertEquals(List.of(), r.openOrderIds());
        assertTrue(r.log.get(1).startsWith("again: "), r.log.toString());
        assertFalse(r.log.get(1).contains("sent"), r.log.toString());
        assertEquals(Long.MIN_VALUE, r.terminatedAt);
        invariants(r);
    }

    /**
     * The entry's answer is a 5xx (outcome unknown: the order did reach the venue and fills at 5000.00 with its
     * bracket). The quarantine pauses entries; the position keeps its protection.
     */
    @Test
    void aVenueThatReturns5xx() {
        ShockTape t = flat(tape(), T0, T0 + 15 * SEC).timer("step:enter", T0 + 5 * SEC + 500 * MS)
                .timer("step:again", T0 + 12 * SEC + 500 * MS);
        FaultRig r = rig().step("step:enter", FaultInjectionTest::entry)
                .step("step:again", x -> x.enter("again", Fixed.ofUnits(1), px("4990"), px("5030")));
        r.fault = FaultRig.Fault.SERVER_ERROR;
        r.run(t.build());

        Journal.BreakerEntry pause = r.first("PAUSE");
        assertEquals("quarantine", pause.breaker());
        assertEquals(T0 + 5 * SEC + 500 * MS, pause.ts());
        assertEquals(Fixed.ofUnits(1), r.position());
        assertEquals(Fixed.ofUnits(1), r.p.oms.position(SYM));
        assertEquals(List.of("ESZ6-L-1-S", "ESZ6-L-1-T"), r.openOrderIds());
        assertTrue(r.log.get(1).startsWith("again: entries paused: quarantine"), r.log.toString());
        assertEquals(Long.MIN_VALUE, r.terminatedAt);
        invariants(r);
    }

    /**
     * The venue answers 3 s late: the entry fills on arrival at T0+5.5 s (its stop resting at once), but FLOF hears
     * of it only at T0+8.5 s; at T0+8 s (2.5 s without an acknowledgement) the overlord asks for REDUCING.
     */
    @Test
    void aVenueThatAnswersSlowly() {
        ShockTape t = flat(tape(), T0, T0 + 15 * SEC).timer("step:enter", T0 + 5 * SEC + 500 * MS)
                .timer("step:look", T0 + 8 * SEC + 250 * MS);
        List<String> seen = new ArrayList<>();
        FaultRig r = rig().step("step:enter", FaultInjectionTest::entry)
                .step("step:look", x -> seen.add(Fixed.format(x.position()) + "/" + Fixed.format(x.p.oms.position(SYM))));
        r.fault = FaultRig.Fault.SLOW;
        r.slowBy = 3 * SEC;
        r.run(t.build());

        Journal.BreakerEntry ro = r.first("REDUCE_ONLY");
        assertEquals(T0 + 8 * SEC, ro.ts());
        assertTrue(ro.reason().startsWith("order ack latency: no answer to ESZ6-L-1-E after 2500 ms"), ro.reason());
        assertEquals(List.of("1/0"), seen, "at T0+8.25 s the venue holds the position, FLOF has not heard yet");
        assertEquals(TradingState.REDUCING, r.p.gate.state());
        assertEquals(Fixed.ofUnits(1), r.p.oms.position(SYM));
        assertEquals(List.of("ESZ6-L-1-S", "ESZ6-L-1-T"), r.openOrderIds());
        invariants(r);
    }

    /**
     * The market halts at T0+10 s with a long 1 open; at T0+13 s the overlord's flatten goes out into the halted
     * market and rests: no terminate, the stop rests, trading HALTED. The market resumes at T0+30 s and prints
     * 4995.00 at T0+31 s: the flatten fills there (-250 - 4.46 = -254.46); only then are the stop and target
     * cancelled and the process ends.
     */
    @Test
    void aHaltedMarketDuringAFlatten() {
        ShockTape t = flat(tape(), T0, T0 + 10 * SEC).timer("step:enter", T0 + 5 * SEC + 500 * MS)
                .venueStatus(T0 + 10 * SEC, VenueStatus.Kind.HALTED, "trading halt")
                .timer("step:big", T0 + 12 * SEC + 500 * MS).timer("step:look", T0 + 20 * SEC + 500 * MS)
                .venueStatus(T0 + 30 * SEC, VenueStatus.Kind.RESUMED, "");
        t.print(T0 + 31 * SEC, px("4995"), Fixed.ofUnits(5));
        t.flat(T0 + 32 * SEC, T0 + 40 * SEC, SEC, px("4995"));
        List<String> seen = new ArrayList<>();
        FaultRig r = rig().step("step:enter", FaultInjectionTest::entry).step("step:big", x -> assertFalse(x.fatFinger()))
                .step("step:look", x -> seen.add(x.openOrderIds() + " " + Fixed.format(x.position()) + " " + x.p.gate.state()
                        + " " + x.terminatedAt));
        r.run(t.build());

        assertEquals(T0 + 13 * SEC, r.first("FLATTEN_ORDER").ts());
        assertEquals(T0 + 13 * SEC, r.first("FLATTEN_WAITING").ts());
        assertTrue(r.haltLog.stream().anyMatch(l -> l.startsWith("ALERT oms FLATTEN_WAITING: market halted at [CME]")), r.haltLog.toString());
        assertEquals(List.of("[ESZ6-L-1-S, ESZ6-L-1-T, ESZ6-FLAT-1] 1 HALTED " + Long.MIN_VALUE), seen);
        Journal.TradeRecord tr = r.p.journal.trades().get(0);
        assertEquals(px("4995"), tr.parts().get(1).price());
        assertEquals(T0 + 31 * SEC, tr.exitTs());
        assertEquals(Fixed.parse("-254.46"), tr.pnl());
        assertTrue(r.terminatedAt > T0 + 31 * SEC);
        assertEquals(0, r.position());
        assertEquals(List.of(), r.openOrderIds());
        invariants(r);
    }

    /**
     * The link to the venue drops at T0+10 s (the OCO halts); the market falls and the stop 4995 fills at 4995.00
     * at T0+30 s while FLOF hears nothing. On reconnect (T0+40 s) order management reconciles, recovers the fill
     * from the venue's executions and books it (-250 - 4.46 = -254.46); the overlord sees it too: with
     * maxConsecutiveLosses 1 that loss trips its flatten. Flat already: the process ends at the reconnect.
     */
    @Test
    void aDisconnectWithAFillDuringIt() {
        ShockTape t = flat(tape(), T0, T0 + 10 * SEC).timer("step:enter", T0 + 5 * SEC + 500 * MS)
                .venueStatus(T0 + 10 * SEC, VenueStatus.Kind.DISCONNECTED, "socket closed");
        t.sweep(T0 + 11 * SEC, SEC, px("4994"));
        t.flat(T0 + 35 * SEC, T0 + 50 * SEC, SEC, px("4994"));
        t.venueStatus(T0 + 40 * SEC, VenueStatus.Kind.RECONNECTED, "");
        FaultRig r = rig("overlord.maxConsecutiveLosses", "1")
                .step("step:enter", x -> assertNull(x.enter("L", Fixed.ofUnits(1), px("4995"), px("5030"))));
        r.run(t.build());

        assertEquals(T0 + 10 * SEC, r.first("HALT").ts());
        Journal.BreakerEntry rec = r.first("RECOVERED_FILL");
        assertTrue(rec.reason().startsWith("ESZ6: ESZ6-L-1-S SELL 1 @ 4995 filled while the link was down"), rec.reason());
        Journal.TradeRecord tr = r.p.journal.trades().get(0);
        assertEquals(px("4995"), tr.parts().get(1).price());
        assertEquals(T0 + 30 * SEC, tr.exitTs());
        assertEquals(Fixed.parse("-254.46"), tr.pnl());
        assertEquals("stop", tr.exitRule());
        Journal.BreakerEntry flatten = r.first("FLATTEN");
        assertEquals("1 consecutive losing trades (limit 1), last on ESZ6 -254.46", flatten.reason());
        assertEquals(TradingState.HALTED, r.p.gate.state(), "the reconnect does not resume trading after the flatten");
        assertEquals(T0 + 40 * SEC + MS, r.terminatedAt);
        assertEquals(0, r.position());
        invariants(r);
    }

    /**
     * The process dies at T0+10.5 s with a long 1 and its bracket resting; a new one starts at T0+20.5 s and
     * reconciles before anything else: it adopts the venue's position and the resting stop (no second stop, nothing
     * sent), refuses a new entry while the position is open, and books the stop's fill at 4995.00 (T0+31 s) as the
     * position's stop exit.
     */
    @Test
    void aRestartWithAnOpenPositionAndRestingBracket() {
        ShockTape t = flat(tape(), T0, T0 + 30 * SEC).timer("step:enter", T0 + 5 * SEC + 500 * MS)
                .timer("step:kill", T0 + 10 * SEC + 500 * MS).timer("step:restart", T0 + 20 * SEC + 500 * MS)
                .timer("step:again", T0 + 25 * SEC + 500 * MS);
        t.print(T0 + 31 * SEC, px("4995"), Fixed.ofUnits(5));
        t.flat(T0 + 32 * SEC, T0 + 40 * SEC, SEC, px("4995"));
        List<String> seen = new ArrayList<>();
        FaultRig r = rig().step("step:enter", x -> assertNull(x.enter("L", Fixed.ofUnits(1), px("4995"), px("5030"))))
                .step("step:kill", FaultRig::kill).step("step:restart", FaultRig::restart)
                .step("step:again", x -> {
                    seen.add(x.enter("again", Fixed.ofUnits(1), px("4990"), px("5030")));
                    seen.add(x.p.oms.positionView(SYM).stopOrderId());
                });
        r.run(t.build());

        assertEquals(List.of("a position is open", "ESZ6-L-1-S"), seen);
        List<Journal.BreakerEntry> rec = r.p.journal.breakerEntries().stream().filter(b -> b.action().equals("RECONCILE")).toList();
        assertEquals(2, rec.size(), rec.toString());
        assertTrue(rec.get(0).reason().contains("the fills seen say 0, the venue holds 1"), rec.get(0).reason());
        assertTrue(rec.get(1).reason().contains("adopted the stop ESZ6-L-1-S resting at 4995"), rec.get(1).reason());
        assertEquals(0, r.p.monitor.receivedCount(), "the new process sent nothing: the resting stop covers the position");
        Journal.TradeRecord tr = r.p.journal.trades().get(0);
        assertEquals(px("5000"), tr.entryPrice());
        assertEquals(px("4995"), tr.parts().get(1).price());
        assertEquals("stop", tr.exitRule());
        assertEquals(0, r.position());
        assertEquals(0, r.p.oms.position(SYM));
        assertEquals(List.of(), r.openOrderIds());
        assertEquals(TradingState.ACTIVE, r.p.gate.state());
        invariants(r);
    }
}
