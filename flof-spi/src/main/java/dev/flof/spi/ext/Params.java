package dev.flof.spi.ext;

import java.util.Map;
import java.util.TreeMap;

/**
 * String parameters handed to an extension from its config section. Typed getters fail with the key name,
 * so a bad value is reported where it was written.
 */
public record Params(String path, Map<String, String> values) {
    public Params {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Params empty(String path) {
        return new Params(path, Map.of());
    }

    public String string(String key, String dflt) {
        return values.getOrDefault(key, dflt);
    }

    public double decimal(String key, double dflt) {
        String v = values.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + "." + key + ": expected a number, got '" + v + "'");
        }
    }

    public long integer(String key, long dflt) {
        String v = values.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + "." + key + ": expected an integer, got '" + v + "'");
        }
    }

    public boolean flag(String key, boolean dflt) {
        String v = values.get(key);
        if (v == null) {
            return dflt;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(path + "." + key + ": expected true or false, got '" + v + "'");
        };
    }
}
