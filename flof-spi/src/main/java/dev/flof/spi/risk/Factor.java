package dev.flof.spi.risk;

/** One confluence factor and the points it earned, with the reason in words (setups are explained). */
public record Factor(String id, int points, String reason) {
}
