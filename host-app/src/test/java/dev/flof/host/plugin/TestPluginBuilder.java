package dev.flof.host.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin jar at test time, the way a third party would: compiles Java sources against
 * the SPI with PF4J's annotation processor (which writes {@code META-INF/extensions.idx}), then packages
 * the classes with the plugin descriptor in the manifest.
 */
final class TestPluginBuilder {
    private TestPluginBuilder() {
    }

    /**
     * @param sources fully qualified class name to source text
     * @param extraJars jars to put inside the archive (as a zip plugin's lib/), e.g. a bundled flof-spi
     */
    static Path build(Path workDir, String pluginId, String requires, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(workDir.resolve(pluginId + "-src"));
        Path classes = Files.createDirectories(workDir.resolve(pluginId + "-classes"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "21", "-proc:full", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"),
                "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor"));
        args.addAll(files);
        StringWriter diagnostics = new StringWriter();
        int rc = javac.run(null, null, new java.io.PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) {
                diagnostics.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
            }
        }, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("test plugin did not compile: " + diagnostics);
        }
        if (!Files.exists(classes.resolve("META-INF/extensions.idx"))) {
            throw new IllegalStateException("PF4J's annotation processor did not run: no extensions.idx");
        }
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", pluginId);
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Requires", requires);
        a.putValue("Plugin-Provider", "Third Party Ltd");
        Path jar = workDir.resolve(pluginId + "-1.0.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            addTree(out, classes, "");
        }
        return jar;
    }

    /** Adds every file under {@code root} to the archive, under {@code prefix}. */
    static void addTree(JarOutputStream out, Path root, String prefix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = prefix + root.relativize(p).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    /** The flof-spi classes on the test classpath, as a jar (a directory in a reactor build, a jar otherwise). */
    static Path spiJar(Path workDir) throws IOException {
        try {
            Path loc = Path.of(dev.flof.spi.SpiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(loc)) {
                return loc;
            }
            Path jar = workDir.resolve("flof-spi-copy.jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                addTree(out, loc, "");
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
