package dev.flof.host.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Garbage collections during a measured window, from the JVM's collector beans: how many, their summed
 * time, and (through the beans' notifications) the longest single one. A "collection" of a concurrent
 * collector (ZGC cycles, G1 concurrent marking) is reported under its bean name; only beans whose name
 * says pause or young/old-generation stop-the-world work count towards {@link Window#maxPauseMillis}
 * (for G1: "G1 Young Generation", "G1 Old Generation", "G1 Concurrent GC" is concurrent; for ZGC:
 * "ZGC Minor Pauses"/"ZGC Major Pauses"). The notification durations have millisecond resolution.
 */
final class GcWatch implements AutoCloseable, NotificationListener {
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final Map<String, long[]> startCounts = new TreeMap<>();
    private volatile long maxPauseMillis;
    private volatile long pauses;
    /** Notifications received since {@link #start}, from every collector (one per collection). */
    private long notified;

    /** What happened between {@link #start} and {@link #stop}. */
    record Window(long collections, long collectionMillis, long pauses, long maxPauseMillis, Map<String, Long> byCollector) {
    }

    GcWatch() {
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (b instanceof NotificationEmitter e) {
                e.addNotificationListener(this, null, null);
                emitters.add(e);
            }
        }
    }

    static boolean isPause(String collectorName) {
        String n = collectorName.toLowerCase(java.util.Locale.ROOT);
        if (n.contains("concurrent") || n.contains("cycles")) {
            return false;
        }
        return n.contains("pause") || n.contains("young") || n.contains("old") || n.contains("scavenge")
                || n.contains("marksweep") || n.contains("copy") || n.contains("mark");
    }

    void start() {
        startCounts.clear();
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            startCounts.put(b.getName(), new long[] {b.getCollectionCount(), b.getCollectionTime()});
        }
        synchronized (this) {
            maxPauseMillis = 0;
            pauses = 0;
            notified = 0;
        }
    }

    /**
     * Waits until a notification has arrived for every collection the beans counted since {@link #start}
     * (they are delivered on their own thread shortly after each collection), at most {@code timeoutMillis}.
     */
    synchronized void awaitNotifications(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (notified < collectedSinceStart()) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMillis <= 0) {
                return;
            }
            wait(leftMillis);
        }
    }

    private long collectedSinceStart() {
        long n = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += b.getCollectionCount() - startCounts.getOrDefault(b.getName(), new long[2])[0];
        }
        return n;
    }

    Window stop() {
        long n = 0;
        long ms = 0;
        Map<String, Long> by = new TreeMap<>();
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            long[] s = startCounts.getOrDefault(b.getName(), new long[2]);
            long dn = b.getCollectionCount() - s[0];
            n += dn;
            ms += b.getCollectionTime() - s[1];
            by.put(b.getName(), dn);
        }
        return new Window(n, ms, pauses, maxPauseMillis, by);
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        synchronized (this) {
            notified++;
            if (isPause(info.getGcName())) {
                pauses++;
                maxPauseMillis = Math.max(maxPauseMillis, info.getGcInfo().getDuration());
            }
            notifyAll();
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(this);
            } catch (ListenerNotFoundException ignored) {
                // already removed
            }
        }
    }
}
