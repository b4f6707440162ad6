/**
 * The halt marker (issue 10): after the risk overlord's flatten has completed and been confirmed, a paper or live
 * process writes {@code <state dir>/HALTED} and stops with a non-zero exit; {@code ./flof paper} and
 * {@code ./flof live} refuse to start while the marker exists, until the operator clears it with
 * {@code ./flof halt --clear} (or deletes the file). {@link dev.flof.host.halt.HaltWatch} decides when to stop and
 * reports what tripped and what the flatten did.
 */
package dev.flof.host.halt;
