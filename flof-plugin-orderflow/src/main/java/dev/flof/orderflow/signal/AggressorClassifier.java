package dev.flof.orderflow.signal;

/**
 * Aggressor side (spec F0, §1.2, T10). Prefer the venue's flag; when it is missing, the quote rule against the
 * BBO in force just before the trade (at or above the ask = buy, at or below the bid = sell, inside the spread
 * above/below the mid), and at the mid the tick rule (compare with the last different trade price; a zero tick
 * keeps the previous sign). The venue helpers encode the classic traps (Binance {@code m}, Coinbase maker side).
 */
public final class AggressorClassifier {
    private boolean hasQuote;
    private long bid;
    private long ask;
    private boolean hasTrade;
    private long lastPrice;
    private int tickSign;

    /** CME MDP 3.0 tag 5797 AggressorSide: 1 buy, 2 sell, 0 none. */
    public static int fromCme5797(int aggressorSide) {
        return switch (aggressorSide) {
            case 1 -> 1;
            case 2 -> -1;
            case 0 -> 0;
            default -> throw new IllegalArgumentException("CME AggressorSide must be 0, 1 or 2, got " + aggressorSide);
        };
    }

    /** Binance {@code m} = "buyer is the maker": true means the seller aggressed. */
    public static int fromBinanceBuyerMaker(boolean buyerIsMaker) {
        return buyerIsMaker ? -1 : 1;
    }

    /** Coinbase matches report the maker side; the aggressor is the opposite. */
    public static int fromCoinbaseMakerSide(String makerSide) {
        return switch (makerSide) {
            case "buy" -> -1;
            case "sell" -> 1;
            default -> throw new IllegalArgumentException("Coinbase side must be buy or sell, got '" + makerSide + "'");
        };
    }

    /** Records the BBO in force (tick indices). */
    public void onQuote(long bidTick, long askTick) {
        hasQuote = true;
        bid = bidTick;
        ask = askTick;
    }

    /**
     * Classifies a trade without a venue flag and updates the tick-rule state.
     *
     * @return +1 buy, -1 sell, 0 unknown
     */
    public int classify(long priceTick) {
        int tick = tickRule(priceTick);
        if (hasQuote && bid < ask) {
            if (priceTick >= ask) {
                return 1;
            }
            if (priceTick <= bid) {
                return -1;
            }
            long twice = 2 * priceTick;
            if (twice > bid + ask) {
                return 1;
            }
            if (twice < bid + ask) {
                return -1;
            }
        }
        return tick;
    }

    /** Records a trade whose side the venue gave, so the tick rule stays current. */
    public void observe(long priceTick) {
        tickRule(priceTick);
    }

    private int tickRule(long priceTick) {
        if (hasTrade) {
            if (priceTick > lastPrice) {
                tickSign = 1;
            } else if (priceTick < lastPrice) {
                tickSign = -1;
            }
        }
        hasTrade = true;
        lastPrice = priceTick;
        return tickSign;
    }
}
