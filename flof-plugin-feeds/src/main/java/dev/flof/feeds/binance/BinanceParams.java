package dev.flof.feeds.binance;

import dev.flof.spi.ext.Params;
import java.util.ArrayList;
import java.util.List;

/** Parsing of the list-valued config keys shared by the Binance feed and venue. */
final class BinanceParams {
    private BinanceParams() {
    }

    /** Comma-separated non-negative milliseconds, at least one. */
    static List<Long> millisList(Params p, String key, String dflt) {
        String text = p.string(key, dflt).trim();
        List<Long> out = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                long v = Long.parseLong(part.trim());
                if (v < 0) {
                    throw new NumberFormatException(part);
                }
                out.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(p.path() + "." + key
                        + ": expected comma-separated non-negative milliseconds, got '" + text + "'");
            }
        }
        return out;
    }
}
