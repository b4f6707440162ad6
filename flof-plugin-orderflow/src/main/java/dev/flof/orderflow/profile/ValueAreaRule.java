package dev.flof.orderflow.profile;

/** How the value area grows from the POC (spec §2.1/§2.3). */
public enum ValueAreaRule {
    /** CBOT tradition: compare the next two rows above with the next two below; ties go up. */
    CBOT2,
    /** One row each side at a time (NinjaTrader-style displays); ties go up. */
    SINGLE;

    /** Parses {@code cbot2} or {@code single}. */
    public static ValueAreaRule parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "cbot2" -> CBOT2;
            case "single" -> SINGLE;
            default -> throw new IllegalArgumentException("value area rule must be cbot2 or single, got '" + text + "'");
        };
    }
}
