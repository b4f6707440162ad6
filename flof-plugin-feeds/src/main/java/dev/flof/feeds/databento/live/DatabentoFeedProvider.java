package dev.flof.feeds.databento.live;

import dev.flof.feeds.databento.historical.ApiKey;
import dev.flof.feeds.databento.historical.RetryPolicy;
import dev.flof.feeds.databento.historical.Sleeper;
import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.ext.FeedProvider;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.DataTier;
import dev.flof.spi.market.Instrument;
import java.time.Duration;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The Databento live feed as a FLOF {@link FeedProvider} (id {@code databento}): tiers per instrument through
 * {@link TieredLiveFeed}, events through {@link LiveEventMapper}. Parameters (config section of the feed):
 * {@code dataset} (default {@code GLBX.MDP3}), {@code gateway} ({@code HOST:PORT}, default the dataset's
 * gateway), {@code heartbeat_s} (default 0 = gateway's 30 s), {@code zstd} (default true),
 * {@code dead_after_ms} (default heartbeat + 5 s), {@code max_reconnects} (consecutive failed sessions before
 * the feed gives up and reports it, default 100; backoff 1 s doubling to 30 s). The key is {@code DATABENTO_API_KEY} from the secret source.
 */
@Extension
public final class DatabentoFeedProvider implements FeedProvider {
    @Override
    public String id() {
        return "databento";
    }

    @Override
    public String description() {
        return "Databento live gateway (raw TCP, DBN), streaming by data tier with a cost meter";
    }

    @Override
    public MarketDataFeed open(Context context) {
        Params p = context.params();
        ApiKey key = ApiKey.from(context.secrets()).orElseThrow(() -> new IllegalStateException(
                p.path() + ": " + ApiKey.ENV_NAME + " is not set"));
        String dataset = p.string("dataset", "GLBX.MDP3");
        LiveConfig cfg = LiveConfig.of(dataset, key).withHeartbeat((int) p.integer("heartbeat_s", 0))
                .withZstd(p.flag("zstd", true));
        String gateway = p.string("gateway", null);
        if (gateway != null) {
            int colon = gateway.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(p.path() + ".gateway: expected HOST:PORT, got '" + gateway + "'");
            }
            int port;
            try {
                port = Integer.parseInt(gateway.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(p.path() + ".gateway: port is not a number in '" + gateway + "'");
            }
            cfg = cfg.withGateway(gateway.substring(0, colon), port);
        }
        long attempts = p.integer("max_reconnects", 100);
        if (attempts < 1 || attempts > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(p.path() + ".max_reconnects: expected 1.." + Integer.MAX_VALUE + ", got " + attempts);
        }
        cfg = cfg.withReconnect(new RetryPolicy((int) attempts, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1)));
        long deadMs = p.integer("dead_after_ms", 0);
        if (deadMs > 0) {
            cfg = cfg.withDeadAfter(Duration.ofMillis(deadMs));
        }
        LiveEventMapper mapper = new LiveEventMapper(id(), context.sink(), context.clock());
        TieredLiveFeed feed = new TieredLiveFeed(cfg, Sleeper.SYSTEM, context.clock(), mapper);
        return new MarketDataFeed() {
            @Override
            public void request(Instrument instrument, DataTier tier) {
                DataTier old = feed.tiers().getOrDefault(instrument.symbol(), DataTier.OFF);
                if (old != tier) {
                    // announced before the session events the change causes, so the order is always the same
                    long now = context.clock().getAsLong();
                    context.sink().publish(new FeedStatus(id(), instrument.symbol(), now, now, 0,
                            FeedStatus.Kind.TIER_CHANGED, old + " -> " + tier));
                }
                feed.request(instrument.symbol(), tier);
            }

            @Override
            public Map<String, DataUsage> usage() {
                return feed.usage();
            }

            @Override
            public void close() {
                feed.close();
            }
        };
    }
}
