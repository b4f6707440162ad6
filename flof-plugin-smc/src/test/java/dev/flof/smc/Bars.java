package dev.flof.smc;

import dev.flof.smc.model.SmcBar;
import dev.flof.spi.market.Fixed;
import java.util.ArrayList;
import java.util.List;

/** Hand-written bars for tests: "open high low close" per bar, consecutive bars of {@code stepNanos}. */
public final class Bars {
    private Bars() {
    }

    public static List<SmcBar> of(long startNanos, long stepNanos, String... ohlc) {
        List<SmcBar> l = new ArrayList<>();
        for (int i = 0; i < ohlc.length; i++) {
            String[] f = ohlc[i].trim().split("\\s+");
            long t = startNanos + i * stepNanos;
            l.add(new SmcBar(t, t + stepNanos, Fixed.parse(f[0]), Fixed.parse(f[1]), Fixed.parse(f[2]), Fixed.parse(f[3]),
                    Fixed.ofUnits(f.length > 4 ? Long.parseLong(f[4]) : 1)));
        }
        return l;
    }

    public static List<SmcBar> minutes(String... ohlc) {
        return of(0, 60_000_000_000L, ohlc);
    }

    public static long px(String s) {
        return Fixed.parse(s);
    }
}
