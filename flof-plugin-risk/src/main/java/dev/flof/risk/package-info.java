/**
 * FLOF's risk plugin: confluence grading ({@code grading}), position sizing ({@code sizing}), initial stops and
 * exit managers ({@code exits}) and circuit breakers ({@code breakers}). Every class here is pure logic: no
 * wall clock, no I/O, no threads; time comes from event timestamps or the {@code nowNanos} the host passes.
 */
package dev.flof.risk;
