package dev.flof.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.Event;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.risk.BreakerAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CircuitBreaker} keeps: it never blocks a cancel, a stop replacement or a risk-reducing
 * order, whatever it has seen (losses, rejects, stale feeds, venue halts), and it is deterministic: two guards fed
 * the same event stream take the same actions and give the same answers. The host already keeps non-exposure
 * commands away from {@link CircuitBreaker.Guard#vet}; this suite makes sure a breaker is safe even if asked.
 * Extend it and return your breaker from {@link #createBreaker()}; override {@link #params()} for its
 * configuration.
 */
public abstract class CircuitBreakerContract {
    protected abstract CircuitBreaker createBreaker();

    protected Params params() {
        return Params.empty("engine.breaker");
    }

    protected List<Instrument> instruments() {
        return List.of(Samples.ES, Samples.BTC);
    }

    /** Events per generated stream. */
    protected int streamLength() {
        return 1_500;
    }

    /** Commands that never add exposure: cancels, cancel-all, stop moves and resizes, reduce-only exits and stops. */
    public static List<OrderCommand> nonExposureCommands(Instrument ins, long price) {
        String s = ins.symbol();
        long lot = ins.lotSize();
        List<OrderCommand> out = new ArrayList<>();
        out.add(new OrderCommand.Cancel(s, "entry-1"));
        out.add(new OrderCommand.Cancel(s, "stop-1"));
        out.add(new OrderCommand.CancelAll(s));
        out.add(new OrderCommand.CancelAll("*"));
        out.add(new OrderCommand.Modify(s, "stop-1", 0, 0, price - 4 * ins.tickSize()));
        out.add(new OrderCommand.Modify(s, "stop-1", lot, 0, 0));
        for (Side side : List.of(Side.BUY, Side.SELL)) {
            out.add(new OrderCommand.Submit(new Order("exit-" + side, s, side, OrderType.MARKET, 3 * lot, 0, 0,
                    TimeInForce.IOC, true)));
            out.add(new OrderCommand.Submit(new Order("flatten-" + side, s, side, OrderType.LIMIT, 500 * lot,
                    price, 0, TimeInForce.DAY, true)));
            out.add(new OrderCommand.Submit(new Order("stop-replace-" + side, s, side, OrderType.STOP, 2 * lot, 0,
                    price - side.sign() * 8 * ins.tickSize(), TimeInForce.GTC, true)));
        }
        return out;
    }

    /** An exposure-adding bracket, the command breakers exist to judge. */
    public static OrderCommand exposureProbe(Instrument ins, long price) {
        String s = ins.symbol();
        Order entry = new Order("probe-entry", s, Side.BUY, OrderType.LIMIT, ins.lotSize(), price, 0,
                TimeInForce.DAY, false);
        Order stop = new Order("probe-stop", s, Side.SELL, OrderType.STOP, ins.lotSize(), 0,
                price - 10 * ins.tickSize(), TimeInForce.GTC, true);
        return new OrderCommand.SubmitBracket(new BracketOrder("probe", entry, stop, null));
    }

    @Test
    public void neverVetoesACommandThatAddsNoExposure() {
        long seed = 20_261_128L;
        for (Instrument ins : instruments()) {
            List<Event> stream = Samples.breakerStream(seed++, ins, streamLength());
            CircuitBreaker.Guard g = createBreaker().create(params());
            long price = ins.tickSize() * 18_000;
            check(g, ins, price, Samples.T0, "before any event");
            for (int i = 0; i < stream.size(); i++) {
                Event e = stream.get(i);
                List<BreakerAction> actions = g.onEvent(e);
                assertNotNull(actions, "onEvent returned null at " + e);
                check(g, ins, price, e.tsRecv(), "after event " + i + " " + e + " (actions " + actions + ")");
                // exposure-adding attempts move the breaker too (rate limits): keep asking
                g.vet(exposureProbe(ins, price), e.tsRecv());
            }
        }
    }

    private static void check(CircuitBreaker.Guard g, Instrument ins, long price, long now, String when) {
        for (OrderCommand c : nonExposureCommands(ins, price)) {
            assertFalse(c.addsExposure(), "test bug: " + c);
            assertNull(g.vet(c, now), () -> "vetoed a command that adds no exposure " + when + ": " + c);
        }
    }

    @Test
    public void isDeterministicForTheSameEventStream() {
        long seed = 20_261_129L;
        for (Instrument ins : instruments()) {
            List<Event> stream = Samples.breakerStream(seed, ins, streamLength());
            assertEquals(stream, Samples.breakerStream(seed, ins, streamLength()), "test bug: streams differ");
            seed++;
            List<String> first = trace(createBreaker().create(params()), ins, stream);
            List<String> second = trace(createBreaker().create(params()), ins, stream);
            assertEquals(first.size(), second.size());
            for (int i = 0; i < first.size(); i++) {
                assertEquals(first.get(i), second.get(i), "guards diverged at step " + i + " of " + ins.symbol());
            }
            assertTrue(first.size() >= stream.size());
        }
    }

    private static List<String> trace(CircuitBreaker.Guard g, Instrument ins, List<Event> stream) {
        List<String> out = new ArrayList<>();
        long price = ins.tickSize() * 18_000;
        for (Event e : stream) {
            out.add(e.sequence() + " actions " + g.onEvent(e) + " vet " + g.vet(exposureProbe(ins, price), e.tsRecv()));
        }
        return out;
    }
}
