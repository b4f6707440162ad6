package dev.flof.feeds.binance;

import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.ext.Params;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pf4j.Extension;

/**
 * Binance USD-M futures execution: entries on {@code /fapi/v1/order}, protective stops and take-profits on
 * the algo-order endpoint, fills from the user-data stream.
 *
 * <p>Credentials from the host's {@link dev.flof.spi.ext.SecretSource}: {@code BINANCE_API_KEY} and
 * {@code BINANCE_API_SECRET} (the HMAC secret, or with {@code keyType=ed25519} an Ed25519 PKCS#8 PEM private
 * key). They are never logged.
 *
 * <p>Config keys: {@code restUrl} (https://fapi.binance.com; testnet https://demo-fapi.binance.com),
 * {@code wsUrl} (wss://fstream.binance.com; the user-data stream uses its {@code /private} route),
 * {@code keyType} (hmac | ed25519), {@code recvWindowMs} (5000), {@code weightLimit1m} (2400),
 * {@code maxRetries} (3, after HTTP 429), {@code timeoutMs} (10000), {@code stopMode} (closePosition |
 * reduceOnly), {@code stopPriceProtect} (false: the catastrophic stop must trigger in a cascade),
 * {@code targetPriceProtect} (true), {@code workingType} (MARK_PRICE | CONTRACT_PRICE, default MARK_PRICE),
 * {@code symbols} (comma list covered by cancel-all "*" and executionsSince), {@code keepAliveMs} (1800000),
 * {@code backoffMs} (user-data stream reconnect waits, 250,500,1000,2000,5000,10000,30000),
 * {@code leverage} (0 = off; else the isolated-margin leverage to trade at: before each exposure-adding
 * bracket the {@link LiquidationGuard} checks that the liquidation price lies beyond the stop by
 * {@code liquidationBuffer} (0.5) of the stop distance, lowers the leverage if needed (POST
 * /fapi/v1/leverage), and rejects the bracket with {@code LIQUIDATION_TOO_CLOSE} when only a smaller size would
 * do; the account must be in isolated-margin mode for the symbol).
 */
@Extension
public final class BinanceUsdmVenue implements ExecutionVenue {
    public static final String ID = "binance-usdm";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Binance USD-M futures: entry + algo-order stop/take-profit (priceProtect=false stop), user-data fills";
    }

    @Override
    public Session connect(Context context) {
        Params p = context.params();
        String key = context.secrets().secret("BINANCE_API_KEY").orElseThrow(() -> new IllegalArgumentException(
                p.path() + ": secret BINANCE_API_KEY is not set"));
        String secret = context.secrets().secret("BINANCE_API_SECRET").orElseThrow(() -> new IllegalArgumentException(
                p.path() + ": secret BINANCE_API_SECRET is not set"));
        BinanceSigner signer = switch (p.string("keyType", "hmac").trim().toLowerCase(Locale.ROOT)) {
            case "hmac" -> BinanceSigner.hmac(secret);
            case "ed25519" -> BinanceSigner.ed25519Pem(secret);
            default -> throw new IllegalArgumentException(p.path() + ".keyType: expected hmac or ed25519, got '"
                    + p.string("keyType", "") + "'");
        };
        UsdmOrderTemplates.Settings templates = new UsdmOrderTemplates.Settings(
                switch (p.string("stopMode", "closePosition").trim()) {
                    case "closePosition" -> UsdmOrderTemplates.CloseMode.CLOSE_POSITION;
                    case "reduceOnly" -> UsdmOrderTemplates.CloseMode.REDUCE_ONLY;
                    default -> throw new IllegalArgumentException(p.path()
                            + ".stopMode: expected closePosition or reduceOnly, got '" + p.string("stopMode", "") + "'");
                },
                p.flag("stopPriceProtect", false), p.flag("targetPriceProtect", true),
                p.string("workingType", "MARK_PRICE").trim());
        List<String> symbols = Arrays.stream(p.string("symbols", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).sorted().toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        java.util.function.LongSupplier clock = context.clock();
        BinanceRestClient rest = new BinanceRestClient(new BinanceRestClient.Config(
                URI.create(BinanceFeedProvider.stripSlash(p.string("restUrl", "https://fapi.binance.com"))),
                "/fapi/v1/time", p.integer("recvWindowMs", 5000), p.integer("weightLimit1m", 2400),
                (int) p.integer("maxRetries", 3), Duration.ofMillis(p.integer("timeoutMs", 10_000))),
                http, key, signer, () -> clock.getAsLong() / 1_000_000L, Sleeper.real());
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "binance-usdm-io");
            t.setDaemon(true);
            return t;
        });
        BinanceUsdmSession.Config cfg = new BinanceUsdmSession.Config(
                BinanceFeedProvider.stripSlash(p.string("wsUrl", "wss://fstream.binance.com")), templates, symbols,
                p.integer("keepAliveMs", 1_800_000), BinanceParams.millisList(p, "backoffMs",
                "250,500,1000,2000,5000,10000,30000"),
                new BinanceUsdmSession.Guard((int) p.integer("leverage", 0),
                        java.math.BigDecimal.valueOf(p.decimal("liquidationBuffer", 0.5))));
        BinanceUsdmSession session = new BinanceUsdmSession(cfg, context.sink(), clock, rest, http, Sleeper.real(), io);
        session.start();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "binance-usdm-keepalive");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(session::keepAlive, cfg.keepAliveMs(), cfg.keepAliveMs(), TimeUnit.MILLISECONDS);
        return new Session() {
            @Override
            public void send(dev.flof.spi.order.OrderCommand command) {
                session.send(command);
            }

            @Override
            public List<dev.flof.spi.order.WorkingOrder> openOrders() {
                return session.openOrders();
            }

            @Override
            public List<dev.flof.spi.order.Position> positions() {
                return session.positions();
            }

            @Override
            public List<dev.flof.spi.order.Execution> executionsSince(long tsNanos) {
                return session.executionsSince(tsNanos);
            }

            @Override
            public void close() {
                timer.shutdownNow();
                session.close();
                io.shutdownNow();
            }
        };
    }
}
