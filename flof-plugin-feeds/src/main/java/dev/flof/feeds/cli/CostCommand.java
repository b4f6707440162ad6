package dev.flof.feeds.cli;

import dev.flof.feeds.databento.historical.HistoricalClient;
import dev.flof.feeds.databento.historical.HistoricalConfig;
import dev.flof.feeds.databento.historical.RangeRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code data cost}: what a historical request would cost, before paying for it. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Print the cost (USD), billable bytes and implied record count of a historical request.")
final class CostCommand implements Callable<Integer> {
    @Mixin
    RangeOptions range;

    private final DataCommand.Env env;

    CostCommand(DataCommand.Env env) {
        this.env = env;
    }

    /** Cost and size of a request, as the API answered. */
    record Quote(BigDecimal usd, long billableBytes) {
    }

    @Override
    public Integer call() throws IOException {
        HistoricalClient client = client(env, range);
        RangeRequest req = range.request();
        Quote q = quote(client, req);
        print(env.context().out(), req.schema(), q);
        return 0;
    }

    static HistoricalClient client(DataCommand.Env env, RangeOptions range) {
        HistoricalConfig cfg = HistoricalConfig.of(env.apiKey()).withBaseUrl(range.baseUrl);
        return new HistoricalClient(cfg, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build(), env.sleeper(), Clock.systemUTC(),
                w -> env.context().err().println("warning: " + w.replace('\n', ' ')));
    }

    static Quote quote(HistoricalClient client, RangeRequest req) throws IOException {
        return new Quote(client.getCost(req), client.getBillableSize(req));
    }

    static void print(PrintStream out, String schema, Quote q) {
        out.println("cost: " + q.usd().toPlainString() + " USD");
        out.println("billable: " + q.billableBytes() + " bytes");
        out.println("records: " + impliedRecords(schema, q.billableBytes()));
    }

    /** "N (B bytes / S bytes per SCHEMA record)", from the fixed record size of the schema (§9). */
    static String impliedRecords(String schema, long bytes) {
        OptionalInt size = RecordSizes.of(schema);
        if (size.isEmpty()) {
            return "unknown (no fixed record size known for schema " + schema + ")";
        }
        long n = bytes / size.getAsInt();
        long rest = bytes % size.getAsInt();
        return n + " (" + bytes + " bytes / " + size.getAsInt() + " bytes per " + schema + " record"
                + (rest == 0 ? "" : ", " + rest + " bytes over") + ")";
    }
}
