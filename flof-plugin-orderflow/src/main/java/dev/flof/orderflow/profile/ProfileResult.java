package dev.flof.orderflow.profile;

import java.util.List;

/**
 * A volume profile's facts in tick indices.
 *
 * @param lowTick       lowest traded tick (row 0)
 * @param highTick      highest traded tick
 * @param volumes       volume per row from low to high, zero rows included
 * @param pocTick       point of control (tie rule: closest to the middle, then lower)
 * @param valLowTick    value-area low
 * @param valHighTick   value-area high
 * @param valueAreaVolume volume inside the value area
 * @param totalVolume   all volume of the range
 * @param hvnTicks      high-volume nodes, ascending
 * @param lvnTicks      low-volume nodes, ascending
 * @param lvnZones      LVN zones sorted by their LVN
 */
public record ProfileResult(long lowTick, long highTick, long[] volumes, long pocTick, long valLowTick,
                            long valHighTick, long valueAreaVolume, long totalVolume, List<Long> hvnTicks,
                            List<Long> lvnTicks, List<Zone> lvnZones) {
    public ProfileResult {
        volumes = volumes.clone();
        hvnTicks = List.copyOf(hvnTicks);
        lvnTicks = List.copyOf(lvnTicks);
        lvnZones = List.copyOf(lvnZones);
    }

    /** An LVN zone [lowTick, highTick] around its LVN. */
    public record Zone(long lvnTick, long lowTick, long highTick) {
        /** Stop for a long entered above the zone: b ticks below its far (low) edge. */
        public long longStop(int bufferTicks) {
            return lowTick - bufferTicks;
        }

        /** Stop for a short entered below the zone: b ticks above its far (high) edge. */
        public long shortStop(int bufferTicks) {
            return highTick + bufferTicks;
        }
    }

    /** The same profile with row indices turned into ticks (row r starts at tick r * rowTicks). */
    ProfileResult rowsToTicks(int rowTicks) {
        if (rowTicks == 1) {
            return this;
        }
        long k = rowTicks;
        java.util.List<Long> h = new java.util.ArrayList<>();
        hvnTicks.forEach(x -> h.add(x * k));
        java.util.List<Long> l = new java.util.ArrayList<>();
        lvnTicks.forEach(x -> l.add(x * k));
        java.util.List<Zone> z = new java.util.ArrayList<>();
        lvnZones.forEach(x -> z.add(new Zone(x.lvnTick() * k, x.lowTick() * k, x.highTick() * k)));
        return new ProfileResult(lowTick * k, highTick * k, volumes, pocTick * k, valLowTick * k, valHighTick * k,
                valueAreaVolume, totalVolume, h, l, z);
    }

    @Override
    public long[] volumes() {
        return volumes.clone();
    }

    /** Value-area share of total volume. */
    public double valueAreaShare() {
        return totalVolume == 0 ? 0 : (double) valueAreaVolume / totalVolume;
    }

    public boolean isEmpty() {
        return totalVolume == 0;
    }
}
