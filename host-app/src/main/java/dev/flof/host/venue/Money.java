package dev.flof.host.venue;

import dev.flof.spi.market.Fixed;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;

/** Exact fixed-point money arithmetic (products of three 1e-9 numbers overflow a long, so go through BigInteger). */
final class Money {
    private static final BigInteger SCALE = BigInteger.valueOf(Fixed.SCALE);
    private static final BigInteger SCALE2 = SCALE.multiply(SCALE);

    private Money() {
    }

    /** {@code a * b / SCALE}, rounded half-even. */
    static long mul(long a, long b) {
        return div(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), SCALE);
    }

    /** {@code a * b * c / SCALE^2}, rounded half-even: price x quantity x point value gives money. */
    static long mul3(long a, long b, long c) {
        return div(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).multiply(BigInteger.valueOf(c)), SCALE2);
    }

    /** {@code a * b / c}, rounded half-even. */
    static long mulDiv(long a, long b, long c) {
        return div(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), BigInteger.valueOf(c));
    }

    /** Weighted average of two prices by their quantities, rounded half-even. */
    static long average(long p1, long q1, long p2, long q2) {
        BigInteger num = BigInteger.valueOf(p1).multiply(BigInteger.valueOf(q1))
                .add(BigInteger.valueOf(p2).multiply(BigInteger.valueOf(q2)));
        return div(num, BigInteger.valueOf(q1).add(BigInteger.valueOf(q2)));
    }

    private static long div(BigInteger num, BigInteger den) {
        return new BigDecimal(num).divide(new BigDecimal(den), 0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
