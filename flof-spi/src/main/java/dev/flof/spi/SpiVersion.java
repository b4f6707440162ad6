package dev.flof.spi;

/** The version of this SPI; plugins declare the range they accept in {@code plugin.requires}. */
public final class SpiVersion {
    /** Semantic version: a breaking change of any interface or record here bumps the minor (pre-1.0) or major. */
    public static final String VERSION = "0.1.0";

    private SpiVersion() {
    }
}
