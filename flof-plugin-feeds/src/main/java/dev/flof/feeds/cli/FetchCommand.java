package dev.flof.feeds.cli;

import dev.flof.feeds.databento.dbn.DbnScanner;
import dev.flof.feeds.databento.historical.HistoricalClient;
import dev.flof.feeds.databento.historical.RangeRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code data fetch}: checks the cost first and refuses (exit 3, with the figures) above the budget; then
 * streams the zstd DBN body to {@code FILE.part}, verifies that it decodes to the end, and renames it to
 * {@code FILE} atomically ({@link HistoricalClient#download}). On any failure the part file is removed, so no
 * half file ever carries the final name.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Download historical data as zstd DBN, within a budget, atomically.")
final class FetchCommand implements Callable<Integer> {
    @Mixin
    RangeOptions range;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output file (.dbn.zst)")
    Path out;

    @Option(names = "--budget", required = true, paramLabel = "USD", description = "refuse when the cost exceeds this")
    BigDecimal budget;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    private final DataCommand.Env env;

    FetchCommand(DataCommand.Env env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        PrintStream stdout = env.context().out();
        PrintStream stderr = env.context().err();
        if (budget.signum() < 0) {
            stderr.println("error: --budget must not be negative: " + budget.toPlainString());
            return DataCommand.EXIT_USAGE;
        }
        Path target = env.context().workingDirectory().resolve(out);
        if (Files.exists(target) && !force) {
            stderr.println("error: " + target + " exists (use --force to replace it)");
            return DataCommand.EXIT_FAILURE;
        }
        HistoricalClient client = CostCommand.client(env, range);
        RangeRequest req = range.request();
        CostCommand.Quote q = CostCommand.quote(client, req);
        CostCommand.print(stdout, req.schema(), q);
        if (q.usd().compareTo(budget) > 0) {
            stderr.println("refused: cost " + q.usd().toPlainString() + " USD exceeds the budget of "
                    + budget.toPlainString() + " USD (" + q.billableBytes() + " billable bytes, "
                    + CostCommand.impliedRecords(req.schema(), q.billableBytes()) + " records)");
            return DataCommand.EXIT_OVER_BUDGET;
        }
        long[] records = new long[1];
        long bytes = client.download(req, target, force, part -> records[0] = countRecords(part));
        stdout.println("wrote " + target + ": " + records[0] + " records, " + bytes + " bytes (zstd DBN)");
        return 0;
    }

    /** Decodes the downloaded file to its end: a body cut short or corrupted fails here, not in a backtest later. */
    private static long countRecords(Path part) throws IOException {
        long n = 0;
        try (DbnScanner s = DbnScanner.open(part)) {
            while (s.next()) {
                n++;
            }
        }
        return n;
    }
}
