package dev.flof.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path tmp;

    private ConfigException fails(String yaml) throws IOException {
        Path f = tmp.resolve("flof.yaml");
        Files.writeString(f, yaml);
        return assertThrows(ConfigException.class, () -> new ConfigLoader().load(Optional.of(f)));
    }

    private void failsNaming(String yaml, String key) throws IOException {
        String m = fails(yaml).getMessage();
        assertTrue(m.contains(key), "names " + key + ": " + m);
    }

    private FlofConfig loads(String yaml) throws IOException {
        Path f = tmp.resolve("flof.yaml");
        Files.writeString(f, yaml);
        return new ConfigLoader().load(Optional.of(f));
    }

    @Test
    void defaultsAreCompleteAndSelectTheLayeredBreaker() {
        FlofConfig c = new ConfigLoader().defaults();
        assertEquals(FlofConfig.BreakerMode.LAYERED, c.engine().breakerMode());
        assertEquals("layered", c.engine().breakerMode().extensionId());
        assertEquals(List.of("default-rubric"), c.engine().graders());
        assertEquals("plugins", c.plugins().dir());
        assertEquals(9, c.backtest().timeframes().size());
    }

    @Test
    void aUserFileOverridesOnlyWhatItSays() throws IOException {
        FlofConfig c = loads("""
                engine:
                  breakerMode: flatten
                  exitManager: atr-trail
                instruments:
                  NQ: {venue: CME, tickSize: "0.25", pointValue: "20", lotSize: "1", profile: ES, calendar: CME_GLOBEX_EQUITY}
                """);
        assertEquals(FlofConfig.BreakerMode.FLATTEN, c.engine().breakerMode());
        assertEquals("overlord", c.engine().breakerMode().extensionId());
        assertEquals("atr-trail", c.engine().exitManager());
        assertEquals("smc", c.engine().structure(), "untouched keys keep their defaults");
        assertTrue(c.instruments().containsKey("NQ"));
        assertTrue(c.instruments().containsKey("ES"), "maps merge key by key");
    }

    @Test
    void anUnknownKeyNamesItsPathAndLine() throws IOException {
        ConfigException e = fails("""
                engine:
                  structure: smc
                  gradres: [x]
                """);
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'engine.gradres'"), e.getMessage());
        assertTrue(e.getMessage().contains("graders"), "lists the allowed keys: " + e.getMessage());
    }

    @Test
    void anUnknownTopLevelKeyIsAnError() throws IOException {
        ConfigException e = fails("riskk:\n  maxPositionSize: 3\n");
        assertTrue(e.getMessage().contains("unknown key 'riskk'"), e.getMessage());
    }

    @Test
    void aWrongTypeNamesTheKeyAndTheExpectedType() throws IOException {
        ConfigException e = fails("engine:\n  graders: default-rubric-as-text\n  structure: [a, b]\n");
        assertTrue(e.getMessage().contains("engine.") && e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void aBadEnumListsTheAcceptedValues() throws IOException {
        ConfigException e = fails("engine:\n  breakerMode: YOLO\n");
        assertTrue(e.getMessage().contains("engine.breakerMode"), e.getMessage());
        assertTrue(e.getMessage().contains("LAYERED"), e.getMessage());
    }

    @Test
    void anEmptyValueIsNotSilentlyReplacedByTheDefault() throws IOException {
        ConfigException e = fails("engine:\n  sizer:\n");
        assertTrue(e.getMessage().contains("'engine.sizer' has no value"), e.getMessage());
    }

    @Test
    void malformedYamlGivesTheLine() throws IOException {
        ConfigException e = fails("engine:\n  structure: smc\n   flow: [unclosed\n");
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void aBadTimeframeAndABadInstrumentDecimalAreNamed() throws IOException {
        ConfigException tf = fails("backtest:\n  timeframes: [1m, 7m]\n");
        assertTrue(tf.getMessage().contains("backtest.timeframes[1]"), tf.getMessage());
        ConfigException dec = fails("instruments:\n  ES: {venue: CME, tickSize: \"-0.25\", pointValue: \"50\", lotSize: \"1\", profile: ES, calendar: X}\n");
        assertTrue(dec.getMessage().contains("instruments.ES.tickSize"), dec.getMessage());
    }

    @Test
    void theEngineRiskAndVenueDefaultsAreTheIssuesNumbers() {
        FlofConfig c = new ConfigLoader().defaults();
        assertEquals(1.5, c.predator().haloAtrMultiple());
        assertEquals(4.0, c.predator().speedSpikeRatio());
        assertEquals(9, c.predator().gradeAPlus());
        assertEquals(7, c.predator().gradeB());
        assertEquals(List.of("ny-am", "ny-pm"), c.predator().profiles().get("es").killZones());
        assertTrue(c.predator().profiles().get("crypto").strictChoch());
        assertEquals(0.015, c.risk().riskFraction());
        assertEquals("4", c.risk().maxPositionSize().get("ES"));
        assertEquals("5m", c.backtest().chartTimeframe());
    }

    @Test
    void newSectionsAreValidatedWithTheirKeyPath() throws IOException {
        failsNaming("risk:\n  riskFraction: 0.05\n", "risk.riskFraction");
        failsNaming("predator:\n  gradeAPlus: 5\n", "predator.gradeAPlus");
        failsNaming("predator:\n  profiles:\n    es:\n      killZones: [\"ny am\"]\n", "predator.profiles.es.killZones[0]");
        failsNaming("predator:\n  profiles:\n    forex: {killZones: [], majorPools: [], strictChoch: false, dataWindow: \"\", gapAtrMultiple: 1}\n",
                "predator.profiles.forex");
        failsNaming("venues:\n  es:\n    initialMarginPerContract: \"-1\"\n", "venues.es.initialMarginPerContract");
        failsNaming("backtest:\n  chartTimeframe: 2m\n", "backtest.chartTimeframe");
        failsNaming("risk:\n  maxPositionSize: {ES: \"zero\"}\n", "risk.maxPositionSize.ES");
        FlofConfig ok = loads("risk:\n  breakerParams: {quarantine.cooldownMinutes: \"5\"}\n"
                + "engine:\n  structureParams: {\"swing.length@4H\": \"10\"}\n");
        assertEquals("5", ok.risk().breakerParams().get("quarantine.cooldownMinutes"));
        assertEquals("10", ok.engine().structureParams().get("swing.length@4H"));
        assertEquals(Map.of(), ok.engine().flowParams());
    }

    @Test
    void aMissingFileIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader().load(Optional.of(tmp.resolve("absent.yaml"))));
        assertTrue(e.getMessage().contains("absent.yaml does not exist"), e.getMessage());
    }

    @Test
    void instrumentsResolveByExactSymbolOrFuturesRoot() {
        InstrumentRegistry r = new InstrumentRegistry(new ConfigLoader().defaults().instruments());
        assertEquals(250_000_000L, r.require("ESZ3").tickSize());
        assertEquals(50_000_000_000L, r.require("ESH24").pointValue());
        assertEquals(10L, r.require("BTCUSD").lotSize());
        assertTrue(r.find("ZZZ").isEmpty());
        ConfigException e = assertThrows(ConfigException.class, () -> r.require("NQZ5"));
        assertTrue(e.getMessage().contains("'NQZ5'"), e.getMessage());
    }
}
