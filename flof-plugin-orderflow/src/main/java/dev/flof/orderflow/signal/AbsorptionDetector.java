package dev.flof.orderflow.signal;

import dev.flof.orderflow.tape.QuoteWindow;
import dev.flof.orderflow.tape.TradeWindow;

/**
 * Absorption (spec F9, T6): over the window (T - 10 s, T], sellers absorbed (bullish) when
 * {@code S >= ratio * B}, {@code S >= Vabs} and the lowest best bid at any instant of the window stayed at or above
 * the bid in force at the window start minus theta ticks; mirror with the ask for buyers absorbed (bearish).
 * "Held" is judged on the quote path, not on first/last trade prices (T6b). Fires once per episode; re-arms when
 * the condition is false. Without a quote in force at the window start nothing is judged.
 */
public final class AbsorptionDetector {
    private final TradeWindow trades;
    private final QuoteWindow quotes;
    private final double ratio;
    private final long minVolume;
    private final long toleranceTicks;
    private boolean bullOn;
    private boolean bearOn;

    public AbsorptionDetector(long windowNanos, double ratio, long minVolume, long toleranceTicks, int capacity) {
        this.trades = new TradeWindow(windowNanos, capacity);
        this.quotes = new QuoteWindow(windowNanos, capacity);
        this.ratio = ratio;
        this.minVolume = minVolume;
        this.toleranceTicks = toleranceTicks;
    }

    public void onQuote(long t, long bidTick, long askTick) {
        quotes.add(t, bidTick, askTick);
        trades.advanceTo(t);
    }

    /**
     * Adds a trade and evaluates.
     *
     * @return +1 sellers absorbed (bullish), -1 buyers absorbed (bearish), 0 nothing new
     */
    public int onTrade(long t, long seq, long tick, long qty, int side) {
        trades.add(t, seq, tick, qty, side);
        quotes.advanceTo(trades.latest());
        boolean judged = quotes.coversWindowStart();
        long s = trades.sellVolume();
        long b = trades.buyVolume();
        boolean bull = judged && s >= minVolume && s >= ratio * b && quotes.minBid() >= quotes.startBid() - toleranceTicks;
        boolean bear = judged && b >= minVolume && b >= ratio * s && quotes.maxAsk() <= quotes.startAsk() + toleranceTicks;
        int out = 0;
        if (bull && !bullOn) {
            out = 1;
        } else if (bear && !bearOn) {
            out = -1;
        }
        bullOn = bull;
        bearOn = bear;
        return out;
    }

    public long sellVolume() {
        return trades.sellVolume();
    }

    public long buyVolume() {
        return trades.buyVolume();
    }

    public QuoteWindow quotes() {
        return quotes;
    }
}
