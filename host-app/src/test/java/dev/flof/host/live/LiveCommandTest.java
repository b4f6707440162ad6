package dev.flof.host.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./flof live} refuses to start, with every reason at once, before it loads a plugin or opens a socket. */
class LiveCommandTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Map<String, String> env, String... args) {
        // a plugins folder that does not exist: any attempt to load plugins would fail with a different message
        Main.CliContext ctx = new Main.CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir.resolve("no-plugins-here"), dir, env);
        return Main.run(args, ctx);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path runner(String yaml) throws IOException {
        Path p = dir.resolve("runner.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    static final String COMPLETE = """
            symbols: [BTCUSDT]
            equity: "10000"
            maxPosition: {BTCUSDT: "0.5"}
            emergencyStop: {BTCUSDT: "600"}
            venues:
              - {id: binance-usdm, symbols: [BTCUSDT]}
            feeds:
              - {id: binance, symbols: [BTCUSDT]}
            status: {port: -1}
            """;

    @Test
    void refusesWithoutTheConfirmationFlag() throws IOException {
        Path r = runner(COMPLETE);
        int code = run(Map.of("BINANCE_API_KEY", "k", "BINANCE_API_SECRET", "s"), "live", "--runner", r.toString());
        assertEquals(1, code);
        assertTrue(err().contains("live refuses to start"), err());
        assertTrue(err().contains(LiveCommand.CONFIRM), err());
        assertFalse(err().contains("plugins folder"), "refused before loading plugins: " + err());
    }

    @Test
    void listsMissingCapsStopsAndCredentialsWithoutPrintingSecrets() throws IOException {
        Path r = runner("""
                symbols: [BTCUSDT, ESZ6]
                venues:
                  - {id: binance-usdm, symbols: [BTCUSDT]}
                  - {id: ibkr, symbols: [ESZ6]}
                feeds:
                  - {id: databento, symbols: [ESZ6]}
                maxPosition: {ES: "1"}
                status: {port: -1}
                """);
        int code = run(Map.of("BINANCE_API_KEY", " hunter2-secret-value "), "live", "--runner", r.toString(), LiveCommand.CONFIRM);
        assertEquals(1, code);
        String e = err();
        assertFalse(e.contains(LiveCommand.CONFIRM), "the flag was given: " + e);
        assertTrue(e.contains("no maximum position for BTCUSDT"), e);
        assertFalse(e.contains("no maximum position for ESZ6"), "ES root cap applies to ESZ6: " + e);
        assertTrue(e.contains("no emergency stop distance for BTCUSDT"), e);
        assertTrue(e.contains("no emergency stop distance for ESZ6"), e);
        assertTrue(e.contains("live.equity is not set"), e);
        assertTrue(e.contains("BINANCE_API_KEY (for binance-usdm: blank or surrounded by whitespace)"), e);
        assertTrue(e.contains("BINANCE_API_SECRET (for binance-usdm)"), e);
        assertTrue(e.contains("DATABENTO_API_KEY (for databento)"), e);
        assertFalse(e.contains("hunter2"), "a secret value was printed: " + e);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("hunter2"));
    }

    @Test
    void badRunnerFileNamesLineAndKey() throws IOException {
        Path r = runner("""
                symbols: [ESZ6]
                venues:
                  - {id: ibkr, symbols: [ESZ6], prams: {port: "4002"}}
                """);
        int code = run(Map.of(), "live", "--runner", r.toString(), LiveCommand.CONFIRM);
        assertEquals(1, code);
        assertTrue(err().contains("line 3"), err());
        assertTrue(err().contains("venues[0].prams"), err());
    }

    @Test
    void symbolWithoutVenueIsRefused() throws IOException {
        Path r = runner("""
                symbols: [ESZ6, MESZ6]
                venues:
                  - {id: ibkr, symbols: [ESZ6]}
                """);
        assertEquals(1, run(Map.of(), "paper", "--runner", r.toString()));
        assertTrue(err().contains("symbol MESZ6 must be traded by exactly one entry of 'venues' (found 0)"), err());
    }

    @Test
    void oneSessionPerVenue() throws IOException {
        Path r = runner("""
                symbols: [ESZ6, MESZ6]
                venues:
                  - {id: ibkr, symbols: [ESZ6]}
                  - {id: ibkr, symbols: [MESZ6]}
                """);
        assertEquals(1, run(Map.of(), "paper", "--runner", r.toString()));
        assertTrue(err().contains("venues[1].id 'ibkr' appears twice"), err());
    }

    @Test
    void helpNamesTheConfirmationFlag() {
        assertEquals(0, run(Map.of(), "live", "--help"));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains(LiveCommand.CONFIRM), o);
        assertTrue(o.contains("--runner"), o);
    }

    @Test
    void paperWithoutALiveSectionSaysWhatIsMissing() {
        assertEquals(1, run(Map.of(), "paper"));
        assertTrue(err().contains("'live.symbols' lists no symbol to trade"), err());
        assertTrue(err().contains("give --config FILE with a live: section"), err());
    }

    Path config(String yaml) throws IOException {
        Path p = dir.resolve("flof.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    /** The live: section of the normal configuration, as ./flof live --config FILE reads it. */
    static final String CONFIG = """
            predator:
              gradeB: 6
            live:
              symbols: [BTCUSDT]
              equity: "10000"
              maxPosition: {BTCUSDT: "0.5"}
              emergencyStop: {BTCUSDT: "600"}
              venues:
                - {id: binance-usdm, symbols: [BTCUSDT]}
              feeds:
                - {id: binance, symbols: [BTCUSDT]}
              status: {port: -1}
            """;

    @Test
    void liveReadsTheLiveSectionOfTheConfigAndStillNeedsTheFlag() throws IOException {
        Path c = config(CONFIG);
        assertEquals(1, run(Map.of("BINANCE_API_KEY", "k", "BINANCE_API_SECRET", "s"), "live", "--config", c.toString()));
        assertTrue(err().contains("live refuses to start"), err());
        assertTrue(err().contains("missing " + LiveCommand.CONFIRM), err());
        assertFalse(err().contains("no maximum position"), "the section's caps were read: " + err());
        assertFalse(err().contains("credential missing"), err());
    }

    @Test
    void liveSectionWithoutCapOrCredentialsIsRefusedEvenWithTheFlag() throws IOException {
        Path c = config(CONFIG.replace("  maxPosition: {BTCUSDT: \"0.5\"}\n", ""));
        assertEquals(1, run(Map.of(), "live", "--config", c.toString(), LiveCommand.CONFIRM));
        String e = err();
        assertTrue(e.contains("no maximum position for BTCUSDT: set live.maxPosition.BTCUSDT"), e);
        assertTrue(e.contains("credential missing or invalid: BINANCE_API_KEY (for binance-usdm)"), e);
        assertTrue(e.contains("credential missing or invalid: BINANCE_API_SECRET (for binance-usdm)"), e);
        assertFalse(e.contains("missing " + LiveCommand.CONFIRM), e);
    }

    @Test
    void completeLiveSectionWithFlagAndCredentialsPassesTheChecks() throws IOException {
        Path c = config(CONFIG);
        // every check passes, so it goes on to load the plugins, which this test's folder does not have
        int code = run(Map.of("BINANCE_API_KEY", "k", "BINANCE_API_SECRET", "s"), "live", "--config", c.toString(),
                LiveCommand.CONFIRM);
        assertEquals(1, code);
        assertFalse(err().contains("refuses to start"), err());
        assertTrue(err().contains("no-plugins-here"), err());
    }

    @Test
    void unknownKeyInTheLiveSectionNamesIt() throws IOException {
        Path c = config(CONFIG.replace("equity:", "equitty:"));
        assertEquals(1, run(Map.of(), "paper", "--config", c.toString()));
        assertTrue(err().contains("live.equitty"), err());
    }

    @Test
    void paperRefusesAFeedWithoutItsKey() throws IOException {
        Path r = runner("""
                symbols: [ESZ6]
                venues:
                  - {id: ibkr, symbols: [ESZ6]}
                feeds:
                  - {id: databento, symbols: [ESZ6]}
                """);
        assertEquals(1, run(Map.of(), "paper", "--runner", r.toString()));
        assertTrue(err().contains("DATABENTO_API_KEY is not set"), err());
    }
}
