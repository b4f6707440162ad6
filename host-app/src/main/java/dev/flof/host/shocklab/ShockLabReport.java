package dev.flof.host.shocklab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flof.spi.market.Fixed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the shock-lab results as {@code shocklab.json} (machine-readable, byte-identical for the same seed),
 * {@code shocklab.md} (the table and each scenario's timeline) and {@code shocklab.html} (the table and a small
 * self-contained SVG chart per scenario: prints, entry and stop levels, fills), each through a temporary file moved
 * into place, and renders the console table.
 */
public final class ShockLabReport {
    private ShockLabReport() {
    }

    public static String table(List<ScenarioResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-36s %3s  %-9s %8s %12s  %s%n", "scenario", "fam", "verdict", "loss R", "loss", "protections that acted"));
        for (ScenarioResult r : results) {
            sb.append(String.format(Locale.ROOT, "%-36s %3d  %-9s %8s %12s  %s%n", r.name(), r.family(), r.verdict().label(),
                    r.lossR().toPlainString(), money(r.loss()) + " " + r.currency(), String.join("; ", r.protections())));
        }
        long violations = results.stream().mapToLong(r -> r.violations().size()).sum();
        sb.append(results.size()).append(" scenarios, ").append(violations).append(" invariant violations").append(System.lineSeparator());
        return sb.toString();
    }

    static String money(long fixed) {
        return Fixed.toDecimal(fixed).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    public static String json(List<ScenarioResult> results, long seed, String breakerId) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("seed", seed);
        root.put("breaker", breakerId);
        List<Object> list = new ArrayList<>();
        for (ScenarioResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("family", r.family());
            m.put("title", r.title());
            m.put("symbol", r.symbol());
            m.put("verdict", r.verdict().label());
            m.put("explanation", r.explanation());
            m.put("lossR", r.lossR().toPlainString());
            m.put("loss", money(r.loss()));
            m.put("fees", money(r.fees()));
            m.put("plannedRisk1R", money(r.plannedRisk()));
            m.put("currency", r.currency());
            m.put("maxExposure", Fixed.format(r.maxExposure()));
            m.put("protections", r.protections());
            m.put("invariants", r.invariants());
            m.put("violations", r.violations());
            m.put("gapBeyondStop", Fixed.format(r.gapBeyondStop()));
            m.put("gapAllowance", Fixed.format(r.gapAllowance()));
            m.put("unprotectedMsWhileConnected", r.unprotectedNanos() / 1_000_000L);
            m.put("endState", r.endState());
            List<Object> fl = new ArrayList<>();
            for (Rig.Fill f : r.fills()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("ts", Instant.ofEpochSecond(0, f.ts()).toString());
                e.put("role", f.role());
                e.put("order", f.orderId());
                e.put("side", f.side().name());
                e.put("quantity", Fixed.format(f.quantity()));
                e.put("price", Fixed.format(f.price()));
                fl.add(e);
            }
            m.put("fills", fl);
            List<Object> tl = new ArrayList<>();
            for (Rig.Mark k : r.timeline()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("ts", Instant.ofEpochSecond(0, k.ts()).toString());
                e.put("kind", k.kind());
                e.put("text", k.text());
                tl.add(e);
            }
            m.put("timeline", tl);
            list.add(m);
        }
        root.put("scenarios", list);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shock-lab results could not be written as JSON", e);
        }
    }

    public static String markdown(List<ScenarioResult> results, long seed, String breakerId) {
        StringBuilder sb = new StringBuilder();
        sb.append("# FLOF shock lab\n\nSeed ").append(seed).append(", circuit breaker `").append(breakerId)
                .append("`. Loss in R is the gross price loss over the planned 1R (fees listed apart). See docs/shock-lab.md.\n\n");
        sb.append("| scenario | family | verdict | loss R | loss | protections that acted | invariant violations |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            sb.append("| ").append(r.name()).append(" | ").append(r.family()).append(" | ").append(r.verdict().label()).append(" | ")
                    .append(r.lossR().toPlainString()).append(" | ").append(money(r.loss())).append(' ').append(r.currency()).append(" | ")
                    .append(String.join("; ", r.protections())).append(" | ").append(r.violations().size()).append(" |\n");
        }
        sb.append("\n## Gap calibration\n\nThe worst exit fill beyond the planned stop, against the configured gap allowance that sizing"
                + " must survive (the engine sizes on max(gapAtrMultiple x ATR, gapMinPoints, gapMinPct of the entry); the floors are"
                + " these allowances).\n\n");
        sb.append("| scenario | symbol | beyond the stop | allowance | within |\n|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            if (r.gapBeyondStop() > 0) {
                sb.append("| ").append(r.name()).append(" | ").append(r.symbol()).append(" | ").append(Fixed.format(r.gapBeyondStop()))
                        .append(" | ").append(Fixed.format(r.gapAllowance())).append(" | ")
                        .append(r.gapBeyondStop() <= r.gapAllowance() ? "yes" : "NO").append(" |\n");
            }
        }
        for (ScenarioResult r : results) {
            sb.append("\n## ").append(r.name()).append(" (family ").append(r.family()).append(")\n\n").append(r.title()).append("\n\n");
            sb.append("**").append(r.verdict().label()).append("**: ").append(r.explanation()).append("\n\n");
            sb.append("1R = ").append(money(r.plannedRisk())).append(' ').append(r.currency()).append("; fees ").append(money(r.fees()))
                    .append("; largest position ").append(Fixed.format(r.maxExposure())).append("; unprotected while connected ")
                    .append(r.unprotectedNanos() / 1_000_000L).append(" ms; end: ").append(r.endState()).append("\n\n");
            for (String i : r.invariants()) {
                sb.append("- invariant: ").append(i).append('\n');
            }
            for (String v : r.violations()) {
                sb.append("- VIOLATION: ").append(v).append('\n');
            }
            sb.append("\n| time (UTC) | kind | what |\n|---|---|---|\n");
            for (Rig.Mark k : r.timeline()) {
                sb.append("| ").append(Instant.ofEpochSecond(0, k.ts())).append(" | ").append(k.kind()).append(" | ")
                        .append(k.text().replace("|", "\\|")).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A static page: the table, then per scenario its verdict and a chart (x = print number, not time). */
    public static String html(List<ScenarioResult> results, long seed, String breakerId) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>FLOF shock lab</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}.protected{color:#1a7f37}")
                .append(".bounded{color:#9a6700}.exposed{color:#cf222e}svg{border:1px solid #ddd;background:#fff}</style></head><body>\n");
        sb.append("<h1>FLOF shock lab</h1>\n<p>Seed ").append(seed).append(", circuit breaker <code>").append(esc(breakerId))
                .append("</code>. Loss in R is the gross price loss over the planned 1R. See docs/shock-lab.md.</p>\n");
        sb.append("<table><tr><th>scenario</th><th>family</th><th>verdict</th><th>loss R</th><th>loss</th><th>protections that acted</th>"
                + "<th>violations</th></tr>\n");
        for (ScenarioResult r : results) {
            sb.append("<tr><td><a href=\"#").append(esc(r.name())).append("\">").append(esc(r.name())).append("</a></td><td>")
                    .append(r.family()).append("</td><td class=\"").append(r.verdict().label()).append("\">").append(r.verdict().label())
                    .append("</td><td>").append(r.lossR().toPlainString()).append("</td><td>").append(money(r.loss())).append(' ')
                    .append(esc(r.currency())).append("</td><td>").append(esc(String.join("; ", r.protections()))).append("</td><td>")
                    .append(r.violations().size()).append("</td></tr>\n");
        }
        sb.append("</table>\n");
        for (ScenarioResult r : results) {
            sb.append("<h2 id=\"").append(esc(r.name())).append("\">").append(esc(r.name())).append(" (family ").append(r.family())
                    .append(")</h2>\n<p>").append(esc(r.title())).append("</p>\n<p class=\"").append(r.verdict().label()).append("\"><b>")
                    .append(r.verdict().label()).append("</b>: ").append(esc(r.explanation())).append("</p>\n");
            sb.append(chart(r)).append('\n');
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static String chart(ScenarioResult r) {
        int w = 720;
        int h = 220;
        int pad = 40;
        List<Rig.Print> pr = r.prints();
        if (pr.isEmpty()) {
            return "<p>(no prints)</p>";
        }
        long lo = Math.min(r.plan().entry(), r.plan().stop());
        long hi = Math.max(r.plan().entry(), r.plan().stop());
        for (Rig.Print p : pr) {
            lo = Math.min(lo, p.price());
            hi = Math.max(hi, p.price());
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        double xs = (w - 2.0 * pad) / Math.max(1, pr.size() - 1);
        double ys = (h - 2.0 * pad) / (double) (hi - lo);
        long lo0 = lo;
        java.util.function.LongFunction<String> y = v -> String.format(Locale.ROOT, "%.1f", h - pad - (v - lo0) * ys);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h).append("\">");
        sb.append("<text x=\"4\" y=\"14\" font-size=\"11\">").append(esc(Fixed.format(hi))).append("</text>");
        sb.append("<text x=\"4\" y=\"").append(h - 4).append("\" font-size=\"11\">").append(esc(Fixed.format(lo)))
                .append(" (x: print number, not time)</text>");
        line(sb, pad, w - pad, y.apply(r.plan().entry()), "#888", "entry " + Fixed.format(r.plan().entry()));
        line(sb, pad, w - pad, y.apply(r.plan().stop()), "#cf222e", "stop " + Fixed.format(r.plan().stop()));
        sb.append("<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"1\" points=\"");
        for (int i = 0; i < pr.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%.1f", pad + i * xs)).append(',').append(y.apply(pr.get(i).price())).append(' ');
        }
        sb.append("\"/>");
        for (Rig.Fill f : r.fills()) {
            int idx = 0;
            for (int i = 0; i < pr.size() && pr.get(i).ts() <= f.ts(); i++) {
                idx = i;
            }
            sb.append("<circle r=\"4\" cx=\"").append(String.format(Locale.ROOT, "%.1f", pad + idx * xs)).append("\" cy=\"")
                    .append(y.apply(f.price())).append("\" fill=\"").append(f.side() == dev.flof.spi.market.Side.BUY ? "#1a7f37" : "#cf222e")
                    .append("\"><title>").append(esc(f.role() + " " + f.side() + " " + Fixed.format(f.quantity()) + " @ "
                            + Fixed.format(f.price()))).append("</title></circle>");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private static void line(StringBuilder sb, int x1, int x2, String y, String color, String label) {
        sb.append("<line x1=\"").append(x1).append("\" x2=\"").append(x2).append("\" y1=\"").append(y).append("\" y2=\"").append(y)
                .append("\" stroke=\"").append(color).append("\" stroke-dasharray=\"4 3\"/><text x=\"").append(x2 - 110)
                .append("\" y=\"").append(y).append("\" dy=\"-3\" font-size=\"10\" fill=\"").append(color).append("\">")
                .append(esc(label)).append("</text>");
    }

    /** Writes the files into {@code dir} (created if missing), each atomically. */
    public static void write(Path dir, List<ScenarioResult> results, long seed, String breakerId) throws IOException {
        Files.createDirectories(dir);
        atomic(dir.resolve("shocklab.json"), json(results, seed, breakerId));
        atomic(dir.resolve("shocklab.md"), markdown(results, seed, breakerId));
        atomic(dir.resolve("shocklab.html"), html(results, seed, breakerId));
    }

    static void atomic(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
