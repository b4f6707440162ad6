package dev.flof.host.shocklab;

/**
 * One entry of the shock-lab catalogue: a named, seeded generator of a {@link Script}, with the plain-language
 * account of what protects FLOF in it and what software cannot protect against.
 *
 * @param family        the scenario family (1-12)
 * @param protects      which protection is supposed to act
 * @param cannotProtect what no software can prevent here (empty when everything is in software's reach)
 */
public record Scenario(String name, int family, String title, String protects, String cannotProtect, Generator generator) {
    /** Builds the scenario's script for a seed; the same seed gives the same script. */
    @FunctionalInterface
    public interface Generator {
        Script build(long seed);
    }
}
