package dev.flof.spi.event;

/** A timer scheduled on the kernel's clock fired; {@code key} says whose. */
public record TimerEvent(String key, long tsEvent, long tsRecv, long sequence) implements Event {
}
