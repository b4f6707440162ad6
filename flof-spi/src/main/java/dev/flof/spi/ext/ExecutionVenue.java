package dev.flof.spi.ext;

import dev.flof.spi.event.EventSink;
import dev.flof.spi.order.Execution;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.Position;
import dev.flof.spi.order.WorkingOrder;
import java.util.List;
import java.util.function.LongSupplier;

/** A place orders go: Interactive Brokers, Binance, or the simulated venue. */
public interface ExecutionVenue extends FlofExtension {
    Session connect(Context context);

    record Context(Params params, EventSink sink, SecretSource secrets, LongSupplier clock) {
    }

    /** A connected venue. Order answers arrive as {@link dev.flof.spi.event.OrderEvent}s through the sink. */
    interface Session extends AutoCloseable {
        /** Sends a command; the venue's answer arrives later as events. */
        void send(OrderCommand command);

        // Reconciliation: what the venue holds, asked at start and after every reconnect.
        List<WorkingOrder> openOrders();

        List<Position> positions();

        List<Execution> executionsSince(long tsNanos);

        @Override
        void close();
    }
}
