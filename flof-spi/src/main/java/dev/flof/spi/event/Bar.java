package dev.flof.spi.event;

import dev.flof.spi.market.Timeframe;

/**
 * A closed bar. It is delivered only once closed: {@code tsEvent} is its close time (exclusive end of the
 * interval), which is also the moment it became knowable.
 *
 * @param openTime   start of the interval, ns
 * @param tsEvent    end of the interval (exclusive), ns
 * @param volume     total volume, fixed-point
 * @param buyVolume  volume of buyer-initiated trades (0 when the source has no aggressor side)
 * @param sellVolume volume of seller-initiated trades
 * @param trades     number of trades (0 when built from bars that did not say)
 * @param vwap       volume-weighted average price, fixed-point ({@code close} when volume is 0)
 */
public record Bar(String symbol, Timeframe timeframe, long openTime, long tsEvent, long tsRecv, long sequence,
                  long open, long high, long low, long close,
                  long volume, long buyVolume, long sellVolume, long trades, long vwap) implements Event {
    public Bar {
        if (high < low || high < open || high < close || low > open || low > close) {
            throw new IllegalArgumentException("inconsistent OHLC for " + symbol + " " + timeframe.label()
                    + " at " + openTime + ": O=" + open + " H=" + high + " L=" + low + " C=" + close);
        }
    }

    /** Buy volume minus sell volume. */
    public long delta() {
        return buyVolume - sellVolume;
    }

    public boolean bullish() {
        return close > open;
    }
}
