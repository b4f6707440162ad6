package dev.flof.host.oms;

import dev.flof.host.venue.ProtectionInvariant;
import dev.flof.host.venue.SimulatedVenue;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Watches the venue side of the risk gate and checks the rules that must hold after every event of every
 * run (issues 9 and 10): no open position without a resting protective stop
 * ({@link ProtectionInvariant}); every command the venue received was passed by the gate, and no vetoed
 * command reached it; a protective stop never widens; a protective stop is never cancelled while its
 * position is open. It sits between the gate and the venue, so it sees exactly what leaves.
 */
public final class InvariantMonitor {
    private record StopInfo(String symbol, Side side, long price) {
    }

    /** Lookup only; never iterated. */
    private final Map<String, StopInfo> stops = new HashMap<>();
    private final Set<OrderCommand> received = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ToLongFunction<String> position;
    private final LongSupplier clock;
    private long receivedCount;
    private int vetoesChecked;
    private String violation;

    /**
     * @param position the venue's net position of a symbol (signed, fixed-point)
     * @param clock    event time, for the messages
     */
    public InvariantMonitor(ToLongFunction<String> position, LongSupplier clock) {
        this.position = position;
        this.clock = clock;
    }

    /** Wraps the venue's command consumer; give the result to the {@link RiskGate}. */
    public Consumer<OrderCommand> watch(Consumer<OrderCommand> venue) {
        return cmd -> {
            inspect(cmd);
            venue.accept(cmd);
        };
    }

    private void inspect(OrderCommand cmd) {
        receivedCount++;
        received.add(cmd);
        switch (cmd) {
            case OrderCommand.SubmitBracket sb -> remember(sb.bracket().stop());
            case OrderCommand.Submit s -> {
                if (s.order().type() == OrderType.STOP || s.order().type() == OrderType.STOP_LIMIT) {
                    remember(s.order());
                }
            }
            case OrderCommand.Modify m -> {
                StopInfo st = stops.get(m.clientOrderId());
                if (st != null && m.newStopPrice() != 0) {
                    boolean widens = st.side() == Side.SELL ? m.newStopPrice() < st.price() : m.newStopPrice() > st.price();
                    if (widens) {
                        fail("protective stop " + m.clientOrderId() + " widened from " + Fixed.format(st.price()) + " to "
                                + Fixed.format(m.newStopPrice()));
                    }
                    stops.put(m.clientOrderId(), new StopInfo(st.symbol(), st.side(), m.newStopPrice()));
                }
            }
            case OrderCommand.Cancel c -> {
                StopInfo st = stops.get(c.clientOrderId());
                if (st != null && position.applyAsLong(st.symbol()) != 0) {
                    fail("protective stop " + c.clientOrderId() + " cancelled while the " + st.symbol() + " position "
                            + Fixed.format(position.applyAsLong(st.symbol())) + " is open");
                }
            }
            case OrderCommand.CancelAll ca -> {
                if (!"*".equals(ca.symbol()) && position.applyAsLong(ca.symbol()) != 0) {
                    fail("cancel-all of " + ca.symbol() + " while its position is open (would cancel the protective stop)");
                }
            }
        }
    }

    private void remember(Order stop) {
        stops.put(stop.clientOrderId(), new StopInfo(stop.symbol(), stop.side(), stop.stopPrice()));
    }

    private void fail(String what) {
        if (violation == null) {
            violation = what + " at " + clock.getAsLong();
        }
    }

    /** Commands the venue received through this monitor. */
    public long receivedCount() {
        return receivedCount;
    }

    /** The first broken rule, or null when every rule holds now. */
    public String check(RiskGate gate, List<SimulatedVenue> venues) {
        if (violation != null) {
            return violation;
        }
        if (gate.passedCount() != receivedCount) {
            return "the venue received " + receivedCount + " commands but the risk gate passed " + gate.passedCount();
        }
        if (gate.vetoCount() > vetoesChecked) {
            List<RiskGate.Veto> vetoes = gate.vetoes();
            for (int i = vetoesChecked; i < vetoes.size(); i++) {
                if (received.contains(vetoes.get(i).command())) {
                    return "a command vetoed by " + vetoes.get(i).by() + " reached the venue: " + vetoes.get(i).command();
                }
            }
            vetoesChecked = vetoes.size();
        }
        for (SimulatedVenue v : venues) {
            String p = ProtectionInvariant.violation(v);
            if (p != null) {
                return p;
            }
        }
        return null;
    }
}
