package dev.flof.risk.exits;

import dev.flof.spi.event.Trade;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Phase 3 of the Hybrid Shield: inside the macro target zone the tape is watched again, and the runner leaves on a
 * climax. Two signals, both from the prints themselves (deterministic, no look-ahead):
 * <ul>
 *   <li><b>large counter print</b>: a print against the position at least {@code largePrintFactor} x the mean print
 *       size since the position opened (after {@code minTrades} prints);</li>
 *   <li><b>absorption against the position</b>: over the last {@code windowNanos} of prints inside the zone, at
 *       least {@code minTrades} prints, at least {@code share} of the volume pushing in the position's direction,
 *       yet no new extreme in the second half of the window: delta keeps pushing, price stalls.</li>
 * </ul>
 * Outside the zone nothing fires and the absorption window is cleared.
 */
final class ClimaxWatch {
    private final boolean isLong;
    private final long zoneStart;
    private final double largePrintFactor;
    private final long windowNanos;
    private final double share;
    private final int minTrades;
    private final ArrayDeque<Trade> window = new ArrayDeque<>();
    private long count;
    private long sizeSum;

    ClimaxWatch(boolean isLong, long zoneStart, double largePrintFactor, long windowNanos, double share, int minTrades) {
        this.isLong = isLong;
        this.zoneStart = zoneStart;
        this.largePrintFactor = largePrintFactor;
        this.windowNanos = windowNanos;
        this.share = share;
        this.minTrades = minTrades;
    }

    long zoneStart() {
        return zoneStart;
    }

    /** The reason to exit the runner now, or empty. */
    Optional<String> onTrade(Trade t) {
        long meanBefore = count == 0 ? 0 : sizeSum / count;
        long seen = count;
        count++;
        sizeSum += t.size();
        boolean inZone = isLong ? t.price() >= zoneStart : t.price() <= zoneStart;
        if (!inZone) {
            window.clear();
            return Optional.empty();
        }
        Side against = isLong ? Side.SELL : Side.BUY;
        if (seen >= minTrades && t.aggressor() == against && meanBefore > 0 && t.size() >= largePrintFactor * meanBefore) {
            return Optional.of("climax: large counter print " + Fixed.format(t.size()) + " at " + Fixed.format(t.price())
                    + " (mean print " + Fixed.format(meanBefore) + ")");
        }
        window.addLast(t);
        while (!window.isEmpty() && window.peekFirst().tsEvent() <= t.tsEvent() - windowNanos) {
            window.pollFirst();
        }
        if (window.size() < minTrades) {
            return Optional.empty();
        }
        long with = 0;
        long total = 0;
        long mid = t.tsEvent() - windowNanos / 2;
        long bestFirst = isLong ? Long.MIN_VALUE : Long.MAX_VALUE;
        long bestSecond = bestFirst;
        for (Trade w : window) {
            total += w.size();
            if (w.aggressor() == (isLong ? Side.BUY : Side.SELL)) {
                with += w.size();
            }
            if (w.tsEvent() <= mid) {
                bestFirst = isLong ? Math.max(bestFirst, w.price()) : Math.min(bestFirst, w.price());
            } else {
                bestSecond = isLong ? Math.max(bestSecond, w.price()) : Math.min(bestSecond, w.price());
            }
        }
        boolean firstHalfSeen = bestFirst != (isLong ? Long.MIN_VALUE : Long.MAX_VALUE);
        boolean stalled = firstHalfSeen && (isLong ? bestSecond <= bestFirst : bestSecond >= bestFirst);
        if (total > 0 && stalled && with >= share * total) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "climax: absorption, %.0f %% of %d prints pushing %s but no new %s since %s", 100.0 * with / total,
                    window.size(), isLong ? "up" : "down", isLong ? "high" : "low", Fixed.format(bestFirst)));
        }
        return Optional.empty();
    }
}
