package dev.flof.host.journal;

import dev.flof.spi.market.Side;
import dev.flof.spi.risk.Factor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Append-only record of a run. Owned by the kernel thread; readers take the unmodifiable views after the
 * run (or copies during it).
 */
public final class Journal {
    /** A setup the engine graded, taken or not, with the factors that explain its grade. */
    public record GradedSetup(String setupId, String symbol, long ts, Side side, int points, int maxPoints, String grade,
                              List<Factor> factors, String killZone, boolean taken, String reason) {
        public GradedSetup {
            factors = List.copyOf(factors);
        }
    }

    /** One part of a trade: the entry, a scale-out, the final exit. Prices and quantities are fixed-point. */
    public record TradePart(String tradeId, String kind, long ts, long price, long quantity, long fee, String rule,
                            double rMultiple) {
    }

    /** A trade from entry to flat. {@code pnl} and {@code fees} in account currency, fixed-point. */
    public record TradeRecord(String tradeId, String setupId, String symbol, Side side, String grade, List<Factor> factors,
                              String killZone, long entryTs, long entryPrice, long quantity, long initialStop,
                              long target, long exitTs, long pnl, long fees, double rMultiple, String exitRule,
                              List<TradePart> parts) {
        public TradeRecord {
            factors = List.copyOf(factors);
            parts = List.copyOf(parts);
        }
    }

    /** A change of the engine's state for an instrument (SCOUTING, STALKING, KILL) or of the trading state. */
    public record Transition(String symbol, long ts, String from, String to, String reason) {
    }

    /** Something a circuit breaker or the risk gate did: a veto, a pause, a flatten, a halt. */
    public record BreakerEntry(long ts, String breaker, String action, String reason) {
    }

    /** Account equity and drawdown from the peak, fixed-point currency. */
    public record EquityPoint(long ts, long equity, long drawdown) {
    }

    /** A data tier request of the cost valve (what live streaming would have subscribed). */
    public record TierChange(String symbol, long ts, String tier, String reason) {
    }

    private final List<GradedSetup> setups = new ArrayList<>();
    private final List<TradeRecord> trades = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final List<BreakerEntry> breakerEntries = new ArrayList<>();
    private final List<EquityPoint> equity = new ArrayList<>();
    private final List<TierChange> tiers = new ArrayList<>();
    private final Map<String, Long> counters = new TreeMap<>();

    public void setup(GradedSetup s) {
        setups.add(s);
    }

    public void trade(TradeRecord t) {
        trades.add(t);
    }

    public void transition(Transition t) {
        transitions.add(t);
    }

    public void breaker(BreakerEntry b) {
        breakerEntries.add(b);
    }

    public void equity(EquityPoint p) {
        equity.add(p);
    }

    public void tier(TierChange t) {
        tiers.add(t);
    }

    public void count(String key, long n) {
        counters.merge(key, n, Long::sum);
    }

    public List<GradedSetup> setups() {
        return Collections.unmodifiableList(setups);
    }

    public List<TradeRecord> trades() {
        return Collections.unmodifiableList(trades);
    }

    public List<Transition> transitions() {
        return Collections.unmodifiableList(transitions);
    }

    public List<BreakerEntry> breakerEntries() {
        return Collections.unmodifiableList(breakerEntries);
    }

    public List<EquityPoint> equityCurve() {
        return Collections.unmodifiableList(equity);
    }

    public List<TierChange> tierChanges() {
        return Collections.unmodifiableList(tiers);
    }

    public Map<String, Long> counters() {
        return Collections.unmodifiableMap(counters);
    }
}
