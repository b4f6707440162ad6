/**
 * Initial protection ({@code lvn-moat} stop policy) and exit managers ({@code fixed-r}, {@code atr-trail},
 * {@code hybrid-shield}). Managers only ever emit {@link dev.flof.spi.order.OrderCommand.Modify modifies} of the
 * resting stop that tighten it and reduce-only exits sized to the actual position, so the host's rules (a stop
 * never widens, a stop is always resting, exits never exceed the position) hold by construction.
 */
package dev.flof.risk.exits;
