package dev.flof.risk.exits;

import dev.flof.spi.event.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Swings and breaks on one timeframe's closed bars, for exit management (the Structural Node Trail). A swing high
 * is a bar whose high is strictly above the highs of {@code strength} bars on each side; it is known only when the
 * last of those bars has closed (no look-ahead). A close beyond the latest unbroken swing is a break: upward
 * breaks a swing high, downward a swing low. Each swing breaks once.
 */
final class SwingTracker {
    /** A break of structure: {@code up} for a close above the swing high; {@code legStart} = open time of the opposite swing before it, or -1. */
    record Break(boolean up, long level, long legStart, long at) {
    }

    private final int strength;
    private final List<Bar> window = new ArrayList<>();
    private long highPx;
    private long highTime = -1;
    private boolean highBroken = true;
    private long lowPx;
    private long lowTime = -1;
    private boolean lowBroken = true;

    SwingTracker(int strength) {
        this.strength = strength;
    }

    Optional<Break> onBar(Bar bar) {
        window.add(bar);
        if (window.size() > 2 * strength + 1) {
            window.remove(0);
        }
        if (window.size() == 2 * strength + 1) {
            Bar c = window.get(strength);
            boolean isHigh = true;
            boolean isLow = true;
            for (int i = 0; i < window.size(); i++) {
                if (i == strength) {
                    continue;
                }
                isHigh &= c.high() > window.get(i).high();
                isLow &= c.low() < window.get(i).low();
            }
            if (isHigh) {
                highPx = c.high();
                highTime = c.openTime();
                highBroken = false;
            }
            if (isLow) {
                lowPx = c.low();
                lowTime = c.openTime();
                lowBroken = false;
            }
        }
        if (!highBroken && bar.close() > highPx) {
            highBroken = true;
            return Optional.of(new Break(true, highPx, lowTime, bar.tsEvent()));
        }
        if (!lowBroken && bar.close() < lowPx) {
            lowBroken = true;
            return Optional.of(new Break(false, lowPx, highTime, bar.tsEvent()));
        }
        return Optional.empty();
    }
}
