package dev.flof.feeds.cli;

import dev.flof.feeds.databento.dbn.DbnJson;
import dev.flof.feeds.databento.dbn.DbnScanner;
import dev.flof.feeds.databento.historical.RetryPolicy;
import dev.flof.feeds.databento.live.LiveClient;
import dev.flof.feeds.databento.live.LiveConfig;
import dev.flof.feeds.databento.live.LiveListener;
import dev.flof.feeds.databento.live.Subscription;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code data live}: subscribes on the live gateway and prints what arrives in the format of
 * {@code data inspect} (a metadata line per session, then one JSON line per record), until {@code --limit}
 * records were printed or the client stops. Reconnects are reported on stderr.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Print live records from the Databento gateway as JSON lines (like inspect).")
final class LiveCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, paramLabel = "D")
    String dataset;

    @Option(names = "--schema", required = true, paramLabel = "S")
    String schema;

    @Option(names = "--symbols", required = true, split = ",", paramLabel = "X")
    List<String> symbols;

    @Option(names = "--stype-in", defaultValue = "raw_symbol", paramLabel = "STYPE")
    String stypeIn;

    @Option(names = "--start", paramLabel = "NS|ISO", description = "intraday replay from this time")
    String start;

    @Option(names = "--gateway", paramLabel = "HOST:PORT", description = "gateway override (default: the dataset's gateway, port 13000)")
    String gateway;

    @Option(names = "--limit", paramLabel = "N", description = "stop after N records")
    Long limit;

    @Option(names = "--heartbeat", paramLabel = "S", defaultValue = "0", description = "heartbeat interval in seconds (0 = gateway default)")
    int heartbeatS;

    @Option(names = "--no-zstd", description = "ask for an uncompressed stream")
    boolean noZstd;

    private final DataCommand.Env env;

    LiveCommand(DataCommand.Env env) {
        this.env = env;
    }

    private sealed interface Ev permits Meta, Rec, Down, Stop {
    }

    private record Meta(byte[] bytes, int version) implements Ev {
    }

    private record Rec(byte[] bytes) implements Ev {
    }

    private record Down(String reason) implements Ev {
    }

    private record Stop(Exception cause) implements Ev {
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = env.context().out();
        PrintStream err = env.context().err();
        if (limit != null && limit < 0) {
            err.println("error: --limit must not be negative");
            return DataCommand.EXIT_USAGE;
        }
        LiveConfig cfg = LiveConfig.of(dataset, env.apiKey()).withHeartbeat(heartbeatS).withZstd(!noZstd);
        if (gateway != null) {
            int colon = gateway.lastIndexOf(':');
            if (colon <= 0 || colon == gateway.length() - 1) {
                err.println("error: --gateway must be HOST:PORT, got '" + gateway + "'");
                return DataCommand.EXIT_USAGE;
            }
            int port;
            try {
                port = Integer.parseInt(gateway.substring(colon + 1));
            } catch (NumberFormatException e) {
                err.println("error: --gateway port is not a number: '" + gateway + "'");
                return DataCommand.EXIT_USAGE;
            }
            cfg = cfg.withGateway(gateway.substring(0, colon), port);
        }
        cfg = cfg.withReconnect(new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1)));
        Subscription sub = new Subscription(schema, stypeIn, symbols, start, false, null);
        BlockingQueue<Ev> queue = new LinkedBlockingQueue<>(100_000);
        LiveListener listener = new LiveListener() {
            @Override
            public void onMetadata(byte[] metadata, int dbnVersion) {
                put(new Meta(metadata, dbnVersion));
            }

            @Override
            public void onRecord(byte[] record) {
                put(new Rec(record));
            }

            @Override
            public void onDisconnected(IOException cause, int consecutiveFailures) {
                put(new Down(DataCommand.Env.oneLine(cause) + " (attempt " + consecutiveFailures + ")"));
            }

            @Override
            public void onStopped(Exception cause) {
                put(new Stop(cause));
            }

            private void put(Ev e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (LiveClient client = new LiveClient(cfg, listener, env.sleeper())) {
            client.subscribe(sub);
            client.start();
            long printed = 0;
            long offset = 0;
            int version = 0;
            while (limit == null || printed < limit) {
                Ev e = queue.take();
                switch (e) {
                    case Meta m -> {
                        version = m.version();
                        offset = m.bytes().length;
                        try (DbnScanner s = DbnScanner.open(new ByteArrayInputStream(m.bytes()), "live metadata")) {
                            out.println(DbnJson.metadata(s, -1));
                        }
                    }
                    case Rec r -> {
                        try (DbnScanner s = DbnScanner.openFragment(new ByteArrayInputStream(r.bytes()), version, "live")) {
                            if (s.next()) {
                                out.println(DbnJson.record(s.view().toRecord(), printed, offset));
                            }
                        }
                        offset += r.bytes().length;
                        printed++;
                    }
                    case Down d -> err.println("reconnecting: " + d.reason());
                    case Stop s -> {
                        if (s.cause() != null) {
                            err.println("error: " + DataCommand.Env.oneLine(s.cause()));
                            return DataCommand.EXIT_FAILURE;
                        }
                        return 0;
                    }
                }
            }
            out.flush();
            return 0;
        }
    }
}
