package dev.flof.host.shocklab;

import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.Position;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.order.WorkingOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Reconciliation at start and after every reconnect (issue 10): ask the venue what it holds, and before anything
 * else make sure every open position has a resting protective stop for its whole quantity. A position without
 * one gets a reduce-only stop at the last known stop (FLOF's intent; else the average price minus the emergency
 * distance); when the last price FLOF knows is already through that level the stop would be rejected
 * (Binance {@code -2021}) or trigger at once, so a reduce-only market exit goes instead. A position this process
 * did not open blocks new entries until it is flat.
 *
 * <p>Hook: the trading loop calls {@link #reconcile} at start and on every venue RECONNECTED, sends the
 * commands through the risk gate (they are reduce-only, so they always pass), hands the returned stop ids to
 * {@link dev.flof.host.protect.StopEscalation#watch}, and only then resumes. The order manager still needs an "adopt position"
 * entry point to manage the adopted position itself; until then the entry block is the safe fallback.
 */
public final class Reconciler {
    /** What reconciliation found and what it asks to send. */
    public record Plan(List<String> findings, List<OrderCommand> commands, List<String> stopIds, boolean blockEntries) {
        public Plan {
            findings = List.copyOf(findings);
            commands = List.copyOf(commands);
            stopIds = List.copyOf(stopIds);
        }
    }

    private final long emergencyStopDistance;
    private long seq;

    /** @param emergencyStopDistance price distance from the average price for a stop when FLOF knows none (fixed-point) */
    public Reconciler(long emergencyStopDistance) {
        this.emergencyStopDistance = emergencyStopDistance;
    }

    /**
     * @param knownStop  FLOF's intended stop of a symbol (fixed-point), or 0 when it knows none
     * @param lastPrice  the last price FLOF has seen for a symbol, or {@link Fixed#UNDEF}
     * @param flofPosition the position FLOF believed it had, signed (0 after a restart)
     */
    public Plan reconcile(ExecutionVenue.Session venue, ToLongFunction<String> knownStop, ToLongFunction<String> lastPrice,
                          ToLongFunction<String> flofPosition) {
        List<String> findings = new ArrayList<>();
        List<OrderCommand> cmds = new ArrayList<>();
        List<String> stopIds = new ArrayList<>();
        boolean block = false;
        List<WorkingOrder> open = venue.openOrders();
        for (Position p : venue.positions()) {
            String sym = p.symbol();
            Side closing = p.quantity() > 0 ? Side.SELL : Side.BUY;
            long need = Math.abs(p.quantity());
            long covered = 0;
            for (WorkingOrder w : open) {
                Order o = w.order();
                if (o.symbol().equals(sym) && o.side() == closing
                        && (o.type() == OrderType.STOP || o.type() == OrderType.STOP_LIMIT)) {
                    covered += o.quantity() - w.filledQuantity();
                    stopIds.add(o.clientOrderId());
                }
            }
            long believed = flofPosition.applyAsLong(sym);
            findings.add("venue position " + sym + " " + Fixed.format(p.quantity()) + " @ " + Fixed.format(p.averagePrice())
                    + " (FLOF believed " + Fixed.format(believed) + "); resting protective stops " + Fixed.format(covered));
            if (believed != p.quantity()) {
                block = true;
                findings.add("position differs from FLOF's book: entries blocked until flat");
            }
            if (covered >= need) {
                continue;
            }
            long missing = need - covered;
            long stop = knownStop.applyAsLong(sym);
            if (stop == 0) {
                stop = closing == Side.SELL ? p.averagePrice() - emergencyStopDistance : p.averagePrice() + emergencyStopDistance;
            }
            long last = lastPrice.applyAsLong(sym);
            boolean through = last != Fixed.UNDEF && (closing == Side.SELL ? last <= stop : last >= stop);
            String id = sym + "-REC-" + (++seq);
            if (through) {
                cmds.add(new OrderCommand.Submit(new Order(id, sym, closing, OrderType.MARKET, missing, 0, 0, TimeInForce.GTC, true)));
                findings.add("unprotected " + Fixed.format(missing) + ": last price " + Fixed.format(last) + " is through the stop "
                        + Fixed.format(stop) + ", reduce-only market exit " + id);
            } else {
                cmds.add(new OrderCommand.Submit(new Order(id, sym, closing, OrderType.STOP, missing, 0, stop, TimeInForce.GTC, true)));
                stopIds.add(id);
                findings.add("unprotected " + Fixed.format(missing) + ": reduce-only stop " + id + " at " + Fixed.format(stop));
            }
        }
        if (findings.isEmpty()) {
            findings.add("venue flat, " + open.size() + " open orders");
        }
        return new Plan(findings, cmds, stopIds, block);
    }
}
