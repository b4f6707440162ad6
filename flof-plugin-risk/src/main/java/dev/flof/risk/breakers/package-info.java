/**
 * Circuit breakers of issue 10: {@code oco} (dead-man: no entry without its exchange-held bracket; halt and leave
 * the venue in charge when the feed or broker dies), {@code quarantine} (pause new entries while spread, tape
 * speed, feed latency or venue errors are abnormal), {@code overlord} (nuclear flatten against our own bugs:
 * order spam, fat finger, capital loss, zombie feed, slow acknowledgements) and {@code layered} (all three).
 * <p>Contract with the host, relied on here and documented once: the host asks {@link
 * dev.flof.spi.ext.CircuitBreaker.Guard#vet} only about commands that add exposure; cancels, stop replacements
 * and reduce-only exits never reach a breaker. As defence in depth every guard here also returns {@code null}
 * (pass) for any command whose {@code addsExposure()} is false. The SPI's {@code vet} cannot return actions, so
 * an action a vet triggers (e.g. the FLATTEN after the fourth order in a minute) is returned by the guard's next
 * {@code onEvent} call; the host should deliver events (or a {@code TimerEvent}) promptly after a veto.
 * <p>Time: only event timestamps and the {@code nowNanos} the host passes to {@code vet}; never a wall clock.
 * Exchange-time rules (tape speed) use {@code tsEvent}; local-time rules (cooldowns, latency, heartbeats, the
 * order rate) use {@code tsRecv} and {@code nowNanos}, which the host takes from the same clock.
 */
package dev.flof.risk.breakers;
