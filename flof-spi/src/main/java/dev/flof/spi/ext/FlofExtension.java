package dev.flof.spi.ext;

import org.pf4j.ExtensionPoint;

/**
 * Common base of FLOF's extension points. The {@link #id()} is what the configuration names to select an
 * implementation; it must be unique per extension point across all loaded plugins.
 */
public interface FlofExtension extends ExtensionPoint {
    /** Stable id used in the configuration, lower-case with dashes, e.g. {@code default-rubric}. */
    String id();

    /** One line for {@code ./flof plugins}. */
    default String description() {
        return "";
    }
}
