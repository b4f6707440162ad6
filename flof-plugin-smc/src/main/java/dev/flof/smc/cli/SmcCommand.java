package dev.flof.smc.cli;

import dev.flof.smc.engine.SmcConfig;
import dev.flof.smc.model.SmcBar;
import dev.flof.smc.parity.BarCsv;
import dev.flof.smc.parity.BarCsvException;
import dev.flof.smc.parity.EventDump;
import dev.flof.spi.ext.CommandExtension;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./flof smc dump --bars FILE.csv --swing-length L --parity [--out FILE]}: runs the structure engine
 * over a bar CSV and writes the {@code flof-smc-events/1} JSON (spec §7.2), to stdout or atomically to a file.
 * The arguments handed to {@link #run} are those after the subcommand name {@code smc}.
 */
@Extension
public final class SmcCommand implements CommandExtension {
    @Override
    public String id() {
        return "smc";
    }

    @Override
    public String description() {
        return "SMC structure tools: 'smc dump' writes the structure event dump of a bar CSV, 'smc check' compares it with a library output";
    }

    @Override
    public int run(String[] args, Context context) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(context.err(), StandardCharsets.UTF_8), true);
        CommandLine cl = new CommandLine(new Root());
        cl.addSubcommand("dump", new Dump(context.workingDirectory(), out));
        cl.addSubcommand("check", new Check(context.workingDirectory(), out));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            err.println("smc: " + ex.getMessage());
            return 2;
        });
        int rc = cl.execute(args);
        out.flush();
        err.flush();
        return rc;
    }

    @Command(name = "smc", description = "Smart Money Concepts structure tools", mixinStandardHelpOptions = true)
    static final class Root implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 2;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Run parity mode on the bars a smartmoneyconcepts golden JSON was made from and apply the acceptance rules of smc-spec.md section 7.4. Exit 0 when every difference is explained, 1 otherwise.")
    static final class Check implements Callable<Integer> {
        private final Path cwd;
        private final PrintWriter out;

        @Option(names = "--golden", required = true, description = "library output JSON (events, meta.input, meta.params.swing_lengths)")
        Path golden;

        @Option(names = "--bars", description = "bar CSV; default: meta.input next to the golden file")
        Path bars;

        Check(Path cwd, PrintWriter out) {
            this.cwd = cwd;
            this.out = out;
        }

        @Override
        public Integer call() throws IOException {
            Path g = cwd.resolve(golden);
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(g.toFile());
            Path csv = bars != null ? cwd.resolve(bars) : g.resolveSibling(root.path("meta").path("input").asText());
            List<SmcBar> list;
            try {
                list = BarCsv.read(csv);
            } catch (BarCsvException e) {
                throw new IOException(e.getMessage(), e);
            }
            String want = root.path("meta").path("input_sha256").asText("");
            if (!want.isEmpty()) {
                try {
                    String have = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(java.nio.file.Files.readAllBytes(csv)));
                    if (!have.equals(want)) {
                        throw new IOException(csv + ": SHA-256 " + have + " differs from meta.input_sha256 " + want + " of " + g);
                    }
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
            int unexplained = 0;
            for (com.fasterxml.jackson.databind.JsonNode l : root.path("meta").path("params").path("swing_lengths")) {
                int len = l.asInt();
                String pip = root.path("counts").path("liquidity@" + len).path("pip_range").asText("0");
                long eq = dev.flof.spi.market.Fixed.of(new java.math.BigDecimal(pip).setScale(9, java.math.RoundingMode.HALF_EVEN));
                dev.flof.smc.parity.ParityCheck.Report r = dev.flof.smc.parity.ParityCheck.check(root, list, len,
                        EventDump.run(list, SmcConfig.parity(len, false, eq), len), EventDump.run(list, SmcConfig.parity(len, true), len));
                out.println("L=" + len + " " + r.counts());
                for (String u : r.unexplained()) {
                    out.println("  UNEXPLAINED " + u);
                }
                unexplained += r.unexplained().size();
            }
            out.println(unexplained == 0 ? "OK: every difference is explained" : unexplained + " unexplained difference(s)");
            return unexplained == 0 ? 0 : 1;
        }
    }

    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = "Run the structure engine over a bar CSV (timestamp,open,high,low,close,volume) and write flof-smc-events/1 JSON.")
    static final class Dump implements Callable<Integer> {
        private final Path cwd;
        private final PrintWriter out;

        @Option(names = "--bars", required = true, description = "bar CSV; timestamp = bar open time, ISO-8601 UTC")
        Path bars;

        @Option(names = "--swing-length", required = true, description = "swing length L")
        int swingLength;

        @Option(names = "--parity", description = "library parity mode (spec §7.1): window [p-L+1, p+L], ties count")
        boolean parity;

        @Option(names = "--join-fvg", description = "merge FVGs on consecutive middle candles (library fvg(join_consecutive=True))")
        boolean joinFvg;

        @Option(names = "--extended", description = "add OB mitigated_i, FVG inverted_i and the delayed four-swing classifications")
        boolean extended;

        @Option(names = "--eq-abs", description = "with --parity: group equal highs/lows as the library does with this fixed tolerance (e.g. its pip_range) and add a 'liquidity' array")
        java.math.BigDecimal eqAbs;

        @Option(names = "--out", description = "output file (written atomically); stdout when absent")
        Path outFile;

        Dump(Path cwd, PrintWriter out) {
            this.cwd = cwd;
            this.out = out;
        }

        @Override
        public Integer call() throws IOException {
            if (swingLength < 1) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--swing-length must be >= 1, got " + swingLength);
            }
            Path in = cwd.resolve(bars);
            List<SmcBar> list;
            try {
                list = BarCsv.read(in);
            } catch (BarCsvException e) {
                throw new IOException(e.getMessage(), e);
            }
            SmcConfig cfg;
            if (parity) {
                long eq = eqAbs == null ? 0 : dev.flof.spi.market.Fixed.of(eqAbs.setScale(9, java.math.RoundingMode.HALF_EVEN));
                cfg = SmcConfig.parity(swingLength, joinFvg, eq);
            } else {
                // the native engine with one symmetric level of length L, no caps (a dump lists every zone)
                SmcConfig d = SmcConfig.defaults();
                SmcConfig.OrderBlocks ob = d.orderBlocks();
                SmcConfig.Fvgs f = d.fvgs();
                cfg = new SmcConfig(List.of(SmcConfig.Level.symmetric("swing", swingLength)),
                        new SmcConfig.OrderBlocks(ob.enabled(), ob.selection(), ob.zone(), ob.invalidation(), ob.mitigation(),
                                0, 0, ob.volMult()),
                        new SmcConfig.Fvgs(f.enabled(), f.requireMiddleDirection(), f.minGap(), f.minGapAtr(),
                                f.displacement(), f.dispMult(), joinFvg, 0, 0),
                        d.pools(), new SmcConfig.Range(0, 0.62, 0.79, 0.0, false), d.atrLength());
            }
            EventDump dump = EventDump.run(list, cfg, swingLength);
            if (outFile == null) {
                Writer w = out;
                dump.write(w, extended);
                out.println();
                out.flush();
            } else {
                dump.writeAtomically(cwd.resolve(outFile), extended);
            }
            return 0;
        }
    }
}
