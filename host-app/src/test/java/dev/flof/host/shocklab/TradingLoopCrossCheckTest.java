package dev.flof.host.shocklab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.backtest.TradingLoop;
import dev.flof.host.journal.Journal;
import dev.flof.host.kernel.Kernel;
import dev.flof.host.kernel.SimulatedClock;
import dev.flof.host.oms.InvariantMonitor;
import dev.flof.host.oms.OrderManager;
import dev.flof.host.oms.RiskGate;
import dev.flof.host.protect.ProtectedDesk;
import dev.flof.host.venue.AccountSnapshot;
import dev.flof.host.venue.FeeModel;
import dev.flof.host.venue.InstrumentTerms;
import dev.flof.host.venue.MarginModel;
import dev.flof.host.venue.QueueModel;
import dev.flof.host.venue.SimulatedVenue;
import dev.flof.host.venue.VenueConfig;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.order.OrderType;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cross-checks the shock-lab rig against the host's own {@link TradingLoop} (kernel replay, venue first, order
 * management, breakers, invariants that stop the run): for the scenarios without FLOF-side faults (no crash, no
 * disconnect, no escalation, no entry filters), the planned entries sent straight to the order manager through the
 * real loop must cost exactly what the rig reports. The scenarios of the added protections (stop escalation,
 * session policy, news blackout, liquidation guard) run through the loop with the protections wired the way the
 * backtest wires them ({@link ProtectedDesk} as the entry door, {@link TradingLoop#protect}) and must cost the same.
 */
class TradingLoopCrossCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {"gap-through-stop", "es-rth-halt", "cme-velocity-pause", "crypto-liquidation-cascade",
            "crypto-weekend-gap", "v-sweep-through-poi", "losing-streak", "feed-stale", "slow-acks"})
    void theTradingLoopGivesTheSameLoss(String name) throws Exception {
        Harness h = new Harness(name, false);
        h.run();
        AccountSnapshot a = h.venue.account();
        assertEquals(Lab.result(name).loss(), -(a.realizedPnl() + a.unrealizedPnl()), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gap-skips-stop-limit", "weekend-carry-flattened", "es-monday-open-after-crypto-crash",
            "crypto-overleveraged-entry", "news-spread-parabola"})
    void withTheProtectionsWiredTheTradingLoopGivesTheSameLoss(String name) throws Exception {
        Harness h = new Harness(name, true);
        h.run();
        AccountSnapshot a = h.venue.account();
        assertEquals(Lab.result(name).loss(), -(a.realizedPnl() + a.unrealizedPnl()), name);
        assertTrue(h.venue.positions().isEmpty(), name + ": flat at the end " + h.venue.positions());
    }

    @org.junit.jupiter.api.Test
    void withoutTheProtectionsTheSkippedStopLimitStopsTheRun() throws Exception {
        // the finding this issue fixed: the loop without stop escalation fails its invariant at the first event
        // after the gap skipped the stop-limit
        Harness h = new Harness("gap-skips-stop-limit", false);
        TradingLoop.InvariantViolation v = assertThrows(TradingLoop.InvariantViolation.class, h::run);
        assertTrue(v.getMessage().contains("unprotected position"), v.getMessage());
    }

    /** The host's loop around a scenario's tape; the scenario's steps enter the planned trade. */
    static final class Harness {
        final Script s;
        final Kernel kernel = new Kernel(new SimulatedClock(Long.MIN_VALUE), 1);
        final SimulatedVenue venue;
        final Journal journal = new Journal();
        final OrderManager oms;
        final TradingLoop loop;
        final RiskGate gate;
        final dev.flof.host.engine.EntryDesk door;

        Harness(String name, boolean protect) {
            Scenario sc = ShockLab.find(name);
            s = sc.generator().build(1);
            Instrument inst = s.instrument();
            RigSettings cfg = s.settings();
            boolean es = inst.profile() == MarketProfile.ES;
            ArrayDeque<Event> venueEvents = new ArrayDeque<>();
            venue = new SimulatedVenue(new VenueConfig(inst.venue(), cfg.sendLatencyNanos(), cfg.ackLatencyNanos(), 0,
                    QueueModel.TRADE_THROUGH, cfg.equity(), es ? "USD" : "USDT"),
                    List.of(es ? new InstrumentTerms(inst, FeeModel.PerContract.esInteractiveBrokers(), new MarginModel.None())
                            : new InstrumentTerms(inst, FeeModel.MakerTaker.binanceUsdM(),
                            new MarginModel.Leverage(Fixed.ofUnits(Math.max(1, cfg.leverage()))))),
                    venueEvents::offerLast, () -> kernel.clock().nanos());
            CircuitBreaker.Guard guard = Lab.breaker().create(new Params("t", Rig.breakerParams(inst, cfg)));
            InvariantMonitor monitor = new InvariantMonitor(sym -> venue.position(sym).quantity(), () -> kernel.clock().nanos());
            gate = new RiskGate(List.of("layered"), List.of(guard), monitor.watch(venue::send));
            ExitManager.Manager hold = (e, pos, map, flow) -> List.of();
            oms = new OrderManager(gate, journal, Map.of(inst.symbol(), inst), Map.of(inst.symbol(), hold));
            loop = new TradingLoop(kernel, List.of(venue), venueEvents, Map.of(), oms, monitor, journal,
                    () -> venue.account().equity());
            if (protect) {
                ProtectedDesk desk = new ProtectedDesk(oms, cfg.protections(), Map.of(inst.symbol(), inst), sym -> cfg.leverage(),
                        journal);
                loop.protect(desk);
                door = desk;
            } else {
                door = oms;
            }
            kernel.register(loop);
            int[] n = {0};
            kernel.register(e -> {
                if (e instanceof TimerEvent t && t.key().startsWith("step:")) {
                    Script.Plan p = s.plan();
                    door.submitEntry(Rig.ticket(inst, cfg, inst.symbol() + "-L" + (++n[0]), p.side(), OrderType.MARKET, 0, p.quantity(),
                            p.stop(), Rig.plannedTarget(p)), t.tsRecv());
                }
            });
        }

        void run() throws java.io.IOException {
            Iterator<Event> it = s.tape().iterator();
            kernel.replay(List.of(() -> it.hasNext() ? it.next() : null));
        }
    }
}
