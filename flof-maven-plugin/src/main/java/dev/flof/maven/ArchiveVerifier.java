package dev.flof.maven;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks a plugin archive against the rules the host enforces when it starts, so a plugin author learns them at
 * build time: no host-provided classes bundled (they would load twice and casts would fail), an extension index
 * listing only classes that implement a FLOF extension point, and a {@code plugin.requires} range that matches
 * the SPI the plugin was compiled against ({@link SpiRange}).
 */
public final class ArchiveVerifier {
    /** Packages only the host may supply, with the artifact to mark {@code provided} (same list as the host's). */
    public static final List<String[]> HOST_PROVIDED = List.of(
            new String[] {"dev/flof/spi/", "dev.flof:flof-spi"},
            new String[] {"org/pf4j/", "org.pf4j:pf4j"},
            new String[] {"org/ta4j/core/", "org.ta4j:ta4j-core"},
            new String[] {"com/fasterxml/jackson/", "com.fasterxml.jackson.*"},
            new String[] {"org/slf4j/", "org.slf4j:slf4j-api"},
            new String[] {"picocli/", "info.picocli:picocli"});

    static final String INDEX = "META-INF/extensions.idx";
    static final String EXTENSION_BASE = "dev.flof.spi.ext.FlofExtension";

    private ArchiveVerifier() {
    }

    /** What the archive holds, as far as the checks need it. */
    public record Contents(Properties descriptor, List<String> hostProvided, List<String> indexedClasses,
                           List<String> indexLocations) {
    }

    /**
     * Verifies the archive; returns every problem found (empty when it passes).
     *
     * @param classLoader loads the project's compile class path (the plugin's classes and flof-spi)
     * @param spiVersion  the SPI version the plugin was compiled against
     */
    public static List<String> verify(Path archive, ClassLoader classLoader, String spiVersion) throws IOException {
        List<String> problems = new ArrayList<>();
        Contents c = read(archive);
        if (!c.hostProvided().isEmpty()) {
            problems.add("the archive bundles host-provided classes: " + summarize(c.hostProvided())
                    + ". The host supplies these libraries; declare them with <scope>provided</scope> in the"
                    + " plugin's POM so they stay out of lib/");
        }
        if (c.descriptor() == null) {
            problems.add("the archive has no plugin.properties at its root");
        } else {
            for (String key : List.of("plugin.id", "plugin.version")) {
                if (c.descriptor().getProperty(key, "").isBlank()) {
                    problems.add("plugin.properties has no " + key);
                }
            }
            SpiRange.problem(c.descriptor().getProperty("plugin.requires"), spiVersion).ifPresent(problems::add);
        }
        if (c.indexLocations().isEmpty()) {
            problems.add("no " + INDEX + " in the plugin's jar: PF4J's annotation processor did not run, so the host"
                    + " would find no extension. Annotate each extension with @org.pf4j.Extension, keep"
                    + " org.pf4j:pf4j on the compile class path (provided scope) and compile with -proc:full"
                    + " (JDK 23+ no longer runs annotation processors by default)");
        } else if (c.indexedClasses().isEmpty()) {
            problems.add(INDEX + " (" + String.join(", ", c.indexLocations()) + ") lists no extension");
        }
        problems.addAll(checkExtensions(c.indexedClasses(), classLoader));
        return problems;
    }

    /**
     * Groups offenders by where they sit and which host library they belong to: {@code lib/flof-spi-0.1.0.jar: 82
     * classes under dev/flof/spi/ (dev.flof:flof-spi), e.g. dev/flof/spi/SpiVersion.class}.
     */
    static String summarize(List<String> hostProvided) {
        java.util.Map<String, List<String>> byPlace = new java.util.TreeMap<>();
        for (String h : hostProvided) {
            String entry = h.substring(0, h.lastIndexOf(" ("));
            int bang = entry.indexOf("!/");
            String place = bang >= 0 ? entry.substring(0, bang) : "classes/";
            String cls = bang >= 0 ? entry.substring(bang + 2) : entry.substring("classes/".length());
            for (String[] hp : HOST_PROVIDED) {
                if (cls.startsWith(hp[0])) {
                    byPlace.computeIfAbsent(place + ": %d class%s under " + hp[0] + " (" + hp[1] + ")",
                            k -> new ArrayList<>()).add(cls);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        byPlace.forEach((k, v) -> {
            java.util.Collections.sort(v);
            parts.add(String.format(java.util.Locale.ROOT, k, v.size(), v.size() == 1 ? "" : "es") + ", e.g. "
                    + v.get(0));
        });
        return String.join("; ", parts);
    }

    /** Each indexed class must load and be a public, concrete FLOF extension with a public no-arg constructor. */
    static List<String> checkExtensions(List<String> classes, ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        Class<?> base;
        try {
            base = Class.forName(EXTENSION_BASE, false, loader);
        } catch (ClassNotFoundException e) {
            problems.add(EXTENSION_BASE + " is not on the compile class path: the plugin must depend on"
                    + " dev.flof:flof-spi (provided scope)");
            return problems;
        }
        for (String name : classes) {
            Class<?> cls;
            try {
                cls = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(INDEX + " lists " + name + ", which cannot be loaded from the compile class path ("
                        + e + ")");
                continue;
            }
            if (!base.isAssignableFrom(cls)) {
                problems.add(INDEX + " lists " + name + ", which does not implement a FLOF extension point"
                        + " (a subtype of " + EXTENSION_BASE + ", e.g. dev.flof.spi.ext.ConfluenceGrader);"
                        + " the host would never use it");
                continue;
            }
            int mod = cls.getModifiers();
            if (cls.isInterface() || Modifier.isAbstract(mod) || !Modifier.isPublic(mod)) {
                problems.add(name + " is listed as an extension but is not a public concrete class");
                continue;
            }
            try {
                if (!Modifier.isPublic(cls.getDeclaredConstructor().getModifiers())) {
                    problems.add(name + " has no public no-arg constructor; PF4J cannot create it");
                }
            } catch (NoSuchMethodException e) {
                problems.add(name + " has no public no-arg constructor; PF4J cannot create it");
            }
        }
        return problems;
    }

    /** Reads the descriptor, the host-provided classes and every extension index, descending into lib/ jars. */
    public static Contents read(Path archive) throws IOException {
        Properties[] descriptor = {null};
        List<String> hostProvided = new ArrayList<>();
        TreeSet<String> indexed = new TreeSet<>();
        List<String> locations = new ArrayList<>();
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (name.equals("plugin.properties")) {
                    Properties p = new Properties();
                    p.load(new ByteArrayInputStream(zip.readAllBytes()));
                    descriptor[0] = p;
                } else if (name.endsWith(".jar")) {
                    scanJar(new ZipInputStream(new ByteArrayInputStream(zip.readAllBytes())), name + "!/",
                            hostProvided, indexed, locations);
                } else if (name.startsWith("classes/")) {
                    String rel = name.substring("classes/".length());
                    if (rel.equals(INDEX)) {
                        locations.add(name);
                        indexed.addAll(parseIndex(zip.readAllBytes()));
                    } else if (rel.endsWith(".class")) {
                        provider(rel).ifPresent(a -> hostProvided.add(name + " (" + a + ")"));
                    }
                }
            }
        }
        return new Contents(descriptor[0], hostProvided, new ArrayList<>(indexed), locations);
    }

    private static void scanJar(ZipInputStream jar, String prefix, List<String> hostProvided, TreeSet<String> indexed,
                                List<String> locations) throws IOException {
        ZipEntry e;
        while ((e = jar.getNextEntry()) != null) {
            String name = e.getName();
            if (name.equals(INDEX)) {
                locations.add(prefix + name);
                indexed.addAll(parseIndex(jar.readAllBytes()));
            } else if (name.endsWith(".class")) {
                String entry = prefix + name;
                provider(name).ifPresent(a -> hostProvided.add(entry + " (" + a + ")"));
            }
        }
    }

    /** PF4J's index: one class name a line; blank lines and {@code #} comments ignored. */
    static List<String> parseIndex(byte[] bytes) {
        List<String> out = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\\R")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(t);
            }
        }
        return out;
    }

    static Optional<String> provider(String classPath) {
        for (String[] hp : HOST_PROVIDED) {
            if (classPath.startsWith(hp[0])) {
                return Optional.of(hp[1]);
            }
        }
        return Optional.empty();
    }
}
