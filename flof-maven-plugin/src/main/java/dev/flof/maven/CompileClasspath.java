package dev.flof.maven;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A class loader over a plugin project's compile class path (its classes, flof-spi, PF4J and whatever else it
 * compiles against), isolated from Maven's own classes, and the SPI version found on it.
 */
public final class CompileClasspath implements AutoCloseable {
    private final URLClassLoader loader;

    public CompileClasspath(List<String> elements) {
        List<URL> urls = new ArrayList<>();
        for (String e : elements) {
            try {
                urls.add(Path.of(e).toUri().toURL());
            } catch (MalformedURLException ex) {
                throw new IllegalArgumentException("class path element " + e + ": " + ex.getMessage(), ex);
            }
        }
        this.loader = new URLClassLoader("flof-plugin-compile-classpath", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
    }

    public ClassLoader loader() {
        return loader;
    }

    /**
     * The SPI version the plugin is compiled against: {@code dev.flof.spi.SpiVersion.VERSION} of the flof-spi on
     * the class path, else the release part of {@code artifactVersion} (the flof-spi dependency's version), else
     * null when the project does not depend on flof-spi at all.
     */
    public String spiVersion(String artifactVersion) {
        try {
            Class<?> c = Class.forName("dev.flof.spi.SpiVersion", true, loader);
            Object v = c.getField("VERSION").get(null);
            if (v instanceof String s && !s.isBlank()) {
                return SpiRange.release(s);
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            // an SPI without SpiVersion: fall back to the artifact version below
        }
        return artifactVersion == null ? null : SpiRange.release(artifactVersion);
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
