package dev.flof.host.shocklab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.host.backtest.TradingLoop;
import dev.flof.host.journal.Journal;
import dev.flof.host.kernel.Kernel;
import dev.flof.host.kernel.SimulatedClock;
import dev.flof.host.oms.InvariantMonitor;
import dev.flof.host.oms.OrderManager;
import dev.flof.host.oms.RiskGate;
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
 * real loop must cost exactly what the rig reports.
 */
class TradingLoopCrossCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {"gap-through-stop", "es-rth-halt", "cme-velocity-pause", "crypto-liquidation-cascade",
            "crypto-weekend-gap", "v-sweep-through-poi", "losing-streak", "feed-stale", "slow-acks"})
    void theTradingLoopGivesTheSameLoss(String name) throws Exception {
        Scenario sc = ShockLab.find(name);
        Script s = sc.generator().build(1);
        Instrument inst = s.instrument();
        RigSettings cfg = s.settings();
        boolean es = inst.profile() == MarketProfile.ES;
        Kernel kernel = new Kernel(new SimulatedClock(Long.MIN_VALUE), 1);
        ArrayDeque<Event> venueEvents = new ArrayDeque<>();
        SimulatedVenue venue = new SimulatedVenue(new VenueConfig(inst.venue(), cfg.sendLatencyNanos(), cfg.ackLatencyNanos(), 0,
                QueueModel.TRADE_THROUGH, cfg.equity(), es ? "USD" : "USDT"),
                List.of(es ? new InstrumentTerms(inst, FeeModel.PerContract.esInteractiveBrokers(), new MarginModel.None())
                        : new InstrumentTerms(inst, FeeModel.MakerTaker.binanceUsdM(),
                        new MarginModel.Leverage(Fixed.ofUnits(Math.max(1, cfg.leverage()))))),
                venueEvents::offerLast, () -> kernel.clock().nanos());
        CircuitBreaker.Guard guard = Lab.breaker().create(new Params("t", Rig.breakerParams(inst, cfg)));
        Journal journal = new Journal();
        InvariantMonitor monitor = new InvariantMonitor(sym -> venue.position(sym).quantity(), () -> kernel.clock().nanos());
        RiskGate gate = new RiskGate(List.of("layered"), List.of(guard), monitor.watch(venue::send));
        ExitManager.Manager hold = (e, pos, map, flow) -> List.of();
        OrderManager oms = new OrderManager(gate, journal, Map.of(inst.symbol(), inst), Map.of(inst.symbol(), hold));
        TradingLoop loop = new TradingLoop(kernel, List.of(venue), venueEvents, Map.of(), oms, monitor, journal,
                () -> venue.account().equity());
        kernel.register(loop);
        int[] n = {0};
        kernel.register(e -> {
            if (e instanceof TimerEvent t && t.key().startsWith("step:")) {
                Script.Plan p = s.plan();
                oms.submitEntry(Rig.ticket(inst, cfg, inst.symbol() + "-L" + (++n[0]), p.side(), OrderType.MARKET, 0, p.quantity(),
                        p.stop(), Rig.plannedTarget(p)), t.tsRecv());
            }
        });
        Iterator<Event> it = s.tape().iterator();
        kernel.replay(List.of(() -> it.hasNext() ? it.next() : null));
        AccountSnapshot a = venue.account();
        assertEquals(Lab.result(name).loss(), -(a.realizedPnl() + a.unrealizedPnl()), name);
    }
}
