package dev.flof.host.bars;

import dev.flof.spi.event.Bar;

/**
 * Receives each bar once, when it has closed (never a forming bar). Bars arrive in order of close time;
 * at equal close time the higher timeframe comes first, so a 1-minute bar closing at 11:00 may already
 * see the 1-hour bar that closed at 11:00 (both became knowable then) but never a later one.
 */
@FunctionalInterface
public interface BarListener {
    void onBarClosed(Bar bar);
}
