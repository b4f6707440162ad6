package dev.flof.smc.model;

/**
 * A confirmed swing (pivot) of one structure level.
 *
 * @param level      structure level index (0 = first configured level, e.g. internal)
 * @param type       +1 swing high, -1 swing low
 * @param index      pivot bar position
 * @param time       pivot bar open time (ns)
 * @param price      the pivot's high (swing high) or low (swing low), fixed-point
 * @param knownIndex bar at whose close the pivot was confirmed (index + right-hand bars)
 * @param knownTime  close time of that bar (ns)
 */
public record Swing(int level, int type, long index, long time, long price, long knownIndex, long knownTime) {
}
