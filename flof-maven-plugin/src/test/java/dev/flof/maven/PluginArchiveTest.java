package dev.flof.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginArchiveTest {
    static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("weekly-bias", "1.2.0", "Example Co",
            ">=0.1.0 & <0.2.0", "Adds a point when a setup agrees\n   with the weekly bias", "", "Apache-2.0");

    @Test
    void layoutIsPropertiesThenLibWithTheOwnJarAndLibrariesSorted(@TempDir Path tmp) throws IOException {
        Path own = Fixtures.jar(tmp.resolve("target/weekly-bias-1.2.0.jar"), Fixtures.map("a/A.class", "x"));
        Path lib1 = Fixtures.jar(tmp.resolve("repo/zlib-1.0.jar"), Fixtures.map("z/Z.class", "z"));
        Path lib2 = Fixtures.jar(tmp.resolve("repo/alib-2.0.jar"), Fixtures.map("q/Q.class", "q"));
        Path zip = tmp.resolve("out/weekly-bias-1.2.0.zip");
        List<String> names = PluginArchive.write(zip, DESCRIPTOR, own,
                List.of(new PluginArchive.Library("org.z", lib1), new PluginArchive.Library("org.a", lib2)),
                PluginArchive.DEFAULT_ENTRY_TIME);
        assertEquals(List.of("lib/alib-2.0.jar", "lib/weekly-bias-1.2.0.jar", "lib/zlib-1.0.jar"), names);
        Map<String, byte[]> entries = Fixtures.entries(zip);
        assertEquals(List.of("plugin.properties", "lib/", "lib/alib-2.0.jar", "lib/weekly-bias-1.2.0.jar",
                "lib/zlib-1.0.jar"), List.copyOf(entries.keySet()));
        assertArrayEquals(Files.readAllBytes(own), entries.get("lib/weekly-bias-1.2.0.jar"));

        Properties p = new Properties();
        p.load(new ByteArrayInputStream(entries.get("plugin.properties")));
        assertEquals("weekly-bias", p.getProperty("plugin.id"));
        assertEquals("1.2.0", p.getProperty("plugin.version"));
        assertEquals(">=0.1.0 & <0.2.0", p.getProperty("plugin.requires"));
        assertEquals("Example Co", p.getProperty("plugin.provider"));
        assertEquals("Adds a point when a setup agrees with the weekly bias", p.getProperty("plugin.description"));
        assertEquals("Apache-2.0", p.getProperty("plugin.license"));
        assertEquals(null, p.getProperty("plugin.dependencies"));
        String text = new String(entries.get("plugin.properties"), StandardCharsets.ISO_8859_1);
        assertEquals(true, text.contains("plugin.requires=>=0.1.0 & <0.2.0\n"), text);
    }

    @Test
    void theSameInputsGiveTheSameBytes(@TempDir Path tmp) throws IOException {
        Path own = Fixtures.jar(tmp.resolve("own.jar"), Fixtures.map("a/A.class", "x"));
        Path a = tmp.resolve("a.zip");
        Path b = tmp.resolve("b.zip");
        PluginArchive.write(a, DESCRIPTOR, own, List.of(), PluginArchive.DEFAULT_ENTRY_TIME);
        PluginArchive.write(b, DESCRIPTOR, own, List.of(), PluginArchive.DEFAULT_ENTRY_TIME);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void equalFileNamesFromTwoGroupsAreKeptApart(@TempDir Path tmp) throws IOException {
        Path own = Fixtures.jar(tmp.resolve("own.jar"), Fixtures.map("a/A.class", "x"));
        Path u1 = Fixtures.jar(tmp.resolve("g1/util-1.0.jar"), Fixtures.map("u/One.class", "1"));
        Path u2 = Fixtures.jar(tmp.resolve("g2/util-1.0.jar"), Fixtures.map("u/Two.class", "2"));
        List<String> names = PluginArchive.write(tmp.resolve("p.zip"), DESCRIPTOR, own,
                List.of(new PluginArchive.Library("com.one", u1), new PluginArchive.Library("com.two", u2)),
                PluginArchive.DEFAULT_ENTRY_TIME);
        assertEquals(List.of("lib/com.one-util-1.0.jar", "lib/com.two-util-1.0.jar", "lib/own.jar"), names);
    }

    @Test
    void nonAsciiDescriptionsSurviveTheIsoEncodingOfProperties(@TempDir Path tmp) throws IOException {
        Path own = Fixtures.jar(tmp.resolve("own.jar"), Fixtures.map("a/A.class", "x"));
        PluginDescriptor d = new PluginDescriptor("p", "1.0.0", "Müller & Søn", ">=0.1.0 & <0.2.0",
                "risk ≤ 1 %", "", "");
        Path zip = tmp.resolve("p.zip");
        PluginArchive.write(zip, d, own, List.of(), PluginArchive.DEFAULT_ENTRY_TIME);
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(Fixtures.entries(zip).get("plugin.properties")));
        assertEquals("Müller & Søn", p.getProperty("plugin.provider"));
        assertEquals("risk ≤ 1 %", p.getProperty("plugin.description"));
    }

    @Test
    void aMissingOwnJarIsAClearError(@TempDir Path tmp) {
        IOException e = assertThrows(IOException.class, () -> PluginArchive.write(tmp.resolve("p.zip"), DESCRIPTOR,
                tmp.resolve("nope.jar"), List.of(), PluginArchive.DEFAULT_ENTRY_TIME));
        assertEquals(true, e.getMessage().contains("nope.jar does not exist"), e.getMessage());
    }

    @Test
    void aBadPluginIdIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new PluginDescriptor("weekly bias", "1", "", ">=0.1.0", "", "", ""));
    }
}
