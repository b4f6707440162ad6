package dev.flof.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.PositionView;
import dev.flof.spi.structure.MarketMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ExitManager} keeps, checked on a generated set of price paths (long and short, one to
 * many lots, quiet and gapping markets) against a small venue that holds the position and its resting stop:
 * <ul>
 *   <li>a stop is never widened (a modify moves it only in the position's favour) and stays on the tick grid;</li>
 *   <li>no command adds exposure (no entries, no brackets, exits are reduce-only on the opposite side);</li>
 *   <li>exits never exceed the actual position and are whole lots;</li>
 *   <li>the position is never left unprotected: the stop is never cancelled nor resized below the position.</li>
 * </ul>
 * Extend it and return your manager from {@link #createExitManager()}; override {@link #params()} for its
 * configuration and {@link #marketMap} to give it structure.
 */
public abstract class ExitManagerContract {
    /** The id of the resting protective stop in every generated position. */
    public static final String STOP_ID = "stop-1";

    protected abstract ExitManager createExitManager();

    /** The configuration section handed to {@link ExitManager#open}; empty by default. */
    protected Params params() {
        return Params.empty("engine.exitManager");
    }

    /** Instruments the paths are generated for: ES and BTCUSDT. */
    protected List<Instrument> instruments() {
        return List.of(Samples.ES, Samples.BTC);
    }

    /** Paths per instrument (half long, half short). */
    protected int pathCount() {
        return 60;
    }

    /** The map the manager sees; an empty one (no POIs, no pools, no bias) by default. */
    protected MarketMap marketMap(Instrument ins, long asOf, long lastPrice) {
        return new MarketMap(ins.symbol(), asOf, lastPrice, Map.of(), List.of(), List.of(), Double.NaN);
    }

    /** The order-flow engine the manager sees; a quiet tape by default. */
    protected FlowAnalyzer.Engine flow(Instrument ins) {
        return Samples.quietFlow();
    }

    @Test
    public void keepsTheStopRulesOnGeneratedPricePaths() {
        ExitManager em = createExitManager();
        long seed = 20_261_127L;
        for (Instrument ins : instruments()) {
            Random r = new Random(seed++);
            for (int i = 0; i < pathCount(); i++) {
                Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
                long entry = ins.tickSize() * (40_000 + r.nextInt(10_000));
                long riskTicks = 4 + r.nextInt(30);
                long stop = entry - side.sign() * riskTicks * ins.tickSize();
                long qty = ins.lotSize() * (1 + r.nextInt(9));
                List<Event> path = Samples.pricePath(r, ins, entry, 10 + r.nextInt(50), 1 + r.nextInt(6));
                String label = ins.symbol() + " path " + i + " " + side + " " + Fixed.format(qty) + " @ "
                        + Fixed.format(entry) + " stop " + Fixed.format(stop);
                new Book(ins, side, qty, entry, stop, label).run(em.open(ins, params()), path);
            }
        }
    }

    /** The position at a tiny venue: a resting stop (fills at the first print at or through it) and market exits. */
    private final class Book {
        final Instrument ins;
        final Side side;
        final long avg;
        final long initialStop;
        final String label;
        final long openedAt = Samples.T0;
        long qty;
        long stop;
        long stopQty;
        long last;

        Book(Instrument ins, Side side, long qty, long avg, long stop, String label) {
            this.ins = ins;
            this.side = side;
            this.qty = qty;
            this.avg = avg;
            this.initialStop = stop;
            this.stop = stop;
            this.stopQty = qty;
            this.last = avg;
            this.label = label;
        }

        void run(ExitManager.Manager m, List<Event> path) {
            assertNotNull(m, "open() returned null");
            FlowAnalyzer.Engine flow = flow(ins);
            for (Event e : path) {
                if (qty <= 0) {
                    return;
                }
                if (e instanceof Trade t) {
                    last = t.price();
                    if (side == Side.BUY ? t.price() <= stop : t.price() >= stop) {
                        qty = 0; // stopped out
                        return;
                    }
                }
                PositionView view = new PositionView(ins.symbol(), side, qty, avg, initialStop, stop, STOP_ID, openedAt);
                List<OrderCommand> cmds = m.onEvent(e, view, marketMap(ins, e.tsEvent(), last), flow);
                assertNotNull(cmds, () -> label + ": onEvent returned null at " + e);
                for (OrderCommand c : cmds) {
                    apply(c, e);
                    if (qty <= 0) {
                        return;
                    }
                }
                assertTrue(stopQty >= qty, () -> label + ": position " + Fixed.format(qty)
                        + " not covered by the stop quantity " + Fixed.format(stopQty) + " after " + e);
            }
        }

        private void apply(OrderCommand c, Event at) {
            String where = label + " at " + at + ": " + c;
            assertFalse(c.addsExposure(), () -> "exposure-adding command " + where);
            assertEquals(ins.symbol(), c.symbol(), () -> "command for another symbol " + where);
            switch (c) {
                case OrderCommand.Modify mod -> {
                    assertEquals(STOP_ID, mod.clientOrderId(), () -> "modify of an order that is not the stop " + where);
                    if (mod.newStopPrice() != 0) {
                        long np = mod.newStopPrice();
                        assertTrue(side == Side.BUY ? np >= stop : np <= stop,
                                () -> "stop widened " + Fixed.format(stop) + " -> " + Fixed.format(np) + " " + where);
                        assertTrue(ins.onTickGrid(np), () -> "stop off the tick grid " + where);
                        assertTrue(side == Side.BUY ? np < last : np > last,
                                () -> "stop moved through the market (last " + Fixed.format(last) + ") " + where);
                        stop = np;
                    }
                    if (mod.newQuantity() != 0) {
                        assertTrue(mod.newQuantity() >= qty, () -> "stop resized below the position " + where);
                        stopQty = mod.newQuantity();
                    }
                }
                case OrderCommand.Submit s -> {
                    assertTrue(s.order().reduceOnly(), () -> "exit not reduce-only " + where);
                    assertEquals(side.opposite(), s.order().side(), () -> "exit on the position's own side " + where);
                    assertTrue(s.order().quantity() <= qty, () -> "exit of " + Fixed.format(s.order().quantity())
                            + " exceeds the actual position " + Fixed.format(qty) + " " + where);
                    assertEquals(0, s.order().quantity() % ins.lotSize(), () -> "exit not in whole lots " + where);
                    qty -= s.order().quantity();
                }
                case OrderCommand.Cancel cancel -> {
                    if (STOP_ID.equals(cancel.clientOrderId())) {
                        fail("cancelled the protective stop of an open position " + where);
                    }
                }
                case OrderCommand.CancelAll all -> fail("cancel-all would remove the protective stop " + where);
                case OrderCommand.SubmitBracket b -> fail("an exit manager sent a bracket " + where);
            }
        }
    }
}
