package dev.flof.host.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.config.ConfigLoader;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.journal.Journal;
import dev.flof.host.protect.ProtectionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entry protections in the real Predator engine's path (issue 11): the news calendar loaded from a file through
 * the configuration, the engine grading the A+ long of {@link PredatorScenarioTest#aPlusLong} at 09:59:00 New York
 * on Tuesday 2025-11-04, and the graded-setup journal saying why the setup was not taken.
 */
class EntryProtectionsEngineTest {
    private static ProtectionSettings withCalendar(Path dir, String... lines) throws Exception {
        Path file = dir.resolve("news.csv");
        Files.write(file, List.of(lines));
        FlofConfig config = new ConfigLoader().load(Optional.empty(), Map.of("protect.newsCalendar", file.toString()));
        return ProtectionSettings.from(config.protect(), dir);
    }

    private static Rig rig(ProtectionSettings p) {
        return new Rig(PredatorScenarioTest.aPlusLong(true), Rig.defaults(), Rig.passAll(), Rig.fixedExits(),
                List.of(new Rig.Rubric()), new Rig.BudgetSizer(), new Rig.PoiStop(), p).run();
    }

    @Test
    void aSetupInsideTheBlackoutIsJournaledAsBlockedAndNothingIsSent(@TempDir Path dir) throws Exception {
        // CPI at 08:30 ET = 13:30 UTC (EST), blocked from 5 minutes before to 90 minutes after: 08:25-10:00 ET.
        // The A+ long is decided at 09:59:00 ET, inside the window.
        Rig rig = rig(withCalendar(dir, "# release,name,before,after", "2025-11-04T13:30:00Z,CPI,5,90"));
        Journal.GradedSetup setup = rig.onlySetup();
        assertEquals("A+", setup.grade());
        assertFalse(setup.taken());
        assertEquals("blocked by news blackout CPI 08:30 ET (2025-11-04T13:30:00Z, -5/+90 min)", setup.reason());
        assertEquals(List.of(), rig.journal.trades());
        assertEquals(0, rig.gate.passedCount(), "the bracket never reached the risk gate");
        assertEquals(1L, rig.journal.counters().get("protect: entries blocked by news blackout"));
    }

    @Test
    void aSetupAfterTheBlackoutIsTaken(@TempDir Path dir) throws Exception {
        // The same CPI with -5/+15: the window closes at 08:45 ET, long before the 09:59 decision.
        Rig rig = rig(withCalendar(dir, "2025-11-04T13:30:00Z,CPI,5,15"));
        Journal.GradedSetup setup = rig.onlySetup();
        assertTrue(setup.taken(), setup.reason());
        assertTrue(setup.reason().startsWith("passive 8 @ 5003"), setup.reason());
        assertEquals(1, rig.journal.trades().size());
    }

    @Test
    void theDefaultSessionPolicyLeavesAMorningSetupAlone() {
        // the default ES policy blocks only the last 15 minutes before 16:00 CT; 09:59 ET is 08:59 CT
        Rig rig = rig(ProtectionSettings.from(new ConfigLoader().defaults().protect(), Path.of(".")));
        assertTrue(rig.onlySetup().taken(), rig.onlySetup().reason());
    }
}
