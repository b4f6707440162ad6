package dev.flof.host.bars;

import java.math.BigInteger;

/**
 * A tiny unsigned-carry 128-bit accumulator for sums of price x size in fixed point (1e-9 x 1e-9 overflows
 * a long at ES prices), so VWAP is exact without a BigInteger per trade.
 */
final class Int128 {
    long hi;
    long lo;

    void addProduct(long a, long b) {
        long pl = a * b;
        long ph = Math.multiplyHigh(a, b);
        long nlo = lo + pl;
        hi += ph + (Long.compareUnsigned(nlo, lo) < 0 ? 1 : 0);
        lo = nlo;
    }

    /** Adds the 128-bit value {@code hi:lo} (a product computed once for several accumulators). */
    void add(long hi, long lo) {
        long nlo = this.lo + lo;
        this.hi += hi + (Long.compareUnsigned(nlo, this.lo) < 0 ? 1 : 0);
        this.lo = nlo;
    }

    void add(Int128 o) {
        long nlo = lo + o.lo;
        hi += o.hi + (Long.compareUnsigned(nlo, lo) < 0 ? 1 : 0);
        lo = nlo;
    }

    void clear() {
        hi = 0;
        lo = 0;
    }

    BigInteger toBigInteger() {
        return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }
}
