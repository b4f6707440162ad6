package dev.flof.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Copies the plugin archive into a FLOF {@code plugins/} folder. Other archives of the same plugin id there (an
 * older version) are removed, with the folders PF4J expanded them into, because the host refuses two plugins with
 * one id.
 */
@Mojo(name = "install-local", defaultPhase = LifecyclePhase.INSTALL, threadSafe = true)
public class InstallLocalMojo extends AbstractFlofMojo {
    /** The FLOF {@code plugins/} folder, e.g. {@code -Dflof.plugins.dir=$HOME/flof/plugins}. */
    @Parameter(property = "flof.plugins.dir")
    private File pluginsDir;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("flof:install-local skipped");
            return;
        }
        if (pluginsDir == null) {
            throw new MojoExecutionException("flof:install-local needs the FLOF plugins folder: set <pluginsDir> in"
                    + " the plugin's configuration or pass -Dflof.plugins.dir=/path/to/flof/plugins");
        }
        if (!archive.isFile()) {
            throw new MojoExecutionException("no plugin archive at " + archive + "; run flof:package first");
        }
        try {
            List<String> removed = install(archive.toPath(), pluginsDir.toPath());
            removed.forEach(r -> getLog().info("removed " + r + " (same plugin id)"));
            getLog().info("installed " + archive.getName() + " into " + pluginsDir);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot install " + archive + " into " + pluginsDir + ": "
                    + e.getMessage(), e);
        }
    }

    /** Installs {@code zip} into {@code dir}; returns what was removed to make room, sorted. */
    static List<String> install(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        String id = pluginId(zip);
        if (id == null) {
            throw new IOException(zip + " has no plugin.id in its plugin.properties");
        }
        String name = zip.getFileName().toString();
        List<String> removed = new ArrayList<>();
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(entries::add);
        }
        entries.sort(null);
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (Files.isRegularFile(p) && (n.endsWith(".zip") || n.endsWith(".jar")) && !n.equals(name)
                    && id.equals(pluginId(p))) {
                Files.delete(p);
                removed.add(n);
                deleteExpanded(dir, n);
            }
        }
        // PF4J expands a zip into a folder of its name and re-expands only when the zip is newer: drop the old one.
        deleteExpanded(dir, name);
        Path tmp = dir.resolve(name + ".part");
        Files.copy(zip, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return removed;
    }

    private static void deleteExpanded(Path dir, String archiveName) throws IOException {
        if (!archiveName.endsWith(".zip")) {
            return;
        }
        Path folder = dir.resolve(archiveName.substring(0, archiveName.length() - 4));
        if (Files.isDirectory(folder) && Files.exists(folder.resolve("plugin.properties"))) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The plugin id of a zip (plugin.properties) or jar (manifest Plugin-Id), or null. */
    static String pluginId(Path file) {
        try (ZipFile z = new ZipFile(file.toFile())) {
            ZipEntry props = z.getEntry("plugin.properties");
            if (props != null) {
                Properties p = new Properties();
                try (InputStream in = z.getInputStream(props)) {
                    p.load(in);
                }
                return p.getProperty("plugin.id");
            }
            ZipEntry mf = z.getEntry(JarFile.MANIFEST_NAME);
            if (mf != null) {
                try (InputStream in = z.getInputStream(mf)) {
                    return new Manifest(in).getMainAttributes().getValue("Plugin-Id");
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
