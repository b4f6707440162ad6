package dev.flof.feeds.cli;

import dev.flof.feeds.databento.historical.RangeRequest;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.Option;

/** The request options shared by {@code data cost} and {@code data fetch}. */
final class RangeOptions {
    @Option(names = "--dataset", required = true, paramLabel = "D", description = "dataset, e.g. GLBX.MDP3")
    String dataset;

    @Option(names = "--schema", required = true, paramLabel = "S", description = "schema, e.g. trades, ohlcv-1m, mbp-10")
    String schema;

    @Option(names = "--symbols", required = true, split = ",", paramLabel = "A,B", description = "comma-separated symbols, or ALL_SYMBOLS")
    List<String> symbols;

    @Option(names = "--start", required = true, paramLabel = "ISO", description = "inclusive start (ISO-8601 or ns since the epoch)")
    String start;

    @Option(names = "--end", paramLabel = "ISO", description = "exclusive end (ISO-8601 or ns since the epoch)")
    String end;

    @Option(names = "--stype-in", defaultValue = "raw_symbol", paramLabel = "STYPE", description = "input symbology (default ${DEFAULT-VALUE})")
    String stypeIn;

    @Option(names = "--limit", paramLabel = "N", description = "at most N records")
    Long limit;

    @Option(names = "--base-url", defaultValue = "https://hist.databento.com", paramLabel = "URL",
            description = "historical API base URL (default ${DEFAULT-VALUE})")
    URI baseUrl;

    RangeRequest request() {
        return new RangeRequest(dataset, schema, symbols, start, end, stypeIn, "instrument_id", limit);
    }
}
