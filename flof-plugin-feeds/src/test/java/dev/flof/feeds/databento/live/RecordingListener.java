package dev.flof.feeds.databento.live;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects what a live client reports, for tests to wait on without sleeping. */
final class RecordingListener implements LiveListener {
    sealed interface Ev permits Started, Meta, Rec, Disconnected, Stopped {
    }

    record Started(String sessionId, boolean reconnect) implements Ev {
    }

    record Meta(byte[] bytes, int version) implements Ev {
    }

    record Rec(byte[] bytes) implements Ev {
        int rtype() {
            return bytes[1] & 0xFF;
        }
    }

    record Disconnected(IOException cause, int failures) implements Ev {
    }

    record Stopped(Exception cause) implements Ev {
    }

    final BlockingQueue<Ev> queue = new LinkedBlockingQueue<>();
    final List<Ev> all = new CopyOnWriteArrayList<>();

    private void add(Ev e) {
        all.add(e);
        queue.add(e);
    }

    @Override
    public void onSessionStarted(String sessionId, boolean reconnect) {
        add(new Started(sessionId, reconnect));
    }

    @Override
    public void onMetadata(byte[] metadata, int dbnVersion) {
        add(new Meta(metadata, dbnVersion));
    }

    @Override
    public void onRecord(byte[] record) {
        add(new Rec(record));
    }

    @Override
    public void onDisconnected(IOException cause, int consecutiveFailures) {
        add(new Disconnected(cause, consecutiveFailures));
    }

    @Override
    public void onStopped(Exception cause) {
        add(new Stopped(cause));
    }

    /** Waits for the next event matching {@code p}, skipping others. */
    @SuppressWarnings("unchecked")
    <T extends Ev> T await(Class<T> type, Predicate<T> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Ev e = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within 20 s; events so far: " + all.size());
            }
            if (type.isInstance(e) && p.test((T) e)) {
                return (T) e;
            }
        }
    }

    <T extends Ev> T await(Class<T> type) throws InterruptedException {
        return await(type, x -> true);
    }
}
