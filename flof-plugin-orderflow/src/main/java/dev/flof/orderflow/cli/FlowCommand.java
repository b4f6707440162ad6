package dev.flof.orderflow.cli;

import dev.flof.orderflow.core.Side;
import dev.flof.orderflow.core.Signal;
import dev.flof.orderflow.core.TickMath;
import dev.flof.orderflow.delta.DailySessionResets;
import dev.flof.orderflow.engine.FlowConfig;
import dev.flof.orderflow.engine.FlowEngine;
import dev.flof.orderflow.engine.FlowParams;
import dev.flof.orderflow.engine.SignalValues;
import dev.flof.orderflow.io.InputFormatException;
import dev.flof.orderflow.io.QuotesCsv;
import dev.flof.orderflow.io.TradeTape;
import dev.flof.orderflow.io.TradesCsv;
import dev.flof.orderflow.profile.ProfileResult;
import dev.flof.orderflow.profile.TradeHistory;
import dev.flof.orderflow.profile.ValueAreaRule;
import dev.flof.spi.ext.CommandExtension;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.MarketProfile;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./flof flow profile|signals}: volume profile JSON and order-flow signals as JSON lines from a trades
 * CSV ({@code ts_ns,price,size,side}) and an optional quotes CSV ({@code ts_ns,bid_px,bid_sz,ask_px,ask_sz}),
 * or from any file the host's replay readers accept (DBN trades/tbbo/mbp/mbo, Binance captures), whose
 * top of book is used as the quotes.
 * Errors are one line on stderr naming the file and line, with a non-zero exit code; never a stack trace.
 */
@Extension
public final class FlowCommand implements CommandExtension {
    /** Exit code for bad input or arguments. */
    public static final int BAD_INPUT = 2;

    @Override
    public String id() {
        return "flow";
    }

    @Override
    public String description() {
        return "Order flow from trade files: volume profile (POC, value area, HVN/LVN) and signals";
    }

    @Override
    public int run(String[] args, Context context) {
        PrintWriter out = new PrintWriter(context.out(), true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(context.err(), true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(new Root());
        cl.addSubcommand("profile", new ProfileCmd(context.workingDirectory(), out, err, context.replays()));
        cl.addSubcommand("signals", new SignalsCmd(context.workingDirectory(), out, err, context.replays()));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            err.println("flow: " + message(ex));
            return BAD_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String message(Exception ex) {
        if (ex instanceof InputFormatException || ex instanceof UncheckedIOException
                || ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        return ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }

    @Command(name = "flow", mixinStandardHelpOptions = true,
            description = "Order-flow tools: 'flow profile' and 'flow signals'.")
    static final class Root implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return BAD_INPUT;
        }
    }

    abstract static class Base {
        final Path cwd;
        final PrintWriter out;
        final PrintWriter err;

        @Option(names = "--trades", required = true, paramLabel = "FILE",
                description = "trades CSV ts_ns,price,size,side, or any file the installation can replay (DBN, captures)")
        Path trades;

        final CommandExtension.ReplayOpener replays;
        /** Top of book read from the trades file itself (DBN tbbo/mbp-1/mbo, captures), else null. */
        QuotesCsv.Quotes embeddedQuotes;

        @Option(names = "--tick", paramLabel = "T", defaultValue = "0.25", description = "tick size (default ${DEFAULT-VALUE}, ES)")
        String tick;

        Base(Path cwd, PrintWriter out, PrintWriter err, CommandExtension.ReplayOpener replays) {
            this.cwd = cwd;
            this.out = out;
            this.err = err;
            this.replays = replays == null ? CommandExtension.ReplayOpener.NONE : replays;
        }

        BigDecimal tick() {
            try {
                BigDecimal t = new BigDecimal(tick.trim());
                if (t.signum() <= 0) {
                    throw new IllegalArgumentException("--tick must be positive, got " + tick);
                }
                Fixed.of(t);
                return t;
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("--tick must be a decimal with at most 9 places, got '" + tick + "'");
            }
        }

        Path file(Path p) {
            Path f = cwd.resolve(p);
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("no such file: " + f);
            }
            return f;
        }

        /** The plain trades CSV is read here; every other format through the host's replay readers. */
        TradeTape readTrades(BigDecimal t) {
            Path f = file(trades);
            String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            TradeTape tape;
            if (name.endsWith(".csv")) {
                tape = TradesCsv.read(f, t);
            } else {
                dev.flof.orderflow.io.ReplayTape.Read r = dev.flof.orderflow.io.ReplayTape.read(replays, f, t);
                tape = r.trades();
                embeddedQuotes = r.quotes();
            }
            if (tape.offGrid() > 0) {
                err.println("flow: " + tape.offGrid() + " trade(s) off the tick grid " + t.toPlainString()
                        + " were rejected");
            }
            return tape;
        }
    }

    @Command(name = "profile", mixinStandardHelpOptions = true,
            description = "Volume profile over (from, to]: POC, value area, HVN/LVN and LVN zones as JSON"
                    + " (with rows wider than a tick, prices are row low edges).")
    static final class ProfileCmd extends Base implements Callable<Integer> {
        @Option(names = "--from", paramLabel = "NS", description = "exclusive start, ns since the epoch")
        Long from;

        @Option(names = "--to", paramLabel = "NS", description = "inclusive end, ns since the epoch")
        Long to;

        @Option(names = "--value-area", paramLabel = "RULE", defaultValue = "cbot2", description = "cbot2 or single")
        String rule;

        @Option(names = "--row-ticks", paramLabel = "N", defaultValue = "1",
                description = "ticks per profile row (default 1; e.g. 100 for BTC with --tick 0.01)")
        int rowTicks;

        ProfileCmd(Path cwd, PrintWriter out, PrintWriter err, CommandExtension.ReplayOpener replays) {
            super(cwd, out, err, replays);
        }

        @Override
        public Integer call() {
            BigDecimal t = tick();
            ValueAreaRule r = ValueAreaRule.parse(rule);
            if (rowTicks < 1) {
                throw new IllegalArgumentException("--row-ticks must be at least 1, got " + rowTicks);
            }
            TradeTape tape = readTrades(t);
            TradeHistory h = new TradeHistory(Math.max(16, tape.size()), Math.max(16, tape.size() + 1), Long.MAX_VALUE / 4);
            for (int i = 0; i < tape.size(); i++) {
                h.add(tape.ts(i), tape.tick(i), tape.qty(i));
            }
            long f = from == null ? Long.MIN_VALUE : from;
            long e = to == null ? Long.MAX_VALUE : to;
            FlowParams params = FlowConfig.defaults(MarketProfile.ES, Fixed.of(t)).withValueAreaRule(r);
            ProfileResult p = h.profile(f, e, params.profile().withRowTicks(rowTicks));
            if (p.isEmpty()) {
                throw new IllegalArgumentException("no trades in the selected range");
            }
            Json j = new Json()
                    .field("file", trades.toString())
                    .number("tick", t)
                    .field("trades", tape.size())
                    .field("rejected_off_grid", tape.offGrid())
                    .field("row_ticks", rowTicks)
                    .number("low", TickMath.toPrice(p.lowTick(), t))
                    .number("high", TickMath.toPrice(p.highTick(), t))
                    .number("poc", TickMath.toPrice(p.pocTick(), t))
                    .field("value_area_rule", r.name().toLowerCase(java.util.Locale.ROOT))
                    .number("val", TickMath.toPrice(p.valLowTick(), t))
                    .number("vah", TickMath.toPrice(p.valHighTick(), t))
                    .number("value_area_volume", Fixed.toDecimal(p.valueAreaVolume()))
                    .field("value_area_pct", Math.round(p.valueAreaShare() * 1e6) / 1e6)
                    .number("total_volume", Fixed.toDecimal(p.totalVolume()))
                    .raw("hvn", prices(p.hvnTicks(), t))
                    .raw("lvn", prices(p.lvnTicks(), t));
            StringJoiner zones = new StringJoiner(",", "[", "]");
            for (ProfileResult.Zone z : p.lvnZones()) {
                zones.add("[" + Json.plain(TickMath.toPrice(z.lowTick(), t)) + ","
                        + Json.plain(TickMath.toPrice(z.highTick(), t)) + "]");
            }
            j.raw("lvn_zones", zones.toString());
            out.println(j);
            return 0;
        }

        private static String prices(List<Long> ticks, BigDecimal t) {
            StringJoiner s = new StringJoiner(",", "[", "]");
            ticks.forEach(k -> s.add(Json.plain(TickMath.toPrice(k, t))));
            return s.toString();
        }
    }

    @Command(name = "signals", mixinStandardHelpOptions = true,
            description = "Runs every order-flow signal over the tape; prints one JSON line per signal.")
    static final class SignalsCmd extends Base implements Callable<Integer> {
        @Option(names = "--quotes", paramLabel = "FILE", description = "top of book CSV ts_ns,bid_px,bid_sz,ask_px,ask_sz")
        Path quotes;

        @Option(names = "--market", paramLabel = "PROFILE", defaultValue = "es",
                description = "parameter defaults and session reset: es (18:00 New York) or crypto (00:00 UTC)")
        String market;

        SignalsCmd(Path cwd, PrintWriter out, PrintWriter err, CommandExtension.ReplayOpener replays) {
            super(cwd, out, err, replays);
        }

        @Override
        public Integer call() {
            BigDecimal t = tick();
            MarketProfile mp = switch (market.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "es" -> MarketProfile.ES;
                case "crypto" -> MarketProfile.CRYPTO;
                default -> throw new IllegalArgumentException("--market must be es or crypto, got '" + market + "'");
            };
            TradeTape tape = readTrades(t);
            QuotesCsv.Quotes q = quotes == null ? embeddedQuotes : QuotesCsv.read(file(quotes), t);
            FlowEngine engine = new FlowEngine(FlowConfig.defaults(mp, Fixed.of(t)),
                    mp == MarketProfile.ES ? DailySessionResets.globex() : DailySessionResets.utcMidnight());
            long[] count = new long[1];
            replay(engine, tape, q, s -> {
                count[0]++;
                out.println(new Json()
                        .field("type", s.type().name())
                        .field("ts", s.ts())
                        .field("side", Side.name(s.side()))
                        .number("price", TickMath.toPrice(s.priceTick(), t))
                        .all(SignalValues.inMarketUnits(s, t, Fixed.SCALE)));
            });
            err.println("flow: " + tape.size() + " trades, " + (q == null ? 0 : q.size()) + " quotes, "
                    + count[0] + " signals, " + engine.droppedLate() + " dropped late");
            return 0;
        }
    }

    /**
     * Feeds trades and quotes in exchange-time order (stable sort of each file; at equal timestamps quotes go
     * first, as the book in force when the trade printed), then closes the last bar.
     */
    public static void replay(FlowEngine engine, TradeTape tape, QuotesCsv.Quotes q,
                              dev.flof.orderflow.core.SignalSink sink) {
        int qi = 0;
        int nq = q == null ? 0 : q.size();
        long last = Long.MIN_VALUE;
        for (int i = 0; i < tape.size(); i++) {
            long ts = tape.ts(i);
            while (qi < nq && q.ts()[qi] <= ts) {
                engine.onQuote(q.ts()[qi], q.bidTick()[qi], q.bidSize()[qi], q.askTick()[qi], q.askSize()[qi], sink);
                last = Math.max(last, q.ts()[qi]);
                qi++;
            }
            engine.onTrade(ts, i, tape.tick(i), tape.qty(i), tape.side(i), sink);
            last = Math.max(last, ts);
        }
        while (qi < nq) {
            engine.onQuote(q.ts()[qi], q.bidTick()[qi], q.bidSize()[qi], q.askTick()[qi], q.askSize()[qi], sink);
            last = Math.max(last, q.ts()[qi]);
            qi++;
        }
        if (last != Long.MIN_VALUE) {
            engine.advanceTo(last + engine.params().barNanos(), sink);
        }
    }

    /** For tests and tools: runs the command with the given streams and working directory. */
    public static int run(Path cwd, PrintStream out, PrintStream err, String... args) {
        return new FlowCommand().run(args, new Context(out, err, cwd, null));
    }

    /** As {@link #run(Path, PrintStream, PrintStream, String...)}, with the host's replay readers. */
    public static int run(Path cwd, PrintStream out, PrintStream err, CommandExtension.ReplayOpener replays, String... args) {
        return new FlowCommand().run(args, new Context(out, err, cwd, null, replays));
    }
}
