package dev.flof.maven;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The PF4J descriptor ({@code plugin.properties}) of a FLOF plugin, written from the POM so the id, version and
 * SPI range cannot drift from the build.
 *
 * @param dependencies PF4J plugin dependencies ({@code other-plugin@>=1.0.0, ...}), or empty
 * @param license      the license name, or empty
 */
public record PluginDescriptor(String id, String version, String provider, String requires, String description,
                               String dependencies, String license) {
    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(requires, "requires");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("plugin id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        provider = provider == null ? "" : provider.strip();
        description = description == null ? "" : description.strip().replaceAll("\\s+", " ");
        dependencies = dependencies == null ? "" : dependencies.strip();
        license = license == null ? "" : license.strip();
    }

    /** The properties in a fixed order, without the timestamp {@link java.util.Properties#store} would add. */
    public byte[] toPropertiesBytes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("plugin.id", id);
        m.put("plugin.version", version);
        m.put("plugin.requires", requires);
        m.put("plugin.provider", provider);
        m.put("plugin.description", description);
        if (!dependencies.isEmpty()) {
            m.put("plugin.dependencies", dependencies);
        }
        if (!license.isEmpty()) {
            m.put("plugin.license", license);
        }
        StringBuilder sb = new StringBuilder("# PF4J plugin descriptor written by flof-maven-plugin from the POM.\n");
        m.forEach((k, v) -> sb.append(k).append('=').append(escape(v)).append('\n'));
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Escapes a value for {@link java.util.Properties#load(java.io.InputStream)} (ISO-8859-1 with unicode escapes). */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case ' ' -> sb.append(i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
