package dev.flof.smc.model;

/**
 * A closed bar as the structure engine sees it: prices and volume in {@link dev.flof.spi.market.Fixed}
 * units (1e-9), times in ns since the epoch. The engine assigns the bar its position ({@code index}) in
 * its own series, which is what every event's bar references use.
 *
 * @param openTime  start of the bar interval (ns), the time events "refer to"
 * @param closeTime end of the interval (ns): the moment the bar and everything derived from it became known
 */
public record SmcBar(long openTime, long closeTime, long open, long high, long low, long close, long volume) {
    public SmcBar {
        if (high < low || high < open || high < close || low > open || low > close) {
            throw new IllegalArgumentException("inconsistent OHLC at " + openTime + ": O=" + open + " H=" + high
                    + " L=" + low + " C=" + close);
        }
        if (closeTime < openTime) {
            throw new IllegalArgumentException("close time " + closeTime + " before open time " + openTime);
        }
    }
}
