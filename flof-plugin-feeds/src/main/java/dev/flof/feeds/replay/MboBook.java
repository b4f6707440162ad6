package dev.flof.feeds.replay;

import dev.flof.spi.event.DepthSnapshot;
import dev.flof.spi.market.Fixed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An order book of one instrument rebuilt from market-by-order events, the Databento way: {@code A} adds
 * an order, {@code C} removes (part of) it, {@code M} changes its price or size (a price change moves it to
 * the back of the new level), {@code R} clears the book; trades and fills ({@code T}, {@code F}) do not
 * change the book, the venue follows them with the cancels/modifies that do. Sizes here are contracts as
 * in the feed; prices fixed-point.
 */
public final class MboBook {
    private record Order(char side, long price, long size) {
    }

    private final HashMap<Long, Order> orders = new HashMap<>();
    private final TreeMap<Long, long[]> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<Long, long[]> asks = new TreeMap<>();
    private long unknownOrders;

    /**
     * Applies one MBO event.
     *
     * @param side {@code 'B'} bid or {@code 'A'} ask
     */
    public void apply(char action, char side, long orderId, long price, long size) {
        switch (action) {
            case 'R' -> {
                orders.clear();
                bids.clear();
                asks.clear();
            }
            case 'A' -> add(orderId, side, price, size);
            case 'C' -> {
                Order o = orders.get(orderId);
                if (o == null) {
                    unknownOrders++;
                    return;
                }
                level(o.side, o.price, -Math.min(size, o.size), o.size <= size ? -1 : 0);
                if (o.size <= size) {
                    orders.remove(orderId);
                } else {
                    orders.put(orderId, new Order(o.side, o.price, o.size - size));
                }
            }
            case 'M' -> {
                Order o = orders.remove(orderId);
                if (o == null) {
                    unknownOrders++;
                    add(orderId, side, price, size);
                    return;
                }
                level(o.side, o.price, -o.size, -1);
                add(orderId, o.side, price, size);
            }
            default -> {
                // T (trade), F (fill), N (none): no book change.
            }
        }
    }

    private void add(long orderId, char side, long price, long size) {
        if (price == Fixed.UNDEF || (side != 'B' && side != 'A') || size <= 0) {
            return;
        }
        Order prev = orders.put(orderId, new Order(side, price, size));
        if (prev != null) {
            level(prev.side, prev.price, -prev.size, -1);
        }
        level(side, price, size, 1);
    }

    private void level(char side, long price, long dSize, int dCount) {
        TreeMap<Long, long[]> book = side == 'B' ? bids : asks;
        long[] l = book.computeIfAbsent(price, p -> new long[2]);
        l[0] += dSize;
        l[1] += dCount;
        if (l[1] <= 0 || l[0] <= 0) {
            book.remove(price);
        }
    }

    public long bestBid() {
        return bids.isEmpty() ? Fixed.UNDEF : bids.firstKey();
    }

    public long bestAsk() {
        return asks.isEmpty() ? Fixed.UNDEF : asks.firstKey();
    }

    /** Contracts resting at the best bid (0 if none). */
    public long bestBidSize() {
        return bids.isEmpty() ? 0 : bids.firstEntry().getValue()[0];
    }

    public long bestAskSize() {
        return asks.isEmpty() ? 0 : asks.firstEntry().getValue()[0];
    }

    /** The best {@code n} levels of a side ({@code 'B'} or {@code 'A'}); sizes converted to fixed point. */
    public List<DepthSnapshot.Level> depth(char side, int n) {
        List<DepthSnapshot.Level> out = new ArrayList<>(n);
        for (Map.Entry<Long, long[]> e : (side == 'B' ? bids : asks).entrySet()) {
            if (out.size() == n) {
                break;
            }
            out.add(new DepthSnapshot.Level(e.getKey(), Fixed.ofUnits(e.getValue()[0]), (int) e.getValue()[1]));
        }
        return out;
    }

    /** Cancels or modifies that named an order the book did not hold (a gap, or data started mid-stream). */
    public long unknownOrders() {
        return unknownOrders;
    }
}
