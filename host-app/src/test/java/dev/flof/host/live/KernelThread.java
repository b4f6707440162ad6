package dev.flof.host.live;

/** Runs a runner's kernel loop on its own thread, as {@code ./flof paper|live} runs it on the main thread. */
public final class KernelThread {
    private KernelThread() {
    }

    /** Starts {@link LiveRunner#run} on a new thread named {@code name}; it ends when the runner stops. */
    public static Thread start(LiveRunner runner, String name) {
        Thread t = new Thread(() -> {
            try {
                runner.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.start();
        return t;
    }
}
