package dev.flof.orderflow.tape;

/**
 * The trades of the half-open window (T - W, T] on exchange time (spec F1), T being the largest exchange time
 * seen. A ring buffer of primitive arrays with running count and buy/sell/unknown volume: adding a trade in
 * order and evicting are O(1) and allocate nothing.
 *
 * <p>Late arrivals are inserted at their place by (ts, sequence), so head-only eviction stays correct (T4d);
 * a trade with {@code ts <= T - W} on arrival is dropped and counted. Memory is bounded by {@code capacity}:
 * when the window holds more trades than that, the oldest is evicted early and counted as overflow.
 */
public final class TradeWindow {
    private final long windowNanos;
    private final int capacity;
    private final int mask;
    private final long[] ts;
    private final long[] seq;
    private final long[] price;
    private final long[] size;
    private final byte[] side;
    private int head;
    private int count;
    private long buyVolume;
    private long sellVolume;
    private long unknownVolume;
    private long latest = Long.MIN_VALUE;
    private long dropped;
    private long overflowed;

    /** @param capacity rounded up to a power of two */
    public TradeWindow(long windowNanos, int capacity) {
        if (windowNanos <= 0) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2");
        }
        this.windowNanos = windowNanos;
        int cap = Integer.highestOneBit(capacity - 1) << 1;
        this.capacity = cap;
        this.mask = cap - 1;
        ts = new long[cap];
        seq = new long[cap];
        price = new long[cap];
        size = new long[cap];
        side = new byte[cap];
    }

    /**
     * Adds a trade. Returns false (and counts it) when it is already outside the window on arrival.
     *
     * @param side +1 buy, -1 sell, 0 unknown
     */
    public boolean add(long t, long sequence, long priceTick, long qty, int side) {
        if (latest != Long.MIN_VALUE && t <= latest - windowNanos) {
            dropped++;
            return false;
        }
        if (t > latest) {
            latest = t;
            evict();
        }
        if (count == capacity) {
            removeHead();
            overflowed++;
        }
        int i = count;
        while (i > 0) {
            int p = (head + i - 1) & mask;
            if (ts[p] > t || (ts[p] == t && seq[p] > sequence)) {
                int q = (head + i) & mask;
                ts[q] = ts[p];
                seq[q] = seq[p];
                price[q] = price[p];
                size[q] = size[p];
                this.side[q] = this.side[p];
                i--;
            } else {
                break;
            }
        }
        int q = (head + i) & mask;
        ts[q] = t;
        seq[q] = sequence;
        price[q] = priceTick;
        size[q] = qty;
        this.side[q] = (byte) Integer.signum(side);
        count++;
        accumulate(qty, side, 1);
        return true;
    }

    /** Moves T forward (e.g. on a quote or timer) and evicts what fell out of the window. */
    public void advanceTo(long t) {
        if (t > latest) {
            latest = t;
            evict();
        }
    }

    private void evict() {
        long cutoff = latest - windowNanos;
        while (count > 0 && ts[head] <= cutoff) {
            removeHead();
        }
    }

    private void removeHead() {
        accumulate(size[head], side[head], -1);
        head = (head + 1) & mask;
        count--;
    }

    private void accumulate(long qty, int s, int sign) {
        if (s > 0) {
            buyVolume += sign * qty;
        } else if (s < 0) {
            sellVolume += sign * qty;
        } else {
            unknownVolume += sign * qty;
        }
    }

    public int count() {
        return count;
    }

    public long buyVolume() {
        return buyVolume;
    }

    public long sellVolume() {
        return sellVolume;
    }

    public long unknownVolume() {
        return unknownVolume;
    }

    /** Largest exchange time seen (T), or {@link Long#MIN_VALUE} before the first trade. */
    public long latest() {
        return latest;
    }

    /** Trades that arrived with {@code ts <= T - W}. */
    public long dropped() {
        return dropped;
    }

    /** Trades evicted early because the window held more than the capacity. */
    public long overflowed() {
        return overflowed;
    }

    public long windowNanos() {
        return windowNanos;
    }

    public int capacity() {
        return capacity;
    }

    /** Exchange time of the i-th oldest trade in the window. */
    public long tsAt(int i) {
        return ts[slot(i)];
    }

    public long priceAt(int i) {
        return price[slot(i)];
    }

    public long sizeAt(int i) {
        return size[slot(i)];
    }

    public int sideAt(int i) {
        return side[slot(i)];
    }

    private int slot(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i + " of " + count);
        }
        return (head + i) & mask;
    }
}
