package dev.flof.host.backtest;

import dev.flof.host.FlofException;
import dev.flof.host.calendar.Calendars;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.kernel.EventSource;
import dev.flof.host.kernel.Kernel;
import dev.flof.host.kernel.SimulatedClock;
import dev.flof.host.plugin.PluginHost;
import dev.flof.host.bars.BarAggregator;
import dev.flof.host.calendar.ExchangeCalendar;
import dev.flof.host.engine.PredatorEngine;
import dev.flof.host.engine.PredatorSettings;
import dev.flof.host.engine.RiskBudget;
import dev.flof.host.engine.RiskWiring;
import dev.flof.host.journal.Journal;
import dev.flof.host.oms.InvariantMonitor;
import dev.flof.host.oms.OrderManager;
import dev.flof.host.oms.RiskGate;
import dev.flof.host.engine.EntryDesk;
import dev.flof.host.protect.ProtectedDesk;
import dev.flof.host.protect.ProtectionSettings;
import dev.flof.host.venue.FeeModel;
import dev.flof.host.venue.InstrumentTerms;
import dev.flof.host.venue.MarginModel;
import dev.flof.host.venue.QueueModel;
import dev.flof.host.venue.SimulatedVenue;
import dev.flof.host.venue.VenueConfig;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.structure.StructureEvent;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.PositionSizer;
import dev.flof.spi.ext.ReplaySourceProvider;
import dev.flof.spi.ext.StopPolicy;
import dev.flof.spi.ext.StructureAnalyzer;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Timeframe;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays recorded data through the kernel and the configured plugins: trades and quotes to the order-flow
 * engine and the multi-timeframe bar aggregator, closed bars to the structure engine, and writes what it
 * saw into the output folder (atomically). The same data and configuration give the same report.
 */
public final class BacktestRunner {
    /** The embedded default: real Bitstamp BTC/USD trades from ta4j-examples 0.18 (Maven Central). */
    public static final String EMBEDDED_RESOURCE = "/embedded/bitstamp_trades_from_20131125_usd.csv";
    public static final String EMBEDDED_NAME = "bitstamp_trades_from_20131125_usd.csv";

    /**
     * @param fromNanos only events with exchange time at or after this are replayed ({@code Long.MIN_VALUE}: from the start)
     * @param toNanos   replay stops before the first event at or after this ({@code Long.MAX_VALUE}: to the end)
     * @param progress  called on the kernel thread with each data event's exchange time (a progress display), or null
     */
    public record Options(List<Path> data, Path out, String configDescription, String configHash, long fromNanos,
                          long toNanos, java.util.function.LongConsumer progress) {
        public Options(List<Path> data, Path out, String configDescription, String configHash) {
            this(data, out, configDescription, configHash, Long.MIN_VALUE, Long.MAX_VALUE, null);
        }

    }

    /**
     * What a run produced, for the report writers: the summary, the journal (setups, trades, transitions,
     * breaker actions, equity, tier changes), and per symbol the closed bars of the chart timeframe and every
     * structure event, in the order they became known.
     *
     * @param startingEquity fixed-point account currency, summed over the simulated venues
     * @param finalEquity    the same at the end of the data (open positions marked at the last print)
     */
    public record Result(BacktestReport report, Journal journal, Timeframe chartTimeframe, Map<String, List<Bar>> chartBars,
                         Map<String, List<StructureEvent>> structureEvents, long startingEquity, long finalEquity) {
        public Result {
            chartBars = java.util.Collections.unmodifiableMap(new TreeMap<>(chartBars));
            structureEvents = java.util.Collections.unmodifiableMap(new TreeMap<>(structureEvents));
        }
    }

    /** A CME futures symbol: root, month code, one or two year digits (ESZ3, ESH24). */
    private static final Pattern FUTURE = Pattern.compile("^([A-Z0-9]+?)[FGHJKMNQUVXZ]\\d{1,2}$");

    /** The extensions of a run, resolved once at start from the configuration. */
    record Engines(StructureAnalyzer structure, FlowAnalyzer flow, List<ConfluenceGrader> graders, PositionSizer sizer,
                   StopPolicy stopPolicy, ExitManager exitManager, CircuitBreaker breaker) {
    }

    private final FlofConfig config;
    private final PluginHost host;

    public BacktestRunner(FlofConfig config, PluginHost host) {
        this.config = config;
        this.host = host;
    }

    /** Resolves every configured extension id, failing fast with the config key when one is missing. */
    Engines resolveEngines() {
        FlofConfig.Engine e = config.engine();
        List<ConfluenceGrader> graders = new ArrayList<>();
        for (int i = 0; i < e.graders().size(); i++) {
            graders.add(host.require(ConfluenceGrader.class, e.graders().get(i), "engine.graders[" + i + "]"));
        }
        return new Engines(
                host.require(StructureAnalyzer.class, e.structure(), "engine.structure"),
                host.require(FlowAnalyzer.class, e.flow(), "engine.flow"),
                graders,
                host.require(PositionSizer.class, e.sizer(), "engine.sizer"),
                host.require(StopPolicy.class, e.stopPolicy(), "engine.stopPolicy"),
                host.require(ExitManager.class, e.exitManager(), "engine.exitManager"),
                host.require(CircuitBreaker.class, e.breakerMode().extensionId(), "engine.breakerMode"));
    }

    public Result run(Options options, PrintStream out) {
        Engines engines = resolveEngines();
        Path tempDir = null;
        List<Path> files = new ArrayList<>(options.data());
        List<String> origins = new ArrayList<>();
        try {
            if (files.isEmpty()) {
                tempDir = Files.createTempDirectory("flof-embedded-");
                Path p = tempDir.resolve(EMBEDDED_NAME);
                try (InputStream in = BacktestRunner.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
                    if (in == null) {
                        throw new FlofException("the embedded default data is missing from the host build;"
                                + " rebuild with ./mvnw -DskipTests package");
                    }
                    Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
                }
                files.add(p);
                origins.add("embedded default: real Bitstamp BTC/USD trades from org.ta4j:ta4j-examples:0.18");
            } else {
                for (Path f : files) {
                    if (!Files.isRegularFile(f)) {
                        throw new FlofException("data file " + f + " does not exist");
                    }
                    origins.add("file");
                }
            }
            return replay(engines, files, origins, options, out);
        } catch (IOException e) {
            throw new FlofException(e.getMessage(), e);
        } finally {
            if (tempDir != null) {
                try (var s = Files.walk(tempDir)) {
                    for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(x);
                    }
                } catch (IOException ignored) {
                    // a temp copy of public data; the OS cleans the temp folder
                }
            }
        }
    }

    private Result replay(Engines engines, List<Path> files, List<String> origins, Options options,
                                  PrintStream out) throws IOException {
        List<ReplaySourceProvider.ReplaySource> sources = new ArrayList<>();
        List<BacktestReport.DataFile> dataFiles = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                PluginHost.Loaded<ReplaySourceProvider> provider = providerFor(f);
                try {
                    sources.add(provider.extension().open(f, Params.empty("backtest.data[" + i + "]")));
                } catch (IllegalArgumentException e) {
                    // Readers report bad parameters and bad headers this way; the message names the key or file.
                    throw new FlofException(f + ": " + e.getMessage(), e);
                }
                dataFiles.add(new BacktestReport.DataFile(f.getFileName().toString(), origins.get(i), provider.id(),
                        Digests.sha256(f)));
            }
            RunStats stats = new RunStats();
            Set<Timeframe> timeframes = EnumSet.noneOf(Timeframe.class);
            config.backtest().timeframes().forEach(t -> timeframes.add(Timeframe.ofLabel(t)));
            Timeframe chart = Timeframe.ofLabel(config.backtest().chartTimeframe());
            Map<String, Instrument> instruments = new TreeMap<>();
            for (ReplaySourceProvider.ReplaySource s : sources) {
                for (Instrument inst : s.instruments()) {
                    instruments.putIfAbsent(inst.symbol(), inst);
                }
            }
            Kernel kernel = new Kernel(new SimulatedClock(Long.MIN_VALUE), 1);
            Journal journal = new Journal();
            ArrayDeque<Event> venueEvents = new ArrayDeque<>();
            List<SimulatedVenue> venues = venues(instruments, venueEvents, kernel);
            long startingEquity = equity(venues);
            Map<String, ExitManager.Manager> exits = new TreeMap<>();
            Params exitParams = new Params("risk.exitParams", config.risk().exitParams());
            for (Instrument inst : instruments.values()) {
                exits.put(inst.symbol(), engines.exitManager().open(inst, exitParams));
            }
            CircuitBreaker.Guard guard;
            try {
                guard = engines.breaker().create(new Params("risk.breakerParams", breakerParams(engines.breaker().id(),
                        instruments, startingEquity)));
            } catch (IllegalArgumentException e) {
                throw new FlofException("circuit breaker '" + engines.breaker().id() + "' refused its parameters: " + e.getMessage(), e);
            }
            InvariantMonitor monitor = new InvariantMonitor(sym -> positionOf(venues, sym), () -> kernel.clock().nanos());
            RiskGate gate = new RiskGate(List.of(engines.breaker().id()), List.of(guard), monitor.watch(c -> venueFor(venues, instruments, c.symbol()).send(c)));
            OrderManager oms = new OrderManager(gate, journal, instruments, exits);
            oms.reconcileWith(sym -> venueFor(venues, instruments, sym));
            RiskBudget budget = budget(venues, instruments, startingEquity);
            // issue 11: session policy, news blackout and liquidation guard in front of order management; stop
            // escalation and the weekend flatten in the loop
            int cryptoLeverage = ProtectedDesk.leverage(config.venues().crypto().leverage());
            ProtectedDesk desk = new ProtectedDesk(oms, ProtectionSettings.from(config.protect(), Path.of("")), instruments,
                    sym -> cryptoLeverage, journal);
            Map<String, TradingLoop.Lane> lanes = new TreeMap<>();
            for (Instrument inst : instruments.values()) {
                lanes.put(inst.symbol(), lane(inst, engines, timeframes, chart, desk, budget, journal));
            }
            TradingLoop loop = new TradingLoop(kernel, venues, venueEvents, lanes, oms, monitor, journal, () -> equity(venues))
                    .protect(desk);
            loop.observe(new TradingLoop.Observer() {
                @Override
                public void onBar(Bar b) {
                    stats.onBar(b);
                }

                @Override
                public void onStructure(StructureEvent e) {
                    stats.onStructure(e);
                }

                @Override
                public void onSignal(dev.flof.spi.flow.FlowSignal sig) {
                    stats.onSignal(sig);
                }
            });
            kernel.register(stats::onEvent);
            kernel.register(loop);
            List<EventSource> eventSources = new ArrayList<>();
            for (ReplaySourceProvider.ReplaySource s : sources) {
                eventSources.add(window(s, options));
            }
            kernel.replay(eventSources);
            long finalEquity = equity(venues);
            Map<String, Long> counters = new TreeMap<>();
            Map<String, List<Bar>> chartBars = new TreeMap<>();
            Map<String, List<StructureEvent>> structure = new TreeMap<>();
            Map<String, Object> dataCost = new TreeMap<>();
            for (TradingLoop.Lane l : lanes.values()) {
                String sym = l.instrument().symbol();
                l.bars.counters().forEach((k, v) -> counters.merge(sym + " bars: " + k, v, Long::sum));
                chartBars.put(sym, List.copyOf(l.chartBars()));
                structure.put(sym, List.copyOf(l.structureEvents()));
                dataCost.put(sym, l.cost().summary());
            }
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                String prefix = dataFiles.get(i).name() + ": ";
                sources.get(i).counters().forEach((k, v) -> counters.merge(prefix + k, v, Long::sum));
                sources.get(i).notes().forEach(n -> notes.add(n.startsWith(prefix) ? n : prefix + n)); // some readers name the file already
            }
            Map<String, String> plugins = new LinkedHashMap<>();
            host.plugins().forEach(p -> plugins.put(p.id(), p.version()));
            BacktestReport.Trading trading = new BacktestReport.Trading(journal, gate, startingEquity, finalEquity, dataCost,
                    loop.checks(), oms.flattened());
            BacktestReport report = BacktestReport.of(options, engines, config, dataFiles, plugins, instruments.keySet(), stats,
                    counters, notes, kernel.dispatched(), trading);
            return new Result(report, journal, chart, chartBars, structure, startingEquity, finalEquity);
        } finally {
            for (ReplaySourceProvider.ReplaySource s : sources) {
                s.close();
            }
        }
    }

    /**
     * The source seen through the run's time window: events before {@code from} are skipped (they are still
     * read, so the reader's checks apply to the whole file), and the source ends at {@code to}.
     */
    static EventSource window(ReplaySourceProvider.ReplaySource s, Options o) {
        return () -> {
            while (true) {
                Event e = s.next();
                if (e == null || e.tsEvent() >= o.toNanos()) {
                    return null;
                }
                if (e.tsEvent() >= o.fromNanos()) {
                    if (o.progress() != null) {
                        o.progress().accept(e.tsEvent());
                    }
                    return e;
                }
            }
        };
    }

    private PluginHost.Loaded<ReplaySourceProvider> providerFor(Path file) {
        Map<String, PluginHost.Loaded<ReplaySourceProvider>> providers = host.extensions(ReplaySourceProvider.class);
        for (PluginHost.Loaded<ReplaySourceProvider> p : providers.values()) {
            if (p.extension().accepts(file)) {
                return p;
            }
        }
        throw new FlofException("no replay reader accepts " + file + "; loaded readers: " + providers.keySet()
                + " (see flof-plugin-feeds/README.md, 'Replay formats')");
    }

    private TradingLoop.Lane lane(Instrument instrument, Engines engines, Set<Timeframe> timeframes, Timeframe chart,
                                  EntryDesk desk, RiskBudget budget, Journal journal) {
        ExchangeCalendar calendar;
        try {
            calendar = Calendars.byId(instrument.calendarId());
        } catch (IllegalArgumentException e) {
            throw new FlofException("instrument " + instrument.symbol() + ": " + e.getMessage());
        }
        FlowAnalyzer.Engine flow;
        StructureAnalyzer.Engine structure;
        try {
            flow = engines.flow().create(instrument, calendar, new Params("engine.flowParams", config.engine().flowParams()));
            structure = engines.structure().create(instrument, calendar,
                    new Params("engine.structureParams", config.engine().structureParams()));
        } catch (IllegalArgumentException e) {
            throw new FlofException(instrument.symbol() + ": " + e.getMessage(), e);
        }
        PredatorSettings settings = PredatorSettings.from(config, instrument.profile().name());
        PredatorEngine engine;
        try {
            engine = new PredatorEngine(instrument, calendar, settings, structure, flow, engines.graders(), engines.sizer(),
                    engines.stopPolicy(), desk, budget, journal);
        } catch (IllegalArgumentException e) {
            throw new FlofException("predator.profiles." + instrument.profile().name().toLowerCase(Locale.ROOT) + ".killZones: "
                    + e.getMessage(), e);
        }
        return new TradingLoop.Lane(instrument, flow, structure, engine,
                listener -> new BarAggregator(instrument, calendar, timeframes, BarAggregator.DEFAULT_MAX_BARS, listener), chart);
    }

    /** One simulated venue per venue id of the instruments, configured from the profile of its first instrument. */
    private List<SimulatedVenue> venues(Map<String, Instrument> instruments, ArrayDeque<Event> sink, Kernel kernel) {
        Map<String, List<InstrumentTerms>> byVenue = new TreeMap<>();
        Map<String, FlofConfig.VenueSpec> specOf = new TreeMap<>();
        for (Instrument inst : instruments.values()) {
            boolean es = inst.profile() == MarketProfile.ES;
            FlofConfig.VenueSpec spec = es ? config.venues().es() : config.venues().crypto();
            String key = es ? "venues.es" : "venues.crypto";
            specOf.putIfAbsent(inst.venue(), spec);
            InstrumentTerms terms = es
                    ? new InstrumentTerms(inst, new FeeModel.PerContract(dec(spec.commissionPerContract(), key + ".commissionPerContract"),
                            dec(spec.exchangeFeePerContract(), key + ".exchangeFeePerContract")),
                            new MarginModel.PerUnit(dec(spec.initialMarginPerContract(), key + ".initialMarginPerContract")))
                    : new InstrumentTerms(inst, new FeeModel.MakerTaker(dec(spec.makerBps(), key + ".makerBps"),
                            dec(spec.takerBps(), key + ".takerBps")), new MarginModel.Leverage(dec(spec.leverage(), key + ".leverage")));
            byVenue.computeIfAbsent(inst.venue(), k -> new ArrayList<>()).add(terms);
        }
        List<SimulatedVenue> out = new ArrayList<>();
        byVenue.forEach((venueId, terms) -> {
            FlofConfig.VenueSpec spec = specOf.get(venueId);
            VenueConfig vc = new VenueConfig(venueId, spec.sendLatencyUs() * 1_000L, spec.ackLatencyUs() * 1_000L,
                    spec.slippageTicks(), QueueModel.TRADE_THROUGH, Fixed.parse(spec.startingBalance()), spec.currency());
            out.add(new SimulatedVenue(vc, terms, e -> sink.add(e), () -> kernel.clock().nanos()));
        });
        return out;
    }

    private static long dec(String v, String key) {
        try {
            return Fixed.parse(v);
        } catch (RuntimeException e) {
            throw new FlofException("config key '" + key + "': expected a decimal, got '" + v + "'");
        }
    }

    private static SimulatedVenue venueFor(List<SimulatedVenue> venues, Map<String, Instrument> instruments, String symbol) {
        Instrument inst = instruments.get(symbol);
        for (SimulatedVenue v : venues) {
            if (inst != null && v.config().venueId().equals(inst.venue())) {
                return v;
            }
        }
        throw new FlofException("no simulated venue trades " + symbol);
    }

    private static long positionOf(List<SimulatedVenue> venues, String symbol) {
        long q = 0;
        for (SimulatedVenue v : venues) {
            q += v.position(symbol).quantity();
        }
        return q;
    }

    private static long equity(List<SimulatedVenue> venues) {
        long e = 0;
        for (SimulatedVenue v : venues) {
            e += v.account().equity();
        }
        return e;
    }

    /** The configured maximum position of a symbol or its futures root, fixed-point; null when none. */
    String maxPosition(String symbol) {
        Map<String, String> m = config.risk().maxPositionSize();
        String v = m.get(symbol);
        if (v == null) {
            Matcher f = FUTURE.matcher(symbol);
            if (f.matches()) {
                v = m.get(f.group(1));
            }
        }
        return v;
    }

    private RiskBudget budget(List<SimulatedVenue> venues, Map<String, Instrument> instruments, long startingEquity) {
        return RiskWiring.budget(() -> equity(venues), RiskWiring.dailyLossLimit(config, startingEquity), instruments,
                this::maxPosition);
    }

    /** The breaker's parameters (see {@link RiskWiring#breakerParams}). */
    Map<String, String> breakerParams(String breakerId, Map<String, Instrument> instruments, long startingEquity) {
        return RiskWiring.breakerParams(config, breakerId, instruments, startingEquity, this::maxPosition);
    }
}
