package dev.flof.host.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.FlofException;
import dev.flof.host.config.ConfigLoader;
import dev.flof.host.config.FlofConfig;
import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.market.Side;
import dev.flof.spi.risk.GradeResult;
import dev.flof.spi.risk.Setup;
import dev.flof.spi.structure.Bias;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHostTest {
    static final String WEEKLY_GRADER = """
            package com.example.weekly;

            import dev.flof.spi.ext.ConfluenceGrader;
            import dev.flof.spi.risk.Factor;
            import dev.flof.spi.risk.GradeResult;
            import dev.flof.spi.risk.Setup;
            import dev.flof.spi.structure.Bias;
            import java.util.List;
            import org.pf4j.Extension;

            @Extension
            public class WeeklyBiasGrader implements ConfluenceGrader {
                public String id() { return "weekly-bias"; }
                public GradeResult grade(Setup s) {
                    String w = s.extra().getOrDefault("weeklyBias", "RANGING");
                    boolean aligned = (s.direction().sign() > 0 && w.equals("BULLISH"))
                            || (s.direction().sign() < 0 && w.equals("BEARISH"));
                    return new GradeResult(List.of(new Factor("weekly-bias", aligned ? 1 : 0,
                            aligned ? "aligned with the weekly bias" : "not aligned with the weekly bias " + w)), 1);
                }
            }
            """;

    static Setup longSetup(String weeklyBias) {
        return new Setup("s1", "ESZ5", Side.BUY, 1L, Bias.BULLISH, null, 0, false, false, false, false, null,
                0, 0, Map.of("weeklyBias", weeklyBias));
    }

    @Test
    void loadsAThirdPartyGraderBuiltAtTestTimeAndTheConfigSelectsIt(@TempDir Path tmp) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = TestPluginBuilder.build(tmp, "weekly-bias-plugin", ">=0.1.0 & <0.2.0",
                Map.of("com.example.weekly.WeeklyBiasGrader", WEEKLY_GRADER));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        Path cfgFile = tmp.resolve("flof.yaml");
        Files.writeString(cfgFile, "engine:\n  graders: [weekly-bias]\n");
        FlofConfig cfg = new ConfigLoader().load(Optional.of(cfgFile));

        try (PluginHost host = PluginHost.start(plugins)) {
            assertEquals("weekly-bias-plugin", host.plugins().get(0).id());
            ConfluenceGrader g = host.require(ConfluenceGrader.class, cfg.engine().graders().get(0), "engine.graders[0]");
            assertEquals("com.example.weekly.WeeklyBiasGrader", g.getClass().getName());
            // Loaded by the plugin's own class loader, not the host's.
            assertTrue(g.getClass().getClassLoader() != PluginHostTest.class.getClassLoader());
            GradeResult aligned = g.grade(longSetup("BULLISH"));
            GradeResult against = g.grade(longSetup("BEARISH"));
            assertEquals(1, aligned.points());
            assertEquals(0, against.points());
            assertEquals("weekly-bias", aligned.factors().get(0).id());
        }
    }

    @Test
    void aConfiguredIdThatNoPluginSuppliesFailsWithTheKeyAndWhatIsAvailable(@TempDir Path tmp) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = TestPluginBuilder.build(tmp, "weekly-bias-plugin", ">=0.1.0 & <0.2.0",
                Map.of("com.example.weekly.WeeklyBiasGrader", WEEKLY_GRADER));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        try (PluginHost host = PluginHost.start(plugins)) {
            FlofException e = assertThrows(FlofException.class,
                    () -> host.require(ConfluenceGrader.class, "monthly-bias", "engine.graders[1]"));
            assertTrue(e.getMessage().contains("engine.graders[1]"), e.getMessage());
            assertTrue(e.getMessage().contains("'monthly-bias'"), e.getMessage());
            assertTrue(e.getMessage().contains("[weekly-bias]"), e.getMessage());
        }
    }

    @Test
    void aPluginBundlingItsOwnSpiIsRefusedWithAClearMessage(@TempDir Path tmp) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path pluginJar = TestPluginBuilder.build(tmp, "greedy-plugin", ">=0.1.0 & <0.2.0",
                Map.of("com.example.weekly.WeeklyBiasGrader", WEEKLY_GRADER));
        Path spi = TestPluginBuilder.spiJar(tmp);
        Path zip = plugins.resolve("greedy-plugin-1.0.0.zip");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new JarEntry("plugin.properties"));
            out.write("plugin.id=greedy-plugin\nplugin.version=1.0.0\nplugin.requires=>=0.1.0\n".getBytes());
            out.closeEntry();
            out.putNextEntry(new JarEntry("lib/greedy-plugin-1.0.0.jar"));
            Files.copy(pluginJar, out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("lib/flof-spi-0.1.0.jar"));
            Files.copy(spi, out);
            out.closeEntry();
        }
        FlofException e = assertThrows(FlofException.class, () -> PluginHost.start(plugins));
        assertTrue(e.getMessage().contains("greedy-plugin-1.0.0.zip is refused"), e.getMessage());
        assertTrue(e.getMessage().contains("lib/flof-spi-0.1.0.jar!/dev/flof/spi/"), e.getMessage());
        assertTrue(e.getMessage().contains("<scope>provided</scope>"), e.getMessage());
    }

    @Test
    void anExtensionThatThrowsInItsConstructorIsReportedWithPluginAndClass(@TempDir Path tmp) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        String broken = """
                package com.example.broken;
                @org.pf4j.Extension
                public class BrokenGrader implements dev.flof.spi.ext.ConfluenceGrader {
                    public BrokenGrader() { throw new IllegalStateException("license file missing"); }
                    public String id() { return "broken"; }
                    public dev.flof.spi.risk.GradeResult grade(dev.flof.spi.risk.Setup s) { return null; }
                }
                """;
        Path jar = TestPluginBuilder.build(tmp, "broken-plugin", ">=0.1.0", Map.of("com.example.broken.BrokenGrader", broken));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        FlofException e = assertThrows(FlofException.class, () -> PluginHost.start(plugins));
        assertTrue(e.getMessage().contains("plugin broken-plugin"), e.getMessage());
        assertTrue(e.getMessage().contains("com.example.broken.BrokenGrader"), e.getMessage());
        assertTrue(e.getMessage().contains("license file missing"), e.getMessage());
    }

    @Test
    void aPluginRequiringAnotherSpiVersionIsReported(@TempDir Path tmp) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = TestPluginBuilder.build(tmp, "future-plugin", ">=2.0.0",
                Map.of("com.example.weekly.WeeklyBiasGrader", WEEKLY_GRADER));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        FlofException e = assertThrows(FlofException.class, () -> PluginHost.start(plugins));
        assertTrue(e.getMessage().contains("future-plugin"), e.getMessage());
        assertTrue(e.getMessage().contains("requires SPI >=2.0.0"), e.getMessage());
    }

    @Test
    void aMissingPluginsFolderIsAClearError(@TempDir Path tmp) {
        FlofException e = assertThrows(FlofException.class, () -> PluginHost.start(tmp.resolve("nope")));
        assertTrue(e.getMessage().contains("plugins folder"), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
