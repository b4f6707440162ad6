package dev.flof.host.engine;

import dev.flof.host.backtest.TradingLoop;
import dev.flof.host.bars.BarAggregator;
import dev.flof.host.calendar.Calendars;
import dev.flof.host.calendar.ExchangeCalendar;
import dev.flof.host.config.ConfigLoader;
import dev.flof.host.journal.Journal;
import dev.flof.host.kernel.EventSource;
import dev.flof.host.kernel.Kernel;
import dev.flof.host.kernel.SimulatedClock;
import dev.flof.host.oms.InvariantMonitor;
import dev.flof.host.oms.OrderManager;
import dev.flof.host.oms.RiskGate;
import dev.flof.host.venue.InstrumentTerms;
import dev.flof.host.venue.QueueModel;
import dev.flof.host.venue.SimulatedVenue;
import dev.flof.host.venue.VenueConfig;
import dev.flof.spi.event.Event;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.PositionSizer;
import dev.flof.spi.ext.StopPolicy;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.BreakerAction;
import dev.flof.spi.risk.Factor;
import dev.flof.spi.risk.GradeResult;
import dev.flof.spi.risk.ProtectionPlan;
import dev.flof.spi.structure.Bias;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The real wiring of a backtest (venue first, order management, the engine's lane, breakers, invariants after
 * every event) around a {@link Scenario}'s scripted structure and flow engines and simple SPI test components
 * (the risk plugin is a PF4J plugin, not on the host's test classpath).
 */
final class Rig {
    final Journal journal = new Journal();
    final Kernel kernel = new Kernel(new SimulatedClock(Long.MIN_VALUE), 1);
    final SimulatedVenue venue;
    final RiskGate gate;
    final InvariantMonitor monitor;
    final OrderManager oms;
    final PredatorEngine engine;
    final TradingLoop loop;
    final List<Event> venueSaw = new ArrayList<>();
    final Scenario scenario;

    Rig(Scenario scenario) {
        this(scenario, defaults(), passAll(), fixedExits());
    }

    Rig(Scenario scenario, PredatorSettings settings, CircuitBreaker.Guard guard, ExitManager.Manager exits) {
        this(scenario, settings, guard, exits, List.of(new Rubric()), new BudgetSizer(), new PoiStop());
    }

    Rig(Scenario scenario, PredatorSettings settings, CircuitBreaker.Guard guard, ExitManager.Manager exits,
        List<ConfluenceGrader> graders, PositionSizer sizer, StopPolicy stops) {
        this(scenario, settings, guard, exits, graders, sizer, stops, null);
    }

    /** @param protections the entry protections and loop protections of issue 11 (the backtest's wiring), or null for none */
    Rig(Scenario scenario, PredatorSettings settings, CircuitBreaker.Guard guard, ExitManager.Manager exits,
        List<ConfluenceGrader> graders, PositionSizer sizer, StopPolicy stops, dev.flof.host.protect.ProtectionSettings protections) {
        this.scenario = scenario;
        ArrayDeque<Event> sink = new ArrayDeque<>();
        venue = new SimulatedVenue(new VenueConfig("CME", 0, 0, 0, QueueModel.TRADE_THROUGH, Fixed.ofUnits(100_000), "USD"),
                List.of(InstrumentTerms.es(Scenario.ES, Fixed.ofUnits(5_000))), e -> sink.add(e), () -> kernel.clock().nanos());
        monitor = new InvariantMonitor(sym -> venue.position(sym).quantity(), () -> kernel.clock().nanos());
        gate = new RiskGate(List.of("test-guard"), List.of(guard), monitor.watch(venue::send));
        oms = new OrderManager(gate, journal, Map.of(Scenario.ES.symbol(), Scenario.ES), Map.of(Scenario.ES.symbol(), exits));
        ExchangeCalendar cal = Calendars.byId(Scenario.ES.calendarId());
        RiskBudget budget = new RiskBudget() {
            @Override
            public long equity() {
                return venue.account().equity();
            }

            @Override
            public long lossBudgetLeft(long nowNanos) {
                return Fixed.ofUnits(3_000);
            }

            @Override
            public long maxQuantity(String symbol) {
                return Fixed.ofUnits(10);
            }
        };
        var structure = scenario.structureEngine();
        var flow = scenario.flowEngine();
        dev.flof.host.protect.ProtectedDesk desk = protections == null ? null : new dev.flof.host.protect.ProtectedDesk(oms,
                protections, Map.of(Scenario.ES.symbol(), Scenario.ES), sym -> 1, journal);
        engine = new PredatorEngine(Scenario.ES, cal, settings, structure, flow, graders, sizer, stops,
                desk == null ? oms : desk, budget, journal);
        Function<dev.flof.host.bars.BarListener, BarAggregator> bars = l -> new BarAggregator(Scenario.ES, cal,
                EnumSet.of(Timeframe.M1, Timeframe.M5), 500, l);
        TradingLoop.Lane lane = new TradingLoop.Lane(Scenario.ES, flow, structure, engine, bars, Timeframe.M5);
        loop = new TradingLoop(kernel, List.of(venue), sink, Map.of(Scenario.ES.symbol(), lane), oms, monitor, journal,
                () -> venue.account().equity());
        if (desk != null) {
            loop.protect(desk);
        }
        kernel.register(loop);
    }

    static PredatorSettings defaults() {
        return PredatorSettings.from(new ConfigLoader().defaults(), "es");
    }

    Rig run() {
        Iterator<Event> it = scenario.sorted().iterator();
        EventSource src = () -> it.hasNext() ? it.next() : null;
        try {
            kernel.replay(List.of(src));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    List<Journal.Transition> transitions() {
        return journal.transitions();
    }

    Journal.GradedSetup onlySetup() {
        if (journal.setups().size() != 1) {
            throw new AssertionError("expected one graded setup, got " + journal.setups());
        }
        return journal.setups().get(0);
    }

    // ------------------------------------------------------------------ test components

    /** The 10-point rubric, as a plain SPI grader. */
    static final class Rubric implements ConfluenceGrader {
        @Override
        public String id() {
            return "test-rubric";
        }

        @Override
        public GradeResult grade(dev.flof.spi.risk.Setup s) {
            boolean aligned = s.htfBias() == (s.direction() == Side.BUY ? Bias.BULLISH : Bias.BEARISH);
            return new GradeResult(List.of(
                    new Factor("htf-bias", aligned ? 2 : 0, "bias " + s.htfBias()),
                    new Factor("liquidity-sweep", s.sweptPool() != null ? 2 : 0, "swept " + s.sweptPool()),
                    new Factor("fresh-poi", s.poiTouches() == 0 ? 1 : 0, "touches " + s.poiTouches()),
                    new Factor("choch-displacement", s.chochDisplacement() ? 2 : 0, "displacement " + s.chochDisplacement()),
                    new Factor("order-flow", s.cvdDivergence() && s.stackedImbalance() ? 2 : 0, "cvd+stacked"),
                    new Factor("kill-zone", s.killZone() != null ? 1 : 0, "zone " + s.killZone())), 10);
        }
    }

    /** Risk budget over stop distance, floored to the lot, capped by the maximum. */
    static final class BudgetSizer implements PositionSizer {
        @Override
        public String id() {
            return "test-sizer";
        }

        @Override
        public Decision size(Request r) {
            double perUnit = Fixed.toDouble(Math.abs(r.entryPrice() - r.stopPrice())) * Fixed.toDouble(r.instrument().pointValue());
            double budget = Fixed.toDouble(r.equity()) * r.riskFraction() * r.gradeWeight();
            long units = (long) Math.floor(budget / perUnit);
            long q = Math.min(Fixed.ofUnits(units), r.maxQuantity());
            return new Decision(q, "budget " + budget + " / " + perUnit + " per contract");
        }
    }

    /** Stop two ticks beyond the setup's stop (the POI's far edge); target 3R. */
    static final class PoiStop implements StopPolicy {
        @Override
        public String id() {
            return "test-stop";
        }

        @Override
        public ProtectionPlan protect(dev.flof.spi.risk.Setup s, dev.flof.spi.market.Instrument inst,
                                      dev.flof.spi.structure.MarketMap map, dev.flof.spi.ext.FlowAnalyzer.Engine flow, long atr) {
            int d = s.direction().sign();
            long stop = s.stopPrice() - d * 2 * inst.tickSize();
            long target = s.entryPrice() + d * 3 * Math.abs(s.entryPrice() - stop);
            return new ProtectionPlan(stop, target, "POI edge - 2 ticks");
        }
    }

    static ExitManager.Manager fixedExits() {
        return (event, position, map, flow) -> List.of();
    }

    static CircuitBreaker.Guard passAll() {
        return guard(c -> null, e -> List.of());
    }

    static CircuitBreaker.Guard guard(Function<OrderCommand, String> vet, Function<Event, List<BreakerAction>> on) {
        return new CircuitBreaker.Guard() {
            @Override
            public String vet(OrderCommand command, long nowNanos) {
                return vet.apply(command);
            }

            @Override
            public List<BreakerAction> onEvent(Event event) {
                return on.apply(event);
            }
        };
    }
}
