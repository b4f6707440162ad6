package dev.flof.host.engine;

import dev.flof.host.config.FlofConfig;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * How the risk settings of the configuration reach the engine's sizing and the circuit breaker, in one place
 * for the backtest and the paper/live runners, so the two cannot drift apart (the backtest/live parity test
 * compares what they do). The runners differ only in what they pass: the account equity and where a symbol's
 * position cap comes from.
 */
public final class RiskWiring {
    private RiskWiring() {
    }

    /** {@code risk.dailyLossLimit} when set, else {@code risk.dailyLossPct} of the starting equity, in cents. */
    public static long dailyLossLimit(FlofConfig config, long startingEquity) {
        String l = config.risk().dailyLossLimit();
        if (!l.isEmpty()) {
            return Fixed.parse(l);
        }
        return Math.round(Fixed.toDouble(startingEquity) * config.risk().dailyLossPct() / 100.0 * 100.0) * (Fixed.SCALE / 100);
    }

    /**
     * The engine's risk budget: equity now, what is left of the daily loss limit, and the position cap of a symbol.
     * The trading day is the overlord's (see {@link #breakerParams}): from 18:00 New York when the account trades ES,
     * else from 00:00 UTC. The day's starting equity is taken at the first heartbeat of the day ({@link
     * RiskBudget#observe}), or at the first decision if that comes first, so a loss taken before the day's first setup
     * still counts.
     *
     * @param instruments the account's instruments (whether any is ES decides the trading day)
     * @param maxPosition a symbol's cap as a decimal, or null when none is configured (then nothing may be sized)
     */
    public static RiskBudget budget(LongSupplier equity, long dailyLossLimit, Map<String, Instrument> instruments,
                                    Function<String, String> maxPosition) {
        boolean es = instruments.values().stream().anyMatch(i -> i.profile() == MarketProfile.ES);
        ZoneId zone = es ? ZoneId.of("America/New_York") : ZoneOffset.UTC;
        LocalTime start = es ? LocalTime.of(18, 0) : LocalTime.MIDNIGHT;
        return new RiskBudget() {
            private LocalDate day;
            private long dayStart;

            @Override
            public long equity() {
                return equity.getAsLong();
            }

            @Override
            public void observe(long nowNanos) {
                roll(nowNanos);
            }

            @Override
            public long lossBudgetLeft(long nowNanos) {
                roll(nowNanos);
                return Math.max(0, dailyLossLimit - Math.max(0, dayStart - equity()));
            }

            private void roll(long nowNanos) {
                LocalDate d = tradingDay(nowNanos, zone, start);
                if (!d.equals(day)) {
                    day = d;
                    dayStart = equity();
                }
            }

            @Override
            public long maxQuantity(String symbol) {
                String v = maxPosition.apply(symbol);
                return v == null ? 0 : Fixed.parse(v);
            }
        };
    }

    /** The trading day a moment belongs to: the local date, counted from {@code start} (18:00 belongs to the next day). */
    static LocalDate tradingDay(long nowNanos, ZoneId zone, LocalTime start) {
        java.time.ZonedDateTime t = java.time.Instant.ofEpochSecond(0, nowNanos).atZone(zone);
        LocalDate d = t.toLocalDate();
        return start.equals(LocalTime.MIDNIGHT) || t.toLocalTime().isBefore(start) ? d : d.plusDays(1);
    }

    /**
     * The breaker's parameters: the configured {@code risk.breakerParams} plus what the host knows (equity,
     * loss limits, per-symbol maximum position, point value and tick size, the ES trading-day roll), each
     * only for a breaker that reads it (breakers reject keys they do not know).
     */
    public static Map<String, String> breakerParams(FlofConfig config, String breakerId, Map<String, Instrument> instruments,
                                                    long startingEquity, Function<String, String> maxPosition) {
        Map<String, String> p = new TreeMap<>();
        boolean overlord = breakerId.equals("overlord") || breakerId.equals("layered");
        boolean quarantine = breakerId.equals("quarantine") || breakerId.equals("layered");
        String prefixO = breakerId.equals("layered") ? "overlord." : "";
        String prefixQ = breakerId.equals("layered") ? "quarantine." : "";
        if (overlord) {
            p.put(prefixO + "equity", Fixed.format(startingEquity));
            p.put(prefixO + "dailyLossPct", String.valueOf(config.risk().dailyLossPct()));
            if (!config.risk().dailyLossLimit().isEmpty()) {
                p.put(prefixO + "dailyLossLimit", config.risk().dailyLossLimit());
            }
            boolean anyEs = false;
            for (Instrument inst : instruments.values()) {
                String max = maxPosition.apply(inst.symbol());
                if (max != null) {
                    p.put(prefixO + "maxPositionSize." + inst.symbol(), max);
                }
                p.put(prefixO + "pointValue." + inst.symbol(), Fixed.format(inst.pointValue()));
                anyEs |= inst.profile() == MarketProfile.ES;
            }
            if (anyEs) {
                p.put(prefixO + "tradingDayZone", "America/New_York");
                p.put(prefixO + "tradingDayStart", "18:00");
            }
        }
        if (quarantine) {
            for (Instrument inst : instruments.values()) {
                p.put(prefixQ + "tickSize." + inst.symbol(), Fixed.format(inst.tickSize()));
            }
        }
        p.putAll(config.risk().breakerParams());
        return p;
    }
}
