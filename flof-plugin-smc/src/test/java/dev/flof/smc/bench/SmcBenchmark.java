package dev.flof.smc.bench;

import dev.flof.smc.UtcAggregator;
import dev.flof.smc.UtcCalendar;
import dev.flof.smc.engine.SmcConfig;
import dev.flof.smc.mtf.MatrixConfig;
import dev.flof.smc.mtf.MatrixEngine;
import dev.flof.spi.event.Bar;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Timeframe;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Throughput of the multi-timeframe matrix: one year of synthetic 1-minute bars (a random walk with
 * volatility clusters), aggregated to 5m/15m/1H/4H/1D/1W/1M and fed in close-time order with the trading
 * defaults (internal 5, swing 50, all pools, UTC calendar with three sessions). Plain main, run with
 * {@code java -cp ... dev.flof.smc.bench.SmcBenchmark}; it reads the clock only to report the figure.
 */
public final class SmcBenchmark {
    private SmcBenchmark() {
    }

    public static void main(String[] args) {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 365;
        List<Bar> feed = feed(days, 42);
        long minutes = feed.stream().filter(b -> b.timeframe() == Timeframe.M1).count();
        for (int round = 0; round < 4; round++) {
            boolean withMap = round % 2 == 1;
            MatrixEngine e = new MatrixEngine(new Instrument("SYN", "TEST", Fixed.parse("0.25"), Fixed.ofUnits(50), Fixed.ofUnits(1),
                    MarketProfile.CRYPTO, "TEST_UTC_24_7"), new UtcCalendar(), SmcConfig.defaults(), MatrixConfig.defaults());
            long[] events = new long[1];
            long pois = 0;
            long t0 = System.nanoTime();
            for (Bar b : feed) {
                e.onBar(b, x -> events[0]++);
                if (withMap && b.timeframe() == Timeframe.M1) {
                    pois += e.map().pois().size();
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d%s: %d bars (%d x 1m + higher timeframes) in %.2f s = %.0f bars/s (%.0f 1m bars/s), %d events%s%n",
                    round, withMap ? " with map() after every 1m bar" : "", feed.size(), minutes, secs, feed.size() / secs,
                    minutes / secs, events[0], withMap ? ", " + pois + " POIs read" : "");
        }
    }

    static List<Bar> feed(int days, long seed) {
        Random r = new Random(seed);
        long t = LocalDate.of(2025, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
        long minute = 60_000_000_000L;
        long tick = Fixed.parse("0.25");
        long price = 20_000;
        double vol = 4;
        UtcAggregator agg = new UtcAggregator(List.of(Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1,
                Timeframe.W1, Timeframe.MN1));
        List<Bar> out = new ArrayList<>(days * 1440 * 5 / 4);
        for (int i = 0; i < days * 1440; i++) {
            vol = Math.max(1, Math.min(30, vol * (0.98 + r.nextDouble() * 0.04)));
            long o = price;
            long c = Math.max(100, o + Math.round(r.nextGaussian() * vol));
            long h = Math.max(o, c) + (long) (r.nextDouble() * vol);
            long l = Math.min(o, c) - (long) (r.nextDouble() * vol);
            Bar m = new Bar("SYN", Timeframe.M1, t, t + minute, t + minute, i, o * tick, h * tick, l * tick, c * tick,
                    Fixed.ofUnits(1 + r.nextInt(100)), 0, 0, 0, c * tick);
            agg.onMinute(m, out::add);
            price = c;
            t += minute;
        }
        return out;
    }
}
