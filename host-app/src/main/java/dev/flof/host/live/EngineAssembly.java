package dev.flof.host.live;

import dev.flof.host.FlofException;
import dev.flof.host.backtest.TradingLoop;
import dev.flof.host.bars.BarAggregator;
import dev.flof.host.calendar.Calendars;
import dev.flof.host.calendar.ExchangeCalendar;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.engine.PredatorEngine;
import dev.flof.host.engine.PredatorSettings;
import dev.flof.host.engine.RiskBudget;
import dev.flof.host.engine.RiskWiring;
import dev.flof.host.journal.Journal;
import dev.flof.host.kernel.Kernel;
import dev.flof.host.oms.InvariantMonitor;
import dev.flof.host.oms.OrderManager;
import dev.flof.host.oms.RiskGate;
import dev.flof.host.plugin.PluginHost;
import dev.flof.host.venue.SimulatedVenue;
import dev.flof.spi.event.Event;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.PositionSizer;
import dev.flof.spi.ext.StopPolicy;
import dev.flof.spi.ext.StructureAnalyzer;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.order.OrderCommand;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Builds the same engine the backtest runs (Predator lanes, order management, risk gate with the configured
 * circuit breaker, invariant monitor, {@link TradingLoop}) for a live or paper session. What differs from
 * the backtest is only at the edges: the venue the gate sends to, the extra guards (the reconcilers'), the
 * account equity and the position function of the invariant monitor.
 */
final class EngineAssembly {
    final Journal journal = new Journal();
    final Map<String, TradingLoop.Lane> lanes = new TreeMap<>();
    final RiskGate gate;
    final OrderManager oms;
    final TradingLoop loop;
    final InvariantMonitor monitor;
    final String breakerId;

    /**
     * @param venue        where commands the gate passes go (simulated venues or live sessions)
     * @param simVenues    the simulated venues of a paper run (the loop drives them), empty live
     * @param venueEvents  the simulated venues' event queue (their sink), empty live
     * @param extraGuards  guards put after the configured breaker (the reconcilers')
     * @param equity       account equity now, fixed-point
     * @param position     the venue's net position per symbol (for the invariant monitor)
     */
    EngineAssembly(FlofConfig config, PluginHost host, Kernel kernel, Map<String, Instrument> instruments,
                   RunnerSettings settings, Consumer<OrderCommand> venue, List<SimulatedVenue> simVenues,
                   ArrayDeque<Event> venueEvents, List<String> extraGuardIds, List<CircuitBreaker.Guard> extraGuards,
                   LongSupplier equity, ToLongFunction<String> position) {
        FlofConfig.Engine e = config.engine();
        List<ConfluenceGrader> graders = new ArrayList<>();
        for (int i = 0; i < e.graders().size(); i++) {
            graders.add(host.require(ConfluenceGrader.class, e.graders().get(i), "engine.graders[" + i + "]"));
        }
        StructureAnalyzer structure = host.require(StructureAnalyzer.class, e.structure(), "engine.structure");
        FlowAnalyzer flow = host.require(FlowAnalyzer.class, e.flow(), "engine.flow");
        PositionSizer sizer = host.require(PositionSizer.class, e.sizer(), "engine.sizer");
        StopPolicy stopPolicy = host.require(StopPolicy.class, e.stopPolicy(), "engine.stopPolicy");
        ExitManager exitManager = host.require(ExitManager.class, e.exitManager(), "engine.exitManager");
        CircuitBreaker breaker = host.require(CircuitBreaker.class, e.breakerMode().extensionId(), "engine.breakerMode");
        breakerId = breaker.id();
        long startEquity = equity.getAsLong();
        Map<String, ExitManager.Manager> exits = new TreeMap<>();
        Params exitParams = new Params("risk.exitParams", config.risk().exitParams());
        for (Instrument inst : instruments.values()) {
            exits.put(inst.symbol(), exitManager.open(inst, exitParams));
        }
        CircuitBreaker.Guard guard;
        try {
            guard = breaker.create(new Params("risk.breakerParams", breakerParams(config, settings, breaker.id(), instruments,
                    startEquity)));
        } catch (IllegalArgumentException ex) {
            throw new FlofException("circuit breaker '" + breaker.id() + "' refused its parameters: " + ex.getMessage(), ex);
        }
        monitor = new InvariantMonitor(position, () -> kernel.clock().nanos());
        List<String> ids = new ArrayList<>(List.of(breaker.id()));
        ids.addAll(extraGuardIds);
        List<CircuitBreaker.Guard> guards = new ArrayList<>(List.of(guard));
        guards.addAll(extraGuards);
        gate = new RiskGate(ids, guards, monitor.watch(venue));
        oms = new OrderManager(gate, journal, instruments, exits);
        RiskBudget budget = budget(config, settings, equity, startEquity, instruments);
        Set<Timeframe> timeframes = EnumSet.noneOf(Timeframe.class);
        config.backtest().timeframes().forEach(t -> timeframes.add(Timeframe.ofLabel(t)));
        Timeframe chart = Timeframe.ofLabel(config.backtest().chartTimeframe());
        // issue 11: the same entry protections and loop protections as a backtest
        int cryptoLeverage = dev.flof.host.protect.ProtectedDesk.leverage(config.venues().crypto().leverage());
        dev.flof.host.protect.ProtectedDesk desk = new dev.flof.host.protect.ProtectedDesk(oms,
                dev.flof.host.protect.ProtectionSettings.from(config.protect(), java.nio.file.Path.of("")), instruments,
                sym -> cryptoLeverage, journal);
        for (Instrument inst : instruments.values()) {
            ExchangeCalendar calendar;
            try {
                calendar = Calendars.byId(inst.calendarId());
            } catch (IllegalArgumentException ex) {
                throw new FlofException("instrument " + inst.symbol() + ": " + ex.getMessage());
            }
            // the same parameters the backtest hands them: a paper run must be the backtested engine
            FlowAnalyzer.Engine fe;
            StructureAnalyzer.Engine se;
            try {
                fe = flow.create(inst, calendar, new Params("engine.flowParams", config.engine().flowParams()));
                se = structure.create(inst, calendar, new Params("engine.structureParams", config.engine().structureParams()));
            } catch (IllegalArgumentException ex) {
                throw new FlofException(inst.symbol() + ": " + ex.getMessage(), ex);
            }
            PredatorSettings ps = PredatorSettings.from(config, inst.profile().name());
            PredatorEngine engine;
            try {
                engine = new PredatorEngine(inst, calendar, ps, se, fe, graders, sizer, stopPolicy, desk, budget, journal);
            } catch (IllegalArgumentException ex) {
                throw new FlofException("predator.profiles." + inst.profile().name().toLowerCase(Locale.ROOT) + ".killZones: "
                        + ex.getMessage(), ex);
            }
            lanes.put(inst.symbol(), new TradingLoop.Lane(inst, fe, se, engine,
                    listener -> new BarAggregator(inst, calendar, timeframes, BarAggregator.DEFAULT_MAX_BARS, listener), chart));
        }
        loop = new TradingLoop(kernel, simVenues, venueEvents, lanes, oms, monitor, journal, equity).protect(desk);
    }

    /** The runner's hard cap, else the engine configuration's {@code risk.maxPositionSize}. */
    static String maxPosition(FlofConfig config, RunnerSettings settings, String symbol) {
        String v = RunnerSettings.bySymbolOrRoot(settings.maxPosition(), symbol);
        return v != null ? v : RunnerSettings.bySymbolOrRoot(config.risk().maxPositionSize(), symbol);
    }

    private static RiskBudget budget(FlofConfig config, RunnerSettings settings, LongSupplier equity, long startEquity,
                                     Map<String, Instrument> instruments) {
        return RiskWiring.budget(equity, RiskWiring.dailyLossLimit(config, startEquity), instruments,
                s -> maxPosition(config, settings, s));
    }

    /** The breaker's parameters, as the backtest hands them (see {@link RiskWiring#breakerParams}). */
    private static Map<String, String> breakerParams(FlofConfig config, RunnerSettings settings, String breakerId,
                                                     Map<String, Instrument> instruments, long startingEquity) {
        return RiskWiring.breakerParams(config, breakerId, instruments, startingEquity, s -> maxPosition(config, settings, s));
    }
}
