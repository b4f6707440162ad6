/**
 * Order management and the risk gate (issues 9 and 10, host side). {@link dev.flof.host.oms.RiskGate} is the
 * one door to a venue; {@link dev.flof.host.oms.OrderManager} tracks brackets, fills and positions from the
 * venue's answers, enforces the exit rules, carries out breaker actions (the flatten sequence keeps the
 * protective stop until the venue confirms flat) and journals trades; {@link dev.flof.host.oms.InvariantMonitor}
 * checks after every event that no position is unprotected, no vetoed command left and no stop widened.
 */
package dev.flof.host.oms;
