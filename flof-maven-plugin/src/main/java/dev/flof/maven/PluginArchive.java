package dev.flof.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the PF4J plugin archive: {@code plugin.properties} at the root and {@code lib/} with the plugin's own jar
 * and the runtime libraries only it needs. The archive is reproducible: entries in a fixed order, every entry
 * stamped with the same time, so the same inputs give the same bytes.
 */
public final class PluginArchive {
    /** 1980-02-01T00:00:00Z, the first instant every zip tool represents exactly; used when the POM sets none. */
    public static final long DEFAULT_ENTRY_TIME = 315_532_800_000L + 31L * 86_400_000L;

    private PluginArchive() {
    }

    /** One library for {@code lib/}: the file and a group id used to disambiguate equal file names. */
    public record Library(String groupId, Path file) {
    }

    /**
     * @param ownJar    the plugin project's jar
     * @param libraries runtime libraries (never host-provided ones: the caller filters by scope)
     * @param entryTime millisecond time stamped on every entry
     * @return the lib/ names written, in archive order
     */
    public static List<String> write(Path target, PluginDescriptor descriptor, Path ownJar, List<Library> libraries,
                                     long entryTime) throws IOException {
        if (ownJar == null || !Files.isRegularFile(ownJar)) {
            throw new IOException("the plugin's own jar " + ownJar + " does not exist; the package goal must run"
                    + " after the jar is built (bind it to the package phase of a jar project)");
        }
        Map<String, Path> lib = new TreeMap<>();
        lib.put(ownJar.getFileName().toString(), ownJar);
        Map<String, Integer> seen = new HashMap<>();
        for (Library l : libraries) {
            seen.merge(l.file().getFileName().toString(), 1, Integer::sum);
        }
        for (Library l : libraries) {
            String name = l.file().getFileName().toString();
            if (seen.get(name) > 1 || lib.containsKey(name)) {
                name = l.groupId() + "-" + name;
            }
            if (lib.putIfAbsent(name, l.file()) != null) {
                throw new IOException("two libraries would both be lib/" + name + " in " + target);
            }
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        List<String> names = new ArrayList<>();
        try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
            put(zip, "plugin.properties", entryTime);
            zip.write(descriptor.toPropertiesBytes());
            zip.closeEntry();
            put(zip, "lib/", entryTime);
            zip.closeEntry();
            for (Map.Entry<String, Path> e : lib.entrySet()) {
                put(zip, "lib/" + e.getKey(), entryTime);
                Files.copy(e.getValue(), zip);
                zip.closeEntry();
                names.add("lib/" + e.getKey());
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        return names;
    }

    private static void put(ZipOutputStream zip, String name, long time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(time);
        e.setLastModifiedTime(FileTime.fromMillis(time));
        zip.putNextEntry(e);
    }
}
