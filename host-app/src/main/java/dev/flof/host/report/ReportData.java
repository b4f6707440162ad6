package dev.flof.host.report;

import dev.flof.host.journal.Journal;
import dev.flof.spi.event.Bar;
import dev.flof.spi.structure.StructureEvent;
import java.util.List;
import java.util.Map;

/**
 * What the report writer renders.
 *
 * @param summary        the run summary (run metadata, what was seen), written into report.json as is
 * @param chartSymbol    the instrument drawn on the candlestick chart
 * @param candles        its closed bars at {@code chartTimeframe}
 * @param structure      its structure events (zones, pools, sweeps) drawn over the candles
 * @param annualization  trading days per year for Sharpe/Sortino (252 ES, 365 crypto)
 * @param dataCost       the data-cost comparison (tiered streaming versus always-on), by schema
 */
public record ReportData(Map<String, Object> summary, Journal journal, String chartSymbol, String chartTimeframe,
                         List<Bar> candles, List<StructureEvent> structure, long startingEquity, double annualization,
                         Map<String, Object> dataCost) {
    public ReportData {
        candles = List.copyOf(candles);
        structure = List.copyOf(structure);
    }
}
