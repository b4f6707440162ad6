package dev.flof.host.report;

import dev.flof.host.journal.Journal;
import dev.flof.spi.market.Fixed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The performance figures a trader reads first, computed from the journal. Money is in account currency
 * (converted from fixed-point once, here); a figure that does not exist (profit factor with no losing
 * trade, Sharpe with fewer than two days) is null rather than a misleading number.
 */
public record Performance(int trades, int wins, int losses, double netPnl, double grossProfit, double grossLoss,
                          Double winRate, Double profitFactor, Double expectancyR, double maxDrawdown,
                          Double maxDrawdownPct, Double sharpe, Double sortino, Double averageHoldMinutes, int days) {

    /**
     * @param annualization trading days per year for the daily-return ratios (252 for ES, 365 for crypto)
     */
    public static Performance of(List<Journal.TradeRecord> trades, List<Journal.EquityPoint> curve, long startingEquity,
                                 double annualization) {
        int wins = 0;
        int losses = 0;
        double gp = 0;
        double gl = 0;
        double sumR = 0;
        double holdNs = 0;
        for (Journal.TradeRecord t : trades) {
            double pnl = Fixed.toDouble(t.pnl());
            if (pnl > 0) {
                wins++;
                gp += pnl;
            } else {
                losses++;
                gl += -pnl;
            }
            sumR += t.rMultiple();
            holdNs += t.exitTs() - t.entryTs();
        }
        int n = trades.size();
        double start = Fixed.toDouble(startingEquity);
        double peak = start;
        double maxDd = 0;
        Double maxDdPct = null;
        for (Journal.EquityPoint p : curve) {
            double eq = Fixed.toDouble(p.equity());
            peak = Math.max(peak, eq);
            double dd = peak - eq;
            if (dd > maxDd) {
                maxDd = dd;
                maxDdPct = peak > 0 ? dd / peak : null;
            }
        }
        List<Double> daily = dailyReturns(curve, start);
        return new Performance(n, wins, losses, gp - gl, gp, gl,
                n == 0 ? null : wins / (double) n,
                gl == 0 ? null : gp / gl,
                n == 0 ? null : sumR / n,
                maxDd, maxDd == 0 ? Double.valueOf(0) : maxDdPct,
                sharpe(daily, annualization), sortino(daily, annualization),
                n == 0 ? null : holdNs / n / 60e9, daily.size());
    }

    /** Day-over-day returns of the last equity of each UTC day; the first day is measured from the start. */
    static List<Double> dailyReturns(List<Journal.EquityPoint> curve, double start) {
        TreeMap<LocalDate, Double> close = new TreeMap<>();
        for (Journal.EquityPoint p : curve) {
            close.put(Instant.ofEpochSecond(0, p.ts()).atZone(ZoneOffset.UTC).toLocalDate(), Fixed.toDouble(p.equity()));
        }
        List<Double> out = new ArrayList<>();
        double prev = start;
        for (double eq : close.values()) {
            out.add(prev == 0 ? 0 : eq / prev - 1);
            prev = eq;
        }
        return out;
    }

    static Double sharpe(List<Double> r, double annualization) {
        if (r.size() < 2) {
            return null;
        }
        double mean = r.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = 0;
        for (double x : r) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / (r.size() - 1));
        return sd == 0 ? null : mean / sd * Math.sqrt(annualization);
    }

    /** Downside deviation over all days (target 0), the usual Sortino definition. */
    static Double sortino(List<Double> r, double annualization) {
        if (r.size() < 2) {
            return null;
        }
        double mean = r.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double down = 0;
        for (double x : r) {
            down += Math.min(0, x) * Math.min(0, x);
        }
        double dd = Math.sqrt(down / r.size());
        return dd == 0 ? null : mean / dd * Math.sqrt(annualization);
    }

    /** Count, win rate, net P&L and average R per group (grade, kill zone, exit rule), groups sorted. */
    public static Map<String, Map<String, Object>> by(List<Journal.TradeRecord> trades,
                                                      Function<Journal.TradeRecord, String> key) {
        Map<String, List<Journal.TradeRecord>> groups = new TreeMap<>();
        for (Journal.TradeRecord t : trades) {
            String k = key.apply(t);
            groups.computeIfAbsent(k == null || k.isEmpty() ? "(none)" : k, x -> new ArrayList<>()).add(t);
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        groups.forEach((k, ts) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            long wins = ts.stream().filter(t -> t.pnl() > 0).count();
            row.put("trades", ts.size());
            row.put("winRate", wins / (double) ts.size());
            row.put("netPnl", ts.stream().mapToDouble(t -> Fixed.toDouble(t.pnl())).sum());
            row.put("averageR", ts.stream().mapToDouble(Journal.TradeRecord::rMultiple).average().orElse(0));
            out.put(k, row);
        });
        return out;
    }
}
