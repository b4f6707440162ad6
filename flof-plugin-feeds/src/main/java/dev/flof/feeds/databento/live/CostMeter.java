package dev.flof.feeds.databento.live;

import dev.flof.spi.ext.FeedProvider.DataUsage;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts, per schema, the records and the bytes of the market-data records received: Databento bills by
 * uncompressed DBN bytes (§9), so a run can report what it consumed. Gateway control records (symbol
 * mappings, system messages such as heartbeats, errors) are counted apart under {@link #CONTROL}.
 * Thread-safe; {@link #usage()} is sorted by schema name.
 */
public final class CostMeter {
    /** Key under which gateway control records are counted. */
    public static final String CONTROL = "gateway-control";

    private final TreeMap<String, long[]> counts = new TreeMap<>();

    /** Counts {@code record} under the schema its rtype belongs to, given what was subscribed. */
    public void count(byte[] record, Set<String> subscribedSchemas) {
        add(schemaOf(DbnFrameReader.rtype(record), subscribedSchemas), record.length);
    }

    public synchronized void add(String schema, long bytes) {
        long[] c = counts.computeIfAbsent(schema, k -> new long[2]);
        c[0]++;
        c[1] += bytes;
    }

    /** Records and bytes per schema so far. */
    public synchronized SortedMap<String, DataUsage> usage() {
        TreeMap<String, DataUsage> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, new DataUsage(v[0], v[1])));
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * The schema a record type belongs to (§1). rtype 0x01 serves both mbp-1 and tbbo: the subscribed one
     * decides; when both are subscribed the records cannot be told apart and count as {@code mbp-1|tbbo}.
     */
    public static String schemaOf(int rtype, Set<String> subscribed) {
        return switch (rtype) {
            case 0x00 -> "trades";
            case 0x01 -> {
                boolean tbbo = subscribed.contains("tbbo");
                boolean mbp1 = subscribed.contains("mbp-1");
                yield tbbo && !mbp1 ? "tbbo" : mbp1 && !tbbo ? "mbp-1" : "mbp-1|tbbo";
            }
            case 0x0A -> "mbp-10";
            case 0x12 -> "status";
            case 0x13 -> "definition";
            case 0x14 -> "imbalance";
            case 0x15, 0x16, 0x17 -> CONTROL;
            case 0x18 -> "statistics";
            case 0x20 -> "ohlcv-1s";
            case 0x21 -> "ohlcv-1m";
            case 0x22 -> "ohlcv-1h";
            case 0x23 -> "ohlcv-1d";
            case 0x24 -> "ohlcv-eod";
            case 0xA0 -> "mbo";
            case 0xB1 -> "cmbp-1";
            case 0xC0 -> "cbbo-1s";
            case 0xC1 -> "cbbo-1m";
            case 0xC2 -> "tcbbo";
            case 0xC3 -> "bbo-1s";
            case 0xC4 -> "bbo-1m";
            default -> String.format("rtype-0x%02x", rtype);
        };
    }
}
