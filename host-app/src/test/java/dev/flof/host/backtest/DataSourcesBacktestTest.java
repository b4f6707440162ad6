package dev.flof.host.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of real sample in the shared data replays through {@code ./flof backtest --data}: the right
 * reader picks it up, the whole engine runs over it with its invariants checked, and the events the run saw
 * match what the data's own README says the file holds.
 */
class DataSourcesBacktestTest {
    static final Path MARKET = Path.of(System.getProperty("flof.shared.dir", "../../shared")).resolve("data/market");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, reader, event type, count (from the data READMEs)
            "nautilus_trader/databento/esh4-glbx-mdp3-20231225.mbo.dbn.zst, databento-dbn, Trade, 2973",
            "lean/future/cme/minute/es/20131007_trade.zip, lean-bars, Bar, -1",
            "nautilus_trader/btc-perp-20211231-20220201_1m.csv, nautilus-bars, Bar, 45031",
            "hftbacktest/spot/btcusdt_20240808.gz, hftbacktest-binance, Trade, -1",
            "freqtrade/XRP_ETH-trades.json.gz, freqtrade-trades, Trade, 12477",
    })
    void replaysThroughTheWholeEngine(String file, String reader, String type, long count, @TempDir Path work)
            throws IOException {
        BacktestOptionsTest.Run r = BacktestOptionsTest.run(work, "backtest", "--data", MARKET.resolve(file).toString());
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(work.resolve("out/backtest/summary.json").toFile());
        assertEquals(reader, s.get("run").get("data").get(0).get("reader").asText());
        long seen = s.get("seen").get("eventsByType").path(type).asLong();
        if (count >= 0) {
            assertEquals(count, seen, type + " events of " + file);
        } else {
            assertTrue(seen > 0, type + " events of " + file);
        }
        assertTrue(s.get("trading").get("invariantChecks").asLong() > 0, "invariants were checked: " + s.get("trading"));
    }
}
