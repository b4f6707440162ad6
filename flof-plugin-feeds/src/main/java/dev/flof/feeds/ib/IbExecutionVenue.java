package dev.flof.feeds.ib;

import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.ext.Params;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import org.pf4j.Extension;

/**
 * Interactive Brokers through TWS / IB Gateway's socket API. Config keys (section given by the host):
 * {@code host} (127.0.0.1), {@code port} (7497 = TWS paper), {@code clientId} (1), {@code account}
 * (empty = TWS default), {@code timeoutMs} (10000: connect and each reconciliation query),
 * {@code ocaType} (2), {@code execTimeZone} (UTC: zone of execution times TWS sends without one),
 * {@code reconnectDelaysMs} (1000,2000,5000,10000,30000: waits between reconnect attempts after the
 * socket drops, the last repeating; empty = do not reconnect).
 * No credentials: TWS holds the login.
 */
@Extension
public final class IbExecutionVenue implements ExecutionVenue {
    public static final String ID = "ibkr";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Interactive Brokers TWS/Gateway socket API (server versions 157..178), brackets with outsideRth stops";
    }

    private static java.util.List<Long> delays(Params p) {
        String text = p.string("reconnectDelaysMs", "1000,2000,5000,10000,30000").trim();
        if (text.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            try {
                long v = Long.parseLong(part.trim());
                if (v < 0) {
                    throw new NumberFormatException(part);
                }
                out.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(p.path() + ".reconnectDelaysMs: expected comma-separated "
                        + "non-negative milliseconds, got '" + text + "'");
            }
        }
        return out;
    }

    @Override
    public Session connect(Context context) {
        Params p = context.params();
        IbVenueSession.Config cfg = new IbVenueSession.Config(
                p.string("account", ""),
                Duration.ofMillis(p.integer("timeoutMs", 10_000)),
                (int) p.integer("ocaType", IbOrderTemplates.DEFAULT_OCA_TYPE),
                ZoneId.of(p.string("execTimeZone", "UTC")),
                delays(p));
        String host = p.string("host", "127.0.0.1");
        int port = (int) p.integer("port", 7497);
        int clientId = (int) p.integer("clientId", 1);
        IbContractResolver resolver = new IbContractResolver(context.clock());
        // composition root: the monotonic clock and sleeping for pacing are injected here
        TwsPacer pacer = new TwsPacer(TwsPacer.DEFAULT_MAX_PER_SECOND, 1_000_000_000L, System::nanoTime,
                n -> Thread.sleep(n / 1_000_000L, (int) (n % 1_000_000L)));
        IbVenueSession s = new IbVenueSession(context.sink(), context.clock(), resolver, cfg, pacer);
        try {
            s.connect(host, port, clientId);
        } catch (IOException | TwsProtocolException e) {
            s.close();
            throw new IbVenueException("IB: cannot connect to TWS at " + host + ":" + port + " as client " + clientId
                    + ": " + e.getMessage(), e);
        }
        return s;
    }
}
