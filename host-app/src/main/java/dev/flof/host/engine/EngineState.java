package dev.flof.host.engine;

/**
 * The Predator engine's state per instrument (issue 8). Each state asks for the data it needs, so the
 * state machine is also the cost valve: BARS while scouting, the tape while stalking or killing.
 */
public enum EngineState {
    /** Low compute: bars only, the map and the halo checked at each 1-minute close. */
    SCOUTING,
    /** Inside a POI's volatility halo (or a tape-speed spike): the tape and 1-minute structure are watched. */
    STALKING,
    /** The POI was tapped and a 1-minute CHOCH started: order-flow confirmations decide the entry. */
    KILL
}
