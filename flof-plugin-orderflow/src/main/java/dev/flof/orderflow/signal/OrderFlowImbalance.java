package dev.flof.orderflow.signal;

/**
 * Best-level order-flow imbalance of Cont, Kukanov and Stoikov (2014), event by event with weak inequalities
 * (spec §4, T12):
 * {@code e = 1{Pb >= Pb'} qb - 1{Pb <= Pb'} qb' - 1{Pa <= Pa'} qa + 1{Pa >= Pa'} qa'}, primes being the previous
 * quote. Positive = buying pressure. The running sum {@link #cumulative()} gives interval OFI by differences.
 */
public final class OrderFlowImbalance {
    private boolean hasPrevious;
    private long bidPx;
    private long bidSz;
    private long askPx;
    private long askSz;
    private long cumulative;

    /** Applies a top-of-book update (prices in ticks); returns its event contribution e (0 for the first). */
    public long onQuote(long bidTick, long bidSize, long askTick, long askSize) {
        long e = 0;
        if (hasPrevious) {
            if (bidTick >= bidPx) {
                e += bidSize;
            }
            if (bidTick <= bidPx) {
                e -= bidSz;
            }
            if (askTick <= askPx) {
                e -= askSize;
            }
            if (askTick >= askPx) {
                e += askSz;
            }
        }
        hasPrevious = true;
        bidPx = bidTick;
        bidSz = bidSize;
        askPx = askTick;
        askSz = askSize;
        cumulative += e;
        return e;
    }

    public long cumulative() {
        return cumulative;
    }
}
