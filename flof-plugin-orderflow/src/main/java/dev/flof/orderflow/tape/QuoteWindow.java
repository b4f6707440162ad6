package dev.flof.orderflow.tape;

/**
 * Best bid/ask over the window [T - W, T]: the quote in force at the window start plus every quote inside,
 * with the minimum bid and maximum ask kept by monotonic deques (amortised O(1), no allocation). Used by
 * absorption (F9): "the best bid held" means the lowest bid over the window stayed within tolerance of the
 * bid in force when the window began.
 *
 * <p>Quotes are state, not events to re-order: a quote stamped earlier than the previous quote is applied as
 * of the previous quote's time (counted in {@link #clamped()}).
 */
public final class QuoteWindow {
    private final long windowNanos;
    private final int capacity;
    private final int mask;
    private final long[] ts;
    private final long[] bid;
    private final long[] ask;
    /** logical index of the oldest retained quote. */
    private long first;
    /** logical index one past the newest quote. */
    private long end;
    private final long[] minBidIdx;
    private long minHead;
    private long minTail;
    private final long[] maxAskIdx;
    private long maxHead;
    private long maxTail;
    private long latest = Long.MIN_VALUE;
    private long lastQuoteTs = Long.MIN_VALUE;
    private long clamped;
    private long overflowed;

    public QuoteWindow(long windowNanos, int capacity) {
        if (windowNanos <= 0 || capacity < 4) {
            throw new IllegalArgumentException("window must be positive and capacity at least 4");
        }
        this.windowNanos = windowNanos;
        int cap = Integer.highestOneBit(capacity - 1) << 1;
        this.capacity = cap;
        this.mask = cap - 1;
        ts = new long[cap];
        bid = new long[cap];
        ask = new long[cap];
        minBidIdx = new long[cap];
        maxAskIdx = new long[cap];
    }

    /** Adds a top-of-book update; prices are tick indices. */
    public void add(long t, long bidTick, long askTick) {
        if (t < lastQuoteTs) {
            t = lastQuoteTs;
            clamped++;
        }
        lastQuoteTs = t;
        if (end - first == capacity) {
            first++;
            overflowed++;
            dropStaleDequeHeads();
        }
        int s = (int) (end & mask);
        ts[s] = t;
        bid[s] = bidTick;
        ask[s] = askTick;
        while (minTail > minHead && bid[(int) (minBidIdx[(int) ((minTail - 1) & mask)] & mask)] >= bidTick) {
            minTail--;
        }
        minBidIdx[(int) (minTail & mask)] = end;
        minTail++;
        while (maxTail > maxHead && ask[(int) (maxAskIdx[(int) ((maxTail - 1) & mask)] & mask)] <= askTick) {
            maxTail--;
        }
        maxAskIdx[(int) (maxTail & mask)] = end;
        maxTail++;
        end++;
        advanceTo(t);
    }

    /** Moves T forward; keeps exactly one quote at or before T - W (the one in force at the window start). */
    public void advanceTo(long t) {
        if (t > latest) {
            latest = t;
        }
        long cutoff = latest - windowNanos;
        while (end - first >= 2 && ts[(int) ((first + 1) & mask)] <= cutoff) {
            first++;
        }
        dropStaleDequeHeads();
    }

    private void dropStaleDequeHeads() {
        while (minTail > minHead && minBidIdx[(int) (minHead & mask)] < first) {
            minHead++;
        }
        while (maxTail > maxHead && maxAskIdx[(int) (maxHead & mask)] < first) {
            maxHead++;
        }
    }

    /** Whether a quote was in force at the window start T - W (needed to judge "held"). */
    public boolean coversWindowStart() {
        return end > first && ts[(int) (first & mask)] <= latest - windowNanos;
    }

    public boolean isEmpty() {
        return end == first;
    }

    /** Bid in force at the window start (valid when {@link #coversWindowStart()}). */
    public long startBid() {
        return bid[(int) (first & mask)];
    }

    public long startAsk() {
        return ask[(int) (first & mask)];
    }

    /** Lowest bid in force at any instant of the window. */
    public long minBid() {
        return bid[(int) (minBidIdx[(int) (minHead & mask)] & mask)];
    }

    /** Highest ask in force at any instant of the window. */
    public long maxAsk() {
        return ask[(int) (maxAskIdx[(int) (maxHead & mask)] & mask)];
    }

    public long lastBid() {
        return bid[(int) ((end - 1) & mask)];
    }

    public long lastAsk() {
        return ask[(int) ((end - 1) & mask)];
    }

    public long clamped() {
        return clamped;
    }

    public long overflowed() {
        return overflowed;
    }
}
