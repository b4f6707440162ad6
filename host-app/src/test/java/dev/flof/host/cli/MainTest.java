package dev.flof.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user meets it: output, messages and exit codes. */
class MainTest {
    /** The repository's plugins folder, where the build installs the four bundled plugins. */
    static final Path BUNDLED = Path.of(System.getProperty("flof.plugins.dir", "../plugins"));

    record Run(int code, String out, String err) {
    }

    static Run run(Path pluginsDir, Path workDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new Main.CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), pluginsDir, workDir, Map.of()));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pluginsListsTheFourBundledPluginsWithVersionsAndExtensions(@TempDir Path work) {
        Run r = run(BUNDLED, work, "plugins");
        assertEquals(0, r.code(), r.err());
        for (String id : new String[] {"flof-feeds", "flof-orderflow", "flof-risk", "flof-smc"}) {
            assertTrue(r.out().contains("\n" + id + " 0.1.0"), id + " missing in:\n" + r.out());
        }
        assertTrue(r.out().contains("StructureAnalyzer smc"), r.out());
        assertTrue(r.out().contains("FlowAnalyzer orderflow"), r.out());
        assertTrue(r.out().contains("ConfluenceGrader default-rubric"), r.out());
        assertTrue(r.out().contains("ReplaySourceProvider"), r.out());
    }

    @Test
    void helpListsBuiltInAndPluginCommands(@TempDir Path work) {
        Run r = run(BUNDLED, work, "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("backtest"), r.out());
        assertTrue(r.out().contains("plugins"), r.out());
        assertTrue(r.out().contains("data"), "the feeds plugin's command: " + r.out());
    }

    @Test
    void anUnknownCommandIsAUsageError(@TempDir Path work) {
        Run r = run(BUNDLED, work, "fly-to-the-moon");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("fly-to-the-moon"), r.err());
    }

    @Test
    void aMissingPluginsFolderFailsClearlyWithoutAStackTrace(@TempDir Path work) {
        Run r = run(work.resolve("no-plugins"), work, "plugins");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("flof: plugins folder"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aBadConfigStopsTheBacktestBeforeAnythingStartsAndWritesNothing(@TempDir Path work) throws IOException {
        Path cfg = work.resolve("bad.yaml");
        Files.writeString(cfg, "engine:\n  structure: smc\n  breakerMode: SOMETIMES\n");
        Run r = run(BUNDLED, work, "backtest", "--config", cfg.toString(), "--out", work.resolve("out").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.yaml line 3"), r.err());
        assertTrue(r.err().contains("engine.breakerMode"), r.err());
        assertFalse(Files.exists(work.resolve("out")), "no output folder for a run that never started");
    }

    @Test
    void aConfiguredExtensionThatIsNotLoadedFailsFastNamingTheKey(@TempDir Path work) throws IOException {
        Path cfg = work.resolve("flof.yaml");
        Files.writeString(cfg, "engine:\n  exitManager: moonshot\n");
        Run r = run(BUNDLED, work, "backtest", "--config", cfg.toString(), "--out", work.resolve("out").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("engine.exitManager: no ExitManager with id 'moonshot'"), r.err());
        assertFalse(Files.exists(work.resolve("out")));
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCode2(@TempDir Path work) {
        Run r = run(BUNDLED, work, "plugins", "--frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--frobnicate"), r.err());
    }
}
