package dev.flof.host.oms;

import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.TradingState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one door between the engine and a venue. Commands that cannot add exposure (cancels, modifies of
 * protective stops, reduce-only exits) always pass, without a breaker even being asked, so no breaker can
 * block or delay them. Commands that add exposure pass only in {@link TradingState#ACTIVE} and only if no
 * breaker vetoes them; a vetoed command is recorded and never reaches the venue.
 */
public final class RiskGate {
    /** A command that was stopped, and why. */
    public record Veto(long tsNanos, OrderCommand command, String by, String reason) {
    }

    private final List<CircuitBreaker.Guard> guards;
    private final List<String> guardIds;
    private final Consumer<OrderCommand> venue;
    private final List<Consumer<OrderCommand>> listeners = new ArrayList<>();
    private final List<Veto> vetoes = new ArrayList<>();
    private TradingState state = TradingState.ACTIVE;
    private long passed;
    private String stateReason = "start";

    /**
     * @param venue where passed commands go; the gate must be the only caller (the order manager keeps the
     *              venue session private for that reason)
     */
    public RiskGate(List<String> guardIds, List<CircuitBreaker.Guard> guards, Consumer<OrderCommand> venue) {
        if (guardIds.size() != guards.size()) {
            throw new IllegalArgumentException("one id per guard");
        }
        this.guardIds = List.copyOf(guardIds);
        this.guards = List.copyOf(guards);
        this.venue = venue;
    }

    /** Sends the command unless it adds exposure and the state or a breaker forbids it. Returns whether it left. */
    public boolean submit(OrderCommand command, long nowNanos) {
        if (command.addsExposure()) {
            if (state != TradingState.ACTIVE) {
                vetoes.add(new Veto(nowNanos, command, "trading-state", state + ": " + stateReason));
                return false;
            }
            for (int i = 0; i < guards.size(); i++) {
                String reason = guards.get(i).vet(command, nowNanos);
                if (reason != null) {
                    vetoes.add(new Veto(nowNanos, command, guardIds.get(i), reason));
                    return false;
                }
            }
        }
        passed++;
        for (Consumer<OrderCommand> l : listeners) {
            l.accept(command);
        }
        venue.accept(command);
        return true;
    }

    /**
     * Tells {@code listener} about every command the gate passes, whoever submitted it, before it goes to the
     * venue (so order management knows every order that left, also those a buggy path sent past it).
     */
    public void onPassed(Consumer<OrderCommand> listener) {
        listeners.add(listener);
    }

    public TradingState state() {
        return state;
    }

    public String stateReason() {
        return stateReason;
    }

    /** Changes the trading state; the reason is kept for the report. */
    public void setState(TradingState newState, String reason) {
        this.state = newState;
        this.stateReason = reason;
    }

    /** Commands the gate let through to the venue. */
    public long passedCount() {
        return passed;
    }

    /** Commands the gate stopped. */
    public int vetoCount() {
        return vetoes.size();
    }

    /** The latest veto, or null. */
    public Veto lastVeto() {
        return vetoes.isEmpty() ? null : vetoes.get(vetoes.size() - 1);
    }

    public List<Veto> vetoes() {
        return List.copyOf(vetoes);
    }

    public List<CircuitBreaker.Guard> guards() {
        return guards;
    }
}
