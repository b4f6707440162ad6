package dev.flof.host.plugin;

import dev.flof.host.FlofException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Refuses plugins that bundle classes the host provides. A plugin class loader looks in the plugin
 * first, so a bundled copy of {@code flof-spi} would load a second {@code FeedProvider} interface and the
 * plugin's extensions would fail much later with a {@link ClassCastException}. Checking the archive up
 * front turns that into a clear message naming the plugin and the offending jar.
 */
public final class PluginArchiveScanner {
    /** Packages only the host may supply, with the artifact a plugin should mark {@code provided}. */
    static final List<String[]> HOST_PROVIDED = List.of(
            new String[] {"dev/flof/spi/", "dev.flof:flof-spi"},
            new String[] {"org/pf4j/", "org.pf4j:pf4j"},
            new String[] {"org/ta4j/core/", "org.ta4j:ta4j-core"},
            new String[] {"com/fasterxml/jackson/", "com.fasterxml.jackson.*"},
            new String[] {"org/slf4j/", "org.slf4j:slf4j-api"},
            new String[] {"picocli/", "info.picocli:picocli"});

    private PluginArchiveScanner() {
    }

    /** Checks every plugin archive or folder in {@code pluginsDir}; throws on the first offender. */
    public static void check(Path pluginsDir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(pluginsDir)) {
            for (Path p : sorted(entries)) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    // PF4J expands a zip into a folder beside it; the zip is checked instead.
                    if (!Files.exists(pluginsDir.resolve(name + ".zip"))) {
                        checkFolder(p);
                    }
                } else if (name.endsWith(".zip") || name.endsWith(".jar")) {
                    checkArchive(p);
                }
            }
        } catch (IOException e) {
            throw new FlofException("cannot read plugins folder " + pluginsDir + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> sorted(DirectoryStream<Path> entries) {
        List<Path> list = new java.util.ArrayList<>();
        entries.forEach(list::add);
        list.sort(null);
        return list;
    }

    private static void checkArchive(Path archive) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            Optional<String> hit = scan(new ZipInputStream(in), "");
            hit.ifPresent(h -> refuse(archive, h));
        }
    }

    private static void checkFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted().toList()) {
                String rel = folder.relativize(f).toString().replace('\\', '/');
                if (rel.endsWith(".jar")) {
                    try (InputStream in = Files.newInputStream(f)) {
                        Optional<String> hit = scan(new ZipInputStream(in), rel + "!/");
                        if (hit.isPresent()) {
                            refuse(folder, hit.get());
                        }
                    }
                } else if (rel.startsWith("classes/")) {
                    String cls = rel.substring("classes/".length());
                    provider(cls).ifPresent(a -> refuse(folder, rel + " (host-provided, " + a + ")"));
                }
            }
        }
    }

    /** Scans a zip stream, descending into nested jars; returns a description of the first offender. */
    private static Optional<String> scan(ZipInputStream zip, String prefix) throws IOException {
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
            String name = e.getName();
            if (name.endsWith(".jar")) {
                Optional<String> nested = scan(new ZipInputStream(new NonClosing(zip)), prefix + name + "!/");
                if (nested.isPresent()) {
                    return nested;
                }
            } else if (name.endsWith(".class")) {
                String cls = name.startsWith("classes/") ? name.substring("classes/".length()) : name;
                Optional<String> artifact = provider(cls);
                if (artifact.isPresent()) {
                    return Optional.of(prefix + name + " (host-provided, " + artifact.get() + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> provider(String classPath) {
        for (String[] hp : HOST_PROVIDED) {
            if (classPath.startsWith(hp[0])) {
                return Optional.of(hp[1]);
            }
        }
        return Optional.empty();
    }

    private static void refuse(Path plugin, String what) {
        throw new FlofException("plugin " + plugin + " is refused: it bundles " + what
                + ". The host supplies this library; declare it with <scope>provided</scope> in the plugin's POM"
                + " and rebuild the plugin.");
    }

    /** Lets a nested zip stream be read without closing the outer one. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the outer stream owns the underlying file
        }
    }
}
