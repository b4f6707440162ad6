package dev.flof.risk.exits;

import static dev.flof.risk.TestInstruments.ES;
import static dev.flof.risk.TestInstruments.px;

import dev.flof.spi.event.Event;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * On random tick paths, every manager keeps the rules of issue 9; {@link MiniVenue} fails on a widening modify,
 * an exit larger than the position or not reduce-only, and on any instant where the stop does not cover the
 * position.
 */
class ExitInvariantPropertiesTest {
    @Property(tries = 200, seed = "20261125")
    void rulesHoldOnRandomPaths(@ForAll @Size(min = 4, max = 40) List<@IntRange(min = -6, max = 6) Integer> steps,
                                @ForAll boolean isLong, @ForAll @IntRange(min = 1, max = 7) int contracts) {
        List<String[]> minutes = new ArrayList<>();
        long price = px("4500.00");
        for (int i = 0; i < steps.size(); i += 4) {
            String[] prints = new String[Math.min(4, steps.size() - i)];
            for (int j = 0; j < prints.length; j++) {
                price += steps.get(i + j) * ES.tickSize();
                prints[j] = Fixed.format(price);
            }
            minutes.add(prints);
        }
        List<Event> path = Paths.minutes("ESZ5", minutes.toArray(new String[0][]));
        Side side = isLong ? Side.BUY : Side.SELL;
        long stop = isLong ? px("4496.00") : px("4504.00");
        long target = isLong ? px("4512.00") : px("4488.00");
        for (var mgr : List.of(new FixedRExitManager().open(ES, Params.empty("x")),
                new AtrTrailExitManager().open(ES, new Params("x", Map.of("atrPeriod", "2", "atrMultiple", "0.5"))),
                new HybridShieldExitManager().open(ES, new Params("x", Map.of("phase1R", "0.5"))))) {
            MiniVenue v = new MiniVenue(ES, side, Fixed.ofUnits(contracts), px("4500.00"), stop, target, Paths.T0);
            v.run(mgr, path, ClimaxExitTest.MAP); // with a macro target, so the climax watch runs too
        }
    }
}
