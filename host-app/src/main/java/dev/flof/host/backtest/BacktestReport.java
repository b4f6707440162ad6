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

    /** What the engine and order management did in the run. */
    public record Trading(dev.flof.host.journal.Journal journal, dev.flof.host.oms.RiskGate gate, long startingEquity,
                          long finalEquity, Map<String, Object> dataCost, long invariantChecks, boolean flattened) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    static BacktestReport of(BacktestRunner.Options options, BacktestRunner.Engines engines, FlofConfig config,
                             List<DataFile> data, Map<String, String> plugins, Set<String> symbols, RunStats stats,
                             Map<String, Long> readerCounters, List<String> notes, long dispatched, Trading trading) {
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
        long timers = stats.eventsByType.getOrDefault("TimerEvent", 0L);
        // data events only; the heartbeat timers (one per second of event time, plus one after each veto) apart
        seen.put("eventsDispatched", dispatched - timers);
        seen.put("timerEvents", timers);
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

        Map<String, Object> traded = trading(trading);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "flof-backtest-summary/1");
        root.put("run", run);
        root.put("seen", seen);
        root.put("trading", traded);
        return new BacktestReport(root, text(data, plugins, ext, stats, span, bars, readerCounters, notes, dispatched)
                + tradingText(traded));
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> trading(Trading t) {
        dev.flof.host.journal.Journal j = t.journal();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("startingEquity", Fixed.format(t.startingEquity()));
        out.put("finalEquity", Fixed.format(t.finalEquity()));
        out.put("netPnl", Fixed.format(t.finalEquity() - t.startingEquity()));
        Map<String, Object> trades = new LinkedHashMap<>();
        trades.put("count", j.trades().size());
        trades.put("wins", j.trades().stream().filter(x -> x.pnl() > 0).count());
        trades.put("losses", j.trades().stream().filter(x -> x.pnl() <= 0).count());
        trades.put("netPnl", Fixed.format(j.trades().stream().mapToLong(x -> x.pnl()).sum()));
        trades.put("fees", Fixed.format(j.trades().stream().mapToLong(x -> x.fees()).sum()));
        Map<String, Long> exitRules = new TreeMap<>();
        j.trades().forEach(x -> exitRules.merge(x.exitRule(), 1L, Long::sum));
        trades.put("byExitRule", exitRules);
        List<Map<String, Object>> list = new ArrayList<>();
        for (var x : j.trades()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", x.tradeId());
            m.put("symbol", x.symbol());
            m.put("side", x.side().name());
            m.put("grade", x.grade());
            m.put("entry", Instant.ofEpochSecond(0, x.entryTs()).toString());
            m.put("entryPrice", Fixed.format(x.entryPrice()));
            m.put("quantity", Fixed.format(x.quantity()));
            m.put("stop", Fixed.format(x.initialStop()));
            m.put("exit", Instant.ofEpochSecond(0, x.exitTs()).toString());
            m.put("pnl", Fixed.format(x.pnl()));
            m.put("r", x.rMultiple());
            m.put("exitRule", x.exitRule());
            list.add(m);
        }
        trades.put("list", list);
        out.put("trades", trades);
        Map<String, Object> setups = new LinkedHashMap<>();
        setups.put("graded", j.setups().size());
        setups.put("taken", j.setups().stream().filter(x -> x.taken()).count());
        Map<String, Long> byGrade = new TreeMap<>();
        j.setups().forEach(x -> byGrade.merge(x.grade(), 1L, Long::sum));
        setups.put("byGrade", byGrade);
        Map<String, Long> scored = new TreeMap<>();
        j.setups().forEach(x -> x.factors().forEach(f -> scored.merge(f.id(), f.points() > 0 ? 1L : 0L, Long::sum)));
        setups.put("setupsScoringEachFactor", scored);
        Map<String, Long> notTaken = new TreeMap<>();
        j.setups().stream().filter(x -> !x.taken())
                .forEach(x -> notTaken.merge(x.reason().replaceAll("[0-9][0-9.:TZ-]*", "N"), 1L, Long::sum));
        setups.put("notTakenBecause", notTaken);
        out.put("setups", setups);
        Map<String, Long> transitions = new TreeMap<>();
        j.transitions().forEach(x -> transitions.merge(x.from() + "->" + x.to(), 1L, Long::sum));
        out.put("transitions", transitions);
        Map<String, Long> breaker = new TreeMap<>();
        j.breakerEntries().forEach(x -> breaker.merge(x.breaker() + " " + x.action(), 1L, Long::sum));
        out.put("breakerActions", breaker);
        out.put("vetoes", t.gate().vetoCount());
        out.put("tradingState", t.gate().state().name() + (t.gate().state() == dev.flof.spi.risk.TradingState.ACTIVE ? ""
                : ": " + t.gate().stateReason()));
        out.put("flattened", t.flattened());
        out.put("tierChanges", j.tierChanges().size());
        out.put("dataCost", t.dataCost());
        out.put("invariantChecks", t.invariantChecks());
        out.put("journalCounters", new TreeMap<>(j.counters()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String tradingText(Map<String, Object> t) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> trades = (Map<String, Object>) t.get("trades");
        Map<String, Object> setups = (Map<String, Object>) t.get("setups");
        // the terminal line shows cents; report.json and trades.csv keep the exact fixed-point amounts
        sb.append("  equity   ").append(cents(t.get("startingEquity"))).append(" -> ").append(cents(t.get("finalEquity")))
                .append(" (net ").append(cents(t.get("netPnl"))).append(")\n");
        sb.append("  trades   ").append(trades.get("count")).append(" (wins ").append(trades.get("wins")).append(", losses ")
                .append(trades.get("losses")).append(", fees ").append(cents(trades.get("fees"))).append(") by exit ")
                .append(trades.get("byExitRule")).append('\n');
        sb.append("  setups   graded ").append(setups.get("graded")).append(", taken ").append(setups.get("taken"))
                .append(", by grade ").append(setups.get("byGrade")).append('\n');
        sb.append("  states   ").append(t.get("transitions")).append('\n');
        sb.append("  breakers ").append(t.get("breakerActions")).append(", vetoes ").append(t.get("vetoes"))
                .append(", trading state ").append(t.get("tradingState")).append('\n');
        ((Map<String, Object>) t.get("dataCost")).forEach((sym, c) -> {
            Map<String, Object> m = (Map<String, Object>) c;
            sb.append("  data     ").append(sym).append(" valve ").append(m.get("valveBytes")).append(" B vs always-on trades+mbp-10 ")
                    .append(((Map<String, Object>) m.get("alwaysOnTradesPlusMbp10")).get("bytes")).append(" B (")
                    .append(m.get("valveShareOfAlwaysOn")).append(")\n");
        });
        sb.append("  invariants held after ").append(t.get("invariantChecks")).append(" events\n");
        return sb.toString();
    }

    /** A decimal amount rounded half-even to two places for reading; anything else unchanged. */
    static String cents(Object amount) {
        try {
            return new java.math.BigDecimal(String.valueOf(amount)).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
        } catch (NumberFormatException e) {
            return String.valueOf(amount);
        }
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
