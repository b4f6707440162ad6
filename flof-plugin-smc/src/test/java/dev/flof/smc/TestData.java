package dev.flof.smc;

import dev.flof.smc.model.SmcBar;
import dev.flof.smc.parity.BarCsv;
import java.nio.file.Path;
import java.util.List;

/** Locations of the shared read-only test data. */
public final class TestData {
    private TestData() {
    }

    public static Path golden() {
        return Path.of(System.getProperty("flof.shared.dir", "../../shared")).resolve("golden/smc");
    }

    public static List<SmcBar> eth5m() {
        return BarCsv.read(golden().resolve("eth5m.csv"));
    }
}
