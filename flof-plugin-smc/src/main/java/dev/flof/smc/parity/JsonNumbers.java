package dev.flof.smc.parity;

import java.math.BigDecimal;

/**
 * Number text for the event dump, written the way Python's {@code repr(float)} writes it (shortest
 * round-trip digits, plain notation with at least one decimal for magnitudes in [1e-4, 1e16)), so dumps
 * written by FLOF and by the Python reference implementation compare byte for byte.
 */
public final class JsonNumbers {
    private JsonNumbers() {
    }

    public static String py(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("not a JSON number: " + d);
        }
        String s = Double.toString(d);
        double a = Math.abs(d);
        if (a != 0 && (a < 1e-4 || a >= 1e16)) {
            return s;
        }
        String plain = new BigDecimal(s).toPlainString();
        return plain.indexOf('.') >= 0 ? plain : plain + ".0";
    }
}
