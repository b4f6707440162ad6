package dev.flof.risk;

import dev.flof.spi.ext.Params;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict key checking for an extension's {@link Params}: the configuration is strict (unknown keys are
 * errors with their path), so a typo such as {@code maxOrderPerMinute} fails at start instead of silently
 * running with the default.
 *
 * @param exact    keys accepted as written
 * @param prefixes per-symbol key families, e.g. {@code maxPositionSize.} accepts {@code maxPositionSize.ESZ5}
 */
public record ParamKeys(Set<String> exact, Set<String> prefixes) {
    public ParamKeys {
        exact = Set.copyOf(exact);
        prefixes = Set.copyOf(prefixes);
    }

    public boolean knows(String key) {
        if (exact.contains(key)) {
            return true;
        }
        for (String p : prefixes) {
            if (key.startsWith(p) && key.length() > p.length()) {
                return true;
            }
        }
        return false;
    }

    /** Throws naming the first unknown key (sorted, so the message is deterministic) and the accepted ones. */
    public void check(Params params) {
        for (String key : params.values().keySet()) {
            if (!knows(key)) {
                TreeSet<String> accepted = new TreeSet<>(exact);
                prefixes.forEach(p -> accepted.add(p + "<SYMBOL>"));
                throw new IllegalArgumentException(params.path() + "." + key + ": unknown key (accepted: "
                        + String.join(", ", accepted) + ")");
            }
        }
    }
}
