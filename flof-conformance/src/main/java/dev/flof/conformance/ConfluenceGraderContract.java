package dev.flof.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.risk.Factor;
import dev.flof.spi.risk.GradeResult;
import dev.flof.spi.risk.Setup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ConfluenceGrader} keeps. The host sums the factors of all configured graders and the
 * journal explains every trade with them, so a grader must be deterministic, stay within the points it declares,
 * name every factor with a reason, and never throw on a setup that lacks order-flow facts (bars-only tier).
 * <p>Extend it in your tests and return your grader from {@link #createGrader()}; override {@link #extraFacts()}
 * when your grader reads {@link Setup#extra()} so the generated setups exercise it.
 */
public abstract class ConfluenceGraderContract {
    /** A fresh grader as the host would create it (public no-arg constructor). */
    protected abstract ConfluenceGrader createGrader();

    /** Keys of {@link Setup#extra()} your grader reads, with the values it understands. None by default. */
    protected Map<String, List<String>> extraFacts() {
        return Map.of();
    }

    /** The instruments setups are generated for: ES and BTCUSDT. */
    protected List<Instrument> instruments() {
        return List.of(Samples.ES, Samples.BTC);
    }

    /** How many setups per instrument; the seed is fixed so every run checks the same cases. */
    protected int sampleCount() {
        return 300;
    }

    /** The setups the checks run on. */
    protected List<Setup> setups() {
        List<Setup> all = new ArrayList<>();
        long seed = 20_261_125L;
        for (Instrument ins : instruments()) {
            all.addAll(Samples.setups(seed++, sampleCount(), ins, extraFacts()));
        }
        return all;
    }

    @Test
    public void hasAStableConfigurationId() {
        String id = createGrader().id();
        assertNotNull(id, "id()");
        assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), "id '" + id + "' must be lower-case words joined by dashes");
        assertEquals(id, createGrader().id(), "id() must not change between instances");
    }

    @Test
    public void isDeterministic() {
        ConfluenceGrader a = createGrader();
        ConfluenceGrader b = createGrader();
        for (Setup s : setups()) {
            GradeResult first = a.grade(s);
            assertEquals(first, a.grade(s), () -> "grading " + s.id() + " twice gave different results");
            assertEquals(first, b.grade(s), () -> "two instances graded " + s.id() + " differently");
        }
    }

    @Test
    public void pointsStayWithinTheDeclaredRange() {
        ConfluenceGrader g = createGrader();
        Integer declared = null;
        for (Setup s : setups()) {
            GradeResult r = g.grade(s);
            assertNotNull(r, () -> "grade(" + s.id() + ") returned null");
            assertTrue(r.maxPoints() >= 0, () -> "negative maxPoints " + r.maxPoints());
            assertTrue(r.points() >= 0 && r.points() <= r.maxPoints(),
                    () -> s.id() + ": " + r.points() + " points outside 0.." + r.maxPoints() + " " + r.factors());
            if (declared == null) {
                declared = r.maxPoints();
            }
            assertEquals(declared.intValue(), r.maxPoints(), () -> s.id() + ": maxPoints changed between setups");
        }
    }

    @Test
    public void namesEveryFactorWithAReason() {
        ConfluenceGrader g = createGrader();
        for (Setup s : setups()) {
            GradeResult r = g.grade(s);
            assertFalse(r.factors().isEmpty(), () -> s.id() + ": no factor reported; report 0-point factors too");
            Set<String> ids = new HashSet<>();
            for (Factor f : r.factors()) {
                assertTrue(f.id() != null && !f.id().isBlank(), () -> s.id() + ": a factor without an id: " + f);
                assertTrue(f.reason() != null && !f.reason().isBlank(),
                        () -> s.id() + ": factor " + f.id() + " has no reason");
                assertTrue(ids.add(f.id()), () -> s.id() + ": factor id " + f.id() + " reported twice");
            }
        }
    }

    @Test
    public void neverThrowsOnASetupWithoutOrderFlowFacts() {
        ConfluenceGrader g = createGrader();
        for (Setup full : setups()) {
            Setup bare = Samples.withoutOrderFlow(full);
            GradeResult r = assertDoesNotThrow(() -> g.grade(bare), () -> "grade threw on " + bare);
            assertNotNull(r, () -> "grade returned null on " + bare);
            assertTrue(r.points() >= 0 && r.points() <= r.maxPoints(), () -> bare.id() + ": " + r);
        }
    }
}
