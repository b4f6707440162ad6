package dev.flof.spi.ext;

import dev.flof.spi.event.EventSink;
import dev.flof.spi.market.DataTier;
import dev.flof.spi.market.Instrument;
import java.util.Map;
import java.util.function.LongSupplier;

/** A live market-data source (Databento, Binance). */
public interface FeedProvider extends FlofExtension {
    MarketDataFeed open(Context context);

    /** What a feed gets from the host; {@code clock} returns ns since the epoch. */
    record Context(Params params, EventSink sink, SecretSource secrets, LongSupplier clock) {
    }

    /** One open feed. The engine asks for tiers; the feed streams just that (the cost valve). */
    interface MarketDataFeed extends AutoCloseable {
        /** Streams {@code tier} for the instrument from now on; {@link DataTier#OFF} stops it. */
        void request(Instrument instrument, DataTier tier);

        /** Records and billable bytes received so far, per schema name. */
        Map<String, DataUsage> usage();

        @Override
        void close();
    }

    record DataUsage(long records, long bytes) {
    }
}
