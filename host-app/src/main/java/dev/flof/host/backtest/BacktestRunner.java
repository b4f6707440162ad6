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
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
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

    public record Options(List<Path> data, Path out, String configDescription, String configHash) {
    }

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

    public BacktestReport run(Options options, PrintStream out) {
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

    private BacktestReport replay(Engines engines, List<Path> files, List<String> origins, Options options,
                                  PrintStream out) throws IOException {
        List<ReplaySourceProvider.ReplaySource> sources = new ArrayList<>();
        List<BacktestReport.DataFile> dataFiles = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                PluginHost.Loaded<ReplaySourceProvider> provider = providerFor(f);
                sources.add(provider.extension().open(f, Params.empty("backtest.data[" + i + "]")));
                dataFiles.add(new BacktestReport.DataFile(f.getFileName().toString(), origins.get(i), provider.id(),
                        Digests.sha256(f)));
            }
            Map<String, Pipeline> pipelines = new TreeMap<>();
            RunStats stats = new RunStats();
            Set<Timeframe> timeframes = EnumSet.noneOf(Timeframe.class);
            config.backtest().timeframes().forEach(t -> timeframes.add(Timeframe.ofLabel(t)));
            for (ReplaySourceProvider.ReplaySource s : sources) {
                for (Instrument inst : s.instruments()) {
                    pipelines.computeIfAbsent(inst.symbol(), k -> new Pipeline(inst, engines, timeframes, stats));
                }
            }
            Kernel kernel = new Kernel(new SimulatedClock(Long.MIN_VALUE), 1);
            kernel.register(stats::onEvent);
            kernel.register(e -> {
                Pipeline p = pipelineOf(pipelines, e);
                if (p != null) {
                    p.onEvent(e);
                }
            });
            List<EventSource> eventSources = new ArrayList<>();
            for (ReplaySourceProvider.ReplaySource s : sources) {
                eventSources.add(s::next);
            }
            kernel.replay(eventSources);
            Map<String, Long> counters = new TreeMap<>();
            for (Pipeline p : pipelines.values()) {
                p.finish(counters);
            }
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                String prefix = dataFiles.get(i).name() + ": ";
                sources.get(i).counters().forEach((k, v) -> counters.merge(prefix + k, v, Long::sum));
                sources.get(i).notes().forEach(n -> notes.add(prefix + n));
            }
            Map<String, String> plugins = new LinkedHashMap<>();
            host.plugins().forEach(p -> plugins.put(p.id(), p.version()));
            return BacktestReport.of(options, engines, config, dataFiles, plugins, pipelines.keySet(), stats,
                    counters, notes, kernel.dispatched());
        } finally {
            for (ReplaySourceProvider.ReplaySource s : sources) {
                s.close();
            }
        }
    }

    private static Pipeline pipelineOf(Map<String, Pipeline> pipelines, Event e) {
        if (e instanceof Trade t) {
            return pipelines.get(t.symbol());
        } else if (e instanceof Quote q) {
            return pipelines.get(q.symbol());
        } else if (e instanceof Bar b) {
            return pipelines.get(b.symbol());
        }
        return null;
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

    /** One instrument's chain: flow engine on the tape, bars from the tape, structure on closed bars. */
    static final class Pipeline {
        final Instrument instrument;
        final FlowAnalyzer.Engine flow;
        final StructureAnalyzer.Engine structure;
        final BarAggregator bars;
        final RunStats stats;

        Pipeline(Instrument instrument, Engines engines, Set<Timeframe> timeframes, RunStats stats) {
            this.instrument = instrument;
            this.stats = stats;
            ExchangeCalendar calendar;
            try {
                calendar = Calendars.byId(instrument.calendarId());
            } catch (IllegalArgumentException e) {
                throw new FlofException("instrument " + instrument.symbol() + ": " + e.getMessage());
            }
            this.flow = engines.flow().create(instrument, calendar, Params.empty("flow"));
            this.structure = engines.structure().create(instrument, calendar, Params.empty("structure"));
            this.bars = new BarAggregator(instrument, calendar, timeframes, BarAggregator.DEFAULT_MAX_BARS, this::onClosedBar);
        }

        void onEvent(Event e) {
            if (e instanceof Trade t) {
                flow.onTrade(t, stats::onSignal);
                bars.onTrade(t);
            } else if (e instanceof Quote q) {
                flow.onQuote(q, stats::onSignal);
            } else if (e instanceof Bar b) {
                bars.onBar(b);
            }
        }

        private void onClosedBar(Bar b) {
            stats.onBar(b);
            flow.onBar(b, stats::onSignal);
            structure.onBar(b, stats::onStructure);
        }

        /**
         * End of data: bars still forming are not closed (their interval has not ended, so they are not
         * known to be complete); the aggregator's counters join the report.
         */
        void finish(Map<String, Long> counters) {
            bars.counters().forEach((k, v) -> counters.merge(instrument.symbol() + " bars: " + k, v, Long::sum));
        }
    }
}
