package dev.flof.host.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flof.host.config.FlofConfig;
import dev.flof.spi.SpiVersion;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The result of a backtest run, written as {@code summary.json} and {@code summary.txt}. It holds no wall
 * clock time and no host-specific paths, and every map in it is sorted or in a fixed order, so two runs
 * over the same data and config are byte-identical.
 */
public record BacktestReport(Map<String, Object> json, String text) {
    /** @param origin where the file came from, e.g. the embedded default's Maven artifact, or "file" */
    public record DataFile(String name, String origin, String reader, String sha256) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    static BacktestReport of(BacktestRunner.Options options, BacktestRunner.Engines engines, FlofConfig config,
                             List<DataFile> data, Map<String, String> plugins, Set<String> symbols, RunStats stats,
                             Map<String, Long> readerCounters, List<String> notes, long dispatched) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("spiVersion", SpiVersion.VERSION);
        run.put("config", options.configDescription());
        run.put("configSha256", options.configHash());
        run.put("data", data);
        run.put("plugins", plugins);
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("structure", engines.structure().id());
        ext.put("flow", engines.flow().id());
        ext.put("graders", engines.graders().stream().map(g -> g.id()).toList());
        ext.put("sizer", engines.sizer().id());
        ext.put("stopPolicy", engines.stopPolicy().id());
        ext.put("exitManager", engines.exitManager().id());
        ext.put("circuitBreaker", engines.breaker().id() + " (" + config.engine().breakerMode() + ")");
        run.put("extensions", ext);

        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("eventsDispatched", dispatched);
        seen.put("eventsByType", stats.eventsByType);
        seen.put("symbols", List.copyOf(symbols));
        boolean any = stats.firstTsEvent != Long.MAX_VALUE;
        Map<String, Object> span = new LinkedHashMap<>();
        span.put("first", any ? Instant.ofEpochSecond(0, stats.firstTsEvent).toString() : null);
        span.put("last", any ? Instant.ofEpochSecond(0, stats.lastTsEvent).toString() : null);
        span.put("hours", any ? Math.round((stats.lastTsEvent - stats.firstTsEvent) / 36e9) / 100.0 : 0);
        seen.put("timeSpan", span);
        seen.put("tradeVolume", Fixed.format(stats.tradeVolume));
        seen.put("aggressorSideByRule", stats.aggressorRules);
        Map<String, Object> bars = new TreeMap<>();
        stats.barsBySymbolAndTimeframe.forEach((sym, byTf) -> {
            Map<String, Long> ordered = new LinkedHashMap<>();
            byTf.forEach((tf, n) -> ordered.put(tf.label(), n));
            bars.put(sym, ordered);
        });
        seen.put("closedBars", bars);
        seen.put("structureEvents", stats.structureEvents);
        seen.put("flowSignals", stats.flowSignals);
        seen.put("readerCounters", readerCounters);
        seen.put("notes", notes);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "flof-backtest-summary/1");
        root.put("run", run);
        root.put("seen", seen);
        return new BacktestReport(root, text(data, plugins, ext, stats, span, bars, readerCounters, notes, dispatched));
    }

    private static String text(List<DataFile> data, Map<String, String> plugins, Map<String, Object> ext, RunStats stats,
                               Map<String, Object> span, Map<String, Object> bars, Map<String, Long> counters,
                               List<String> notes, long dispatched) {
        StringBuilder sb = new StringBuilder();
        sb.append("FLOF backtest\n");
        for (DataFile d : data) {
            sb.append("  data     ").append(d.name()).append(" (").append(d.origin()).append(", reader ").append(d.reader()).append(")\n");
        }
        List<String> ps = new ArrayList<>();
        plugins.forEach((k, v) -> ps.add(k + " " + v));
        sb.append("  plugins  ").append(String.join(", ", ps)).append('\n');
        sb.append("  engine   ").append(ext).append('\n');
        sb.append("  events   ").append(dispatched).append(' ').append(stats.eventsByType).append('\n');
        sb.append("  span     ").append(span.get("first")).append(" .. ").append(span.get("last"))
                .append(" (").append(span.get("hours")).append(" h)\n");
        sb.append("  aggressor side by rule ").append(stats.aggressorRules).append('\n');
        bars.forEach((sym, m) -> sb.append("  bars     ").append(sym).append(' ').append(m).append('\n'));
        sb.append("  structure events ").append(stats.structureEvents.values().stream().mapToLong(Long::longValue).sum())
                .append(", flow signals ").append(stats.flowSignals.values().stream().mapToLong(Long::longValue).sum())
                .append('\n');
        if (!counters.isEmpty()) {
            sb.append("  reader   ").append(counters).append('\n');
        }
        for (String n : notes) {
            sb.append("  note     ").append(n).append('\n');
        }
        return sb.toString();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report is plain data", e);
        }
    }

    static String timeframeLabels(Set<Timeframe> tfs) {
        return tfs.stream().map(Timeframe::label).toList().toString();
    }
}
