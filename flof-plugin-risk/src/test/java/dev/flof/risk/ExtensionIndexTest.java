package dev.flof.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * PF4J finds extensions only through META-INF/extensions.idx, written by its annotation processor; on JDK 23+
 * a silently skipped processor means a plugin with zero extensions. This pins the exact list.
 */
class ExtensionIndexTest {
    @Test
    void everyExtensionIsIndexed() throws IOException {
        TreeSet<String> found = new TreeSet<>();
        Enumeration<URL> idx = getClass().getClassLoader().getResources("META-INF/extensions.idx");
        while (idx.hasMoreElements()) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(idx.nextElement().openStream(), StandardCharsets.UTF_8))) {
                r.lines().map(String::strip).filter(l -> l.startsWith("dev.flof.risk.")).forEach(found::add);
            }
        }
        assertEquals(List.of(
                "dev.flof.risk.breakers.LayeredBreaker",
                "dev.flof.risk.breakers.OcoBreaker",
                "dev.flof.risk.breakers.OverlordBreaker",
                "dev.flof.risk.breakers.QuarantineBreaker",
                "dev.flof.risk.exits.AtrTrailExitManager",
                "dev.flof.risk.exits.FixedRExitManager",
                "dev.flof.risk.exits.HybridShieldExitManager",
                "dev.flof.risk.exits.LvnMoatStopPolicy",
                "dev.flof.risk.grading.DefaultRubricGrader",
                "dev.flof.risk.sizing.RiskBudgetSizer"), List.copyOf(found));
    }
}
