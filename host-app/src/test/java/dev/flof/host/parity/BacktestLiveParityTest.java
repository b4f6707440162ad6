package dev.flof.host.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.backtest.BacktestRunner;
import dev.flof.host.config.ConfigLoader;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.journal.Journal;
import dev.flof.host.kernel.EventSource;
import dev.flof.host.kernel.SimulatedClock;
import dev.flof.host.live.LiveRunner;
import dev.flof.host.live.RunnerSettings;
import dev.flof.host.plugin.PluginHost;
import dev.flof.spi.ext.ReplaySourceProvider;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backtest/live parity (issue #7): the same recorded stream through the backtest and through the paper runner
 * (the live runner's start-up, reconciliation, risk gate with the reconcilers' guards and event handling,
 * wired to the simulated venue) gives the same graded setups, the same state transitions, the same breaker
 * actions and the same trades, part by part: the same orders at the same times, prices and quantities.
 *
 * <p>Both runs use the bundled plugins and the default configuration; only the runner differs. The paper
 * runner's equity comes from its simulated venue and its position caps from the engine configuration, as
 * the backtest's do, so any difference is a difference in the wiring, which is what this test exists to catch.
 */
class BacktestLiveParityTest {
    static final Path BUNDLED = Path.of(System.getProperty("flof.plugins.dir", "../plugins"));
    static final Path MARKET = Path.of(System.getProperty("flof.shared.dir", "../../shared")).resolve("data/market");

    @TempDir
    Path work;

    static Stream<Arguments> streams() {
        Path es = MARKET.resolve("lean/future/cme/minute/es");
        return Stream.of(
                Arguments.of("embedded default (Bitstamp BTC/USD week)", List.of()),
                Arguments.of("ES 1-minute trade bars, six contiguous sessions", Stream.of("06", "07", "08", "09", "10", "11")
                        .map(d -> es.resolve("201310" + d + "_trade.zip")).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void theSameStreamGivesTheSameOrdersInTheBacktestAndThePaperRunner(String name, List<Path> data) throws Exception {
        List<Path> files = data.isEmpty() ? List.of(embedded()) : data;
        files.forEach(f -> assertTrue(Files.isRegularFile(f), "sample missing: " + f));
        FlofConfig config = new ConfigLoader().load(Optional.empty());
        try (PluginHost host = PluginHost.start(BUNDLED)) {
            BacktestRunner.Result bt = new BacktestRunner(config, host).run(
                    new BacktestRunner.Options(files, work.resolve("bt"), "defaults", "test"),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            Journal live = paperReplay(config, host, files);
            Journal back = bt.journal();

            // both streams reach a B setup that is taken and filled, so the orders themselves are compared
            assertTrue(back.trades().size() > 0, name + ": the stream must trade for the comparison to mean anything");
            assertSame(back.setups(), live.setups(), name + ": graded setups");
            assertSame(back.transitions(), live.transitions(), name + ": state transitions");
            assertSame(back.breakerEntries(), live.breakerEntries(), name + ": breaker actions");
            assertSame(back.trades(), live.trades(), name + ": trades and their parts (the orders)");
            assertSame(back.tierChanges(), live.tierChanges(), name + ": data tier requests");
        }
    }

    /** The stream through the paper runner: one simulated venue trading the file's instruments. */
    private Journal paperReplay(FlofConfig config, PluginHost host, List<Path> files) throws Exception {
        List<ReplaySourceProvider.ReplaySource> sources = new ArrayList<>();
        try {
            java.util.SortedSet<String> symbolSet = new java.util.TreeSet<>();
            for (Path f : files) {
                ReplaySourceProvider.ReplaySource s = host.openReplay(f);
                sources.add(s);
                s.instruments().forEach(i -> symbolSet.add(i.symbol()));
            }
            List<String> symbols = List.copyOf(symbolSet);
            // the runner's position caps are the engine configuration's, as in the backtest
            RunnerSettings settings = new RunnerSettings(symbols, "", config.risk().maxPositionSize(), Map.of(),
                    List.of(new RunnerSettings.Endpoint("replay", Map.of(), symbols)), List.of(),
                    new RunnerSettings.Status("127.0.0.1", -1, 1), "state", "", 1024, 24);
            try (LiveRunner runner = new LiveRunner(LiveRunner.Mode.PAPER, config, settings, host,
                    n -> Optional.empty(), new SimulatedClock(Long.MIN_VALUE), work, new PrintStream(new ByteArrayOutputStream(),
                    true, StandardCharsets.UTF_8), false)) {
                List<EventSource> es = new ArrayList<>();
                for (ReplaySourceProvider.ReplaySource src : sources) {
                    es.add(src::next);
                }
                runner.replay(es);
                return runner.journal();
            }
        } finally {
            for (ReplaySourceProvider.ReplaySource s : sources) {
                s.close();
            }
        }
    }

    /** Equal record lists, or a failure naming the first record that differs (the lists can be long). */
    private static void assertSame(List<?> backtest, List<?> paper, String what) {
        for (int i = 0; i < Math.min(backtest.size(), paper.size()); i++) {
            assertEquals(String.valueOf(backtest.get(i)), String.valueOf(paper.get(i)), what + ", record " + i);
        }
        assertEquals(backtest.size(), paper.size(), what + ": count");
    }

    private Path embedded() throws Exception {
        Path p = work.resolve(BacktestRunner.EMBEDDED_NAME);
        try (InputStream in = BacktestRunner.class.getResourceAsStream(BacktestRunner.EMBEDDED_RESOURCE)) {
            Files.copy(in, p);
        }
        return p;
    }
}
