package dev.flof.host.shocklab;

/**
 * How a scenario ended, against its budget. {@code PROTECTED}: the loss stayed within what the protections
 * promise (normally 1R). {@code BOUNDED}: above that but within the configured gap-risk allowance, the part
 * sizing pays for. {@code EXPOSED}: beyond the allowance, or an invariant broke.
 */
public enum Verdict {
    PROTECTED, BOUNDED, EXPOSED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
