package dev.flof.host.shocklab;

import dev.flof.host.protect.EsSessionPolicy;
import dev.flof.host.protect.NewsBlackout;
import dev.flof.host.protect.LiquidationGuard;
import dev.flof.host.protect.ProtectionSettings;
import dev.flof.spi.order.OrderType;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the rig is set up for one scenario: venue latencies, the protective stop's order type, the circuit
 * breaker parameters, limits and the added protections (session policy, news blackout, stop escalation,
 * liquidation guard, Binance stop rules).
 *
 * @param stopType          STOP (stop-market: IB/Binance) or STOP_LIMIT (native CME)
 * @param stopLimitOffset   for STOP_LIMIT: how far beyond the trigger the limit sits (fixed-point price)
 * @param gapAllowance      the configured adverse gap beyond the stop that sizing survives (fixed-point price);
 *                          losses up to budget + this are "bounded"
 * @param maxPosition       the configured maximum position (fixed-point quantity)
 * @param equity            starting equity (fixed-point currency)
 * @param breakerParams     extra/overriding parameters of the layered breaker
 * @param escalationGraceNanos how long a triggered stop-limit may rest unfilled; negative disables escalation
 * @param leverage          crypto leverage the entry asks for (0 for futures)
 * @param binanceStopRules  reject stops that would trigger at once with -2021, as Binance USD-M does
 */
public record RigSettings(long sendLatencyNanos, long ackLatencyNanos, OrderType stopType, long stopLimitOffset,
                          long gapAllowance, long maxPosition, long equity, Map<String, String> breakerParams,
                          long escalationGraceNanos, EsSessionPolicy session, NewsBlackout blackout, int leverage,
                          LiquidationGuard liquidation, boolean binanceStopRules) {
    public RigSettings {
        breakerParams = new TreeMap<>(breakerParams);
    }

    /** The protections of the real trading path with this scenario's parameters (the engine's classes). */
    public ProtectionSettings protections() {
        return new ProtectionSettings(escalationGraceNanos, session, blackout, liquidation);
    }

    public RigSettings withStop(OrderType type, long limitOffset) {
        return new RigSettings(sendLatencyNanos, ackLatencyNanos, type, limitOffset, gapAllowance, maxPosition, equity,
                breakerParams, escalationGraceNanos, session, blackout, leverage, liquidation, binanceStopRules);
    }

    public RigSettings withLatency(long send, long ack) {
        return new RigSettings(send, ack, stopType, stopLimitOffset, gapAllowance, maxPosition, equity,
                breakerParams, escalationGraceNanos, session, blackout, leverage, liquidation, binanceStopRules);
    }

    public RigSettings withEquity(long newEquity) {
        return new RigSettings(sendLatencyNanos, ackLatencyNanos, stopType, stopLimitOffset, gapAllowance, maxPosition, newEquity,
                breakerParams, escalationGraceNanos, session, blackout, leverage, liquidation, binanceStopRules);
    }

    public RigSettings withBreaker(String key, String value) {
        Map<String, String> p = new TreeMap<>(breakerParams);
        p.put(key, value);
        return new RigSettings(sendLatencyNanos, ackLatencyNanos, stopType, stopLimitOffset, gapAllowance, maxPosition, equity,
                p, escalationGraceNanos, session, blackout, leverage, liquidation, binanceStopRules);
    }

    public RigSettings withSession(EsSessionPolicy policy) {
        return new RigSettings(sendLatencyNanos, ackLatencyNanos, stopType, stopLimitOffset, gapAllowance, maxPosition, equity,
                breakerParams, escalationGraceNanos, policy, blackout, leverage, liquidation, binanceStopRules);
    }

    public RigSettings withBlackout(NewsBlackout calendar) {
        return new RigSettings(sendLatencyNanos, ackLatencyNanos, stopType, stopLimitOffset, gapAllowance, maxPosition, equity,
                breakerParams, escalationGraceNanos, session, calendar, leverage, liquidation, binanceStopRules);
    }

    public RigSettings withEscalation(long graceNanos) {
        return new RigSettings(sendLatencyNanos, ackLatencyNanos, stopType, stopLimitOffset, gapAllowance, maxPosition, equity,
                breakerParams, graceNanos, session, blackout, leverage, liquidation, binanceStopRules);
    }
}
