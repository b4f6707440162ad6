package dev.flof.risk.breakers;

import static dev.flof.risk.breakers.Cmds.at;
import static dev.flof.risk.breakers.Cmds.bracket;
import static dev.flof.risk.breakers.Cmds.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.CircuitBreaker.Guard;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.BreakerAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuarantineBreakerTest {
    static Guard guard(Map<String, String> p) {
        return new QuarantineBreaker().create(new Params("breakers.quarantine", p));
    }

    static Guard es() {
        return guard(Map.of("tickSize.ESZ5", "0.25"));
    }

    @Test
    void spreadBlowoutPausesThenResumesAfterCooldownAtBaseline() {
        Guard g = es();
        assertEquals(List.of(), g.onEvent(quote("ESZ5", at(0), "4500.00", "4500.25")));
        // 4 ticks is not yet a blowout
        assertEquals(List.of(), g.onEvent(quote("ESZ5", at(1), "4500.00", "4501.00")));
        List<BreakerAction> pause = g.onEvent(quote("ESZ5", at(2), "4500.00", "4501.25"));
        assertEquals(1, pause.size());
        assertEquals(BreakerAction.Kind.PAUSE, pause.get(0).kind());
        assertTrue(pause.get(0).reason().startsWith("ESZ5 spread 1.25 = 5.0 x baseline 0.25"), pause.get(0).reason());
        assertTrue(g.vet(bracket("e1", Fixed.ofUnits(1)), at(3)).startsWith("quarantine: entries paused"));
        // still wide: no second PAUSE
        assertEquals(List.of(), g.onEvent(quote("ESZ5", at(4), "4499.00", "4501.00")));
        // back to 1 tick after a minute: the cooldown (15 min from the last trigger at 4 s) is not over
        assertEquals(List.of(), g.onEvent(quote("ESZ5", at(60), "4500.00", "4500.25")));
        assertEquals(List.of(), g.onEvent(quote("ESZ5", at(903.9), "4500.00", "4500.25")));
        List<BreakerAction> resume = g.onEvent(quote("ESZ5", at(904), "4500.00", "4500.25"));
        assertEquals(BreakerAction.Kind.RESUME, resume.get(0).kind());
        assertNull(g.vet(bracket("e2", Fixed.ofUnits(1)), at(905)));
    }

    @Test
    void noResumeWhileTheSpreadIsStillWideAfterTheCooldown() {
        Guard g = es();
        g.onEvent(quote("ESZ5", at(0), "4500.00", "4500.25"));
        assertEquals(BreakerAction.Kind.PAUSE, g.onEvent(quote("ESZ5", at(1), "4500.00", "4502.00")).get(0).kind());
        // 3 ticks after the cooldown: below the pause level but above the resume level (2 ticks)
        assertEquals(List.of(), g.onEvent(quote("ESZ5", at(1000), "4500.00", "4500.75")));
        assertEquals(BreakerAction.Kind.RESUME, g.onEvent(quote("ESZ5", at(1001), "4500.00", "4500.50")).get(0).kind());
    }

    @Test
    void learnedBaselineWithoutATickSize() {
        Guard g = guard(Map.of());
        g.onEvent(quote("BTCUSDT", at(0), "60000.0", "60000.1"));
        assertEquals(List.of(), g.onEvent(quote("BTCUSDT", at(1), "60000.0", "60000.4")));
        assertEquals(BreakerAction.Kind.PAUSE, g.onEvent(quote("BTCUSDT", at(2), "60000.0", "60000.5")).get(0).kind());
    }

    /** 1 trade a second for 600 s, then {@code spikeSeconds} at 6 a second, then 1 a second again. */
    static List<Event> tape(int spikeSeconds, int totalSeconds) {
        List<Event> out = new ArrayList<>();
        for (int s = 0; s < totalSeconds; s++) {
            int n = s >= 600 && s < 600 + spikeSeconds ? 6 : 1;
            for (int j = 0; j < n; j++) {
                long t = Cmds.T0 + s * Cmds.SEC + j * Cmds.SEC / 6;
                out.add(Cmds.trade(t, "4500"));
            }
        }
        return out;
    }

    @Test
    void tapeSpeedFiveTimesNormalForMoreThanTenSecondsPauses() {
        // Hand count: the 10 s speed reaches 5.0/s against a 1.0/s baseline at the 6th print of second 607
        // (42 + 2 + 6 = 50 prints in seconds 598..607); it stays >= 5 x baseline; more than 10 s later is the
        // first print of second 618.
        Guard g = es();
        List<BreakerAction> actions = new ArrayList<>();
        for (Event e : tape(40, 640)) {
            actions.addAll(g.onEvent(e));
        }
        assertEquals(BreakerAction.Kind.PAUSE, actions.get(0).kind(), actions.toString());
        assertEquals(at(618), actions.get(0).tsEvent());
        assertTrue(actions.get(0).reason().contains("tape speed"), actions.get(0).reason());
    }

    @Test
    void aSpeedSpikeShorterThanTheHoldDoesNotPause() {
        Guard g = es();
        for (Event e : tape(8, 700)) {
            assertEquals(List.of(), g.onEvent(e));
        }
    }

    @Test
    void feedLatencyPauses() {
        Guard g = es();
        Quote late = new Quote("ESZ5", at(0), at(0) + 251 * Cmds.MS, 0, Cmds.px("4500"), 1, Cmds.px("4500.25"), 1);
        List<BreakerAction> a = g.onEvent(late);
        assertEquals(BreakerAction.Kind.PAUSE, a.get(0).kind());
        assertTrue(a.get(0).reason().startsWith("ESZ5 feed latency 251 ms above 250 ms"), a.get(0).reason());
        // latency back to normal: resume only after the cooldown
        assertEquals(List.of(), g.onEvent(quote("ESZ5", at(60), "4500.00", "4500.25")));
        assertEquals(BreakerAction.Kind.RESUME, g.onEvent(quote("ESZ5", at(901), "4500.00", "4500.25")).get(0).kind());
    }

    @Test
    void venueServerErrorAndRateLimitPauseForTheCooldown() {
        Guard g = guard(Map.of("cooldownMinutes", "5"));
        assertEquals(BreakerAction.Kind.PAUSE, g.onEvent(Cmds.venue(at(0), VenueStatus.Kind.SERVER_ERROR)).get(0).kind());
        // a rate limit while paused extends the cooldown but sends no second PAUSE
        assertEquals(List.of(), g.onEvent(Cmds.venue(at(100), VenueStatus.Kind.RATE_LIMITED)));
        assertEquals(List.of(), g.onEvent(Cmds.timer(at(399))));
        assertEquals(BreakerAction.Kind.RESUME, g.onEvent(Cmds.timer(at(400))).get(0).kind());
    }

    @Test
    void commandsThatDoNotAddExposurePassWhilePaused() {
        Guard g = guard(Map.of());
        g.onEvent(Cmds.venue(at(0), VenueStatus.Kind.SERVER_ERROR));
        for (OrderCommand c : Cmds.nonExposure()) {
            assertNull(g.vet(c, at(1)), c.toString());
        }
    }

    @Test
    void configErrors() {
        assertThrows(IllegalArgumentException.class, () -> guard(Map.of("spreadFactor", "2", "resumeSpreadFactor", "3")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> guard(Map.of("cooldown", "15")));
        assertTrue(e.getMessage().startsWith("breakers.quarantine.cooldown: unknown key"), e.getMessage());
    }
}
