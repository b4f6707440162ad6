package dev.flof.host.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flof.host.journal.Journal;
import dev.flof.spi.event.Bar;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.risk.Factor;
import dev.flof.spi.structure.StructureEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code report.json} (the complete machine-readable result), {@code trades.csv} (one row per trade
 * part) and {@code report.html} (one self-contained page: Apache ECharts is inlined from its WebJar, so it
 * opens without a network). Output depends only on the data, so it is byte-identical run after run.
 */
public final class ReportWriter {
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    /** Zones drawn on the chart at most (the most recent); every zone is still in report.json. */
    static final int MAX_ZONES = 400;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    private ReportWriter() {
    }

    /** Writes the three files into {@code dir} (a staging folder of an atomic output). */
    public static void write(ReportData data, Path dir) throws IOException {
        Journal j = data.journal();
        Performance perf = Performance.of(j.trades(), j.equityCurve(), data.startingEquity(), data.annualization());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("format", "flof-backtest-report/1");
        report.put("summary", data.summary());
        report.put("performance", perf);
        report.put("byGrade", Performance.by(j.trades(), Journal.TradeRecord::grade));
        report.put("byKillZone", Performance.by(j.trades(), Journal.TradeRecord::killZone));
        report.put("byExitRule", Performance.by(j.trades(), Journal.TradeRecord::exitRule));
        report.put("trades", j.trades().stream().map(ReportWriter::tradeJson).toList());
        report.put("gradedSetups", j.setups().stream().map(ReportWriter::setupJson).toList());
        report.put("transitions", j.transitions());
        report.put("breakerActions", j.breakerEntries());
        report.put("equityCurve", j.equityCurve().stream()
                .map(p -> List.of(iso(p.ts()), Fixed.format(p.equity()), Fixed.format(p.drawdown()))).toList());
        report.put("tierChanges", j.tierChanges());
        report.put("dataCost", data.dataCost());
        report.put("counters", j.counters());
        Files.writeString(dir.resolve("report.json"), json(JSON, report) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("trades.csv"), tradesCsv(j.trades()), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), html(data, perf), StandardCharsets.UTF_8);
    }

    static String iso(long ns) {
        return Instant.ofEpochSecond(0, ns).toString();
    }

    private static Map<String, Object> tradeJson(Journal.TradeRecord t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tradeId", t.tradeId());
        m.put("setupId", t.setupId());
        m.put("symbol", t.symbol());
        m.put("side", t.side());
        m.put("grade", t.grade());
        m.put("factors", t.factors());
        m.put("killZone", t.killZone());
        m.put("entryTime", iso(t.entryTs()));
        m.put("entryPrice", Fixed.format(t.entryPrice()));
        m.put("quantity", Fixed.format(t.quantity()));
        m.put("initialStop", Fixed.format(t.initialStop()));
        m.put("target", Fixed.format(t.target()));
        m.put("exitTime", iso(t.exitTs()));
        m.put("pnl", Fixed.format(t.pnl()));
        m.put("fees", Fixed.format(t.fees()));
        m.put("rMultiple", t.rMultiple());
        m.put("exitRule", t.exitRule());
        m.put("parts", t.parts().stream().map(p -> {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("kind", p.kind());
            pm.put("time", iso(p.ts()));
            pm.put("price", Fixed.format(p.price()));
            pm.put("quantity", Fixed.format(p.quantity()));
            pm.put("fee", Fixed.format(p.fee()));
            pm.put("rule", p.rule());
            pm.put("rMultiple", p.rMultiple());
            return pm;
        }).toList());
        return m;
    }

    private static Map<String, Object> setupJson(Journal.GradedSetup s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("setupId", s.setupId());
        m.put("symbol", s.symbol());
        m.put("time", iso(s.ts()));
        m.put("side", s.side());
        m.put("points", s.points());
        m.put("maxPoints", s.maxPoints());
        m.put("grade", s.grade());
        m.put("factors", s.factors());
        m.put("killZone", s.killZone());
        m.put("taken", s.taken());
        m.put("reason", s.reason());
        return m;
    }

    /** RFC 4180 CSV, one row per trade part. */
    static String tradesCsv(List<Journal.TradeRecord> trades) {
        StringBuilder sb = new StringBuilder(
                "trade_id,setup_id,symbol,side,part,time,price,quantity,fee,grade,factors,r_multiple,exit_rule\n");
        for (Journal.TradeRecord t : trades) {
            String factors = t.factors().stream().map(f -> f.id() + "=" + f.points()).collect(Collectors.joining(";"));
            for (Journal.TradePart p : t.parts()) {
                sb.append(String.join(",", csv(t.tradeId()), csv(t.setupId()), csv(t.symbol()), t.side().name(),
                        csv(p.kind()), iso(p.ts()), Fixed.format(p.price()), Fixed.format(p.quantity()),
                        Fixed.format(p.fee()), csv(t.grade()), csv(factors), Double.toString(p.rMultiple()),
                        csv(p.rule()))).append('\n');
            }
        }
        return sb.toString();
    }

    static String csv(String v) {
        if (v == null) {
            return "";
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String json(JsonMapper m, Object o) {
        try {
            return m.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report data is plain", e);
        }
    }

    // ---- HTML ---------------------------------------------------------------------------------------

    static String html(ReportData d, Performance perf) throws IOException {
        Map<String, Object> chart = chartData(d);
        StringBuilder body = new StringBuilder();
        body.append("<h1>FLOF backtest report</h1>\n");
        body.append("<p class=\"meta\">").append(esc(metaLine(d))).append("</p>\n");
        body.append("<h2>").append(esc(d.chartSymbol())).append(' ').append(esc(d.chartTimeframe()))
                .append(" with points of interest, liquidity pools, sweeps and trades</h2>\n");
        body.append("<div id=\"price\" class=\"chart tall\"></div>\n");
        body.append("<p class=\"note\">Zones (15m and higher): order blocks (green demand, red supply), fair value gaps"
                + " (blue), breakers (orange); dashed lines: liquidity pools (1H and higher); diamonds: their sweeps;"
                + " triangles: entries; circles: exits."
                + " At most ").append(MAX_ZONES).append(" most recent zones are drawn; report.json has all.</p>\n");
        body.append("<h2>Equity and drawdown</h2>\n<div id=\"equity\" class=\"chart\"></div>\n");
        body.append("<h2>Performance</h2>\n").append(perfTable(perf));
        body.append("<h2>By grade</h2>\n").append(groupTable(Performance.by(d.journal().trades(), Journal.TradeRecord::grade)));
        body.append("<h2>By kill zone</h2>\n").append(groupTable(Performance.by(d.journal().trades(), Journal.TradeRecord::killZone)));
        body.append("<h2>By exit rule</h2>\n").append(groupTable(Performance.by(d.journal().trades(), Journal.TradeRecord::exitRule)));
        body.append("<h2>Trades</h2>\n").append(tradesTable(d.journal().trades()));
        body.append("<h2>Graded setups journal</h2>\n").append(setupsTable(d.journal().setups()));
        body.append("<h2>Breaker actions</h2>\n").append(breakerTable(d.journal().breakerEntries()));
        body.append("<h2>Data cost</h2>\n").append(mapTable(d.dataCost()));
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>FLOF backtest report</title>
                <script>
                // Errors are recorded in the page itself, so a headless browser test (and a curious user) can see them.
                window.__flofErrors = [];
                window.addEventListener('error', function (e) { window.__flofErrors.push(String(e.message)); });
                (function () { var orig = console.error; console.error = function () {
                  window.__flofErrors.push(Array.prototype.join.call(arguments, ' ')); orig.apply(console, arguments); }; })();
                </script>
                <style>
                body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1d2430;background:#fff}
                h1{font-size:22px} h2{font-size:16px;margin-top:28px}
                .chart{width:100%;height:320px} .chart.tall{height:560px}
                table{border-collapse:collapse;font-size:12px;margin:6px 0} td,th{border:1px solid #d8dde6;padding:3px 7px;text-align:right}
                th{background:#f3f5f9} td.l,th.l{text-align:left} .meta,.note{color:#5b6575;font-size:12px}
                .empty{color:#8a93a3;font-style:italic;font-size:12px}
                </style>
                <script>
                """ + echarts() + """
                </script>
                </head><body>
                """ + body + """
                <script id="flof-data" type="application/json">""" + json(COMPACT, chart).replace("</", "<\\/") + """
                </script>
                <script>
                """ + CHART_JS + """
                </script>
                </body></html>
                """;
    }

    private static String metaLine(ReportData d) {
        Object run = d.summary().get("run");
        return "Run: " + (run == null ? "" : json(COMPACT, run));
    }

    private static String echarts() throws IOException {
        try (InputStream in = ReportWriter.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IOException("Apache ECharts is missing from the host build (" + ECHARTS + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Candles, zones, pools, sweeps and trade marks, with times snapped to the candle that holds them. */
    static Map<String, Object> chartData(ReportData d) {
        List<Bar> c = d.candles();
        long[] opens = new long[c.size()];
        List<String> labels = new ArrayList<>();
        List<List<Double>> ohlc = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            Bar b = c.get(i);
            opens[i] = b.openTime();
            labels.add(LABEL.format(Instant.ofEpochSecond(0, b.openTime())));
            ohlc.add(List.of(Fixed.toDouble(b.open()), Fixed.toDouble(b.close()), Fixed.toDouble(b.low()), Fixed.toDouble(b.high())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("labels", labels);
        out.put("ohlc", ohlc);
        if (c.isEmpty()) {
            out.put("zones", List.of());
            out.put("pools", List.of());
            out.put("sweeps", List.of());
            out.put("marks", List.of());
            out.put("equity", List.of());
            return out;
        }
        String last = labels.get(labels.size() - 1);
        Map<String, Map<String, Object>> zones = new LinkedHashMap<>();
        Map<String, Map<String, Object>> pools = new LinkedHashMap<>();
        List<Map<String, Object>> sweeps = new ArrayList<>();
        for (StructureEvent e : d.structure()) {
            String t = e.type();
            // The map the engine trades from: zones of the point-of-interest timeframes (15m and up) and the
            // pools of 1H and up; lower-timeframe structure would bury the chart.
            String subjectKind = e.subject() == null ? "" : e.subject();
            boolean zone = subjectKind.startsWith("OB:") || subjectKind.startsWith("FVG:");
            if (e.timeframe().compareTo(zone ? Timeframe.M15 : Timeframe.H1) < 0) {
                continue;
            }
            String at = labelAt(opens, labels, e.knownTime());
            if (at == null) {
                continue;
            }
            String subject = e.subject() == null ? "" : e.subject();
            if ((subject.startsWith("OB:") || subject.startsWith("FVG:")) && e.top() != e.bottom()) {
                Map<String, Object> z = zones.get(subject);
                if (z == null && (t.endsWith("_CREATED") || t.endsWith("CREATED"))) {
                    z = new LinkedHashMap<>();
                    z.put("kind", subject.startsWith("OB:") ? "ob" : "fvg");
                    z.put("dir", e.direction());
                    z.put("from", at);
                    z.put("to", last);
                    z.put("top", Fixed.toDouble(e.top()));
                    z.put("bottom", Fixed.toDouble(e.bottom()));
                    zones.put(subject, z);
                } else if (z != null) {
                    if (t.contains("INVALIDATED") && t.startsWith("OB_")) {
                        z.put("kind", "breaker");
                    }
                    if (t.endsWith("FILLED") || t.endsWith("EXPIRED") || t.equals("BREAKER_INVALIDATED")
                            || t.endsWith("INVERTED") || t.endsWith("MITIGATED")) {
                        z.put("to", at);
                    }
                }
            } else if (subject.startsWith("POOL:")) {
                Map<String, Object> p = pools.computeIfAbsent(subject, k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("price", Fixed.toDouble(e.top()));
                    m.put("from", at);
                    m.put("to", last);
                    m.put("kind", subject.substring(subject.lastIndexOf(':') + 1));
                    return m;
                });
                if (t.contains("SWEPT") || t.contains("BROKEN")) {
                    p.put("to", at);
                }
                if (t.contains("SWEPT")) {
                    // a LinkedHashMap, not Map.of: Map.of's iteration order changes from one JVM start to the next,
                    // which made report.html differ between runs of the same backtest
                    Map<String, Object> sweep = new LinkedHashMap<>();
                    sweep.put("at", at);
                    sweep.put("price", Fixed.toDouble(e.top()));
                    sweeps.add(sweep);
                }
            }
        }
        List<Map<String, Object>> zoneList = new ArrayList<>(zones.values());
        if (zoneList.size() > MAX_ZONES) {
            zoneList = zoneList.subList(zoneList.size() - MAX_ZONES, zoneList.size());
        }
        List<Map<String, Object>> poolList = new ArrayList<>(pools.values());
        if (poolList.size() > MAX_ZONES) {
            poolList = poolList.subList(poolList.size() - MAX_ZONES, poolList.size());
        }
        List<Map<String, Object>> marks = new ArrayList<>();
        for (Journal.TradeRecord tr : d.journal().trades()) {
            if (!tr.symbol().equals(d.chartSymbol())) {
                continue;
            }
            for (Journal.TradePart p : tr.parts()) {
                String at = labelAt(opens, labels, p.ts());
                if (at != null) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("at", at);
                    m.put("price", Fixed.toDouble(p.price()));
                    m.put("entry", p.kind().equals("ENTRY"));
                    m.put("long", tr.side().sign() > 0);
                    m.put("label", tr.tradeId() + " " + p.kind() + " " + (p.rule() == null ? "" : p.rule()));
                    marks.add(m);
                }
            }
        }
        List<List<Object>> equity = new ArrayList<>();
        for (Journal.EquityPoint p : d.journal().equityCurve()) {
            equity.add(List.of(iso(p.ts()), Fixed.toDouble(p.equity()), -Fixed.toDouble(p.drawdown())));
        }
        out.put("zones", zoneList);
        out.put("pools", poolList);
        out.put("sweeps", sweeps);
        out.put("marks", marks);
        out.put("equity", equity);
        return out;
    }

    /** The label of the candle whose interval holds {@code ts}, or null before the first candle. */
    static String labelAt(long[] opens, List<String> labels, long ts) {
        int i = Arrays.binarySearch(opens, ts);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? null : labels.get(i);
    }

    private static String perfTable(Performance p) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("Trades", p.trades());
        rows.put("Net P&L", money(p.netPnl()));
        rows.put("Win rate", pct(p.winRate()));
        rows.put("Profit factor", num(p.profitFactor()));
        rows.put("Expectancy (R)", num(p.expectancyR()));
        rows.put("Max drawdown", money(p.maxDrawdown()) + " (" + pct(p.maxDrawdownPct()) + ")");
        rows.put("Sharpe (daily, annualised)", num(p.sharpe()));
        rows.put("Sortino (daily, annualised)", num(p.sortino()));
        rows.put("Average hold (min)", num(p.averageHoldMinutes()));
        rows.put("Days", p.days());
        return mapTable(rows);
    }

    private static String groupTable(Map<String, Map<String, Object>> groups) {
        if (groups.isEmpty()) {
            return "<p class=\"empty\">No trades.</p>\n";
        }
        StringBuilder sb = new StringBuilder("<table><tr><th class=\"l\">group</th><th>trades</th><th>win rate</th><th>net P&amp;L</th><th>average R</th></tr>\n");
        groups.forEach((k, row) -> sb.append("<tr><td class=\"l\">").append(esc(k)).append("</td><td>").append(row.get("trades"))
                .append("</td><td>").append(pct((Double) row.get("winRate"))).append("</td><td>").append(money((Double) row.get("netPnl")))
                .append("</td><td>").append(num((Double) row.get("averageR"))).append("</td></tr>\n"));
        return sb.append("</table>\n").toString();
    }

    private static String tradesTable(List<Journal.TradeRecord> trades) {
        if (trades.isEmpty()) {
            return "<p class=\"empty\">No trades were taken.</p>\n";
        }
        StringBuilder sb = new StringBuilder("<table><tr><th class=\"l\">trade</th><th class=\"l\">symbol</th><th class=\"l\">side</th>"
                + "<th class=\"l\">grade</th><th class=\"l\">entry</th><th>price</th><th>qty</th><th>stop</th><th class=\"l\">exit</th>"
                + "<th>P&amp;L</th><th>R</th><th class=\"l\">exit rule</th></tr>\n");
        for (Journal.TradeRecord t : trades) {
            sb.append("<tr><td class=\"l\">").append(esc(t.tradeId())).append("</td><td class=\"l\">").append(esc(t.symbol()))
                    .append("</td><td class=\"l\">").append(t.side()).append("</td><td class=\"l\">").append(esc(t.grade()))
                    .append("</td><td class=\"l\">").append(iso(t.entryTs())).append("</td><td>").append(Fixed.format(t.entryPrice()))
                    .append("</td><td>").append(Fixed.format(t.quantity())).append("</td><td>").append(Fixed.format(t.initialStop()))
                    .append("</td><td class=\"l\">").append(iso(t.exitTs())).append("</td><td>").append(Fixed.format(t.pnl()))
                    .append("</td><td>").append(num(t.rMultiple())).append("</td><td class=\"l\">").append(esc(t.exitRule()))
                    .append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    private static String setupsTable(List<Journal.GradedSetup> setups) {
        if (setups.isEmpty()) {
            return "<p class=\"empty\">No setup was graded.</p>\n";
        }
        StringBuilder sb = new StringBuilder("<table><tr><th class=\"l\">setup</th><th class=\"l\">time</th><th class=\"l\">symbol</th>"
                + "<th class=\"l\">side</th><th>points</th><th class=\"l\">grade</th><th class=\"l\">factors</th><th class=\"l\">taken</th>"
                + "<th class=\"l\">why</th></tr>\n");
        for (Journal.GradedSetup s : setups) {
            String factors = s.factors().stream().map(ReportWriter::factorText).collect(Collectors.joining("; "));
            sb.append("<tr><td class=\"l\">").append(esc(s.setupId())).append("</td><td class=\"l\">").append(iso(s.ts()))
                    .append("</td><td class=\"l\">").append(esc(s.symbol())).append("</td><td class=\"l\">").append(s.side())
                    .append("</td><td>").append(s.points()).append('/').append(s.maxPoints()).append("</td><td class=\"l\">")
                    .append(esc(s.grade())).append("</td><td class=\"l\">").append(esc(factors)).append("</td><td class=\"l\">")
                    .append(s.taken() ? "yes" : "no").append("</td><td class=\"l\">").append(esc(s.reason())).append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    private static String factorText(Factor f) {
        return f.id() + " +" + f.points() + " (" + f.reason() + ")";
    }

    private static String breakerTable(List<Journal.BreakerEntry> entries) {
        if (entries.isEmpty()) {
            return "<p class=\"empty\">No breaker acted.</p>\n";
        }
        StringBuilder sb = new StringBuilder("<table><tr><th class=\"l\">time</th><th class=\"l\">breaker</th><th class=\"l\">action</th><th class=\"l\">reason</th></tr>\n");
        for (Journal.BreakerEntry b : entries) {
            sb.append("<tr><td class=\"l\">").append(iso(b.ts())).append("</td><td class=\"l\">").append(esc(b.breaker()))
                    .append("</td><td class=\"l\">").append(esc(b.action())).append("</td><td class=\"l\">").append(esc(b.reason()))
                    .append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    private static String mapTable(Map<String, Object> rows) {
        if (rows == null || rows.isEmpty()) {
            return "<p class=\"empty\">Nothing recorded.</p>\n";
        }
        StringBuilder sb = new StringBuilder("<table>\n");
        rows.forEach((k, v) -> sb.append("<tr><th class=\"l\">").append(esc(k)).append("</th><td class=\"l\">")
                .append(esc(v instanceof String s ? s : json(COMPACT, v))).append("</td></tr>\n"));
        return sb.append("</table>\n").toString();
    }

    static String money(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%,.2f", v);
    }

    static String pct(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    static String num(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }


    /** Builds both charts from the embedded data and records how much of each canvas was drawn. */
    static final String CHART_JS = """
            (function () {
              var d = JSON.parse(document.getElementById('flof-data').textContent);
              var colors = {ob1: 'rgba(46,160,67,0.18)', 'ob-1': 'rgba(218,54,51,0.18)', fvg1: 'rgba(56,132,255,0.16)',
                            'fvg-1': 'rgba(56,132,255,0.16)', breaker1: 'rgba(255,153,0,0.18)', 'breaker-1': 'rgba(255,153,0,0.18)'};
              var areas = d.zones.map(function (z) {
                return [{xAxis: z.from, yAxis: z.bottom, itemStyle: {color: colors[z.kind + (z.dir >= 0 ? '1' : '-1')] || 'rgba(120,120,120,0.15)'}},
                        {xAxis: z.to, yAxis: z.top}];
              });
              var lines = d.pools.map(function (p) {
                return [{coord: [p.from, p.price], name: p.kind}, {coord: [p.to, p.price]}];
              });
              var price = echarts.init(document.getElementById('price'), null, {renderer: 'canvas'});
              price.setOption({
                animation: false,
                tooltip: {trigger: 'axis', axisPointer: {type: 'cross'}},
                grid: {left: 70, right: 30, top: 20, bottom: 70},
                xAxis: {type: 'category', data: d.labels, boundaryGap: true},
                yAxis: {scale: true},
                dataZoom: [{type: 'inside'}, {type: 'slider'}],
                series: [
                  {type: 'candlestick', name: 'price', data: d.ohlc,
                   itemStyle: {color: '#2ea043', color0: '#da3633', borderColor: '#2ea043', borderColor0: '#da3633'},
                   markArea: {silent: true, data: areas},
                   markLine: {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#8250df', width: 1}, label: {show: false}, data: lines}},
                  {type: 'scatter', name: 'sweeps', symbol: 'diamond', symbolSize: 7, itemStyle: {color: '#8250df', opacity: 0.8},
                   data: d.sweeps.map(function (s) { return [s.at, s.price]; })},
                  {type: 'scatter', name: 'entries', symbol: 'triangle', symbolSize: 13,
                   data: d.marks.filter(function (m) { return m.entry; }).map(function (m) {
                     return {value: [m.at, m.price], name: m.label, symbolRotate: m.long ? 0 : 180,
                             itemStyle: {color: m.long ? '#1a7f37' : '#cf222e'}}; })},
                  {type: 'scatter', name: 'exits', symbol: 'circle', symbolSize: 9, itemStyle: {color: '#1d2430'},
                   data: d.marks.filter(function (m) { return !m.entry; }).map(function (m) { return {value: [m.at, m.price], name: m.label}; })}
                ]
              });
              var eq = echarts.init(document.getElementById('equity'), null, {renderer: 'canvas'});
              eq.setOption({
                animation: false,
                tooltip: {trigger: 'axis'},
                legend: {data: ['equity', 'drawdown']},
                grid: {left: 80, right: 80, top: 30, bottom: 40},
                xAxis: {type: 'time'},
                yAxis: [{type: 'value', scale: true, name: 'equity'}, {type: 'value', name: 'drawdown'}],
                series: [
                  {type: 'line', name: 'equity', showSymbol: false, data: d.equity.map(function (p) { return [p[0], p[1]]; })},
                  {type: 'line', name: 'drawdown', yAxisIndex: 1, showSymbol: false, areaStyle: {opacity: 0.25},
                   itemStyle: {color: '#da3633'}, data: d.equity.map(function (p) { return [p[0], p[2]]; })}
                ]
              });
              function inked(id) {
                var c = document.querySelector('#' + id + ' canvas');
                if (!c) { return 0; }
                var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
                for (var i = 3; i < px.length; i += 4) { if (px[i] !== 0) { n++; } }
                return n;
              }
              document.body.setAttribute('data-price-inked', String(inked('price')));
              document.body.setAttribute('data-equity-inked', String(inked('equity')));
              document.body.setAttribute('data-errors', JSON.stringify(window.__flofErrors));
            })();
            """;
}
