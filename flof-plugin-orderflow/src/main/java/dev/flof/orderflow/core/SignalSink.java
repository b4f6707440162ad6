package dev.flof.orderflow.core;

/** Receives signals from detectors; the engine forwards them to the kernel. */
@FunctionalInterface
public interface SignalSink {
    void accept(Signal signal);

    SignalSink NONE = s -> { };
}
