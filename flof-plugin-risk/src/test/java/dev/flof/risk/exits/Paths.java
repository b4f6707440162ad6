package dev.flof.risk.exits;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds crafted price paths: each minute is a list of prints 15 s apart, followed by the 1-minute bar built
 * from them (delivered at its close, as the kernel does).
 */
final class Paths {
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long SEC = 1_000_000_000L;

    private Paths() {
    }

    static List<Event> minutes(String symbol, String[]... minutes) {
        List<Event> out = new ArrayList<>();
        long seq = 0;
        for (int m = 0; m < minutes.length; m++) {
            long open = T0 + m * 60 * SEC;
            long o = 0, h = Long.MIN_VALUE, l = Long.MAX_VALUE, c = 0;
            for (int i = 0; i < minutes[m].length; i++) {
                long px = Fixed.parse(minutes[m][i]);
                long ts = open + i * 15 * SEC;
                out.add(new Trade(symbol, ts, ts, ++seq, px, Fixed.ofUnits(1), Side.BUY, AggressorRule.VENUE));
                if (i == 0) {
                    o = px;
                }
                h = Math.max(h, px);
                l = Math.min(l, px);
                c = px;
            }
            long close = open + 60 * SEC;
            out.add(new Bar(symbol, Timeframe.M1, open, close, close, ++seq, o, h, l, c,
                    Fixed.ofUnits(minutes[m].length), 0, 0, minutes[m].length, c));
        }
        return out;
    }

    static String[] m(String... prints) {
        return prints;
    }
}
