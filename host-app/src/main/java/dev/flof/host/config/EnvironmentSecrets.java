package dev.flof.host.config;

import dev.flof.spi.ext.SecretSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Credentials from the environment, else from an owner-only {@code KEY=VALUE} file. A file that group or
 * others can read is refused: a leaked API key can trade the user's account. Values never appear in
 * {@link #toString()}, logs or exception messages.
 */
public final class EnvironmentSecrets implements SecretSource {
    private final Map<String, String> env;
    private final Map<String, String> file;

    private EnvironmentSecrets(Map<String, String> env, Map<String, String> file) {
        this.env = env;
        this.file = file;
    }

    public static EnvironmentSecrets fromEnvironment() {
        return new EnvironmentSecrets(System.getenv(), Map.of());
    }

    /** The environment plus an optional owner-only file (blank path: none). */
    public static EnvironmentSecrets load(Map<String, String> env, String filePath) {
        if (filePath == null || filePath.isBlank()) {
            return new EnvironmentSecrets(env, Map.of());
        }
        Path path = Path.of(filePath);
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            for (PosixFilePermission p : perms) {
                if (p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_")) {
                    throw new ConfigException("secrets.file " + path + " is readable by others (" + p
                            + "); make it owner-only: chmod 600 " + path);
                }
            }
            Map<String, String> values = new TreeMap<>();
            List<String> lines = Files.readAllLines(path);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    // The line is not echoed: it may hold a secret.
                    throw new ConfigException("secrets.file " + path + " line " + (i + 1) + ": expected KEY=VALUE");
                }
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
            return new EnvironmentSecrets(env, values);
        } catch (UnsupportedOperationException e) {
            throw new ConfigException("secrets.file " + path + ": this file system cannot prove the file is owner-only");
        } catch (IOException e) {
            throw new ConfigException("secrets.file " + path + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public Optional<String> secret(String name) {
        String v = env.get(name);
        if (v == null || v.isEmpty()) {
            v = file.get(name);
        }
        return Optional.ofNullable(v).filter(s -> !s.isEmpty());
    }

    @Override
    public String toString() {
        return "EnvironmentSecrets[file keys=" + file.keySet() + ", values redacted]";
    }
}
