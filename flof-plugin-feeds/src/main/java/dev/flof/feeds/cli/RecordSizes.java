package dev.flof.feeds.cli;

import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Bytes per record of each schema in current (v3) DBN: the billing unit of §9 of the Databento notes, used to
 * turn a billable size into the record count it implies.
 */
final class RecordSizes {
    private static final Map<String, Integer> SIZES = new TreeMap<>();

    static {
        SIZES.put("trades", 48);
        SIZES.put("mbo", 56);
        for (String s : new String[] {"ohlcv-1s", "ohlcv-1m", "ohlcv-1h", "ohlcv-1d", "ohlcv-eod"}) {
            SIZES.put(s, 56);
        }
        for (String s : new String[] {"mbp-1", "tbbo", "bbo-1s", "bbo-1m", "cmbp-1", "tcbbo", "cbbo-1s", "cbbo-1m", "statistics"}) {
            SIZES.put(s, 80);
        }
        SIZES.put("status", 40);
        SIZES.put("mbp-10", 368);
        SIZES.put("imbalance", 112);
        SIZES.put("definition", 520);
    }

    private RecordSizes() {
    }

    static OptionalInt of(String schema) {
        Integer s = SIZES.get(schema);
        return s == null ? OptionalInt.empty() : OptionalInt.of(s);
    }
}
