package dev.flof.host.shocklab;

import dev.flof.spi.event.Event;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A scenario ready to run: the tape, the steps the "strategy" and the fault injector take (run when the
 * runner reaches the tape's timer event with the step's key), the planned trade that defines 1R, and the
 * settings of the rig.
 *
 * @param steps timer key to action, run after the venue and FLOF have seen that timer
 */
public record Script(Instrument instrument, List<Event> tape, Map<String, Consumer<Rig>> steps, Plan plan, RigSettings settings) {
    public Script {
        tape = List.copyOf(tape);
        steps = new TreeMap<>(steps);
    }

    /**
     * The planned trade: side, entry, stop and quantity (fixed-point). 1R in currency is
     * |entry - stop| x quantity x point value; {@code budgetR} is how many R the scenario's protections promise
     * to hold the loss to (1 for a single trade; the streak limit for a losing streak).
     */
    public record Plan(Side side, long entry, long stop, long quantity, double budgetR) {
    }
}
