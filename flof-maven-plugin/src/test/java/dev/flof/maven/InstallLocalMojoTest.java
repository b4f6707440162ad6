package dev.flof.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallLocalMojoTest {
    static Path pluginZip(Path dir, String name, String id) throws IOException {
        return Fixtures.jar(dir.resolve(name), Fixtures.map("plugin.properties",
                "plugin.id=" + id + "\nplugin.version=1\nplugin.requires=>=0.1.0 & <0.2.0\n", "lib/x.jar", "x"));
    }

    @Test
    void replacesAnOlderArchiveOfTheSameIdAndItsExpandedFolderButNothingElse(@TempDir Path tmp) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        pluginZip(plugins, "weekly-bias-1.0.0.zip", "weekly-bias");
        Files.createDirectories(plugins.resolve("weekly-bias-1.0.0/lib"));
        Files.writeString(plugins.resolve("weekly-bias-1.0.0/plugin.properties"), "plugin.id=weekly-bias\n");
        pluginZip(plugins, "flof-plugin-risk-0.1.0.zip", "flof-risk");
        Files.writeString(plugins.resolve("README.md"), "keep me");
        Path fresh = pluginZip(Files.createDirectories(tmp.resolve("target")), "weekly-bias-1.1.0.zip", "weekly-bias");

        List<String> removed = InstallLocalMojo.install(fresh, plugins);

        assertEquals(List.of("weekly-bias-1.0.0.zip"), removed);
        assertFalse(Files.exists(plugins.resolve("weekly-bias-1.0.0")));
        assertTrue(Files.exists(plugins.resolve("flof-plugin-risk-0.1.0.zip")));
        assertTrue(Files.exists(plugins.resolve("README.md")));
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(plugins.resolve("weekly-bias-1.1.0.zip")));
    }

    @Test
    void reinstallingTheSameVersionDropsTheStaleExpansion(@TempDir Path tmp) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path fresh = pluginZip(Files.createDirectories(tmp.resolve("target")), "p-1.0.0.zip", "p");
        InstallLocalMojo.install(fresh, plugins);
        Files.createDirectories(plugins.resolve("p-1.0.0"));
        Files.writeString(plugins.resolve("p-1.0.0/plugin.properties"), "plugin.id=p\n");
        assertEquals(List.of(), InstallLocalMojo.install(fresh, plugins));
        assertFalse(Files.exists(plugins.resolve("p-1.0.0")));
        assertTrue(Files.exists(plugins.resolve("p-1.0.0.zip")));
    }

    @Test
    void anArchiveWithoutAnIdIsRefused(@TempDir Path tmp) throws IOException {
        Path bad = Fixtures.jar(tmp.resolve("bad.zip"), Fixtures.map("lib/x.jar", "x"));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> InstallLocalMojo.install(bad, tmp.resolve("plugins")));
        assertTrue(e.getMessage().contains("no plugin.id"), e.getMessage());
    }
}
