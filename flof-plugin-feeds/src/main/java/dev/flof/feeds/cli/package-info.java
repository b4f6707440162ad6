/**
 * The {@code ./flof data} command contributed by the feeds plugin: {@code inspect}, {@code cost},
 * {@code fetch} (budget-guarded, atomic) and {@code live}.
 */
package dev.flof.feeds.cli;
