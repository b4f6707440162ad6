package dev.flof.smc.event;

/**
 * A fact the structure engine learned at the close of bar {@link #knownIndex()} (time {@link #knownTime()}).
 * Events are emitted in processing order, so they are ordered by known time; nothing is ever emitted before
 * the bar that confirms it, and nothing is retracted: later facts are new events.
 */
public sealed interface SmcEvent permits SwingEvent, BreakEvent, ClassificationEvent, ObEvent, FvgEvent, PoolEvent {
    long knownIndex();

    long knownTime();
}
