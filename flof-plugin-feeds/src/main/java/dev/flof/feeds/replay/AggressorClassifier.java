package dev.flof.feeds.replay;

import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import java.util.EnumMap;
import java.util.Map;

/**
 * Decides each trade's aggressor side for one instrument (orderflow spec F0): the venue's flag when it
 * gave one; else the quote rule against the quote in force just before the trade (at or above the ask is
 * a buy, at or below the bid a sell, inside the spread above/below the mid); else, at the mid or without a
 * usable quote, the tick rule against the last different trade price (a zero tick keeps the previous
 * sign). Every trade comes out with the {@link AggressorRule} that decided it and the counts per rule are
 * kept, because inferred sides are approximate and reports must say how much was inferred.
 *
 * <p>Feed it quotes and trades in replay order; one instance per instrument.
 */
public final class AggressorClassifier {
    private long bid = Fixed.UNDEF;
    private long ask = Fixed.UNDEF;
    private long lastPrice = Fixed.UNDEF;
    private int tickSign;
    /** Trades decided per rule, by {@link AggressorRule#ordinal()} (no boxing on the per-trade path). */
    private final long[] counts = new long[AggressorRule.values().length];

    /** Binance {@code m} ("buyer is the maker"): {@code true} means the seller aggressed. */
    public static Side fromBinanceBuyerIsMaker(boolean buyerIsMaker) {
        return buyerIsMaker ? Side.SELL : Side.BUY;
    }

    /** Coinbase reports the maker side on public trades; the aggressor is the opposite. */
    public static Side fromCoinbaseMakerSide(String makerSide) {
        return switch (makerSide.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "buy" -> Side.SELL;
            case "sell" -> Side.BUY;
            default -> Side.NONE;
        };
    }

    /** CME MDP 3.0 tag 5797 AggressorSide: 1 buy, 2 sell, 0 none. */
    public static Side fromCmeAggressorSide(int tag5797) {
        return tag5797 == 1 ? Side.BUY : tag5797 == 2 ? Side.SELL : Side.NONE;
    }

    /** Databento trade side: {@code 'B'} buy aggressor, {@code 'A'} sell aggressor, {@code 'N'} none. */
    public static Side fromDbnSide(char side) {
        return side == 'B' ? Side.BUY : side == 'A' ? Side.SELL : Side.NONE;
    }

    /** Taker side as text ("buy"/"sell", "B"/"S"), e.g. freqtrade/ccxt and the plain CSV format. */
    public static Side fromTakerSide(String side) {
        return switch (side.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "buy", "b" -> Side.BUY;
            case "sell", "s" -> Side.SELL;
            default -> Side.NONE;
        };
    }

    /** The quote now in force (used for trades that follow it). */
    public void onQuote(Quote q) {
        bid = q.bidPrice();
        ask = q.askPrice();
    }

    /**
     * The trade with its final side and rule. A trade whose side is not {@link Side#NONE} is taken as the
     * venue's word ({@link AggressorRule#VENUE}).
     */
    public Trade classify(Trade t) {
        long p = t.price();
        int tick = p == lastPrice || lastPrice == Fixed.UNDEF ? tickSign : (p > lastPrice ? 1 : -1);
        Trade out;
        if (t.aggressor() != Side.NONE) {
            out = t.rule() == AggressorRule.VENUE ? t : t.withAggressor(t.aggressor(), AggressorRule.VENUE);
        } else {
            Side q = quoteRule(p);
            if (q != Side.NONE) {
                out = t.withAggressor(q, AggressorRule.QUOTE);
            } else if (tick != 0) {
                out = t.withAggressor(tick > 0 ? Side.BUY : Side.SELL, AggressorRule.TICK);
            } else {
                out = t.withAggressor(Side.NONE, AggressorRule.UNKNOWN);
            }
        }
        tickSign = tick;
        lastPrice = p;
        counts[out.rule().ordinal()]++;
        return out;
    }

    private Side quoteRule(long p) {
        if (bid == Fixed.UNDEF || ask == Fixed.UNDEF || ask <= bid) {
            return Side.NONE;
        }
        if (p >= ask) {
            return Side.BUY;
        }
        if (p <= bid) {
            return Side.SELL;
        }
        // Compare 2p with bid+ask to avoid halving: no rounding at the mid.
        long twice = 2 * p;
        long sum = bid + ask;
        return twice > sum ? Side.BUY : twice < sum ? Side.SELL : Side.NONE;
    }

    /** Trades decided per rule, in rule order. */
    public Map<AggressorRule, Long> counts() {
        EnumMap<AggressorRule, Long> m = new EnumMap<>(AggressorRule.class);
        for (AggressorRule r : AggressorRule.values()) {
            if (counts[r.ordinal()] > 0) {
                m.put(r, counts[r.ordinal()]);
            }
        }
        return m;
    }
}
