package dev.flof.maven;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/**
 * The semantic-versioning rule for {@code plugin.requires}. The SPI version is {@code MAJOR.MINOR.PATCH}; before
 * 1.0 a MINOR bump is breaking and a PATCH bump only adds, from 1.0 on a MAJOR bump is breaking and MINOR/PATCH
 * only add. A plugin compiled against SPI {@code V} may use everything {@code V} has, so it requires at least
 * {@code V}, and it must not claim to work with the next breaking version: {@code >=V & <nextBreaking(V)}.
 * Ranges are evaluated exactly as the host evaluates them (PF4J's {@link DefaultVersionManager}).
 */
public final class SpiRange {
    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+].*)?");
    private static final VersionManager VERSIONS = new DefaultVersionManager();

    private SpiRange() {
    }

    /** The release part of a version ({@code 0.1.0-SNAPSHOT} gives {@code 0.1.0}); fails on a non-semver text. */
    public static String release(String version) {
        Matcher m = SEMVER.matcher(version == null ? "" : version.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + version + "' is not a semantic version MAJOR.MINOR.PATCH");
        }
        return m.group(1) + "." + m.group(2) + "." + m.group(3);
    }

    /** The first version that may break plugins compiled against {@code spiVersion}. */
    public static String nextBreaking(String spiVersion) {
        Matcher m = SEMVER.matcher(release(spiVersion));
        m.matches();
        long major = Long.parseLong(m.group(1));
        long minor = Long.parseLong(m.group(2));
        return major == 0 ? "0." + (minor + 1) + ".0" : (major + 1) + ".0.0";
    }

    /** The range a plugin compiled against {@code spiVersion} declares: {@code >=V & <nextBreaking(V)}. */
    public static String defaultRequires(String spiVersion) {
        return ">=" + release(spiVersion) + " & <" + nextBreaking(spiVersion);
    }

    /** Whether the host's version manager accepts {@code version} for {@code requires}. */
    public static boolean accepts(String requires, String version) {
        return VERSIONS.checkVersionConstraint(release(version), requires);
    }

    /**
     * Empty when {@code requires} follows the rule for a plugin compiled against {@code spiVersion}, else what is
     * wrong with it, in words the author can act on.
     */
    public static Optional<String> problem(String requires, String spiVersion) {
        String v = release(spiVersion);
        String expected = defaultRequires(v);
        if (requires == null || requires.isBlank() || requires.trim().equals("*")) {
            return Optional.of("plugin.requires is empty, so the plugin claims every SPI version; it was compiled"
                    + " against SPI " + v + " and should require '" + expected + "'");
        }
        boolean acceptsCompiled;
        boolean acceptsBreaking;
        try {
            acceptsCompiled = accepts(requires, v);
            acceptsBreaking = accepts(requires, nextBreaking(v));
        } catch (RuntimeException e) {
            return Optional.of("plugin.requires '" + requires + "' is not a version range PF4J understands ("
                    + e.getMessage() + "); use '" + expected + "'");
        }
        if (!acceptsCompiled) {
            return Optional.of("plugin.requires '" + requires + "' does not accept SPI " + v
                    + ", the version the plugin was compiled against; use '" + expected + "'");
        }
        if (acceptsBreaking) {
            return Optional.of("plugin.requires '" + requires + "' accepts SPI " + nextBreaking(v)
                    + ", which may break plugins compiled against " + v + " (semantic versioning); use '"
                    + expected + "'");
        }
        return Optional.empty();
    }
}
