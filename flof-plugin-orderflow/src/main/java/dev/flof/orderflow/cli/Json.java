package dev.flof.orderflow.cli;

import java.math.BigDecimal;
import java.util.Map;

/** Minimal deterministic JSON writing (field order as written, plain decimals, no exponents for prices). */
final class Json {
    private final StringBuilder sb = new StringBuilder();
    private boolean first = true;

    Json() {
        sb.append('{');
    }

    private void key(String k) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        str(sb, k);
        sb.append(':');
    }

    Json field(String k, String v) {
        key(k);
        str(sb, v);
        return this;
    }

    Json field(String k, long v) {
        key(k);
        sb.append(v);
        return this;
    }

    Json field(String k, double v) {
        key(k);
        sb.append(num(v));
        return this;
    }

    /** A decimal written as a JSON number. */
    Json number(String k, BigDecimal v) {
        key(k);
        sb.append(plain(v));
        return this;
    }

    Json raw(String k, String json) {
        key(k);
        sb.append(json);
        return this;
    }

    Json all(Map<String, Double> values) {
        values.forEach(this::field);
        return this;
    }

    @Override
    public String toString() {
        return sb + "}";
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return plain(BigDecimal.valueOf(v));
    }

    private static void str(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
