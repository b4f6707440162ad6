package dev.flof.orderflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.orderflow.core.Signal;
import dev.flof.orderflow.delta.DailySessionResets;
import dev.flof.orderflow.engine.FlowConfig;
import dev.flof.orderflow.engine.FlowEngine;
import dev.flof.orderflow.signal.OrderFlowImbalance;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.MarketProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The signals end to end on real tapes (ES MBO hour, Binance BTCUSDT spot), with their counts pinned so changes
 * are deliberate, and the Cont-Kukanov-Stoikov sanity regression on the ES hour.
 */
class RealDataTest {
    /** Runs the engine: at each row the pre-trade BBO as a quote (crossed books skipped), then the trade. */
    static Map<String, Integer> run(List<RealData.Row> rows, FlowEngine e, List<Signal> all) {
        Map<String, Integer> counts = new TreeMap<>();
        long seq = 0;
        long last = Long.MIN_VALUE;
        for (RealData.Row r : rows) {
            if (r.bid() < r.ask()) {
                e.onQuote(r.ts(), r.bid(), r.bidSize(), r.ask(), r.askSize(), all::add);
            }
            e.onTrade(r.ts(), seq++, r.tick(), r.size(), r.side(), all::add);
            last = Math.max(last, r.ts());
        }
        e.advanceTo(last + e.params().barNanos(), all::add);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).ts() <= all.get(i).ts(), "signals come out in exchange-time order: " + all.get(i));
        }
        for (Signal s : all) {
            counts.merge(s.type().name() + (s.side() > 0 ? "+" : s.side() < 0 ? "-" : ""), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> es(Map<String, String> overrides) throws IOException {
        List<RealData.Row> rows = RealData.es();
        assertEquals(2973, rows.size());
        FlowEngine e = new FlowEngine(FlowConfig.resolve(MarketProfile.ES, Fixed.parse("0.25"),
                new Params("flow.es", overrides)), DailySessionResets.globex());
        Map<String, Integer> counts = run(rows, e, new ArrayList<>());
        System.out.println("ES " + overrides + " signals " + counts + " cvd " + e.cvd() / Fixed.SCALE);
        assertEquals(0, e.droppedLate());
        assertEquals(796, e.cvd() / Fixed.SCALE, "1542 buy-aggressor vs 1430 sell-aggressor trades, 9892 lots");
        return counts;
    }

    private static Map<String, Integer> btc(Map<String, String> overrides) throws IOException {
        List<RealData.Row> rows = RealData.btc();
        assertEquals(19904, rows.size());
        FlowEngine e = new FlowEngine(FlowConfig.resolve(MarketProfile.CRYPTO, Fixed.parse("0.01"),
                new Params("flow.crypto", overrides)), DailySessionResets.utcMidnight());
        Map<String, Integer> counts = run(rows, e, new ArrayList<>());
        System.out.println("BTC " + overrides + " signals " + counts + " cvd " + Fixed.toDecimal(e.cvd()));
        assertEquals(0, e.droppedLate());
        return counts;
    }

    @Test
    void esMboHourSignalCountsWithDefaults() throws IOException {
        assertEquals(Map.of("ABSORPTION+", 4, "ABSORPTION-", 5, "CVD_DIVERGENCE+", 1, "DELTA_FLIP+", 8,
                "DELTA_FLIP-", 8, "POC_LAG+", 4, "POC_SHIFT+", 5, "POC_SHIFT-", 3, "STACKED_IMBALANCE+", 3),
                es(Map.of()));
    }

    @Test
    void sameInputSameSignals() throws IOException {
        List<RealData.Row> rows = RealData.btc();
        List<Signal> a = new ArrayList<>();
        List<Signal> b = new ArrayList<>();
        run(rows, new FlowEngine(FlowConfig.defaults(MarketProfile.CRYPTO, Fixed.parse("0.01")),
                DailySessionResets.utcMidnight()), a);
        run(rows, new FlowEngine(FlowConfig.defaults(MarketProfile.CRYPTO, Fixed.parse("0.01")),
                DailySessionResets.utcMidnight()), b);
        assertEquals(a, b);
        assertEquals(a.toString(), b.toString());
    }

    @Test
    void esMboHourSignalCountsSensitive() throws IOException {
        // a thin holiday hour: smaller whales and a 10-minute speed baseline exercise the remaining signals
        Map<String, Integer> expected = new TreeMap<>(Map.of("ABSORPTION+", 4, "ABSORPTION-", 5, "BAILOUT+", 4,
                "BAILOUT-", 6, "CVD_DIVERGENCE+", 1, "DELTA_FLIP+", 8, "DELTA_FLIP-", 8, "LARGE_PRINT+", 38,
                "LARGE_PRINT-", 22, "POC_LAG+", 4));
        expected.putAll(Map.of("POC_SHIFT+", 5, "POC_SHIFT-", 3, "STACKED_IMBALANCE+", 3, "TAPE_SPEED_SPIKE", 17));
        assertEquals(expected, es(Map.of("large-print-size", "25", "speed-slow-seconds", "600")));
    }

    @Test
    void binanceBtcSignalCountsWithDefaults() throws IOException {
        // footprint rows of 1.00 USDT (100 ticks), imbalance minimum 0.1 BTC; CVD divergence on a 2 bp zigzag
        // (about 12.2 USDT at this capture's ~61,000; the former fixed 20 USDT confirmed 3 bullish divergences)
        Map<String, Integer> expected = new TreeMap<>(Map.of("ABSORPTION+", 5, "ABSORPTION-", 2,
                "CVD_DIVERGENCE+", 1, "CVD_DIVERGENCE-", 2, "DELTA_FLIP+", 8, "DELTA_FLIP-", 8, "LARGE_PRINT+", 2,
                "LARGE_PRINT-", 3, "POC_SHIFT+", 1, "POC_SHIFT-", 2));
        expected.putAll(Map.of("STACKED_IMBALANCE+", 5, "STACKED_IMBALANCE-", 13));
        assertEquals(expected, btc(Map.of()));
    }

    @Test
    void binanceBtcSignalCountsShortBaseline() throws IOException {
        // 11 minutes of tape cannot warm a one-hour baseline; with a 5-minute one the tape never reaches 4x
        // its baseline in this capture, so the counts equal the defaults' (no spike, hence no bailout)
        assertEquals(btc(Map.of()), btc(Map.of("speed-slow-seconds", "300")));
    }

    @Test
    void esHourVolumeProfileIsPinned() throws IOException {
        dev.flof.orderflow.profile.TradeHistory h = new dev.flof.orderflow.profile.TradeHistory(4096, 1 << 14,
                Long.MAX_VALUE / 4);
        for (RealData.Row r : RealData.es()) {
            h.add(r.ts(), r.tick(), r.size());
        }
        var params = dev.flof.orderflow.profile.ProfileParams.defaults();
        var p = h.profile(Long.MIN_VALUE, Long.MAX_VALUE, params);
        assertEquals(9892 * Fixed.SCALE, p.totalVolume(), "README of the data: 9,892 contracts");
        assertEquals(Es.t("4800.25"), p.lowTick());
        assertEquals(Es.t("4811.75"), p.highTick());
        assertEquals(Es.t("4810.00"), p.pocTick());
        assertEquals(Es.t("4807.50"), p.valLowTick());
        assertEquals(Es.t("4811.00"), p.valHighTick());
        assertEquals(7526 * Fixed.SCALE, p.valueAreaVolume());
        assertEquals(List.of(Es.t("4807.50"), Es.t("4810.00")), p.hvnTicks());
        assertEquals(List.of(Es.t("4803.25"), Es.t("4808.50")), p.lvnTicks());
        assertEquals(2, p.lvnZones().size());
        assertEquals(Es.t("4808.25"), p.lvnZones().get(1).lowTick());
        var single = h.profile(Long.MIN_VALUE, Long.MAX_VALUE,
                params.withRule(dev.flof.orderflow.profile.ValueAreaRule.SINGLE));
        assertEquals(Es.t("4807.75"), single.valLowTick());
        assertEquals(Es.t("4811.25"), single.valHighTick());
        assertEquals(7254 * Fixed.SCALE, single.valueAreaVolume());
    }

    /** OLS of y on x with intercept: {slope, r2, n}. */
    static double[] ols(List<double[]> xy) {
        int n = xy.size();
        double sx = 0, sy = 0;
        for (double[] p : xy) {
            sx += p[0];
            sy += p[1];
        }
        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0, syy = 0;
        for (double[] p : xy) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
            syy += (p[1] - my) * (p[1] - my);
        }
        double b = sxy / sxx;
        return new double[] {b, sxy * sxy / (sxx * syy), n};
    }

    /** Per 10 s interval: {OFI lots, trade imbalance lots, mid change ticks, interval start ns}. */
    static List<double[]> mboIntervals(long fromNs, long toNs, long stepNs, List<RealData.Row> csv) throws IOException {
        long tick = Fixed.parse("0.25");
        OrderFlowImbalance ofi = new OrderFlowImbalance();
        long[] ti = new long[(int) ((toNs - fromNs) / stepNs)];
        long[] ofiEnd = new long[ti.length];
        double[] midEnd = new double[ti.length];
        java.util.Arrays.fill(midEnd, Double.NaN);
        double[] midBefore = {Double.NaN};
        long[] ofiBefore = {0};
        int[] csvIdx = {0};
        int[] bboMatches = {0};
        MboReplay replay = new MboReplay();
        replay.replay(MboReplay.ES_MBO, new MboReplay.Listener() {
            @Override
            public void book(long ts, long bid, long bidSize, long ask, long askSize) {
                if (bid >= ask) {
                    return; // pre-open crossed book
                }
                ofi.onQuote(bid / tick, bidSize, ask / tick, askSize);
                double mid = (bid + ask) / 2.0 / tick;
                if (ts < fromNs) {
                    midBefore[0] = mid;
                    ofiBefore[0] = ofi.cumulative();
                } else if (ts < toNs) {
                    int k = (int) ((ts - fromNs) / stepNs);
                    midEnd[k] = mid;
                    ofiEnd[k] = ofi.cumulative();
                }
            }

            @Override
            public void trade(long ts, long price, long size, int side, long bid, long ask) {
                if (csvIdx[0] < csv.size()) {
                    RealData.Row r = csv.get(csvIdx[0]++);
                    boolean firstOfEvent = csvIdx[0] == 1 || csv.get(csvIdx[0] - 2).ts() != ts;
                    if (r.ts() == ts && (!firstOfEvent || r.bid() * tick == bid && r.ask() * tick == ask)) {
                        bboMatches[0]++;
                    }
                }
                if (ts >= fromNs && ts < toNs) {
                    ti[(int) ((ts - fromNs) / stepNs)] += (long) side * size;
                }
            }
        });
        assertEquals(csv.size(), replay.trades, "same trades as the derived CSV");
        assertEquals(csv.size(), bboMatches[0], "same trade times, and the rebuilt pre-event BBO equals the derived CSV's at the first"
                + " trade of every event (within a sweep the CSV applies the earlier fills, this reader does not)");
        List<double[]> out = new ArrayList<>();
        double prevMid = midBefore[0];
        long prevOfi = ofiBefore[0];
        for (int k = 0; k < ti.length; k++) {
            if (Double.isNaN(midEnd[k])) { // no book change: mid and OFI carry over
                midEnd[k] = prevMid;
                ofiEnd[k] = prevOfi;
            }
            out.add(new double[] {ofiEnd[k] - prevOfi, ti[k], midEnd[k] - prevMid, fromNs + k * stepNs});
            prevMid = midEnd[k];
            prevOfi = ofiEnd[k];
        }
        return out;
    }

    static final long OPEN = 1_703_545_200_000_000_000L; // 2023-12-25T23:00:00Z, Globex reopen
    static final long TEN_S = 10_000_000_000L;

    @Test
    void esOfiExplainsMidChangesBetterThanTradeImbalance() throws IOException {
        // from the end of the opening auction's 10 s interval to the end of the hour
        List<double[]> iv = mboIntervals(OPEN + TEN_S, OPEN + 360 * TEN_S, TEN_S, RealData.es());
        StringBuilder report = new StringBuilder();
        double[][] whole = regress(iv, report, "23:00:10-24:00");
        double[][] first = regress(iv.subList(0, 179), report, "23:00:10-23:30");
        double[][] second = regress(iv.subList(179, iv.size()), report, "23:30-24:00");
        System.out.print(report);
        assertEquals(359, iv.size());
        assertTrue(whole[0][0] > 0, "OFI slope positive");
        assertTrue(whole[1][0] > 0, "trade-imbalance slope positive too");
        assertTrue(whole[0][1] >= whole[1][1] + 0.10, "OFI R2 clearly above trade-imbalance R2: " + report);
        assertTrue(first[0][0] > 0 && second[0][0] > 0, "positive slope in each half hour");
        assertTrue(first[0][1] > first[1][1] && second[0][1] > second[1][1], "OFI wins in each half hour");
    }

    private static double[][] regress(List<double[]> iv, StringBuilder report, String label) {
        List<double[]> o = new ArrayList<>();
        List<double[]> t = new ArrayList<>();
        for (double[] v : iv) {
            o.add(new double[] {v[0], v[2]});
            t.add(new double[] {v[1], v[2]});
        }
        double[] a = ols(o);
        double[] b = ols(t);
        report.append(String.format(java.util.Locale.ROOT,
                "ES %s n=%d  OFI: beta=%.5f ticks/lot R2=%.3f  |  trade imbalance: beta=%.5f R2=%.3f%n",
                label, (int) a[2], a[0], a[1], b[0], b[1]));
        return new double[][] {a, b};
    }
}
